/**
 * The `Dispatch` layers over a scripted `Sync`: in process, runs are forked and owned by the layer and
 * dry runs are polled by id; with the queue (Postgres), entity runs become pg-boss jobs, one per
 * connection, while backfills stay in process.
 */
import { describe, expect, it } from "@effect/vitest";
import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
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

  it.live("dry runs are polled by id and per connection from the store, so a new layer finds them", () => {
    const s = Scripted.make(() => ({ status: "succeeded" }));
    const poll = (dispatch: Dispatch.Shape, id: string, planId: string) =>
      Effect.gen(function* () {
        let job = yield* dispatch.plan(id, planId);
        for (let i = 0; i < 50 && job.status === "running"; i++) {
          yield* Effect.sleep("20 millis");
          job = yield* dispatch.plan(id, planId);
        }
        return job;
      });
    return Effect.gen(function* () {
      const id = yield* Scripted.connect;
      const first = yield* Effect.gen(function* () {
        const dispatch = yield* Dispatch.Dispatch;
        const unknown = yield* Effect.flip(dispatch.startPlan("nope", {}));
        expect(unknown.reason).toBe("ConnectionNotFound");
        const started = yield* dispatch.startPlan(id, {});
        expect(yield* poll(dispatch, id, started.planId)).toMatchObject({
          status: "failed",
          error: { reason: "Harvest" },
          result: null,
        });
        return started;
      }).pipe(Effect.provide(Dispatch.layerInProcess()));
      // A second dispatch (a restarted host) over the same store reads the same plan.
      const again = yield* Effect.gen(function* () {
        const dispatch = yield* Dispatch.Dispatch;
        expect((yield* Effect.flip(dispatch.plan("another", first.planId))).reason).toBe("PlanNotFound");
        return yield* dispatch.plan(id, first.planId);
      }).pipe(Effect.provide(Dispatch.layerInProcess()));
      expect(again).toMatchObject({ id: first.planId, status: "failed" });
    }).pipe(Effect.provide(s.layer));
  });

  it.live("a dry run is gone once its time to live has passed", () => {
    const s = Scripted.make(() => ({ status: "succeeded" }));
    return Effect.gen(function* () {
      const dispatch = yield* Dispatch.Dispatch;
      const id = yield* Scripted.connect;
      const { planId } = yield* dispatch.startPlan(id, {});
      expect((yield* dispatch.plan(id, planId)).id).toBe(planId);
      yield* Effect.sleep("400 millis");
      expect((yield* Effect.flip(dispatch.plan(id, planId))).reason).toBe("PlanNotFound");
    }).pipe(Effect.provide(Layer.provideMerge(Dispatch.layerInProcess({ planTtl: "300 millis" }), s.layer)));
  });

  it.live("a run asked for by a page's button carries that trigger", () => {
    const s = Scripted.make(() => ({ status: "succeeded" }));
    return Effect.gen(function* () {
      const id = yield* Scripted.connect;
      yield* (yield* Dispatch.Dispatch).startRun(id, { _tag: "Run", trigger: "page" });
      expect(s.calls.map((c) => c.trigger)).toEqual(["page"]);
    }).pipe(Effect.provide(Layer.provideMerge(Dispatch.layerInProcess(), s.layer)));
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
      const queued = yield* dispatch.startRun(id, { _tag: "Run", trigger: "page" });
      expect(queued._tag).toBe("Queued");
      // The run is recorded (queued) from the moment it is requested, so a page can link to it.
      const store = yield* SyncStore.SyncStore;
      const recorded = yield* store.runs.get(queued.runId as Ids.RunId);
      expect(recorded.run).toMatchObject({ connectionId: id, status: "queued", trigger: "page" });
      const again = yield* Effect.flip(dispatch.startRun(id, { _tag: "Run" }));
      expect(again).toMatchObject({
        _tag: "AlreadyQueued",
        jobId: queued._tag === "Queued" ? queued.jobId : "",
      });
      // The refused request leaves no run behind.
      expect((yield* store.runs.list(id as Ids.ConnectionId)).runs.map((r) => r.id)).toEqual([queued.runId]);
      // Nothing ran here: the run waits on the queue for a worker.
      expect(s.calls).toEqual([]);
      const backfill = yield* dispatch.startRun(id, { _tag: "Backfill", fromDate: "2026-01-01" });
      expect(backfill._tag).toBe("Started");
      const unknown = yield* Effect.flip(dispatch.startRun("nope", { _tag: "Run" }));
      expect(unknown.reason).toBe("ConnectionNotFound");
    }).pipe(Effect.provide(Layer.provideMerge(queue, s.layer)));
  });
});
