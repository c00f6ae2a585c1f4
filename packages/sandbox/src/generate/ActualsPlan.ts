/**
 * What a correct first import writes as actuals (SPEC A1–A5, A7): Harvest entries with spent dates in
 * the window, rounded per entry to the nearest minute, summed per (person, project, role, day); entries
 * whose person or project is not linked are skipped with a reason; keys whose role is "Unknown" are held.
 */
import { F_BILLABLE, F_DELETED, F_RUNNING } from "../harvest/EntryStore.ts";
import type { HarvestAccount } from "../harvest/HarvestModel.ts";
import { type ImportPlan, pairKey } from "./ImportPlan.ts";
import { WINDOW_DAYS } from "./Presets.ts";

/** The day totals of the window, keyed by (user index, project index, day). */
export interface WindowTotals {
  readonly windowStart: number;
  readonly user: number[];
  readonly project: number[];
  readonly day: number[];
  readonly person: number[];
  readonly runnProject: number[];
  readonly role: number[];
  readonly billable: number[];
  readonly nonbillable: number[];
  readonly held: boolean[];
  readonly entriesInWindow: number;
  readonly skippedEntries: {
    person_not_linked: number;
    project_not_linked: number;
    ambiguous_link: number;
    possible_duplicate: number;
  };
  readonly heldEntries: { unknown_role: number };
}

/** Minutes of one entry: its `hours` at `now`, rounded to the nearest minute (SPEC A2). */
export const entryMinutes = (harvest: HarvestAccount, i: number, nowSeconds: number): number => {
  const e = harvest.entries;
  let seconds = e.seconds[i] as number;
  if (e.has(i, F_RUNNING)) seconds += Math.max(0, nowSeconds - (e.timerStart.get(i) ?? nowSeconds));
  const hours = roundHours(seconds / 3600);
  return Math.sign(hours) * Math.round(Math.abs(hours) * 60);
};

/** Hours as the API shows them (six decimals). */
export const roundHours = (h: number): number => Math.round(h * 1e6) / 1e6;

/** The Runn role an actual of (person, project) goes to (SPEC A3). */
export const roleOf = (plan: ImportPlan, person: number, project: number): number => {
  const roles = person > 0 && project > 0 ? plan.projectRoles.get(pairKey(person, project)) : undefined;
  if (roles && roles.size === 1) return roles.values().next().value as number;
  return plan.primaryRole.get(person) ?? 0;
};

/** Aggregates every entry of the window into day totals. */
export const totalsOfWindow = (
  harvest: HarvestAccount,
  plan: ImportPlan,
  anchorDay: number,
  nowSeconds: number,
): WindowTotals => {
  const windowStart = anchorDay - (WINDOW_DAYS - 1);
  // Keys chain per (user, day): a user logs few projects a day, so no hashing is needed.
  const head = new Int32Array(harvest.users.length * WINDOW_DAYS).fill(-1);
  const chain: number[] = [];
  const t: WindowTotals = {
    windowStart,
    user: [],
    project: [],
    day: [],
    person: [],
    runnProject: [],
    role: [],
    billable: [],
    nonbillable: [],
    held: [],
    entriesInWindow: 0,
    skippedEntries: { person_not_linked: 0, project_not_linked: 0, ambiguous_link: 0, possible_duplicate: 0 },
    heldEntries: { unknown_role: 0 },
  };
  const e = harvest.entries;
  let inWindow = 0;
  for (let i = 0; i < e.size; i++) {
    const day = e.day[i] as number;
    if (day < windowStart || day > anchorDay || e.has(i, F_DELETED)) continue;
    inWindow++;
    const u = e.user[i] as number;
    const p = e.project[i] as number;
    const person = plan.personOf[u];
    if (typeof person !== "number") {
      if (person === "conflicting_link") t.skippedEntries.ambiguous_link++;
      else if (person === "possible_duplicate") t.skippedEntries.possible_duplicate++;
      else t.skippedEntries.person_not_linked++;
      continue;
    }
    const project = plan.projectOf[p];
    if (typeof project !== "number") {
      if (project === "conflicting_link") t.skippedEntries.ambiguous_link++;
      else if (project === "possible_duplicate") t.skippedEntries.possible_duplicate++;
      else t.skippedEntries.project_not_linked++;
      continue;
    }
    const slot = u * WINDOW_DAYS + (day - windowStart);
    let k = head[slot] as number;
    while (k >= 0 && t.project[k] !== p) k = chain[k] as number;
    if (k < 0) {
      k = t.user.length;
      chain.push(head[slot] as number);
      head[slot] = k;
      const role = roleOf(plan, person, project);
      t.user.push(u);
      t.project.push(p);
      t.day.push(day);
      t.person.push(person);
      t.runnProject.push(project);
      t.role.push(role);
      t.billable.push(0);
      t.nonbillable.push(0);
      t.held.push(plan.unknownRoles.has(role));
    }
    if (t.held[k]) t.heldEntries.unknown_role++;
    const minutes = entryMinutes(harvest, i, nowSeconds);
    if (e.has(i, F_BILLABLE)) t.billable[k] = (t.billable[k] as number) + minutes;
    else t.nonbillable[k] = (t.nonbillable[k] as number) + minutes;
  }
  return { ...t, entriesInWindow: inWindow };
};
