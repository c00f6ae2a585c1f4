/**
 * Actuals aggregation (SPEC A1, A2, A3, A4, A5, A6, A9): one pass over the time entries that gives each
 * entry that counts its key's code and its amount, and logs the ones that are skipped. Plain loops, a
 * numeric hash map and typed arrays: this is the hot path of a million entries.
 */
import type { Harvest, Plan, ReasonCode, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import type { EntityPlan } from "./Entities.ts";
import { dayNumber, type KeySpace, PairMap } from "./Keys.ts";
import { isUnknown, type Roles } from "./Roles.ts";
import type { SkipLog } from "./SkipLog.ts";
import type { PairRole, PersonSlot, Slot } from "./Slots.ts";

/** Keys to group: `n` (provisional code, payload) pairs; the payload says which record the pair is. */
export interface Items {
  readonly codes: Int32Array;
  readonly payload: Int32Array;
  n: number;
}

/** What the pass leaves besides its items (payload = entry slot). */
export interface Aggregated {
  /** Entry slots: the window's entries, then the entries that replace them (updated, old-day, running). */
  readonly slots: number;
  /** Per entry slot: its Harvest id, amount (minutes, or seconds under per-day rounding), billable flag. */
  readonly ids: Float64Array;
  readonly amount: Float64Array;
  readonly billable: Uint8Array;
  /** `person:project:date` of held time (unknown role, conflicting links): ledger keys there are kept. */
  readonly heldDays: Set<string>;
}

/** Entries to aggregate besides the window's: updated, old-day and running entries (newest copy wins). */
const extras = (harvest: Snapshot.HarvestSnapshot): Map<number, Harvest.TimeEntry> => {
  const byId = new Map<number, Harvest.TimeEntry>();
  for (const list of [harvest.updatedEntries, harvest.oldDayEntries, harvest.runningEntries]) {
    for (const e of list) {
      const seen = byId.get(e.id);
      if (seen === undefined || list === harvest.runningEntries || e.updated_at >= seen.updated_at)
        byId.set(e.id, e);
    }
  }
  return byId;
};

/** Resolves the role of a (person, project) pair once (A3, A5). */
const pairRole = (roles: Roles, person: PersonSlot, project: Slot): PairRole => {
  if (person.isNew) {
    const r = person.newRole!;
    return isUnknown(r.name) ? "unknown_role" : r;
  }
  const roleId = roles.forActual(person.num, project.isNew ? null : project.num);
  if (roleId === null) return "no_role";
  const name = roles.nameOf(roleId);
  if (isUnknown(name)) return "unknown_role";
  return { num: roleId, ref: roleId as Plan.RoleRef, name: name ?? "" };
};

/** A (Harvest user, Harvest project) route: its pair, or why its time is skipped. */
interface Route {
  readonly pair: number;
  readonly skip: ReasonCode | null;
  readonly person: PersonSlot;
  readonly project: Slot | null;
}

/** Gives each entry of the loaded days its key, or logs why it is skipped. */
export const aggregate = (
  harvest: Snapshot.HarvestSnapshot,
  settings: ReconcileOptions.Settings,
  windowStart: string,
  entities: EntityPlan,
  roles: Roles,
  keys: KeySpace,
  skips: SkipLog,
  items: Items,
): Aggregated => {
  const extra = extras(harvest);
  const oldDays = new Set<string>();
  for (const d of harvest.oldDays) oldDays.add(`${d.userId}:${d.date}`);
  const scopeProject = settings.scope.kind === "project" ? settings.scope.harvestProjectId : null;
  const approvedOnly = settings.approvedOnly;
  const useHours = settings.rounding.source === "hours";
  const perDay = settings.rounding.mode === "day";
  const heldDays = new Set<string>();
  const main = harvest.timeEntries;
  const slots = main.length + extra.size;
  const ids = new Float64Array(slots);
  const amounts = new Float64Array(slots);
  const billable = new Uint8Array(slots);
  const { codes, payload } = items;
  const { firstDay } = keys;
  const nDays = keys.days.length;

  const routeIndex = new PairMap();
  const routes: Array<Route> = [];
  const route = (userId: number, projectId: number): Route => {
    const person = entities.user(userId);
    if (person.skip !== null) return { pair: -1, skip: person.skip, person, project: null };
    const project = entities.project(projectId);
    if (project.skip !== null) return { pair: -1, skip: project.skip, person, project };
    const pair = keys.pair(person.num, project.num, () => pairRole(roles, person, project));
    const role = keys.pairRole[pair]!;
    return typeof role === "string"
      ? { pair: -1, skip: role, person, project }
      : { pair, skip: null, person, project };
  };
  const skip = (reason: ReasonCode, e: Harvest.TimeEntry, amount: number, r: Route) => {
    skips.add(reason, e, amount, perDay);
    if (reason !== "unknown_role" && reason !== "ambiguous_link") return;
    const p = r.person;
    const pr = r.project;
    const people = p.skip === null ? [p.num] : p.conflictIds;
    const projects = pr === null ? [Number.NaN] : pr.skip === null ? [pr.num] : pr.conflictIds;
    for (const a of people)
      for (const b of projects) heldDays.add(`${a}:${Number.isNaN(b) ? "*" : b}:${e.spent_date}`);
  };

  let lastUser = Number.NaN;
  let lastProject = Number.NaN;
  let last: Route | null = null;
  let n = items.n;
  const visit = (e: Harvest.TimeEntry, slot: number): void => {
    const date = e.spent_date;
    if (date < windowStart && (oldDays.size === 0 || !oldDays.has(`${e.user.id}:${date}`))) return;
    const projectId = e.project.id;
    if (scopeProject !== null && projectId !== scopeProject) return;
    const v = useHours ? e.hours : e.rounded_hours;
    const amount = perDay ? Math.round(v * 3600) : v >= 0 ? Math.round(v * 60) : -Math.round(-v * 60);
    if (approvedOnly && e.approval_status !== "approved") {
      skips.add("not_approved", e, amount, perDay);
      return;
    }
    const userId = e.user.id;
    let r = last;
    if (userId !== lastUser || projectId !== lastProject || r === null) {
      const at = routeIndex.get(userId, projectId);
      if (at >= 0) r = routes[at]!;
      else {
        r = route(userId, projectId);
        routeIndex.add(userId, projectId, routes.length);
        routes.push(r);
      }
      lastUser = userId;
      lastProject = projectId;
      last = r;
    }
    if (r.skip !== null) {
      skip(r.skip, e, amount, r);
      return;
    }
    const day = dayNumber(date) - firstDay;
    if (day >= 0 && day < nDays) codes[n] = r.pair * nDays + day;
    else {
      const p = r.pair;
      const role = keys.pairRole[p] as Exclude<PairRole, string>;
      codes[n] = keys.code(keys.pairPerson[p]!, keys.pairProject[p]!, role.num, date);
    }
    payload[n++] = slot;
    ids[slot] = e.id;
    amounts[slot] = amount;
    billable[slot] = e.billable ? 1 : 0;
  };

  if (extra.size === 0) for (let i = 0; i < main.length; i++) visit(main[i]!, i);
  else {
    for (let i = 0; i < main.length; i++) if (!extra.has(main[i]!.id)) visit(main[i]!, i);
    let i = main.length;
    for (const e of extra.values()) visit(e, i++);
  }
  items.n = n;
  return { slots, ids, amount: amounts, billable, heldDays };
};
