/**
 * Actuals aggregation (SPEC A1, A2, A3, A4, A5, A6, A9): one pass over the time entries that sums each
 * key's day total, with plain loops, string keys and typed arrays (the hot path: a million entries).
 */
import type { Harvest, Plan, ReasonCode, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import type { EntityPlan } from "./Entities.ts";
import type { KeyTable } from "./Keys.ts";
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
  const entryRow = new Int32Array(total);
  const entryId = new Float64Array(total);
  const { count, billable, nonbillable } = keys;

  const visit = (e: Harvest.TimeEntry, i: number): void => {
    entryRow[i] = -1;
    const date = e.spent_date;
    if (date < windowStart && (oldDays.size === 0 || !oldDays.has(`${e.user.id}:${date}`))) return;
    if (scopeProject !== null && e.project.id !== scopeProject) return;
    const v = useHours ? e.hours : e.rounded_hours;
    const amount = perDay ? Math.round(v * 3600) : v >= 0 ? Math.round(v * 60) : -Math.round(-v * 60);
    if (approvedOnly && e.approval_status !== "approved") {
      skips.add("not_approved", e, amount, perDay);
      return;
    }
    const person = entities.user(e.user.id);
    if (person.skip !== null) {
      skip(person.skip, e, amount, person, null);
      return;
    }
    const project = entities.project(e.project.id);
    if (project.skip !== null) {
      skip(project.skip, e, amount, person, project);
      return;
    }
    let role = person.roles.get(project.num);
    if (role === undefined) {
      role = pairRole(roles, person, project);
      person.roles.set(project.num, role);
    }
    if (typeof role === "string") {
      skip(role, e, amount, person, project);
      return;
    }
    const k = keys.row(
      `${person.num}:${project.num}:${role.num}:${date}`,
      person.num,
      project.num,
      role.num,
      date,
    );
    count[k]!++;
    if (e.billable) billable[k]! += amount;
    else nonbillable[k]! += amount;
    entryRow[i] = k;
    entryId[i] = e.id;
  };
  const skip = (reason: ReasonCode, e: Harvest.TimeEntry, amount: number, p: Slot, pr: Slot | null) => {
    skips.add(reason, e, amount, perDay);
    if (reason !== "unknown_role" && reason !== "ambiguous_link") return;
    const people = p.skip === null ? [p.num] : p.conflictIds;
    const projects = pr === null ? [Number.NaN] : pr.skip === null ? [pr.num] : pr.conflictIds;
    for (const a of people)
      for (const b of projects) heldDays.add(`${a}:${Number.isNaN(b) ? "*" : b}:${e.spent_date}`);
  };

  if (extra.size === 0) for (let i = 0; i < main.length; i++) visit(main[i]!, i);
  else {
    for (let i = 0; i < main.length; i++) {
      const e = main[i]!;
      if (extra.has(e.id)) entryRow[i] = -1;
      else visit(e, i);
    }
    let i = main.length;
    for (const e of extra.values()) visit(e, i++);
  }

  // CSR layout of entry ids per row.
  const start = new Int32Array(keys.n + 1);
  for (let k = 0; k < keys.n; k++) start[k + 1] = start[k]! + count[k]!;
  const fill = start.slice(0, keys.n);
  const ids = new Float64Array(start[keys.n]!);
  for (let i = 0; i < total; i++) {
    const k = entryRow[i]!;
    if (k >= 0) ids[fill[k]!++] = entryId[i]!;
  }
  return { ids, start, heldDays };
};
