/** A dead letter is recorded on the run requested for its job, so the id a host answered with ends failed. */
import { describe, expect, it } from "@effect/vitest";
import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Fixtures } from "@harvest-runn/storage/testing";
import { Effect } from "effect";
import { deadLetter } from "../src/Handle.ts";

describe("deadLetter", () => {
  it.effect("finishes the job's queued run as failed, or records a new run without one", () =>
    Effect.gen(function* () {
      const store = yield* SyncStore.SyncStore;
      const connection = yield* store.connections.create(Fixtures.connection());
      const id = connection.id as Ids.ConnectionId;
      const requested = yield* store.runs.request(id, { trigger: "page", scope: null });
      const letter = (runId?: string) => ({
        data: { connectionId: id, trigger: "page", ...(runId === undefined ? {} : { runId }) },
        output: { message: "Runn: Runn answered 500" },
        attempts: 3,
      });
      const out = yield* deadLetter(store, "worker-1", letter(requested.id));
      expect(out).toEqual({ runId: requested.id, status: "failed", reason: "DeadLetter" });
      const run = (yield* store.runs.get(requested.id)).run;
      expect(run).toMatchObject({ status: "failed", number: requested.number });
      expect(run.error).toMatch(/^Runn: gave up after 3 attempts/);
      const other = yield* deadLetter(store, "worker-1", letter());
      expect(other.runId).not.toBe(requested.id);
      expect((yield* store.runs.list(id)).runs).toHaveLength(2);
    }).pipe(Effect.provide(SyncStore.layerMemory)),
  );
});
