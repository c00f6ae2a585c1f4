/** What a person reads: tables fitted to the terminal, plurals, local times, progress rows. */
import { describe, expect, it } from "vitest";
import * as ProgressBars from "../src/ProgressBars.ts";
import * as Render from "../src/Render.ts";

describe("tables", () => {
  const rows = [
    ["3f2a1b9c", "succeeded", "159 created, 618 written, 13 skipped, 332 held"],
    ["77aa01be", "partial", "2 written, 1 failed"],
  ];

  it("fit the width by wrapping at spaces, keep header words and fixed columns whole", () => {
    const lines = Render.table(["id", "status", "counts"], rows, { width: 40, fixed: [0] });
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^id +status +counts$/);
    expect(lines.join("\n")).toContain("3f2a1b9c");
    // Every word of every cell is still there, whole.
    const words = lines.slice(1).join(" ").split(/\s+/);
    for (const w of ["159", "created,", "618", "written,", "332", "held", "succeeded"])
      expect(words).toContain(w);
  });

  it("stay on one line per row when there is room", () => {
    const lines = Render.table(["id", "status", "counts"], rows, { width: 200 });
    expect(lines).toHaveLength(3);
  });
});

describe("values", () => {
  it("pluralise counts", () => {
    expect([1, 2].map((n) => Render.plural(n, "client"))).toEqual(["1 client", "2 clients"]);
    expect([1, 3].map((n) => Render.plural(n, "person"))).toEqual(["1 person", "3 people"]);
    expect(Render.plural(2, "entry")).toBe("2 entries");
    expect(Render.plural(0, "day total")).toBe("0 day totals");
  });

  it("show durations and local times to the second", () => {
    expect(Render.duration(400)).toBe("0.4 s");
    expect(Render.duration(125_000)).toBe("2 min 5 s");
    expect(Render.duration(2 * 3_600_000 + 600_000)).toBe("2 h 10 min");
    expect(Render.localTime("2026-12-05T22:48:31.123Z")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:31$/);
    expect(Render.value({ enabled: true, timeOfDay: "02:00" })).toBe("enabled on, timeOfDay 02:00");
  });
});

describe("progress rows", () => {
  const start = 1_000_000;

  it("a single-step phase shows only its elapsed time", () => {
    const s = { phase: "load", done: 0, total: 1, startedMs: start };
    expect(ProgressBars.detail(s, start + 2_300, false)).toBe("…      2.3 s");
    expect(ProgressBars.detail({ ...s, done: 1 }, start + 2_300, true)).toBe("done   2.3 s");
  });

  it("the load shows what it has read so far beside its elapsed time", () => {
    const s = {
      phase: "load",
      done: 0,
      total: 1,
      startedMs: start,
      note: "3 of 13 lists, 4,200 records read",
    };
    expect(ProgressBars.detail(s, start + 2_300, false)).toBe(
      "…      3 of 13 lists, 4,200 records read  2.3 s",
    );
  });

  it("a long phase shows its count, rate and ETA, and drops the ETA once done", () => {
    const s = { phase: "actuals", done: 250, total: 1000, startedMs: start };
    expect(ProgressBars.detail(s, start + 10_000, false)).toBe("250/1000  25/s  ETA 30 s  10 s");
    expect(ProgressBars.detail({ ...s, done: 1000 }, start + 40_000, true)).toBe("1000/1000  25/s  40 s");
    // Nothing to tell before the first step.
    expect(ProgressBars.eta({ ...s, done: 0 }, start + 10_000)).toBe("");
  });
});
