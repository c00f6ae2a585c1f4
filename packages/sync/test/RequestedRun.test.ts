/** A run requested ahead (a queue's job) keeps the id recorded at request time (DESIGN decision 15). */
import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type World } from "./support/World.ts";

describe("a requested run (sandbox tiny)", () => {
  let w: World;
  beforeAll(async () => {
    w = await start();
  });
  afterAll(async () => {
    await w?.close();
  });

  const store = <A>(f: (s: SyncStore.Shape) => Effect.Effect<A, unknown>) =>
    w.runtime.runPromise(Effect.flatMap(SyncStore.SyncStore, f));

  it("adopts the queued run: same id and number, then succeeded", async () => {
    const queued = await store((s) =>
      s.runs.request(w.connectionId as Ids.ConnectionId, { trigger: "api", scope: null }),
    );
    const summary = await w.sync((s) =>
      s.run(w.connectionId, {
        trigger: "api",
        scope: { kind: "entities", types: ["clients"] },
        requestedRunId: queued.id,
      }),
    );
    expect(summary.id).toBe(queued.id);
    expect(summary.status).toBe("succeeded");
    const page = await store((s) => s.runs.list(w.connectionId as Ids.ConnectionId));
    expect(page.runs.map((r) => [r.id, r.number, r.status])).toEqual([
      [queued.id, queued.number, "succeeded"],
    ]);
  });

  it("runs under a new id when the request is no longer queued", async () => {
    const queued = await store((s) =>
      s.runs.request(w.connectionId as Ids.ConnectionId, { trigger: "api", scope: null }),
    );
    await store((s) => s.runs.discard(queued.id));
    const summary = await w.sync((s) =>
      s.run(w.connectionId, { scope: { kind: "entities", types: ["clients"] }, requestedRunId: queued.id }),
    );
    expect(summary.id).not.toBe(queued.id);
    expect(summary.status).toBe("succeeded");
  });
});
