import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HarvestPage, HarvestTimeEntry, HarvestUser } from "./support/Documents.ts";
import { addDays, harvestTotals, runnTotals } from "./support/Oracle.ts";
import { anchorDate, duplicates, runnState, start, type World } from "./support/World.ts";

/** Window of 10 days, so the 30 days of tiny data hold days older than the window (SPEC A6). */
const windowDays = 10;
const windowStart = addDays(anchorDate, -(windowDays - 1));
const spanStart = addDays(anchorDate, -40);

describe("Harvest changes between runs reach Runn as the SPEC says", () => {
  let w: World;
  beforeAll(async () => {
    w = await start({ settings: { switches: { actuals: true }, windowDays } });
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Keys (user:project:date) present in both Runn and Harvest, in or before the window. */
  const syncedKeys = async () => {
    const runn = await runnTotals(w);
    const harvest = await harvestTotals(w, spanStart);
    return [...runn.keys()].filter((k) => harvest.get(k) === runn.get(k));
  };
  const entriesOf = async (key: string) => {
    const [user, project, date] = key.split(":");
    const body = await w.harvestWrite<HarvestPage<"time_entries", HarvestTimeEntry>>(
      "GET",
      `/time_entries?user_id=${user}&project_id=${project}&from=${date}&to=${date}`,
    );
    return body.time_entries;
  };
  const expectSame = async (keys: ReadonlyArray<string>) => {
    const runn = await runnTotals(w);
    const harvest = await harvestTotals(w, spanStart);
    for (const k of keys) expect(runn.get(k), k).toBe(harvest.get(k));
  };

  it("a backfill writes every day from the given date, older than the window too", async () => {
    const summary = await w.sync((s) => s.backfill(w.connectionId, spanStart));
    expect(summary.status).toBe("succeeded");
    const keys = await syncedKeys();
    expect(keys.some((k) => k.split(":")[2]! < windowStart)).toBe(true);
  });

  it("an edited, a deleted, a moved old entry and a new user with two roles", async () => {
    const keys = await syncedKeys();
    const inWindow = keys.filter((k) => k.split(":")[2]! >= windowStart);
    const old = keys.filter((k) => k.split(":")[2]! < addDays(windowStart, -3));
    expect(inWindow.length).toBeGreaterThan(2);
    expect(old.length).toBeGreaterThan(0);
    const [editKey, deleteKey] = inWindow;
    const moveKey = old[0]!;
    const edited = (await entriesOf(editKey!))[0]!;
    await w.harvestWrite("PATCH", `/time_entries/${edited.id}`, { hours: edited.hours + 1.5 });
    const deleted = await entriesOf(deleteKey!);
    for (const e of deleted) await w.harvestWrite("DELETE", `/time_entries/${e.id}`);
    const moved = (await entriesOf(moveKey))[0]!;
    const newDate = addDays(moved.spent_date, -2);
    await w.harvestWrite("PATCH", `/time_entries/${moved.id}`, { spent_date: newDate });
    const user = await w.harvestWrite<HarvestUser>("POST", "/users", {
      first_name: "Grace",
      last_name: "Hopper",
      email: "grace.hopper@example.test",
      roles: ["Developer", "Designer"],
    });

    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    const [u, p] = moveKey.split(":");
    await expectSame([editKey!, deleteKey!, moveKey, `${u}:${p}:${newDate}`]);
    // The deleted key is gone from Runn (deleted by default, SPEC A8).
    expect((await runnTotals(w)).has(deleteKey!)).toBe(false);
    const state = await runnState(w);
    const person = Object.keys(state.people).find((k) => k.startsWith(`${user.id}|`));
    expect(person).toBe(`${user.id}|Grace Hopper|Unknown`);
    expect(duplicates(state)).toEqual([]);
  });

  it("an old deletion is invisible to a normal run and fixed by a backfill (SPEC A6)", async () => {
    const old = (await syncedKeys()).filter((k) => k.split(":")[2]! < windowStart);
    const key = old[0]!;
    for (const e of await entriesOf(key)) await w.harvestWrite("DELETE", `/time_entries/${e.id}`);
    await w.sync((s) => s.run(w.connectionId));
    expect((await runnTotals(w)).has(key)).toBe(true);
    const summary = await w.sync((s) => s.backfill(w.connectionId, spanStart));
    expect(summary.status).toBe("succeeded");
    expect((await runnTotals(w)).has(key)).toBe(false);
    await expectSame((await syncedKeys()).slice(0, 20));
  });
});
