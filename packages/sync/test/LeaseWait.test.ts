import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { updatedSinceCursor } from "../src/internal/Env.ts";
import * as Progress from "../src/Progress.ts";
import { start, type World } from "./support/World.ts";

const timeEntries = "GET /time_entries";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Takes the connection's lease as another process would (one that died, or is still running). */
const holdLease = (w: World) =>
  w.runtime.runPromise(
    Effect.flatMap(SyncStore.SyncStore, (s) =>
      s.leases.acquire({
        connectionId: w.connectionId as Ids.ConnectionId,
        holder: "a process that died",
        ttl: "1 minute",
      }),
    ),
  );

const store = <A>(w: World, f: (s: SyncStore.Shape) => Effect.Effect<A, unknown>) =>
  w.runtime.runPromise(Effect.flatMap(SyncStore.SyncStore, f));

/** Polls the sandbox's counters (every 20 ms, at most 10 s) until `done` holds, and returns them. */
const statsWhen = async (w: World, done: (s: Awaited<ReturnType<typeof stats>>) => boolean) => {
  for (let i = 0; i < 500; i++) {
    const s = await stats(w);
    if (done(s)) return s;
    await sleep(20);
  }
  throw new Error("the sandbox never reached the state waited for");
};
const stats = (w: World) => w.control("GET", "/stats");

describe("a run asked to wait for a held lease (RunOptions.waitForLease)", () => {
  it("reads Harvest while it waits, reads and writes nothing in Runn until it holds the lease, and reads Harvest once", async () => {
    const w = await start();
    world = w;
    const held = await holdLease(w);
    const connected = await stats(w);
    const events: Array<Progress.ProgressEvent> = [];
    const running = w.sync((s) =>
      s
        .run(w.connectionId, { waitForLease: "30 seconds" })
        .pipe(Effect.provide(Progress.layerCallback((e) => events.push(e)))),
    );
    // Every Harvest list is read while the other holder still has the lease.
    const whileHeld = await statsWhen(w, (s) => (s.harvest.requests[timeEntries] ?? 0) > 0);
    await sleep(300);
    const atRelease = await stats(w);
    expect(atRelease.harvest.total).toBe(whileHeld.harvest.total);
    expect(atRelease.runn.total).toBe(connected.runn.total);
    await store(w, (s) => s.leases.release(held));
    const summary = await running;
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.created).toBeGreaterThan(0);
    const after = await stats(w);
    // What it read while waiting is what it used: no Harvest list was read again.
    expect(after.harvest.requests).toEqual(atRelease.harvest.requests);
    expect(after.runn.writes).toBeGreaterThan(0);
    // Progress says it waits (before the run has an id), then that it holds the lease.
    const lease = events.filter((e) => e.phase === "lease");
    expect(lease.map((e) => [e.runId, e.done, e.note])).toEqual([
      ["", 0, "waiting up to 30s for the run in progress, reading Harvest meanwhile"],
      [summary.id, 1, "held after waiting for the run in progress"],
    ]);
  });

  it("reads Harvest again when the holder moved the updated_since cursor while it waited", async () => {
    const w = await start();
    world = w;
    await w.sync((s) => s.run(w.connectionId));
    const held = await holdLease(w);
    const before = await stats(w);
    const running = w.sync((s) => s.run(w.connectionId, { waitForLease: "30 seconds" }));
    const read = await statsWhen(
      w,
      (s) => (s.harvest.requests[timeEntries] ?? 0) > (before.harvest.requests[timeEntries] ?? 0),
    );
    await sleep(300);
    // The holder's run finishes: it moves the cursor, then lets the lease go.
    await store(w, (s) => s.cursors.set(held, updatedSinceCursor, "2026-03-01T00:00:00Z"));
    await store(w, (s) => s.leases.release(held));
    const summary = await running;
    expect(summary.status).toBe("succeeded");
    const after = await stats(w);
    // The time entries read while waiting asked for the old cursor: they are read again with the new one.
    expect(after.harvest.requests[timeEntries] ?? 0).toBeGreaterThan(read.harvest.requests[timeEntries] ?? 0);
  });

  it("gives up with Busy once the wait is over, having written nothing", async () => {
    const w = await start();
    world = w;
    await holdLease(w);
    const connected = await stats(w);
    const t0 = performance.now();
    const result = await w.sync((s) => Effect.either(s.run(w.connectionId, { waitForLease: "400 millis" })));
    const waited = performance.now() - t0;
    expect(result._tag === "Left" ? result.left.reason : result.right.status).toBe("Busy");
    expect(waited).toBeGreaterThanOrEqual(400);
    expect((await stats(w)).runn.total).toBe(connected.runn.total);
    const runs = await w.sync((s) => s.runs(w.connectionId));
    expect(runs.runs).toHaveLength(0);
  });

  it("without a wait, a held lease fails the run with Busy at once and reads nothing", async () => {
    const w = await start();
    world = w;
    await holdLease(w);
    const connected = await stats(w);
    const result = await w.sync((s) => Effect.either(s.run(w.connectionId)));
    expect(result._tag === "Left" ? result.left.reason : result.right.status).toBe("Busy");
    const s = await stats(w);
    expect(s.harvest.total + s.runn.total).toBe(connected.harvest.total + connected.runn.total);
  });
});
