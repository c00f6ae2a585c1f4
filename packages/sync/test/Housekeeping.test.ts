import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Effect, Layer } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type World } from "./support/World.ts";

/** The in-memory store, recording every `pruneItems` call it serves. */
const pruneCalls: Array<{ olderThan: unknown; connectionId: string | undefined }> = [];
const recordingStore = Layer.effect(
  SyncStore.SyncStore,
  Effect.map(SyncStore.SyncStore, (s) => ({
    ...s,
    runs: {
      ...s.runs,
      pruneItems: (olderThan: Parameters<typeof s.runs.pruneItems>[0], connectionId?: Ids.ConnectionId) => {
        pruneCalls.push({ olderThan, connectionId });
        return s.runs.pruneItems(olderThan, connectionId);
      },
    },
  })),
).pipe(Layer.provide(SyncStore.layerMemory));

describe("housekeeping after runs", () => {
  let w: World;
  const store = <A, E>(f: (s: SyncStore.Shape) => Effect.Effect<A, E>) =>
    w.runtime.runPromise(Effect.flatMap(SyncStore.SyncStore, f));

  beforeAll(async () => {
    w = await start({ store: recordingStore, settings: { switches: { actuals: true }, retentionDays: 7 } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("prunes old run items of the run's connection only, with its own retention (SPEC R9)", async () => {
    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    expect(pruneCalls).toEqual([{ olderThan: "7 days", connectionId: w.connectionId }]);
  });

  it("marks a run that lost its lease as failed with LeaseLost when the next run takes the lease (SPEC R3)", async () => {
    const id = w.connectionId as Ids.ConnectionId;
    // A run whose process stopped: its lease expires and it stays `running` (its final write is fenced).
    const orphan = await store((s) =>
      Effect.gen(function* () {
        const lease = yield* s.leases.acquire({ connectionId: id, holder: "gone", ttl: "1 millis" });
        return yield* s.runs.start(lease, { trigger: "manual", scope: null });
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect((await w.sync((s) => s.runDetail(orphan.id))).summary.status).toBe("running");
    const next = await w.sync((s) => s.run(w.connectionId));
    expect(next.status).toBe("succeeded");
    const closed = (await w.sync((s) => s.runDetail(orphan.id))).summary;
    expect(closed.status).toBe("failed");
    expect(closed.error?.reason).toBe("LeaseLost");
    expect(closed.endedAt).not.toBeNull();
    // The new run itself is untouched, and status no longer shows a run in progress.
    expect((await w.sync((s) => s.runDetail(next.id))).summary.status).toBe("succeeded");
    expect((await w.sync((s) => s.status(w.connectionId))).running).toBe(false);
  });
});
