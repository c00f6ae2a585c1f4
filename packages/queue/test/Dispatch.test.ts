/**
 * The `Dispatch` layers over a scripted `Sync`: in process, runs are forked and owned by the layer and
 * dry runs are polled by id; with the queue (Postgres), entity runs become pg-boss jobs, one per
 * connection, while backfills stay in process.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit, Layer, Redacted, Scope } from "effect";
import { Dispatch } from "../src/index.ts";
import * as Pg from "./support/Pg.ts";
import * as Scripted from "./support/Scripted.ts";

describe("Dispatch.layerInProcess", () => {
  it.live("starts a run and answers its id; the layer owns it and interrupts it on shutdown", () => {
    const s = Scripted.make(() => ({ hang: true }));
    return Effect.gen(function* () {
      const scope = yield* Scope.make();
      const ctx = yield* Layer.buildWithScope(Layer.provideMerge(Dispatch.layerInProcess(), s.layer), scope);
      const dispatch = Layer.succeedContext(ctx);
      const started = yield* Effect.gen(function* () {
        const id = yield* Scripted.connect;
        return yield* (yield* Dispatch.Dispatch).startRun(id, { _tag: "Run" });
      }).pipe(Effect.provide(dispatch));
      expect(started).toEqual({ _tag: "Started", runId: "run-1" });
      expect(s.calls.map((c) => [c.trigger, c.interrupted])).toEqual([["api", false]]);
      yield* Scope.close(scope, Exit.void);
      expect(s.calls[0]!.interrupted).toBe(true);
    });
  });

  it.live("a run that cannot start fails the call with the Sync's reason", () => {
    const s = Scripted.make(() => ({ error: "Busy" }));
    return Effect.gen(function* () {
      const id = yield* Scripted.connect;
      const error = yield* Effect.flip((yield* Dispatch.Dispatch).startRun(id, { _tag: "Run" }));
      expect(error).toMatchObject({ _tag: "SyncError", reason: "Busy" });
    }).pipe(Effect.provide(Layer.provideMerge(Dispatch.layerInProcess(), s.layer)));
  });

  it.live("dry runs are polled by id, per connection, and only the newest maxPlans are kept", () => {
    const s = Scripted.make(() => ({ status: "succeeded" }));
    return Effect.gen(function* () {
      const dispatch = yield* Dispatch.Dispatch;
      const id = yield* Scripted.connect;
      const unknown = yield* Effect.flip(dispatch.startPlan("nope", {}));
      expect(unknown.reason).toBe("ConnectionNotFound");
      const first = yield* dispatch.startPlan(id, {});
      let job = yield* dispatch.plan(id, first.planId);
      for (let i = 0; i < 50 && job.status === "running"; i++) {
        yield* Effect.sleep("20 millis");
        job = yield* dispatch.plan(id, first.planId);
      }
      expect(job).toMatchObject({ status: "failed", error: { reason: "Harvest" }, result: null });
      const other = yield* Effect.flip(dispatch.plan("another", first.planId));
      expect(other.reason).toBe("PlanNotFound");
      const second = yield* dispatch.startPlan(id, {});
      const third = yield* dispatch.startPlan(id, {});
      expect((yield* Effect.flip(dispatch.plan(id, first.planId))).reason).toBe("PlanNotFound");
      expect((yield* dispatch.plan(id, second.planId)).id).toBe(second.planId);
      expect((yield* dispatch.plan(id, third.planId)).id).toBe(third.planId);
    }).pipe(Effect.provide(Layer.provideMerge(Dispatch.layerInProcess({ maxPlans: 2 }), s.layer)));
  });
});

const url = Pg.databaseUrl();
const suite = url === undefined ? describe.skip : describe;

suite("Dispatch.layerQueue on Postgres", () => {
  Pg.dropSchemasAfterAll(url);

  it.live("queues an entity run once per connection, keeps backfills in process, refuses unknown ids", () => {
    const s = Scripted.make(() => ({ status: "succeeded" }));
    const queue = Dispatch.layerQueue({ url: Redacted.make(url ?? ""), schema: Pg.schemaFor("d") });
    return Effect.gen(function* () {
      const dispatch = yield* Dispatch.Dispatch;
      const id = yield* Scripted.connect;
      const queued = yield* dispatch.startRun(id, { _tag: "Run" });
      expect(queued._tag).toBe("Queued");
      const again = yield* Effect.flip(dispatch.startRun(id, { _tag: "Run" }));
      expect(again).toMatchObject({
        _tag: "AlreadyQueued",
        jobId: queued._tag === "Queued" ? queued.jobId : "",
      });
      // Nothing ran here: the run waits on the queue for a worker.
      expect(s.calls).toEqual([]);
      const backfill = yield* dispatch.startRun(id, { _tag: "Backfill", fromDate: "2026-01-01" });
      expect(backfill).toEqual({ _tag: "Started", runId: "run-1" });
      const unknown = yield* Effect.flip(dispatch.startRun("nope", { _tag: "Run" }));
      expect(unknown.reason).toBe("ConnectionNotFound");
    }).pipe(Effect.provide(Layer.provideMerge(queue, s.layer)));
  });
});
