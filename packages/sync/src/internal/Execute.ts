/**
 * One run (DESIGN "Data flow of one run"): lease (renewed, fenced) → load and reconcile → record the
 * plan's report → apply, recording each outcome and ledger change as it completes → advance cursors for
 * the parts that succeeded → status per SPEC R1 → release → notify (SPEC R8).
 */
import { Batch, type Ids, Optional, type Plan, ReconcileOptions } from "@harvest-runn/domain";
import { Reconcile } from "@harvest-runn/reconcile";
import type { Lease } from "@harvest-runn/storage";
import { type Duration, Effect, Fiber, Option } from "effect";
import type * as Clients from "../Clients.ts";
import * as Notify from "../Notify.ts";
import type { RunItem, Trigger } from "../Output.ts";
import * as Progress from "../Progress.ts";
import * as SyncError from "../SyncError.ts";
import * as AccountPair from "./AccountPair.ts";
import { apply } from "./Apply.ts";
import * as Cursor from "./Cursor.ts";
import * as Doctor from "./Doctor.ts";
import { type Env, loadConnection, now, updatedSinceCursor } from "./Env.ts";
import * as LeaseWait from "./LeaseWait.ts";
import * as Logging from "./Logging.ts";
import { failOrphans } from "./Orphans.ts";
import { prepare } from "./Prepare.ts";
import * as ProgressRecord from "./ProgressRecord.ts";
import { errorText, type StoredScope, storeRecorder, toSummary } from "./Record.ts";
import { isProjectLink, pagesBasis, recordForPages } from "./RecordForPages.ts";
import { reportItems } from "./Report.ts";
import { fromRunnClient } from "./RunnWrites.ts";

/** What to run. */
export interface RunRequest {
  readonly scope: ReconcileOptions.Scope;
  readonly trigger: Trigger;
  readonly mode: "run" | "apply" | "backfill";
  readonly backfillFrom: string | null;
  readonly saved?: Plan.Plan;
  readonly scheduledFor?: Date | null;
  /** Called once the run holds the lease and is recorded, with its id (`Sync.start`). */
  readonly onStart?: (runId: string) => Effect.Effect<void>;
  /** The `queued` run this run adopts (see `startRecord`). */
  readonly requestedRunId?: string;
  /** How long to wait for a lease another holder has (default: fail with `Busy` at once; see `LeaseWait`). */
  readonly waitForLease?: Duration.DurationInput;
}

const types = ReconcileOptions.EntityType.literals;

/** Report items recorded per store transaction. */
const reportChunk = 2_000;

/** Lets the event loop run (timers, sockets) before the next chunk of synchronous store work. */
const breathe = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)));

/**
 * Records the run as started: adopts the `queued` run recorded when it was requested, so the id a host
 * answered with is the run's; a request that is no longer queued gives way to a new run.
 */
const startRecord = (env: Env, lease: Lease.Lease, request: RunRequest, scope: StoredScope) => {
  const fresh = env.store.runs.start(lease, { trigger: request.trigger, scope });
  const requested = request.requestedRunId;
  return (
    requested === undefined
      ? fresh
      : env.store.runs
          .start(lease, { trigger: request.trigger, scope, requested: requested as Ids.RunId })
          .pipe(
            Effect.catchIf(
              (e) => e.reason === "NotFound",
              () => fresh,
            ),
          )
  ).pipe(Effect.mapError(SyncError.fromStore));
};

/** Held items of the connection's latest run that got to apply, to tell new holds from known ones. */
const previouslyHeld = (env: Env, connectionId: string) =>
  Effect.gen(function* () {
    const page = yield* env.store.runs.list(connectionId as never, { limit: 20 });
    const last = page.runs.find((r) => r.status === "succeeded" || r.status === "partial");
    if (last === undefined) return new Set<string>();
    const detail = yield* env.store.runs.get(last.id, { outcome: "held", limit: 100_000 });
    return new Set(
      detail.items.map((i) =>
        Notify.heldKey({
          kind: i.kind,
          outcome: i.outcome,
          harvestId: i.harvestId,
          runnId: i.runnId,
          label: ((i.detail ?? {}) as { label?: string }).label ?? "",
          reason: i.reason,
          error: i.message,
        }),
      ),
    );
  }).pipe(Effect.orElseSucceed(() => new Set<string>()));

/**
 * Closes a run that is being interrupted (SIGINT, SIGTERM, a host disposing its runtime) as failed with
 * reason `Interrupted`, while it still holds its lease; the items it wrote are already recorded.
 */
const recordInterrupted = (env: Env, lease: Lease.Lease, runId: Ids.RunId) =>
  env.store.runs
    .finish(lease, runId, {
      status: "failed",
      error: errorText(
        SyncError.make("Interrupted", "the run was stopped before it finished; what it wrote is recorded"),
      ),
    })
    .pipe(
      Effect.tap(() => Effect.logWarning("recorded an interrupted run")),
      Effect.catchAll((e) => Effect.logWarning("could not record an interrupted run", e.reason)),
    );

/**
 * Harvest's clock as the run began loading, which the A6 cursor follows (null when unknown): the earliest
 * `Date` header among the load's answers, so reading it costs no request. Warns when this machine's
 * clock as the run began (`localStart`) is far from it, since the run's window and timestamps follow it.
 */
const harvestClock = (clients: Clients.Pair, localStart: Date) =>
  Effect.gen(function* () {
    const harvestNow = yield* clients.harvest.earliestServerTime();
    if (harvestNow === null) return null;
    const skew = Cursor.skewSeconds(harvestNow, localStart);
    if (Math.abs(skew) > Doctor.maxSkewSeconds)
      yield* Effect.logWarning(
        `Harvest clock skew ${Doctor.formatSkew(skew)} (server − local, over ${Doctor.maxSkewSeconds} s): check this machine's clock; the updated_since cursor follows Harvest's clock`,
      );
    return harvestNow;
  });

/** Runs the sync of one connection and returns its summary; fails only when no run could start. */
export const execute = (env: Env, connectionId: string, request: RunRequest) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const webhook = conn.settings.webhookUrl;
    const held = webhook === null ? new Set<string>() : yield* previouslyHeld(env, conn.id);
    // What the notification needs (SPEC R8): the held items of the plan's report, kept only when a
    // webhook is set; every other item goes to the store as it completes and is not kept in memory.
    const heldItems: Array<RunItem> = [];
    // No two runs write into one Runn account from one Harvest account at once, whatever the rows say.
    const twins = yield* AccountPair.twins(
      env,
      {
        id: conn.id,
        harvestAccountId: conn.connection.harvest.accountId,
        runnBaseUrl: conn.connection.runn.baseUrl,
        runnMe: Effect.flatMap(env.clients.make(conn.input), (c) => c.runn.me),
      },
      true,
    );
    // Made before the lease: Harvest may be read while waiting for it, by the clients the run goes on with.
    const clients = yield* env.clients.make(conn.input);
    const ttl = env.options.leaseTtl ?? "60 seconds";
    const leased = (prefetched: LeaseWait.Prefetched | undefined) =>
      AccountPair.withPairLeases(
        env,
        conn.id,
        twins.map((t) => t.id),
        ttl,
        (lease) =>
          Effect.gen(function* () {
            const stored: StoredScope = {
              scope: request.scope,
              mode: request.mode,
              backfillFrom: request.backfillFrom,
              scheduledFor: request.scheduledFor?.toISOString() ?? null,
            };
            yield* failOrphans(env.store, lease);
            const run = yield* startRecord(env, lease, request, stored);
            if (request.onStart) yield* request.onStart(run.id);
            const at = prefetched?.at ?? (yield* now);
            const recorder = storeRecorder(env.store, lease, run.id);
            // Progress is saved in the store as the run goes, for status views in any process.
            const progressing = { runId: run.id, connectionId: conn.id };
            const body = ProgressRecord.recording(env.store, lease, progressing, (setPlan) =>
              Effect.gen(function* () {
                yield* Progress.report({
                  runId: run.id,
                  connectionId: conn.id,
                  phase: "lease",
                  done: 1,
                  total: 1,
                  ...(prefetched === undefined ? {} : { note: "held after waiting for the run in progress" }),
                });
                // Only the plan and the cursor's input outlive this line: the snapshots it was computed from
                // are garbage before the hours of writes begin (one copy of each, during load and reconcile).
                const { plan, newestUpdate, basis } = yield* Effect.map(
                  prepare(env, clients, conn, at, run.id, { ...request, ...Optional.fields({ prefetched }) }),
                  (p) => ({
                    plan: p.plan,
                    newestUpdate: p.newestUpdate,
                    basis: pagesBasis(p.harvest, p.runn, conn.settings.referenceName, p.plan.report),
                  }),
                );
                setPlan(plan);
                const harvestNow =
                  request.scope.kind === "entities" && conn.settings.switches.actuals
                    ? yield* harvestClock(clients, at)
                    : null;
                // The projects this run creates or links, for the pages' project list (the other items are not kept).
                const projectLinks: Array<RunItem> = [];
                const reported = reportItems(plan.report);
                if (webhook !== null) for (const i of reported) if (i.outcome === "held") heldItems.push(i);
                // The report (held, skipped, malformed: 135,000 items on an xl first import) is recorded
                // while the writes go, a chunk a transaction with the event loop let go between chunks,
                // rather than holding the first write back for the seconds it takes.
                const reporting = yield* Effect.fork(
                  Effect.forEach(
                    Batch.chunks(reported, reportChunk),
                    (chunk) => Effect.zipRight(recorder.items(chunk), breathe),
                    { discard: true },
                  ).pipe(Effect.mapError(SyncError.fromStore)),
                );
                const applied = yield* apply(
                  plan,
                  fromRunnClient(clients.runn),
                  {
                    items: (is) => {
                      for (const i of is) if (isProjectLink(i)) projectLinks.push(i);
                      return recorder.items(is);
                    },
                    ledgerPut: recorder.ledgerPut,
                    ledgerRemove: recorder.ledgerRemove,
                  },
                  {
                    runId: run.id,
                    connectionId: conn.id,
                    now: at.toISOString(),
                    ...Optional.fields({ concurrency: env.options.concurrency }),
                  },
                ).pipe(Effect.mapError(SyncError.fromStore));
                yield* Fiber.join(reporting);
                yield* recordForPages(env.store, {
                  connectionId: conn.id,
                  runId: run.id,
                  scope: request.scope,
                  basis,
                  applied: projectLinks,
                });
                // A write refused for the token's scope: nothing more was sent, and the next run cannot
                // complete it either, so the run fails with that one reason (SPEC C2, R1).
                if (applied.refused !== null)
                  return yield* Effect.fail(SyncError.make("RunnReadOnly", applied.refused.message));
                const parts = Reconcile.parts(plan.options);
                const succeeded = types.filter((t) => parts[t] && !applied.failedTypes.has(t));
                // The A6 cursor moves only when the actuals part completed (SPEC A6, R6).
                if (
                  parts.actuals &&
                  !applied.failedTypes.has("actuals") &&
                  plan.options.scope.kind === "entities"
                ) {
                  const previous = yield* env.store.cursors
                    .get(conn.id, updatedSinceCursor)
                    .pipe(Effect.mapError(SyncError.fromStore));
                  const cursor = Cursor.next({
                    previous: Option.getOrNull(previous),
                    newestSeen: newestUpdate,
                    harvestNow,
                    overlapMs: env.options.cursorOverlapMs ?? 600_000,
                  });
                  if (cursor !== null)
                    yield* env.store.cursors
                      .set(lease, updatedSinceCursor, cursor)
                      .pipe(Effect.mapError(SyncError.fromStore));
                }
                yield* Progress.report({
                  runId: run.id,
                  connectionId: conn.id,
                  phase: "record",
                  done: 1,
                  total: 1,
                });
                const status = applied.failedTypes.size > 0 ? "partial" : "succeeded";
                return yield* env.store.runs
                  .finish(lease, run.id, { status, succeeded })
                  .pipe(Effect.mapError(SyncError.fromStore));
              }),
            );
            const finished = yield* body.pipe(
              Effect.onInterrupt(() => recordInterrupted(env, lease, run.id)),
              Logging.withRun(run.id, conn.id),
              Effect.catchAll((e: SyncError.SyncError) =>
                e.reason === "LeaseLost"
                  ? Effect.fail(e)
                  : env.store.runs
                      .finish(lease, run.id, { status: "failed", error: errorText(e) })
                      .pipe(Effect.mapError(SyncError.fromStore)),
              ),
            );
            return toSummary(finished);
          }).pipe(Effect.withSpan("Sync.run")),
      );
    const summary = yield* request.waitForLease === undefined
      ? leased(undefined)
      : LeaseWait.waiting(leased, {
          connectionId: conn.id,
          wait: request.waitForLease,
          pollMs: LeaseWait.pollMillis(ttl),
          // A saved plan reads what its own options say; it is checked after the lease, not read ahead.
          prefetch: request.saved === undefined ? LeaseWait.prefetch(env, clients, conn, request) : null,
        });
    // Retention (SPEC R9): this connection's items older than its own setting are pruned.
    yield* env.store.runs.pruneItems(`${conn.settings.retentionDays} days`, conn.id).pipe(
      Effect.tapError((e) => Effect.logWarning("pruning old run items failed", e.reason)),
      Effect.ignore,
    );
    if (webhook !== null) {
      const n = Notify.notificationFor(summary, heldItems, held);
      if (n !== null)
        yield* Notify.post(webhook, n, {
          ...Optional.fields({ timeout: env.options.webhookTimeout, fetch: env.options.webhookFetch }),
        });
    }
    return summary;
  }).pipe(Logging.withConnection(connectionId));
