/** Sandbox options that change what the simulated APIs do: the data clock, autofill, bulk order. */
import { describe, expect, it } from "vitest";
import { manualClock } from "../src/control/Clock.ts";
import { weekday } from "../src/Dates.ts";
import { makeSandbox } from "../src/Sandbox.ts";
import { harness } from "./support/Harness.ts";

const DAY_MS = 86_400_000;

describe("sandbox options", () => {
  it("the data clock stays frozen by default and follows the wall clock with clock: real", () => {
    for (const [mode, moved] of [
      ["frozen", 0],
      ["real", 7200],
    ] as const) {
      const wall = manualClock(1_700_000_000_000);
      const sb = makeSandbox({ anchorDate: "2024-06-03", wallClock: wall, clock: mode, timeScale: 2 });
      const start = sb.nowSeconds();
      wall.advance(3_600_000);
      expect(sb.nowSeconds() - start, mode).toBe(moved);
      sb.advance(DAY_MS);
      expect(sb.nowSeconds() - start, mode).toBe(moved + 86_400);
    }
    expect(() => makeSandbox({ anchorDate: "2024-06-03", clock: "live" as "real" })).toThrow(
      /frozen or real/,
    );
  });

  it("autofill writes zero actuals every Sunday for assigned working days with no actual, once", async () => {
    // 2024-06-03 is a Monday; the next Sunday is 2024-06-09 and fills 2024-06-02 to 2024-06-08.
    const zeros = (t: ReturnType<typeof harness>) => {
      const s = t.sandbox.world.runn[0]!.actuals;
      const out: number[] = [];
      for (let i = 0; i < s.size; i++)
        if (!s.deleted[i] && s.billable[i] === 0 && s.nonbillable[i] === 0) out.push(s.day[i]!);
      return out;
    };
    const plain = harness({ runnData: "existing" });
    const t = harness({ runnData: "existing", autofillActuals: true });
    const before = t.sandbox.world.runn[0]!.actuals.size;
    expect(zeros(t)).toEqual(zeros(plain));
    await t.runn("GET", "/me/");
    await t.control("POST", "/clock", { advanceDays: 5 });
    await t.runn("GET", "/me/");
    expect(t.sandbox.world.runn[0]!.actuals.size).toBe(before);
    await t.control("POST", "/clock", { advanceDays: 1 });
    await t.runn("GET", "/me/");
    const filled = t.sandbox.world.runn[0]!.actuals.size - before;
    expect(filled).toBeGreaterThan(0);
    const s = t.sandbox.world.runn[0]!.actuals;
    const days = Array.from({ length: filled }, (_, k) => s.day[before + k]!);
    expect(days.every((d) => weekday(d) !== 0 && weekday(d) !== 6)).toBe(true);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(Date.parse("2024-06-02") / DAY_MS);
    expect(Math.max(...days)).toBeLessThanOrEqual(Date.parse("2024-06-08") / DAY_MS);
    const listed = await t.runn("GET", "/actuals/?minDate=2024-06-04&maxDate=2024-06-08&limit=500");
    expect(listed.json.values.some((v: { billableMinutes: number }) => v.billableMinutes === 0)).toBe(true);
    // A key that already had an actual is never given a second one.
    const keys = new Set<string>();
    for (let i = 0; i < s.size; i++)
      if (!s.deleted[i])
        keys.add(`${s.day[i]}|${s.person[i]}|${s.project[i]}|${s.role[i]}|${s.workstream[i]}`);
    expect(keys.size).toBe(s.size - s.deleted.reduce((n, d) => n + d, 0));
    await t.runn("GET", "/me/");
    expect(t.sandbox.world.runn[0]!.actuals.size - before).toBe(filled);
    await plain.control("POST", "/clock", { advanceDays: 6 });
    await plain.runn("GET", "/me/");
    expect(plain.sandbox.world.runn[0]!.actuals.size).toBe(before);
  });

  it("returns POST /clients/bulk/ results in another order with runnBulkOrder: reversed", async () => {
    const names = ["Alpha", "Beta", "Gamma"];
    const body = { clients: names.map((name) => ({ name })) };
    const inOrder = await harness().runn("POST", "/clients/bulk/", { body });
    expect(inOrder.json.map((c: { name: string }) => c.name)).toEqual(names);
    const reversed = await harness({ runnBulkOrder: "reversed" }).runn("POST", "/clients/bulk/", { body });
    expect(reversed.json.map((c: { name: string }) => c.name)).toEqual([...names].reverse());
  });
});
