/**
 * A first import that outlives a day (issue: the biggest account), at tiny scale with a slow Runn: its
 * progress is in the store while it runs, the daily schedule that comes round meanwhile starts no second
 * run, and the run the schedule still owes afterwards picks up what changed in Harvest during the
 * import, writing only that.
 */
import { SyncStore } from "@harvest-runn/storage";
import { Effect, Either, Option } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Progress from "../src/Progress.ts";
import type { HarvestPage, HarvestTimeEntry, HarvestUser } from "./support/Documents.ts";
import { harvestTotals, runnTotals } from "./support/Oracle.ts";
import { anchorDate, duplicates, runnState, start, type World } from "./support/World.ts";

const writePhases = new Set(["roles", "clients", "projects", "people", "links", "actuals", "removals"]);

describe("a first import that outlives a day", () => {
  let w: World;
  beforeAll(async () => {
    // Ten Runn requests a second: the import's 27 writes take about three seconds. The day that passes
    // meanwhile is one jump of the data clock, so the lease lives two days (a real day renews it ~4,000
    // times at its default TTL).
    w = await start({
      timeScale: 1,
      limits: { runn: { requests: 10, windowMs: 1_000 } },
      leaseTtl: "2 days",
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  const progress = () =>
    w.runtime.runPromise(Effect.flatMap(SyncStore.SyncStore, (s) => s.progress.get(w.connectionId as never)));
  const now = () => new Date(w.sb.sandbox.nowSeconds() * 1000);

  it("shows its progress from the store, defers the schedule, and the owed run writes only the changes", async () => {
    const started = await w.sync((s) => s.start(w.connectionId));
    let during =
      Option.none<Awaited<ReturnType<typeof progress>> extends Option.Option<infer P> ? P : never>();
    for (let i = 0; i < 400 && Option.isNone(during); i++) {
      const p = await progress();
      if (Option.isSome(p) && writePhases.has(p.value.phase) && p.value.requests.done > 0) during = p;
      else await new Promise((r) => setTimeout(r, 10));
    }
    const mid = Option.getOrThrow(during);
    expect(mid.runId).toBe(started.runId);
    expect(mid.entities.done).toBeLessThan(mid.entities.total);
    expect(Progress.describe(mid, now())).toMatch(
      /^importing: \d+ of \d+ entities, (about (\d+ h )?(\d+ min|less than a minute)|time left not known yet)/,
    );

    // Harvest changes while the import writes: an entry in the window is edited, a person joins.
    const page = await w.harvestWrite<HarvestPage<"time_entries", HarvestTimeEntry>>(
      "GET",
      `/time_entries?from=${anchorDate}&to=${anchorDate}&per_page=1`,
    );
    const edited = page.time_entries[0]!;
    await w.harvestWrite("PATCH", `/time_entries/${edited.id}`, { hours: edited.hours + 2 });
    const joined = await w.harvestWrite<HarvestUser>("POST", "/users", {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada.lovelace@example.test",
    });

    // A day passes; the daily schedule comes round while the import still runs.
    await w.control("POST", "/clock", { advanceDays: 1 });
    const [due] = await w.sync((s) => s.due(now()));
    expect(due?.connectionId).toBe(w.connectionId);
    const scheduled = await w.sync((s) =>
      Effect.either(s.run(w.connectionId, { trigger: "schedule", scheduledFor: due!.scheduledFor })),
    );
    expect(Either.isLeft(scheduled) && scheduled.left.reason).toBe("Busy");

    const first = await w.runtime.runPromise(started.done);
    expect(first.status).toBe("succeeded");
    expect((await w.sync((s) => s.runs(w.connectionId))).runs).toHaveLength(1);
    const after = Option.getOrThrow(await progress());
    expect([after.phase, after.entities.done]).toEqual(["record", after.entities.total]);
    expect(after.requests.done).toBe(after.requests.total);

    // The schedule still owes its run; it writes the new person and the edited day, nothing else.
    const owed = await w.sync((s) => s.due(now()));
    expect(owed.map((d) => d.scheduledFor)).toEqual([due!.scheduledFor]);
    await w.control("DELETE", "/stats");
    const next = await w.sync((s) =>
      s.run(w.connectionId, { trigger: "schedule", scheduledFor: due!.scheduledFor }),
    );
    const stats = await w.control("GET", "/stats");
    expect(next.status).toBe("succeeded");
    expect(next.counts.created).toBe(1);
    expect(stats.runn.writes).toBe(2);
    const key = `${edited.user.id}:${edited.project.id}:${edited.spent_date}`;
    expect((await runnTotals(w)).get(key)).toBe((await harvestTotals(w, anchorDate)).get(key));
    const state = await runnState(w);
    expect(Object.keys(state.people).some((k) => k.startsWith(`${joined.id}|Ada Lovelace|`))).toBe(true);
    expect(duplicates(state)).toEqual([]);
    expect(await w.sync((s) => s.due(now()))).toEqual([]);
  });
});
