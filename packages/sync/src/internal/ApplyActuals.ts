/**
 * The actuals half of applying a plan: upserts through the bulk endpoint (100 per request, zero-mode
 * removals included, up to `concurrency` requests at once: each is an idempotent upsert of distinct
 * keys), deletions one request each, then ledger-only records. The bookkeeping of completed upserts
 * (ledger rows and run items) is written a few requests at a time (`recordEvery` items), one store
 * write for several requests instead of two per request: a crash loses at most the bookkeeping of the
 * requests in flight and of those not yet written, which the next run records again without writing
 * (Runn already holds those values: SPEC A7).
 */
import { Batch, type Ids, type Ledger, type Plan, type ReconcileOptions } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { RunItem } from "../Output.ts";
import type * as Progress from "../Progress.ts";
import { item } from "./Items.ts";
import type { Recorder, RunnWriter } from "./Writer.ts";

type Ref = number | string;

/** What the actuals phase shares with the entity phases. */
export interface ActualsContext<E> {
  readonly resolve: (r: Ref) => number | undefined;
  readonly record: (items: ReadonlyArray<RunItem>) => Effect.Effect<void, E>;
  readonly progress: (phase: Progress.Phase, done: number, total: number) => Effect.Effect<void>;
  readonly failedTypes: Set<ReconcileOptions.EntityType>;
  readonly now: string;
  readonly countWrite: () => void;
  /** Bulk upserts in flight at once (the request pacer keeps them within the rate limit). */
  readonly concurrency: number;
  /**
   * Items of completed upserts gathered before their bookkeeping is written (default 2,000: twenty
   * requests; per-transaction costs then no longer show, and a crash re-records at most that many).
   */
  readonly recordEvery?: number;
}

const keyLabel = (k: { personId: number; projectId: number; roleId: number; date: string }) =>
  `${k.personId}:${k.projectId}:${k.roleId}:${k.date}`;

/** Upserts (bulk, 100 per request), removals, then the ledger-only records. */
export const applyActuals = <E>(
  plan: Plan.Plan,
  writer: RunnWriter,
  recorder: Recorder<E>,
  ctx: ActualsContext<E>,
) =>
  Effect.gen(function* () {
    // One entry per bulk write (upserts, then zero-mode removals), built in one pass over the plan: an
    // xl import holds 727,169 of them for the whole phase, so no intermediate copies.
    type Write =
      | { readonly kind: "upsert"; readonly op: Plan.UpsertActual; readonly key: Ledger.ActualKey }
      | { readonly kind: "zero"; readonly op: Plan.RemoveActual; readonly key: Ledger.ActualKey };
    const writesList: Array<Write> = [];
    const zeroes: Array<Write> = [];
    const removals: Array<Plan.RemoveActual> = [];
    const unresolvedItems: Array<RunItem> = [];
    for (const op of plan.operations) {
      if (op._tag === "RemoveActual") {
        removals.push(op);
        if (op.mode === "zero") zeroes.push({ kind: "zero", op, key: op.key });
        continue;
      }
      if (op._tag !== "UpsertActual") continue;
      const personId = ctx.resolve(op.personId);
      const projectId = ctx.resolve(op.projectId);
      const roleId = ctx.resolve(op.roleId);
      if (personId === undefined || projectId === undefined || roleId === undefined) {
        unresolvedItems.push(
          item({
            kind: "actual",
            outcome: "failed",
            label: `${op.personId}:${op.projectId}:${op.roleId}:${op.date}`,
            error: "DependencyFailed: its person, project or role was not created",
          }),
        );
        continue;
      }
      const key = { personId, projectId, roleId, date: op.date } as Ledger.ActualKey;
      writesList.push({ kind: "upsert", op, key });
    }
    for (const z of zeroes) writesList.push(z);
    if (unresolvedItems.length > 0) {
      ctx.failedTypes.add("actuals");
      yield* ctx.record(unresolvedItems);
    }
    let done = 0;
    // Bookkeeping of completed upserts, written together (see the module comment).
    let pendingPut: Array<Ledger.LedgerEntry> = [];
    let pendingRemoved: Array<Ledger.ActualKey> = [];
    let pendingItems: Array<RunItem> = [];
    const recordEvery = ctx.recordEvery ?? 2_000;
    const flush = Effect.suspend(() => {
      const put = pendingPut;
      const removed = pendingRemoved;
      const items = pendingItems;
      pendingPut = [];
      pendingRemoved = [];
      pendingItems = [];
      return Effect.gen(function* () {
        if (put.length > 0) yield* recorder.ledgerPut(put);
        if (removed.length > 0) yield* recorder.ledgerRemove(removed);
        if (items.length > 0) yield* ctx.record(items);
      });
    });
    const upsertBatch = (batch: ReadonlyArray<(typeof writesList)[number]>) =>
      Effect.gen(function* () {
        ctx.countWrite();
        const inputs = batch.map((w) => ({
          ...w.key,
          billableMinutes: w.kind === "upsert" ? w.op.billableMinutes : 0,
          nonbillableMinutes: w.kind === "upsert" ? w.op.nonbillableMinutes : 0,
        }));
        const result = yield* writer.upsertActuals(inputs).pipe(Effect.either);
        if (result._tag === "Left") {
          ctx.failedTypes.add("actuals");
          yield* ctx.record(
            batch.map((w) =>
              item({
                kind: "actual",
                outcome: "failed",
                label: keyLabel(w.key),
                error: `${result.left.reason}: ${result.left.message}`,
              }),
            ),
          );
        } else {
          const ids = new Map(result.right.map((a) => [keyLabel(a), a.id]));
          for (const w of batch) {
            const label = keyLabel(w.key);
            const runnId = ids.get(label);
            if (w.kind === "zero") pendingRemoved.push(w.key);
            else
              pendingPut.push({
                key: w.key,
                billableMinutes: w.op.billableMinutes,
                nonbillableMinutes: w.op.nonbillableMinutes,
                runnActualId: (runnId ?? w.op.runnActualId ?? null) as Ids.RunnActualId | null,
                harvestEntryIds: w.op.harvestEntryIds as Ledger.LedgerEntry["harvestEntryIds"],
                writtenAt: ctx.now as Ids.IsoDateTime,
              });
            pendingItems.push(item({ kind: "actual", outcome: "written", label, runnId: runnId ?? null }));
          }
          if (pendingItems.length >= recordEvery) yield* flush;
        }
        done += batch.length;
        yield* ctx.progress("actuals", done, writesList.length);
      });
    yield* Effect.forEach(Batch.chunks(writesList, 100), upsertBatch, {
      concurrency: ctx.concurrency,
      discard: true,
    });
    yield* flush;

    const deletions = removals.filter((r) => r.mode === "delete");
    done = 0;
    for (const op of deletions) {
      ctx.countWrite();
      const r = yield* writer.deleteActual(op.runnActualId).pipe(Effect.either);
      if (r._tag === "Right") yield* recorder.ledgerRemove([op.key]);
      else ctx.failedTypes.add("actuals");
      yield* ctx.record([
        r._tag === "Right"
          ? item({ kind: "actual", outcome: "deleted", label: keyLabel(op.key), runnId: op.runnActualId })
          : item({
              kind: "actual",
              outcome: "failed",
              label: keyLabel(op.key),
              error: `${r.left.reason}: ${r.left.message}`,
            }),
      ]);
      yield* ctx.progress("removals", ++done, deletions.length);
    }

    const records = plan.operations.filter((o): o is Plan.RecordLedger => o._tag === "RecordLedger");
    if (records.length > 0)
      yield* recorder.ledgerPut(
        records.map((op) => ({
          key: op.key,
          billableMinutes: op.billableMinutes,
          nonbillableMinutes: op.nonbillableMinutes,
          runnActualId: op.runnActualId,
          harvestEntryIds: op.harvestEntryIds as Ledger.LedgerEntry["harvestEntryIds"],
          writtenAt: ctx.now as Ids.IsoDateTime,
        })),
      );
    const forgets = plan.operations.filter((o): o is Plan.ForgetLedger => o._tag === "ForgetLedger");
    if (forgets.length > 0) yield* recorder.ledgerRemove(forgets.map((f) => f.key));
  });
