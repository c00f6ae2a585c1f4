/** Expectations from the sandbox's ground truth and straight from Harvest, to compare with Runn by references. */
import type { FirstImport } from "@harvest-runn/sandbox";
import type { Reference } from "@harvest-runn/testing-support/RunnState";
import { expect } from "vitest";
import type { RunItem } from "../../src/Output.ts";
import type { HarvestPage, HarvestTimeEntry } from "./Documents.ts";
import type { World } from "./World.ts";

/** Asserts that a run held exactly the truth's possible duplicates and conflicting links, per kind (E8, E9). */
export const expectTruthHolds = (
  items: ReadonlyArray<RunItem>,
  truth: FirstImport.FirstImportTruth,
): void => {
  for (const kind of ["client", "project", "person"] as const) {
    const held = (reason: string) =>
      items
        .filter((i) => i.kind === kind && i.outcome === "held" && i.reason === reason)
        .map((i) => i.harvestId)
        .sort();
    expect(held("possible_duplicate"), kind).toEqual([...truth.holds.possible_duplicate[kind]].sort());
    expect(held("conflicting_link"), kind).toEqual([...truth.holds.conflicting_link[kind]].sort());
  }
};

/** Day totals per `harvestUser:harvestProject:date`, from every Harvest entry from `from` on. */
export const harvestTotals = async (w: World, from: string): Promise<Map<string, string>> => {
  const entries: Array<HarvestTimeEntry> = [];
  for (let page = 1; page < 100; page++) {
    const body = await w.harvestWrite<HarvestPage<"time_entries", HarvestTimeEntry>>(
      "GET",
      `/time_entries?from=${from}&per_page=2000&page=${page}`,
    );
    entries.push(...body.time_entries);
    if (body.next_page === null) break;
  }
  const sums = new Map<string, { b: number; n: number }>();
  for (const e of entries) {
    const k = `${e.user.id}:${e.project.id}:${e.spent_date}`;
    const s = sums.get(k) ?? { b: 0, n: 0 };
    const minutes = Math.round(e.hours * 60);
    if (e.billable) s.b += minutes;
    else s.n += minutes;
    sums.set(k, s);
  }
  return new Map(
    [...sums]
      .filter(([, s]) => s.b > 0 || s.n > 0)
      .map(([k, s]) => [k, `${Math.max(0, s.b)}+${Math.max(0, s.n)}`]),
  );
};

/** Runn day totals per `harvestUser:harvestProject:date` (summed over roles), for linked people and projects. */
export const runnTotals = async (w: World): Promise<Map<string, string>> => {
  const s = await w.control("GET", "/runn/state");
  const ref = (x: { references: ReadonlyArray<Reference> }) =>
    x.references.find((r) => r.referenceName === "Harvest")?.externalId ?? null;
  const person = new Map<number, string | null>(s.people.map((p) => [p.id, ref(p)]));
  const project = new Map<number, string | null>(s.projects.map((p) => [p.id, ref(p)]));
  const sums = new Map<string, { b: number; n: number }>();
  for (const a of s.actuals ?? []) {
    const u = person.get(a.personId);
    const p = project.get(a.projectId);
    if (!u || !p || a.workstreamId !== null) continue;
    const k = `${u}:${p}:${a.date}`;
    const x = sums.get(k) ?? { b: 0, n: 0 };
    x.b += a.billableMinutes;
    x.n += a.nonbillableMinutes;
    sums.set(k, x);
  }
  return new Map([...sums].filter(([, s]) => s.b > 0 || s.n > 0).map(([k, s]) => [k, `${s.b}+${s.n}`]));
};

/** Adds days to a `YYYY-MM-DD` date. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
