import { SyncStore } from "@harvest-runn/storage";
import { Clock, Effect, Layer, Logger, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Clients from "../src/Clients.ts";
import * as Sync from "../src/Sync.ts";
import type { HarvestPage, HarvestTimeEntry } from "./support/Documents.ts";
import { addDays, harvestTotals, runnTotals } from "./support/Oracle.ts";
import { anchorDate, start, type World } from "./support/World.ts";

/** This machine's clock runs two hours ahead of Harvest's: far more than the cursor's 10-minute overlap. */
const aheadMs = 2 * 3600_000;

/** An Effect clock `aheadMs` ahead of the sandbox's data clock, ticking with real time. */
const clockAhead = (w: World): Clock.Clock => {
  const base = Clock.make();
  const t0 = Date.now();
  const millis = () => w.sb.sandbox.nowSeconds() * 1000 + aheadMs + (Date.now() - t0);
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: millis,
    unsafeCurrentTimeNanos: () => BigInt(millis()) * 1_000_000n,
    currentTimeMillis: Effect.sync(millis),
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
    sleep: (d) => base.sleep(d),
  };
};

describe("an old edit reaches Runn although this machine's clock is ahead of Harvest's (SPEC A6)", () => {
  let w: World;
  let skewed: ManagedRuntime.ManagedRuntime<Sync.Sync, never>;
  const warnings: Array<string> = [];
  const run = () => skewed.runPromise(Effect.flatMap(Sync.Sync, (s) => s.run(w.connectionId)));

  beforeAll(async () => {
    const shared = ManagedRuntime.make(SyncStore.layerMemory);
    const store = Layer.succeed(SyncStore.SyncStore, await shared.runPromise(SyncStore.SyncStore));
    w = await start({ store });
    const scale = w.sb.info.timeScale;
    const clients = Clients.layer({
      harvestBaseUrl: w.sb.info.harvest.baseUrl,
      harvestIdBaseUrl: w.sb.info.harvest.idBaseUrl,
      harvestRateLimit: { limit: 100, window: `${Math.ceil(15_000 / scale)} millis` },
      runnRateLimit: { limit: 120, window: `${Math.ceil(60_000 / scale)} millis` },
      baseDelay: "5 millis",
    });
    const capture = Logger.replace(
      Logger.defaultLogger,
      Logger.make(({ logLevel, message }) => {
        if (logLevel._tag === "Warning") warnings.push(String(message));
      }),
    );
    skewed = ManagedRuntime.make(
      Layer.mergeAll(
        Sync.layer({ leaseTtl: "20 seconds" }).pipe(Layer.provide(Layer.merge(store, clients))),
        Layer.setClock(clockAhead(w)),
        capture,
      ),
    );
  });
  afterAll(async () => {
    await skewed?.dispose();
    await w?.close();
  });

  it("an entry moved 50 days back between runs is picked up by the next run, and the skew is warned", async () => {
    const first = await run();
    expect(first.status).toBe("succeeded");
    expect(warnings.some((m) => m.includes("Harvest clock skew -2 h"))).toBe(true);
    const windowStart = addDays(anchorDate, -44);
    const [runn, harvest] = await Promise.all([runnTotals(w), harvestTotals(w, windowStart)]);
    const key = [...runn.keys()].find((k) => harvest.get(k) === runn.get(k))!;
    const [user, project, date] = key.split(":");
    const entries = await w.harvestWrite<HarvestPage<"time_entries", HarvestTimeEntry>>(
      "GET",
      `/time_entries?user_id=${user}&project_id=${project}&from=${date}&to=${date}`,
    );
    const moved = entries.time_entries[0]!;
    const oldDate = addDays(anchorDate, -50);
    await w.harvestWrite("PATCH", `/time_entries/${moved.id}`, { spent_date: oldDate });

    const second = await run();
    expect(second.status).toBe("succeeded");
    const oldKey = `${user}:${project}:${oldDate}`;
    const expected = (await harvestTotals(w, oldDate)).get(oldKey);
    expect(expected).toBeDefined();
    expect((await runnTotals(w)).get(oldKey)).toBe(expected);
  });
});
