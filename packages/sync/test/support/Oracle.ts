/** Expected day totals computed straight from Harvest (SPEC A1, A2), to compare with Runn by references. */
import type { World } from "./World.ts";

/** Day totals per `harvestUser:harvestProject:date`, from every Harvest entry from `from` on. */
export const harvestTotals = async (w: World, from: string): Promise<Map<string, string>> => {
  const entries: Array<any> = [];
  for (let page = 1; page < 100; page++) {
    const body = await w.harvestWrite("GET", `/time_entries?from=${from}&per_page=2000&page=${page}`);
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
  const ref = (x: any) => x.references.find((r: any) => r.referenceName === "Harvest")?.externalId ?? null;
  const person = new Map<number, string | null>(s.people.map((p: any) => [p.id, ref(p)]));
  const project = new Map<number, string | null>(s.projects.map((p: any) => [p.id, ref(p)]));
  const sums = new Map<string, { b: number; n: number }>();
  for (const a of s.actuals) {
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
