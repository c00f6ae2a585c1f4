/**
 * Actuals aggregation (SPEC A1, A2, A3, A4, A5, A6, A9): one pass over the time entries that sums each
 * key's day total, with plain loops, numeric maps and typed arrays (the hot path: a million entries).
 */
import type { Harvest, Plan, ReasonCode, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import type { EntityPlan } from "./Entities.ts";
import { dayNumber, type KeyTable, MASK, SHIFT } from "./Keys.ts";
import { isUnknown, type Roles } from "./Roles.ts";
import type { SkipLog } from "./SkipLog.ts";
import type { PairRole, PersonSlot, Slot } from "./Slots.ts";

/** What the pass leaves besides the key table's totals. */
export interface Aggregated {
  /** Harvest entry ids per key row, as a compact CSR layout: ids of row k are `ids[start[k]..start[k+1])`. */
  readonly ids: Float64Array;
  readonly start: Int32Array;
  /** `person:project:date` of held time (unknown role, conflicting links): ledger keys there are kept. */
  readonly heldDays: Set<string>;
}

/** A (Harvest user, Harvest project) pair as the hot loop needs it. */
interface Route {
  readonly skip: ReasonCode | null;
  /** The pair's rows by window day (null when skipped). */
  readonly rows: Array<number> | null;
  readonly tri: number;
  readonly personNum: number;
  readonly projectNum: number;
  readonly person: Slot;
  readonly project: Slot | null;
  readonly role: number;
}

/** Entries to aggregate: the window's, plus running, updated and old-day entries (newest copy wins). */
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

/** Sums the entries of the loaded days into the key table. */
export const aggregate = (
  harvest: Snapshot.HarvestSnapshot,
  settings: ReconcileOptions.Settings,
  windowStart: string,
  entities: EntityPlan,
  roles: Roles,
  keys: KeyTable,
  skips: SkipLog,
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
  const total = main.length + extra.size;
  const entryRow = new Int32Array(total).fill(-1);
  const { count, billable, nonbillable, firstDay } = keys;
  const nDays = keys.days.length;

  const routes = new Map<number, Map<number, Route>>();
  const route = (userId: number, projectId: number): Route => {
    const person = entities.user(userId);
    if (person.skip !== null)
      return {
        skip: person.skip,
        rows: null,
        tri: -1,
        personNum: 0,
        projectNum: 0,
        person,
        project: null,
        role: 0,
      };
    const project = entities.project(projectId);
    if (project.skip !== null)
      return {
        skip: project.skip,
        rows: null,
        tri: -1,
        personNum: 0,
        projectNum: 0,
        person,
        project,
        role: 0,
      };
    if (person.pairs === null) person.pairs = keys.pairsOf(person.num);
    const pair =
      person.pairs.get(project.num) ??
      keys.addPair(person.num, project.num, pairRole(roles, person, project), person.pairs);
    const role = pair.role;
    if (typeof role === "string")
      return { skip: role, rows: null, tri: -1, personNum: 0, projectNum: 0, person, project, role: 0 };
    return {
      skip: null,
      rows: keys.rowsOf(pair),
      tri: pair.tri,
      personNum: person.num,
      projectNum: project.num,
      person,
      project,
      role: role.num,
    };
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

  const visit = (e: Harvest.TimeEntry, i: number): void => {
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
    let byProject = routes.get(userId);
    if (byProject === undefined) {
      byProject = new Map();
      routes.set(userId, byProject);
    }
    let r = byProject.get(projectId);
    if (r === undefined) {
      r = route(userId, projectId);
      byProject.set(projectId, r);
    }
    if (r.skip !== null) {
      skip(r.skip, e, amount, r);
      return;
    }
    const day = dayNumber(date) - firstDay;
    let k: number;
    if (day >= 0 && day < nDays) {
      const rows = r.rows!;
      k = rows[day]!;
      if (k < 0) {
        k = keys.add(r.tri, keys.days[day]!);
        rows[day] = k;
      }
    } else k = keys.row(r.personNum, r.projectNum, r.role, date);
    const c = k >>> SHIFT;
    const j = k & MASK;
    count[c]![j]!++;
    if (e.billable) billable[c]![j]! += amount;
    else nonbillable[c]![j]! += amount;
    entryRow[i] = k;
  };

  const extraList = [...extra.values()];
  if (extra.size === 0) for (let i = 0; i < main.length; i++) visit(main[i]!, i);
  else {
    for (let i = 0; i < main.length; i++) if (!extra.has(main[i]!.id)) visit(main[i]!, i);
    for (let i = 0; i < extraList.length; i++) visit(extraList[i]!, main.length + i);
  }

  // CSR layout of entry ids per row: `start[k]` first holds the end of row k, and filling backwards
  // leaves it at the row's beginning.
  const n = keys.n;
  const start = new Int32Array(n + 1);
  let end = 0;
  for (let k = 0; k < n; k++) {
    end += count[k >>> SHIFT]![k & MASK]!;
    start[k] = end;
  }
  start[n] = end;
  const ids = new Float64Array(end);
  for (let i = 0; i < total; i++) {
    const k = entryRow[i]!;
    if (k >= 0) ids[--start[k]!] = i < main.length ? main[i]!.id : extraList[i - main.length]!.id;
  }
  return { ids, start, heldDays };
};
