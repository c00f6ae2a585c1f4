/**
 * Starting work that outlives a request: manual runs answer `202 {runId}` as soon as the run holds its
 * lease, and dry runs (which load everything) answer `202 {planId}` and are polled. This is the seam
 * where a queue takes over: `layerInProcess` forks the work here; with Postgres a queue-backed layer
 * (packages/queue) would enqueue the same requests instead, keeping the same shape.
 */
import { Sync, SyncError } from "@harvest-runn/sync";
import { Context, Effect, FiberSet, Layer, Ref, Schema } from "effect";

/** What a manual run covers, as the routes decode it. */
export type RunRequest =
  | { readonly _tag: "Run"; readonly scope?: Sync.RunOptions["scope"] }
  | { readonly _tag: "Backfill"; readonly fromDate: string }
  | { readonly _tag: "Apply"; readonly plan: unknown };

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

/** The dispatch service shape. */
export interface Shape {
  /** Starts a run and returns its id once it holds the lease; fails `Busy` when another run holds it. */
  readonly startRun: (
    connectionId: string,
    request: RunRequest,
  ) => Effect.Effect<{ readonly runId: string }, SyncError.SyncError>;
  /** Starts a dry run in the background; fails `ConnectionNotFound` at once for an unknown connection. */
  readonly startPlan: (
    connectionId: string,
    options: Sync.PlanOptions,
  ) => Effect.Effect<{ readonly planId: string }, SyncError.SyncError>;
  /** A dry run by id (kept in memory: the newest `maxPlans`). */
  readonly plan: (connectionId: string, planId: string) => Effect.Effect<PlanJob, PlanNotFound>;
}

/** The dispatch service tag. */
export class Dispatch extends Context.Tag("example-express/Dispatch")<Dispatch, Shape>() {}

const newId = () => `plan_${crypto.randomUUID()}`;

/** Runs in this process: each started run is a fiber owned by the layer, interrupted on shutdown. */
export const layerInProcess = (options: { readonly maxPlans?: number } = {}) =>
  Layer.scoped(
    Dispatch,
    Effect.gen(function* () {
      const sync = yield* Sync.Sync;
      const fibers = yield* FiberSet.make<unknown, unknown>();
      const plans = yield* Ref.make<ReadonlyArray<PlanJob>>([]);
      const maxPlans = options.maxPlans ?? 50;

      const startRun: Shape["startRun"] = Effect.fn("Dispatch.startRun")(function* (connectionId, request) {
        // `start` answers once the run holds the lease and is recorded; Busy or an unknown id fail here.
        const started =
          request._tag === "Apply"
            ? yield* sync.startApply(request.plan, { trigger: "api" })
            : yield* sync.start(connectionId, {
                trigger: "api",
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
            Effect.tapError((e) =>
              Effect.logWarning("run stopped", { reason: e.reason, message: e.message }),
            ),
            Effect.ignore,
          ),
        );
        return { runId: started.runId };
      });

      const startPlan: Shape["startPlan"] = Effect.fn("Dispatch.startPlan")(function* (connectionId, o) {
        const known = yield* sync.connections;
        if (!known.some((c) => c.id === connectionId))
          return yield* SyncError.make("ConnectionNotFound", `no connection ${connectionId}`);
        const job: PlanJob = {
          id: newId(),
          connectionId,
          status: "running",
          createdAt: new Date().toISOString(),
          result: null,
          error: null,
        };
        yield* Ref.update(plans, (all) => [job, ...all].slice(0, maxPlans));
        const settle = (patch: Partial<PlanJob>) =>
          Ref.update(plans, (all) => all.map((p) => (p.id === job.id ? { ...p, ...patch } : p)));
        yield* FiberSet.run(
          fibers,
          sync.plan(connectionId, o).pipe(
            Effect.matchEffect({
              onSuccess: (result) => settle({ status: "done", result }),
              onFailure: (e) => settle({ status: "failed", error: { reason: e.reason, message: e.message } }),
            }),
          ),
        );
        return { planId: job.id };
      });

      const plan: Shape["plan"] = (connectionId, planId) =>
        Ref.get(plans).pipe(
          Effect.flatMap((all) => {
            const found = all.find((p) => p.id === planId && p.connectionId === connectionId);
            return found
              ? Effect.succeed(found)
              : Effect.fail(new PlanNotFound({ reason: "PlanNotFound", message: `no plan ${planId}` }));
          }),
        );

      return Dispatch.of({ startRun, startPlan, plan });
    }),
  );
