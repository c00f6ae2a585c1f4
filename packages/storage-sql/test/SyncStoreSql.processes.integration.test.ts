/**
 * Leases across OS processes (SPEC R3): two processes racing on one SQLite file or one Postgres schema
 * get exactly one winner; a holder killed mid-run leaves its run unfinished and its lease expires.
 */

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@effect/vitest";
import { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Fixtures } from "@harvest-runn/storage/testing";
import * as Children from "@harvest-runn/testing-support/Children";
import { Effect, Redacted } from "effect";
import * as Adapters from "./support/Adapters.ts";
import type * as LeaseWorker from "./support/LeaseWorker.ts";

const leaseWorker = fileURLToPath(new URL("./support/LeaseWorker.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

const adapters = Adapters.available("processes");
if (adapters.length === 0)
  describe.skip("leases across processes", () => it("no SQL adapter selected", () => {}));

describe.each(adapters.map((a) => [a.name, a] as const))("leases across processes: %s", (_name, adapter) => {
  const run = <A, E>(effect: Effect.Effect<A, E, SyncStore.SyncStore>) =>
    Effect.runPromise(Effect.provide(effect, adapter.store()));
  const newConnection = () =>
    run(Effect.flatMap(SyncStore.SyncStore, (s) => s.connections.create(Fixtures.connection())));
  const worker = (
    connectionId: Ids.ConnectionId,
    holder: string,
    mode: "race" | "hold",
    ttlMs: number,
    startAt: number,
  ) =>
    Children.start<LeaseWorker.Line>({
      script: leaseWorker,
      cwd: packageRoot,
      env: {
        HR_WORKER: JSON.stringify({ ...adapter.worker, connectionId, holder, ttlMs, startAt, mode }),
        HARVEST_RUNN_SECRET_KEY: Redacted.value(adapter.key),
      },
    });

  it("two processes racing for the same lease: exactly one wins", async () => {
    for (let round = 0; round < 2; round++) {
      const connection = await newConnection();
      const startAt = Date.now() + 4000;
      const racers = [
        worker(connection.id, "p1", "race", 60_000, startAt),
        worker(connection.id, "p2", "race", 60_000, startAt),
      ];
      const results = await Promise.all(racers.map((w) => w.waitFor((l) => "won" in l)));
      expect(results.filter((r) => r.won === true)).toHaveLength(1);
      expect(results.find((r) => r.won === false)).toEqual({ won: false, reason: "LeaseHeld" });
      expect(await Promise.all(racers.map((w) => w.exited))).toEqual([0, 0]);
    }
  }, 180_000);

  it("a holder killed mid-run leaves the run unfinished; its lease expires and is taken over", async () => {
    const connection = await newConnection();
    const holder = worker(connection.id, "doomed", "hold", 2500, 0);
    const ready = await holder.waitFor((l) => "ready" in l);
    process.kill(holder.pid, "SIGKILL");
    await holder.exited;
    const lease = ready.lease;
    const runId = Ids.RunId.make(ready.runId);

    const early = await run(
      Effect.flatMap(SyncStore.SyncStore, (s) =>
        Effect.either(s.leases.acquire({ connectionId: connection.id, holder: "next", ttl: "1 minute" })),
      ),
    );
    expect(early._tag === "Left" && early.left.reason).toBe("LeaseHeld");

    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(lease.expiresAt) - Date.now() + 100)),
    );
    const after = await run(
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const next = yield* store.leases.acquire({
          connectionId: connection.id,
          holder: "next",
          ttl: "1 minute",
        });
        const detail = yield* store.runs.get(runId);
        const stale = yield* Effect.flip(store.runs.finish(lease, runId, { status: "succeeded" }));
        return { next, detail, stale };
      }),
    );
    expect(after.next.generation).toBe(lease.generation + 1);
    expect(after.detail.run.status).toBe("running");
    expect(after.detail.run.finishedAt).toBeNull();
    expect(after.detail.items).toHaveLength(1);
    expect(after.stale.reason).toBe("Fenced");
  }, 120_000);
});
