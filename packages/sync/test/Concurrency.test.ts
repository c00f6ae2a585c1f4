import { SyncStore } from "@harvest-runn/storage";
import { Effect, Layer, ManagedRuntime } from "effect";
import { describe, expect, it } from "vitest";
import * as Sync from "../src/Sync.ts";
import { start, syncOver } from "./support/World.ts";

/** One in-memory store shared by several Sync instances (as two processes share a database). */
const sharedStore = async () => {
  const rt = ManagedRuntime.make(SyncStore.layerMemory);
  const store = await rt.runPromise(SyncStore.SyncStore);
  return { layer: Layer.succeed(SyncStore.SyncStore, store), store, dispose: () => rt.dispose() };
};

describe("one run at a time per connection (SPEC R3)", () => {
  it("two concurrent runs on one connection: exactly one proceeds, the other is refused as Busy", async () => {
    const shared = await sharedStore();
    const w = await start({ store: shared.layer });
    const other = syncOver(w.sb, shared.layer, { holder: "other-process" });
    try {
      const results = await Promise.all([
        w.sync((s) => Effect.either(s.run(w.connectionId))),
        other.runPromise(Effect.flatMap(Sync.Sync, (s) => Effect.either(s.run(w.connectionId)))),
      ]);
      const ok = results.filter((r) => r._tag === "Right");
      const refused = results.flatMap((r) => (r._tag === "Left" ? [r.left] : []));
      expect(ok).toHaveLength(1);
      expect(refused.map((e) => e.reason)).toEqual(["Busy"]);
      const runs = await w.sync((s) => s.runs(w.connectionId));
      expect(runs.runs).toHaveLength(1);
    } finally {
      await other.dispose();
      await w.close();
      await shared.dispose();
    }
  });

  it("a run whose lease renewal fails stops writing at once and reports LeaseLost", async () => {
    const shared = await sharedStore();
    let renewals = 0;
    // The store's lease is taken over after the second renewal, as when another holder steals it.
    const stealing = Layer.succeed(SyncStore.SyncStore, {
      ...shared.store,
      leases: {
        ...shared.store.leases,
        renew: (lease, ttl) =>
          ++renewals > 2
            ? Effect.fail(new SyncStore.SyncStoreError({ reason: "LeaseLost", message: "taken over" }))
            : shared.store.leases.renew(lease, ttl),
      },
    });
    // Slow Runn writes so the run is still writing when the lease goes.
    const w = await start({
      store: stealing,
      leaseTtl: "300 millis",
      faults: { apis: ["runn"], latency: { probability: 1, ms: 40_000 } },
    });
    try {
      const result = await w.sync((s) => Effect.either(s.run(w.connectionId)));
      expect(result._tag === "Left" ? result.left.reason : result.right.status).toBe("LeaseLost");
      const writesAtStop = (await w.control("GET", "/stats")).runn.writes;
      await new Promise((r) => setTimeout(r, 500));
      expect((await w.control("GET", "/stats")).runn.writes).toBe(writesAtStop);
      const state = await w.control("GET", "/runn/state?actuals=false");
      expect(state.people.length).toBeLessThan(10);
    } finally {
      await w.close();
      await shared.dispose();
    }
  });
});
