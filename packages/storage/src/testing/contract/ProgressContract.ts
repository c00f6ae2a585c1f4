/** Contract: each connection's latest run progress, saved under the lease and read from anywhere. */
import { describe, expect } from "@effect/vitest";
import type { Ids } from "@harvest-runn/domain";
import { Effect, Option, TestClock } from "effect";
import type { ProgressWrite } from "../../RunProgress.ts";
import { type Context, failsWith, leased, newConnection } from "./Support.ts";

const progress = (runId: string, connectionId: Ids.ConnectionId, done: number): ProgressWrite => ({
  runId: runId as Ids.RunId,
  connectionId,
  phase: "projects",
  entities: { done, total: 58_945 },
  actuals: { done: 0, total: 727_169 },
  requests: { done, total: 66_281 },
  writesStartedAt: "2026-03-16T18:00:00.000Z",
});

/** Registers the progress tests. */
export const tests = ({ it }: Context) =>
  describe("progress", () => {
    it.effect("a connection has none until a run saves one; the latest save replaces it", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        expect(yield* store.progress.get(id)).toEqual(Option.none());
        const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        yield* store.progress.put(lease, progress(run.id, id, 10));
        yield* TestClock.adjust("5 seconds");
        const saved = yield* store.progress.put(lease, progress(run.id, id, 31_204));
        const read = yield* store.progress.get(id);
        expect(read).toEqual(Option.some(saved));
        expect(Option.map(read, (p) => [p.entities.done, p.requests.done, p.phase])).toEqual(
          Option.some([31_204, 31_204, "projects"]),
        );
        expect(Option.map(read, (p) => Date.parse(p.updatedAt) - Date.parse(lease.acquiredAt))).toEqual(
          Option.some(5_000),
        );
      }),
    );

    it.effect("a stale lease cannot save progress (Fenced); other connections keep their own", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased("30 seconds");
        const other = yield* leased("30 seconds");
        yield* other.store.progress.put(other.lease, progress("other-run", other.id, 7));
        yield* TestClock.adjust("31 seconds");
        const next = yield* store.leases.acquire({ connectionId: id, holder: "holder-b", ttl: "30 seconds" });
        yield* failsWith(store.progress.put(lease, progress("old-run", id, 1)), "Fenced");
        yield* store.progress.put(next, progress("new-run", id, 2));
        expect(Option.map(yield* store.progress.get(id), (p) => p.runId)).toEqual(Option.some("new-run"));
        expect(Option.map(yield* store.progress.get(other.id), (p) => p.runId)).toEqual(
          Option.some("other-run"),
        );
      }),
    );

    it.effect("goes with its connection; an unknown connection is NotFound", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        yield* store.progress.put(lease, progress("run", id, 1));
        yield* store.connections.delete(id);
        yield* failsWith(store.progress.get(id), "NotFound");
        const fresh = yield* newConnection;
        expect(yield* fresh.store.progress.get(fresh.id)).toEqual(Option.none());
      }),
    );
  });
