/**
 * Where a host's manual runs go: every embedder needs this choice, so it is one `Dispatch` service with
 * two layers the host selects. `layerInProcess` forks runs in this process and answers with the run's
 * id as soon as it holds its lease; `layerQueue` (Postgres) puts entity runs on the pg-boss `sync` queue
 * and answers with the job's id: a worker starts the run later, and it shows in the run history then.
 * Dry runs (which load everything) are started in the background and polled by id, in process either way.
 *
 * @example
 * // The host picks one layer: `Dispatch.layerInProcess()`, or `Dispatch.layerQueue()` with Postgres.
 * const layer = Dispatch.layerInProcess().pipe(Layer.provideMerge(syncLayer));
 * const program = Effect.gen(function* () {
 *   const d = yield* Dispatch.Dispatch;
 *   const started = yield* d.startRun("acme", { _tag: "Run" });
 *   console.log(started._tag === "Started" ? started.runId : started.jobId);
 * });
 */
import { type Ids, Optional, type ReconcileOptions } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Output, Sync, SyncError } from "@harvest-runn/sync";
import { Context, Duration, Effect, FiberSet, Layer, Option, type Redacted, Schema } from "effect";
import { createEnqueuer } from "./Enqueuer.ts";
import * as QueueError from "./QueueError.ts";

/** What a manual run covers; `trigger` says who asked (default `api`; a page's button says `page`). */
export type RunRequest = (
  | { readonly _tag: "Run"; readonly scope?: Sync.RunOptions["scope"] }
  | { readonly _tag: "Backfill"; readonly fromDate: string }
  | { readonly _tag: "Apply"; readonly plan: unknown }
) & { readonly trigger?: ReconcileOptions.Trigger };

/** A dry run in progress or done. */
export interface PlanJob {
  readonly id: string;
  readonly connectionId: string;
  readonly status: "running" | "done" | "failed";
  readonly createdAt: string;
  readonly result: Sync.PlanResult | null;
  readonly error: { readonly reason: string; readonly message: string } | null;
}

/** A plan id that this process does not know (expired, or never made). */
export class PlanNotFound extends Schema.TaggedError<PlanNotFound>()("PlanNotFound", {
  reason: Schema.Literal("PlanNotFound"),
  message: Schema.String,
}) {}

/** The connection already has a job queued, retrying or running on the queue. */
export class AlreadyQueued extends Schema.TaggedError<AlreadyQueued>()("AlreadyQueued", {
  reason: Schema.Literal("AlreadyQueued"),
  message: Schema.String,
  jobId: Schema.NullOr(Schema.String),
}) {}

/**
 * What starting a run did: started it here, or queued it for a worker. Either way the run is recorded
 * and has its id (queued: status `queued` until a worker starts it).
 */
export type Started =
  | { readonly _tag: "Started"; readonly runId: string }
  | { readonly _tag: "Queued"; readonly jobId: string; readonly runId: string };

/** Why a run could not be started or queued. */
export type StartError = SyncError.SyncError | AlreadyQueued | QueueError.QueueError;

/** The dispatch service shape. */
export interface Shape {
  /**
   * Starts a run (returning its id once it holds the lease; `Busy` when another run holds it) or, with
   * the queue, queues it (`AlreadyQueued` when the connection has a job queued or running).
   */
  readonly startRun: (connectionId: string, request: RunRequest) => Effect.Effect<Started, StartError>;
  /** Starts a dry run in the background; fails `ConnectionNotFound` at once for an unknown connection. */
  readonly startPlan: (
    connectionId: string,
    options: Sync.PlanOptions,
  ) => Effect.Effect<{ readonly planId: string }, SyncError.SyncError>;
  /** A dry run by id (kept in the store for `planTtl`, so it survives a restart). */
  readonly plan: (connectionId: string, planId: string) => Effect.Effect<PlanJob, PlanNotFound>;
}

/** The dispatch service tag. */
export class Dispatch extends Context.Tag("@harvest-runn/queue/Dispatch")<Dispatch, Shape>() {}

const newId = () => `plan_${crypto.randomUUID()}`;

/** Options of the in-process dispatch. */
export interface InProcessOptions {
  /** How long a dry run stays appliable in the store (default 24 hours). */
  readonly planTtl?: Duration.DurationInput;
}

const planError = (e: { readonly message: string }) =>
  new PlanNotFound({ reason: "PlanNotFound", message: `saved plans unavailable: ${e.message}` });

/** The in-process dispatch; its fibers live as long as the scope. */
const makeInProcess = (options: InProcessOptions) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const store = yield* SyncStore.SyncStore;
    const fibers = yield* FiberSet.make<unknown, unknown>();
    const planTtl = Duration.decode(options.planTtl ?? "24 hours");

    const startRun: Shape["startRun"] = Effect.fn("Dispatch.startRun")(function* (connectionId, request) {
      // `start` answers once the run holds the lease and is recorded; Busy or an unknown id fail here.
      const started =
        request._tag === "Apply"
          ? yield* sync.startApply(request.plan, { trigger: request.trigger ?? "api" })
          : yield* sync.start(connectionId, {
              trigger: request.trigger ?? "api",
              ...(request._tag === "Backfill"
                ? { backfillFrom: request.fromDate }
                : request.scope === undefined
                  ? {}
                  : { scope: request.scope }),
            });
      // The layer owns the run: shutting the host down interrupts it (its lease then expires).
      yield* FiberSet.add(fibers, started.fiber);
      yield* FiberSet.run(
        fibers,
        started.done.pipe(
          Effect.tap((s) => Effect.logInfo("run finished", { runId: s.id, status: s.status })),
          Effect.tapError((e) => Effect.logWarning("run stopped", { reason: e.reason, message: e.message })),
          Effect.ignore,
        ),
      );
      return { _tag: "Started", runId: started.runId } as const;
    });

    const startPlan: Shape["startPlan"] = Effect.fn("Dispatch.startPlan")(function* (connectionId, o) {
      const known = yield* sync.connections;
      if (!known.some((c) => c.id === connectionId))
        return yield* SyncError.make("ConnectionNotFound", `no connection ${connectionId}`);
      const id = newId();
      const save = (patch: Pick<PlanJob, "status" | "result" | "error">) =>
        store.savedPlans.put({
          id,
          connectionId: connectionId as Ids.ConnectionId,
          ...patch,
          ttl: planTtl,
        });
      // Expired dry runs go as new ones come (their results can be large).
      yield* store.savedPlans.prune.pipe(Effect.ignore);
      yield* save({ status: "running", result: null, error: null }).pipe(
        Effect.mapError((e) => SyncError.make("Store", `could not save the dry run: ${e.message}`)),
      );
      yield* FiberSet.run(
        fibers,
        sync.plan(connectionId, o).pipe(
          Effect.matchEffect({
            onSuccess: (result) => save({ status: "done", result, error: null }),
            onFailure: (e) =>
              save({ status: "failed", result: null, error: { reason: e.reason, message: e.message } }),
          }),
          Effect.tapError((e) => Effect.logWarning("dry run not saved", { message: e.message })),
          Effect.ignore,
        ),
      );
      return { planId: id };
    });

    const plan: Shape["plan"] = (connectionId, planId) =>
      store.savedPlans.get(connectionId as Ids.ConnectionId, planId).pipe(
        Effect.mapError(planError),
        Effect.flatMap(
          Option.match({
            onNone: () =>
              Effect.fail(new PlanNotFound({ reason: "PlanNotFound", message: `no plan ${planId}` })),
            onSome: (p): Effect.Effect<PlanJob> =>
              Effect.succeed({
                id: p.id,
                connectionId: p.connectionId,
                status: p.status,
                createdAt: p.createdAt,
                result: p.result as Sync.PlanResult | null,
                error: p.error,
              }),
          }),
        ),
      );

    return Dispatch.of({ startRun, startPlan, plan });
  });

/** Runs in this process: each started run is a fiber owned by the layer, interrupted on shutdown. */
export const layerInProcess = (options: InProcessOptions = {}) =>
  Layer.scoped(Dispatch, makeInProcess(options));

/** Options of `layerQueue`. */
export interface QueueOptions {
  /** Postgres URL of the queue (default `DATABASE_URL`). */
  readonly url?: Redacted.Redacted<string>;
  /** pg-boss schema, the workers' (default `pgboss`). */
  readonly schema?: string;
  /** How long a dry run stays appliable (default 24 hours). */
  readonly planTtl?: Duration.DurationInput;
}

/**
 * Queues manual runs on pg-boss's `sync` queue (enqueue only: the workers supervise and tick). Entity
 * and project runs are queued with trigger `api`; backfills, applying a dry run, and dry runs stay in
 * process (the job payload carries neither a backfill date nor a plan), fenced by the same lease.
 */
export const layerQueue = (options: QueueOptions = {}) =>
  Layer.scoped(
    Dispatch,
    Effect.gen(function* () {
      const sync = yield* Sync.Sync;
      const store = yield* SyncStore.SyncStore;
      const local = yield* makeInProcess(options);
      const queue = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () =>
            createEnqueuer({
              ...Optional.fields({ url: options.url, schema: options.schema }),
            }),
          catch: (e) =>
            e instanceof QueueError.QueueError
              ? e
              : QueueError.make("Unavailable", "the queue could not open"),
        }),
        (q) => Effect.promise(() => q.close().catch(() => {})),
      );
      yield* Effect.logInfo("manual runs go through the queue");

      const startRun: Shape["startRun"] = Effect.fn("Dispatch.enqueueRun")(function* (connectionId, request) {
        if (request._tag !== "Run") return yield* local.startRun(connectionId, request);
        // An unknown connection is a 404 now, not a job a worker would skip later.
        yield* sync.status(connectionId);
        const trigger = request.trigger ?? "api";
        // The run exists (queued) from the moment it is requested; the worker's run adopts its id.
        const requested = yield* store.runs
          .request(connectionId as Ids.ConnectionId, {
            trigger,
            scope: { scope: request.scope ?? Output.scopeAll, mode: "run" },
          })
          .pipe(Effect.mapError(SyncError.fromStore));
        const r = yield* Effect.tryPromise({
          try: () => queue.enqueueSync(connectionId, request.scope, trigger, requested.id),
          catch: (e) =>
            e instanceof QueueError.QueueError ? e : QueueError.make("Queue", "could not enqueue the run"),
        }).pipe(Effect.tapError(() => store.runs.discard(requested.id).pipe(Effect.ignore)));
        if (r._tag === "AlreadyQueued") {
          yield* store.runs.discard(requested.id).pipe(Effect.ignore);
          return yield* new AlreadyQueued({
            reason: "AlreadyQueued",
            message: `connection ${connectionId} already has a run ${r.state === "active" ? "running" : "queued"} on the queue`,
            jobId: r.jobId,
          });
        }
        return { _tag: "Queued", jobId: r.jobId, runId: requested.id } as const;
      });

      return Dispatch.of({ ...local, startRun });
    }),
  );
