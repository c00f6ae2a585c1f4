import { describe, expect, it } from "vitest";
import { generate } from "../src/generate/Generate.ts";
import { presets } from "../src/generate/Presets.ts";
import { F_RUNNING } from "../src/harvest/EntryStore.ts";

const anchorDate = "2024-06-03";

describe("generator", () => {
  it("builds exactly the preset's counts (the README's table)", () => {
    const tiny = generate({ seed: 42, preset: "tiny", anchorDate, runnData: "existing" });
    const small = generate({ seed: 42, preset: "small", anchorDate, runnData: "existing" });
    const shape = (w: typeof tiny) => {
      const h = w.harvest[0]!;
      const r = w.runn[0]!;
      return [
        h.userAssignments.length,
        h.taskAssignments.length,
        r.clients.size,
        r.projects.size,
        r.people.size,
        r.actuals.size,
      ];
    };
    expect(shape(tiny)).toEqual([31, 34, 13, 12, 12, 12]);
    expect(shape(small)).toEqual([850, 1183, 33, 225, 145, 2000]);
    for (const name of ["tiny", "small"] as const) {
      const w = generate({ seed: 42, preset: name, anchorDate });
      const h = w.harvest[0]!;
      const p = presets[name];
      expect([h.users.length, h.clients.length, h.projects.length, h.tasks.length, h.entries.size]).toEqual([
        p.users,
        p.clients,
        p.projects,
        p.tasks,
        p.entries,
      ]);
    }
  });

  it("is deterministic: same seed and anchor give the same truth, another seed does not", () => {
    const a = generate({ seed: 7, preset: "small", anchorDate, runnData: "existing" });
    const b = generate({ seed: 7, preset: "small", anchorDate, runnData: "existing" });
    const c = generate({ seed: 8, preset: "small", anchorDate, runnData: "existing" });
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(JSON.stringify(a.truth)).not.toBe(JSON.stringify(c.truth));
    expect(Array.from(a.harvest[0]!.entries.seconds.subarray(0, 500))).toEqual(
      Array.from(b.harvest[0]!.entries.seconds.subarray(0, 500)),
    );
  });

  it("puts the realistic mixes in even the tiny preset", () => {
    const h = generate({ seed: 42, preset: "tiny", anchorDate }).harvest[0]!;
    const roleCounts = new Set(h.users.map((u) => Math.min(u.roles.length, 2)));
    expect(roleCounts).toEqual(new Set([0, 1, 2]));
    expect(h.users.some((u) => u.isContractor)).toBe(true);
    expect(h.users.some((u) => !u.isActive)).toBe(true);
    expect(h.projects.some((p) => !p.isActive)).toBe(true);
    expect(h.projects.some((p) => p.isFixedFee)).toBe(true);
    expect(h.projects.some((p) => !p.isBillable)).toBe(true);
    expect(h.projects.some((p) => p.budgetBy === "project_cost")).toBe(true);
    expect(h.projects.some((p) => p.budgetIsMonthly)).toBe(true);
    const e = h.entries;
    let running = 0;
    for (let i = 0; i < e.size; i++) if (e.has(i, F_RUNNING)) running++;
    expect(running).toBeGreaterThan(0);
  });

  it("records the first import's truth: E5 archived left out, E7 Unknown for none or several roles", () => {
    const w = generate({ seed: 42, preset: "tiny", anchorDate, runnData: "empty" });
    const h = w.harvest[0]!;
    const t = w.truth[0]!;
    expect(t.create.people).toBe(h.users.filter((u) => u.isActive).length);
    expect(t.create.clients).toBe(h.clients.filter((c) => c.isActive).length);
    expect(t.create.projects).toBe(h.projects.filter((p) => p.isActive).length);
    const unknown = h.users.filter((u) => u.isActive && u.roles.length !== 1).map((u) => u.id);
    expect([...t.unknownRolePeople].sort()).toEqual(unknown.sort());
    const singles = new Set(
      h.users.filter((u) => u.isActive && u.roles.length === 1).map((u) => u.roles[0]!.toLowerCase()),
    );
    expect(t.create.roles).toBe(singles.size + (unknown.length > 0 ? 1 : 0));
    expect(t.actuals.keys + t.actuals.heldKeys.unknown_role).toBeGreaterThan(0);
  });

  it("with pre-existing Runn data, holds look-alikes (E8) and conflicting links (E9) of every kind", () => {
    const t = generate({ seed: 42, preset: "small", anchorDate, runnData: "existing" }).truth[0]!;
    for (const kind of ["client", "project", "person"] as const) {
      expect(t.holds.possible_duplicate[kind].length, kind).toBeGreaterThan(0);
      expect(t.holds.conflicting_link[kind].length, kind).toBe(1);
    }
    expect(t.alreadyLinked.person).toBeGreaterThan(0);
    expect(t.actuals.unchanged).toBeGreaterThan(0);
    expect(t.actuals.writes).toBeGreaterThan(0);
    expect(t.actuals.skippedEntries.ambiguous_link).toBeGreaterThan(0);
  });

  it("keeps the xl shape: all entries inside the last 45 days (checked on the preset table)", () => {
    expect(presets.xl.spanDays).toBe(45);
    expect(presets.xl.entries).toBe(1_000_000);
    expect(presets.xl.runnActuals).toBe(400_000);
  });
});
