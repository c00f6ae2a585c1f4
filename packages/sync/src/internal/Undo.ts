/**
 * Undo an import (SPEC E11): remove what one run created — first the actuals the sync wrote for those
 * people and projects, then projects and people (never force-deleted: Runn refuses while they have
 * assignments or actuals, and that is reported), and archive clients, which Runn cannot delete. Every
 * removed Harvest id goes on the do-not-import list so the next run does not bring it back.
 *
 * Refusals are predicted before anything is deleted: a person or project that still has assignments or
 * actuals the sync did not write is kept, and so are the sync's actuals on it (deleting them would only
 * make the next run write them again). With `dryRun` it lists exactly what the real undo would do,
 * refusals included, and changes nothing.
 */

import type { Ids, Ledger } from "@harvest-runn/domain";
import type { RunnClient } from "@harvest-runn/runn-client";
import { Effect, Stream } from "effect";
import type { RunItem, UndoReport } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import { type Env, loadConnection } from "./Env.ts";
import { item } from "./Items.ts";
import { withLease } from "./LeaseKeeper.ts";
import { loadError } from "./Load.ts";
import { storeRecorder } from "./Record.ts";

/** What `undo` did or would do. */
export type { UndoReport };

const refusal = "Runn refuses: it still has assignments or actuals (never force-deleted)";

/**
 * The message of a failed removal. Runn answers a person's delete with 400 and a project's with 409
 * while they still have assignments or actuals; both are the refusal, not a bad request.
 */
export const failureMessage = (
  kind: string,
  e: { readonly reason: string; readonly message: string; readonly status?: number | undefined },
) =>
  e.reason === "Conflict" || (kind === "person" && e.reason === "Validation" && e.status === 400)
    ? refusal
    : `${e.reason}: ${e.message}`;

/** An entity undo may remove: a person or project a run created. */
interface Removable {
  readonly kind: string;
  readonly runnId: number | null;
}

/**
 * The people and projects Runn would refuse to delete: those with an assignment, or an actual the sync
 * did not write. (A sync-written actual never blocks: it is kept only when both its person and its
 * project stay, and then the created one of them is already refused.)
 */
const predictRefusals = (
  runn: RunnClient.Service,
  people: ReadonlyArray<Removable>,
  projects: ReadonlyArray<Removable>,
  owned: ReadonlyArray<Ledger.LedgerEntry>,
) =>
  Effect.gen(function* () {
    const ownedIds = new Set(owned.flatMap((l) => (l.runnActualId === null ? [] : [l.runnActualId])));
    const busy = (filter: { personId: number } | { projectId: number }) =>
      Effect.zipWith(
        Stream.runCollect(
          Stream.filter(runn.actuals(filter), (a) => !ownedIds.has(a.id)).pipe(Stream.take(1)),
        ),
        Stream.runCollect(runn.assignments(filter).pipe(Stream.take(1))),
        (actuals, assignments) => actuals.length > 0 || assignments.length > 0,
      );
    const refused = { people: new Set<number>(), projects: new Set<number>() };
    for (const p of people)
      if (p.runnId !== null && (yield* busy({ personId: p.runnId }))) refused.people.add(p.runnId);
    for (const p of projects)
      if (p.runnId !== null && (yield* busy({ projectId: p.runnId }))) refused.projects.add(p.runnId);
    return refused;
  });

/** Removes (or with `dryRun` lists) what run `runId` created. */
export const undo = (env: Env, runId: string, options: { readonly dryRun?: boolean } = {}) =>
  Effect.gen(function* () {
    const detail = yield* env.store.runs
      .get(runId as Ids.RunId, { outcome: "created", limit: 100_000 })
      .pipe(
        Effect.mapError((e) =>
          e.reason === "NotFound" ? SyncError.make("RunNotFound", `no run ${runId}`) : SyncError.fromStore(e),
        ),
      );
    const conn = yield* loadConnection(env, detail.run.connectionId);
    const created = detail.items.filter((i) => i.runnId !== null);
    const of = (kind: string) => created.filter((i) => i.kind === kind);
    const people = of("person");
    const projects = of("project");
    const clients = of("client");
    const personIds = new Set(people.map((p) => p.runnId));
    const projectIds = new Set(projects.map((p) => p.runnId));
    const ledger = yield* env.store.ledger.load(conn.id).pipe(Effect.mapError(SyncError.fromStore));
    const mine = ledger.filter((l) => personIds.has(l.key.personId) || projectIds.has(l.key.projectId));
    const { runn, urls } = yield* env.clients.make(conn.input);
    const refused = yield* predictRefusals(runn, people, projects, mine).pipe(
      Effect.mapError(loadError("Runn", urls.runn)),
    );
    const isRefused = (i: Removable) =>
      i.runnId !== null &&
      (i.kind === "person" ? refused.people.has(i.runnId) : refused.projects.has(i.runnId));
    // An actual is kept when its person and its project both stay in Runn: deleting it would only make
    // the next run write it again.
    const stays = (k: Ledger.ActualKey) =>
      (!personIds.has(k.personId) || refused.people.has(k.personId)) &&
      (!projectIds.has(k.projectId) || refused.projects.has(k.projectId));
    const owned = mine.filter((l) => !stays(l.key));
    const label = (i: { kind: string; runnId: number | null; harvestId: number | null }) =>
      `${i.kind} ${i.runnId} (Harvest ${i.harvestId ?? "?"})`;
    const keyLabel = (k: Ledger.ActualKey) => `${k.personId}:${k.projectId}:${k.roleId}:${k.date}`;
    const kept = mine
      .filter((l) => stays(l.key))
      .map((l) =>
        item({
          kind: "actual",
          outcome: "skipped",
          runnId: l.runnActualId,
          label: `${keyLabel(l.key)} is kept: its person and project stay in Runn`,
        }),
      );
    const refusedItems = [...projects, ...people].filter(isRefused).map((i) =>
      item({
        kind: i.kind,
        outcome: "failed",
        harvestId: i.harvestId,
        runnId: i.runnId,
        label: label(i),
        error: refusal,
      }),
    );
    const roles = of("role").map((r) =>
      item({
        kind: "role",
        outcome: "skipped",
        runnId: r.runnId,
        label: `role ${r.runnId} is kept (roles are shared)`,
      }),
    );
    if (options.dryRun) {
      const planned: Array<RunItem> = [
        ...owned.map((l) =>
          item({
            kind: "actual",
            outcome: "planned",
            runnId: l.runnActualId,
            label: `delete ${keyLabel(l.key)}`,
          }),
        ),
        ...kept,
        ...[...projects, ...people]
          .filter((i) => !isRefused(i))
          .map((i) =>
            item({
              kind: i.kind,
              outcome: "planned",
              harvestId: i.harvestId,
              runnId: i.runnId,
              label: `delete ${label(i)}`,
            }),
          ),
        ...refusedItems,
        ...clients.map((i) =>
          item({
            kind: "client",
            outcome: "planned",
            harvestId: i.harvestId,
            runnId: i.runnId,
            label: `archive ${label(i)}`,
          }),
        ),
        ...roles,
      ];
      const report: UndoReport = {
        runId,
        connectionId: conn.id,
        dryRun: true,
        undoRunId: null,
        items: planned,
      };
      return report;
    }
    return yield* withLease(
      env.store,
      { connectionId: conn.id, holder: env.holder, ttl: env.options.leaseTtl ?? "60 seconds" },
      (lease) =>
        Effect.gen(function* () {
          const run = yield* env.store.runs
            .start(lease, {
              trigger: "manual",
              scope: { scope: { kind: "entities", types: [] }, mode: "undo", undoOf: runId },
            })
            .pipe(Effect.mapError(SyncError.fromStore));
          const recorder = storeRecorder(env.store, lease, run.id);
          const items: Array<RunItem> = [];
          const record = (i: RunItem) => {
            items.push(i);
            return recorder.items([i]).pipe(Effect.mapError(SyncError.fromStore));
          };
          for (const l of owned) {
            const r =
              l.runnActualId === null ? null : yield* runn.deleteActual(l.runnActualId).pipe(Effect.either);
            const ok = r !== null && (r._tag === "Right" || r.left.reason === "NotFound");
            if (ok) yield* recorder.ledgerRemove([l.key]).pipe(Effect.mapError(SyncError.fromStore));
            yield* record(
              ok
                ? item({ kind: "actual", outcome: "deleted", runnId: l.runnActualId, label: keyLabel(l.key) })
                : item({
                    kind: "actual",
                    outcome: "failed",
                    label: keyLabel(l.key),
                    error:
                      r === null
                        ? "the ledger has no Runn id for it"
                        : failureMessage("actual", r._tag === "Left" ? r.left : { reason: "", message: "" }),
                  }),
            );
          }
          for (const k of kept) yield* record(k);
          const removed: Array<{ kind: "client" | "project" | "person"; harvestId: number }> = [];
          const remove = (
            i: (typeof created)[number],
            send: Effect.Effect<unknown, { reason: string; message: string; status?: number | undefined }>,
            outcome: "deleted" | "archived",
          ) =>
            send.pipe(
              Effect.either,
              Effect.flatMap((r) => {
                const ok = r._tag === "Right" || r.left.reason === "NotFound";
                if (ok && i.harvestId !== null)
                  removed.push({ kind: i.kind as "client", harvestId: i.harvestId });
                return record(
                  ok
                    ? item({
                        kind: i.kind,
                        outcome,
                        harvestId: i.harvestId,
                        runnId: i.runnId,
                        label: label(i),
                      })
                    : item({
                        kind: i.kind,
                        outcome: "failed",
                        harvestId: i.harvestId,
                        runnId: i.runnId,
                        label: label(i),
                        error: failureMessage(
                          i.kind,
                          r._tag === "Left" ? r.left : { reason: "", message: "" },
                        ),
                      }),
                );
              }),
            );
          for (const p of projects.filter((i) => !isRefused(i)))
            yield* remove(p, runn.deleteProject(p.runnId as Ids.RunnProjectId), "deleted");
          for (const p of people.filter((i) => !isRefused(i)))
            yield* remove(p, runn.deletePerson(p.runnId as Ids.RunnPersonId), "deleted");
          for (const r of refusedItems) yield* record(r);
          for (const c of clients)
            yield* remove(c, runn.archiveClient(c.runnId as Ids.RunnClientId), "archived");
          for (const r of roles) yield* record(r);
          if (removed.length > 0)
            yield* env.store.doNotImport
              .add(
                conn.id,
                removed.map((r) => ({
                  ...r,
                  note: `removed by undo of run ${runId}`,
                  runId: runId as Ids.RunId,
                })),
              )
              .pipe(Effect.mapError(SyncError.fromStore));
          const failed = items.some((i) => i.outcome === "failed");
          yield* env.store.runs
            .finish(lease, run.id, { status: failed ? "partial" : "succeeded" })
            .pipe(Effect.mapError(SyncError.fromStore));
          const report: UndoReport = {
            runId,
            connectionId: conn.id,
            dryRun: false,
            undoRunId: run.id,
            items,
          };
          return report;
        }),
    );
  }).pipe(Effect.withSpan("Sync.undo"));
