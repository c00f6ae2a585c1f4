/**
 * Actuals aggregation (SPEC A1, A2, A3, A4, A5, A6, A9): one pass over the time entries that gives each
 * entry that counts its key's code and its amount, and logs the ones that are skipped. Plain loops, a
 * numeric hash map and flat arrays of numbers: this is the hot path of a million entries.
 */
import { Harvest, type Plan, type Reason, type ReconcileOptions, type Snapshot } from "@harvest-runn/domain";
import type { EntityPlan } from "./Entities.ts";
import { dayNumber, type KeySpace, PairMap } from "./Keys.ts";
import { isUnknown, type Roles } from "./Roles.ts";
import { entryMinutes, entrySeconds } from "./Rounding.ts";
import { doubles } from "./Scratch.ts";
import type { SkipLog } from "./SkipLog.ts";
import type { PairRole, PersonSlot, Slot } from "./Slots.ts";

/** Keys to group: `n` (provisional code, payload) pairs; the payload says which record the pair is. */
export interface Items {
  readonly codes: Array<number>;
  readonly payload: Array<number>;
  n: number;
}

/** What the pass leaves besides its items (payload = entry slot). */
export interface Aggregated {
  /** Entry slots: the window's entries, then the entries that replace them (updated, old-day, running). */
  readonly slots: number;
  /**
   * Per entry slot s: its Harvest id at `2s`, and at `2s + 1` its amount (minutes, or seconds under
   * per-day rounding) times two plus its billable flag: one cache line holds what a key reads of an entry.
   */
  readonly entries: Array<number>;
  /** `person:project:date` of held time (unknown role, conflicting links): ledger keys there are kept. */
  readonly heldDays: Set<string>;
}

/** Entry slot `s`'s Harvest id. */
export const entryId = (entries: Array<number>, s: number): number => entries[2 * s]!;
/** Whether entry slot `s` is billable (the low bit of its packed amount). */
export const entryBillable = (entries: Array<number>, s: number): boolean => {
  const v = entries[2 * s + 1]!;
  return v - 2 * Math.floor(v / 2) === 1;
};
/** Entry slot `s`'s amount: minutes, or seconds under per-day rounding (A2). */
export const entryAmount = (entries: Array<number>, s: number): number => Math.floor(entries[2 * s + 1]! / 2);
const pack = (amount: number, billable: boolean) => 2 * amount + (billable ? 1 : 0);

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

/** A (Harvest user, Harvest project) route whose time is skipped, and why. */
interface Skipped {
  readonly skip: Reason.ReasonCode;
  readonly person: PersonSlot;
  readonly project: Slot | null;
}

/** Route values at or above this are skipped routes (value − SKIPPED); below, a pair index. */
const SKIPPED = 2 ** 30;

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
  const entries = doubles(2 * slots);
  const { codes, payload } = items;
  const { firstDay } = keys;
  const nDays = keys.days.length;

  // Routes by (Harvest user, Harvest project): a pair index, or SKIPPED + index into `skipped`.
  const routes = new PairMap();
  const skipped: Array<Skipped> = [];
  const route = (userId: number, projectId: number): number => {
    const person = entities.user(userId);
    let r: Skipped | null = null;
    if (person.skip !== null) r = { skip: person.skip, person, project: null };
    else {
      const project = entities.project(projectId);
      if (project.skip !== null) r = { skip: project.skip, person, project };
      else {
        const pair = keys.pair(person.num, project.num, () => pairRole(roles, person, project));
        const role = keys.pairRole[pair]!;
        if (typeof role !== "string") return pair;
        r = { skip: role, person, project };
      }
    }
    skipped.push(r);
    return SKIPPED + skipped.length - 1;
  };
  const skip = (e: Harvest.TimeEntry, amount: number, r: Skipped) => {
    const reason = r.skip;
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
  let last = -1;
  let n = items.n;
  const visit = (e: Harvest.TimeEntry, slot: number): void => {
    const date = e.spent_date;
    if (date < windowStart && (oldDays.size === 0 || !oldDays.has(`${e.user.id}:${date}`))) return;
    const projectId = e.project.id;
    if (scopeProject !== null && projectId !== scopeProject) return;
    const v = useHours ? e.hours : e.rounded_hours;
    const amount = perDay ? entrySeconds(v) : entryMinutes(v);
    // A9 approvedOnly: `approval_status` when Harvest sends it, else `is_closed` (Harvest.isApproved).
    if (approvedOnly && !Harvest.isApproved(e)) {
      skips.add("not_approved", e, amount, perDay);
      return;
    }
    const userId = e.user.id;
    if (userId !== lastUser || projectId !== lastProject) {
      last = routes.get(userId, projectId);
      if (last < 0) {
        last = route(userId, projectId);
        routes.set(userId, projectId, last);
      }
      lastUser = userId;
      lastProject = projectId;
    }
    const pair = last;
    if (pair >= SKIPPED) {
      skip(e, amount, skipped[pair - SKIPPED]!);
      return;
    }
    const day = dayNumber(date) - firstDay;
    codes[n] =
      day >= 0 && day < nDays
        ? pair * nDays + day
        : keys.code(keys.pairPerson[pair]!, keys.pairProject[pair]!, keys.pairRoleNum[pair]!, date);
    payload[n++] = slot;
    entries[2 * slot] = e.id;
    entries[2 * slot + 1] = pack(amount, e.billable);
  };

  if (extra.size === 0) for (let i = 0; i < main.length; i++) visit(main[i]!, i);
  else {
    for (let i = 0; i < main.length; i++) if (!extra.has(main[i]!.id)) visit(main[i]!, i);
    let i = main.length;
    for (const e of extra.values()) visit(e, i++);
  }
  items.n = n;
  return { slots, entries, heldDays };
};
