/**
 * Wire JSON of Harvest time entries, built per page from the columnar store. Nested objects (user,
 * client, project, task and the two assignments) are built once per account version and shared.
 */

import { isoDay, isoSeconds } from "../Dates.ts";
import { roundHours } from "../generate/ActualsPlan.ts";
import { notesPool } from "../generate/Names.ts";
import { approvalStates, F_BILLABLE, F_BILLED, F_LOCKED, F_RUNNING } from "./EntryStore.ts";
import { fullName, type HarvestAccount, type HTaskAssignment, type HUserAssignment } from "./HarvestModel.ts";

const PAIR = 1_048_576;
type Named = { readonly id: number; readonly name: string };

/** Shared pieces of entry JSON for one account version. */
export interface EntryLookups {
  readonly version: number;
  readonly ua: Map<number, HUserAssignment>;
  readonly ta: Map<number, HTaskAssignment>;
  readonly uaJson: Map<number, object>;
  readonly taJson: Map<number, object>;
  readonly users: Array<Named | undefined>;
  readonly clients: Array<Named | undefined>;
  readonly projects: Array<Named | undefined>;
  readonly tasks: Array<Named | undefined>;
  readonly days: Map<number, string>;
}

/** Indexes an account's assignments for entry JSON. */
export const entryLookups = (a: HarvestAccount): EntryLookups => {
  const ua = new Map<number, HUserAssignment>();
  for (const x of a.userAssignments) ua.set(x.user * PAIR + x.project, x);
  const ta = new Map<number, HTaskAssignment>();
  for (const x of a.taskAssignments) ta.set(x.project * PAIR + x.task, x);
  return {
    version: a.version,
    ua,
    ta,
    uaJson: new Map(),
    taJson: new Map(),
    users: [],
    clients: [],
    projects: [],
    tasks: [],
    days: new Map(),
  };
};

const memo = <T>(list: Array<T | undefined>, i: number, make: () => T): T => {
  const hit = list[i];
  if (hit !== undefined) return hit;
  const made = make();
  list[i] = made;
  return made;
};

const uaJson = (look: EntryLookups, key: number): object | undefined => {
  const hit = look.uaJson.get(key);
  if (hit) return hit;
  const x = look.ua.get(key);
  if (!x) return undefined;
  const json = {
    id: x.id,
    is_project_manager: x.isProjectManager,
    is_active: x.isActive,
    budget: null,
    hourly_rate: x.hourlyRate,
    created_at: isoSeconds(x.createdAt),
    updated_at: isoSeconds(x.updatedAt),
  };
  look.uaJson.set(key, json);
  return json;
};

const taJson = (look: EntryLookups, key: number): object | undefined => {
  const hit = look.taJson.get(key);
  if (hit) return hit;
  const x = look.ta.get(key);
  if (!x) return undefined;
  const json = {
    id: x.id,
    billable: x.billable,
    is_active: x.isActive,
    hourly_rate: x.hourlyRate,
    budget: null,
    created_at: isoSeconds(x.createdAt),
    updated_at: isoSeconds(x.updatedAt),
  };
  look.taJson.set(key, json);
  return json;
};

/**
 * The JSON of entry `i`; running timers count their time up to `nowSeconds` (the frozen data clock).
 * `omitApprovalStatus` leaves out `approval_status`, so approval shows only as `is_closed`.
 */
export const entryJson = (
  a: HarvestAccount,
  look: EntryLookups,
  i: number,
  nowSeconds: number,
  omitApprovalStatus = false,
) => {
  const e = a.entries;
  const ui = e.user[i] as number;
  const pi = e.project[i] as number;
  const ti = e.task[i] as number;
  const u = a.users[ui]!;
  const p = a.projects[pi]!;
  const running = e.has(i, F_RUNNING);
  const base = (e.seconds[i] as number) / 3600;
  const started = running ? (e.timerStart.get(i) ?? nowSeconds) : null;
  const hours = roundHours(started !== null ? base + Math.max(0, nowSeconds - started) / 3600 : base);
  const billable = e.has(i, F_BILLABLE);
  const billed = e.has(i, F_BILLED);
  const approval = approvalStates[e.approvalOf(i)];
  const locked = e.has(i, F_LOCKED) || billed;
  const noteIndex = e.notes[i] as number;
  const day = e.day[i] as number;
  let spent = look.days.get(day);
  if (spent === undefined) {
    spent = isoDay(day);
    look.days.set(day, spent);
  }
  const json: Record<string, unknown> = {
    id: e.idOf(i),
    spent_date: spent,
    user: memo(look.users, ui, () => ({ id: u.id, name: fullName(u) })),
    client: memo(look.clients, p.client, () => ({
      id: a.clients[p.client]!.id,
      name: a.clients[p.client]!.name,
    })),
    project: memo(look.projects, pi, () => ({ id: p.id, name: p.name })),
    task: memo(look.tasks, ti, () => ({ id: a.tasks[ti]!.id, name: a.tasks[ti]!.name })),
    external_reference: null,
    invoice: billed ? { id: 700_000 + (day % 1000), number: `INV-${day}` } : null,
    hours,
    hours_without_timer: roundHours(base),
    rounded_hours: Math.sign(hours) * (Math.ceil(Math.abs(hours) * 4) / 4),
    notes: noteIndex < 0 ? (e.notesText.get(i) ?? null) : (notesPool[noteIndex] ?? null),
    is_locked: locked,
    locked_reason: locked ? (billed ? "Item Invoiced and Approved" : "Item Approved") : null,
    is_closed: approval === "approved",
    ...(omitApprovalStatus ? {} : { approval_status: approval }),
    is_billed: billed,
    timer_started_at: started === null ? null : isoSeconds(started),
    started_time: null,
    ended_time: null,
    is_running: running,
    billable,
    budgeted: p.budgetBy !== "none",
    billable_rate: billable ? (p.hourlyRate ?? 100) : null,
    cost_rate: u.costRate,
    created_at: isoSeconds(e.createdAt(i)),
    updated_at: isoSeconds(e.updatedAt(i)),
  };
  const userAssignment = uaJson(look, ui * PAIR + pi);
  if (userAssignment) json.user_assignment = userAssignment;
  const taskAssignment = taJson(look, pi * PAIR + ti);
  if (taskAssignment) json.task_assignment = taskAssignment;
  return json;
};
