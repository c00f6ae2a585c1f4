/** Contract: a run requested for a worker has an id at once (`queued`), and the worker's run adopts it. */
import { describe, expect } from "@effect/vitest";
import { Effect, TestClock } from "effect";
import { type Context, failsWith, leased, newConnection } from "./Support.ts";

/** Registers the requested-run tests. */
export const tests = ({ it }: Context) => {
  describe("requested runs", () => {
    it.effect("a requested run is queued with the next number and listed; start adopts it", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        const first = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        yield* store.runs.finish(lease, first.id, { status: "succeeded" });
        const queued = yield* store.runs.request(id, { trigger: "page", scope: { types: ["people"] } });
        expect(queued).toMatchObject({ connectionId: id, number: 2, status: "queued", trigger: "page" });
        expect((yield* store.runs.list(id)).runs.map((r) => [r.number, r.status])).toEqual([
          [2, "queued"],
          [1, "succeeded"],
        ]);
        yield* TestClock.adjust("1 minute");
        const started = yield* store.runs.start(lease, {
          trigger: "page",
          scope: { types: ["people"], mode: "run" },
          requested: queued.id,
        });
        expect(started).toMatchObject({
          id: queued.id,
          number: 2,
          status: "running",
          generation: lease.generation,
          scope: { types: ["people"], mode: "run" },
        });
        expect(started.startedAt > queued.startedAt).toBe(true);
        yield* store.runs.append(lease, queued.id, []);
        const done = yield* store.runs.finish(lease, queued.id, {
          status: "succeeded",
          succeeded: ["people"],
        });
        expect(done.status).toBe("succeeded");
        // A run is adopted once: a second start for it finds nothing queued.
        yield* failsWith(
          store.runs.start(lease, { trigger: "page", scope: null, requested: queued.id }),
          "NotFound",
        );
        expect((yield* store.runs.list(id)).runs).toHaveLength(2);
      }),
    );

    it.effect("a request is refused for an unknown connection; another connection cannot adopt it", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const other = yield* leased();
        const queued = yield* store.runs.request(id, { trigger: "api", scope: null });
        yield* failsWith(
          store.runs.start(other.lease, { trigger: "api", scope: null, requested: queued.id }),
          "NotFound",
        );
        yield* store.connections.delete(id);
        yield* failsWith(store.runs.request(id, { trigger: "api", scope: null }), "NotFound");
      }),
    );

    it.effect("discard removes a queued run only", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        const dropped = yield* store.runs.request(id, { trigger: "api", scope: null });
        const kept = yield* store.runs.request(id, { trigger: "api", scope: null });
        yield* store.runs.start(lease, { trigger: "api", scope: null, requested: kept.id });
        yield* store.runs.discard(dropped.id);
        yield* store.runs.discard(kept.id);
        yield* failsWith(store.runs.get(dropped.id), "NotFound");
        expect((yield* store.runs.get(kept.id)).run.status).toBe("running");
      }),
    );
  });
};
