/** Harvest time entry writes: create (a timer when `hours` is absent), update, delete. */
import { dayOf, isIsoDate } from "../Dates.ts";
import { type Reply, reply } from "../Http.ts";
import { entryJson, entryLookups } from "./EntryJson.ts";
import { F_DELETED, F_LOCKED, F_RUNNING } from "./EntryStore.ts";
import { type Body, changed, invalid, num, str } from "./HarvestBody.ts";
import { findById, type HarvestAccount, type HProject } from "./HarvestModel.ts";
import type { Caller } from "./HarvestScope.ts";

const entryReply = (a: HarvestAccount, status: number, i: number, now: number) =>
  reply(status, entryJson(a, entryLookups(a), i, now));

/** POST /time_entries: without `hours` a timer starts at the data clock. */
export const createEntry = (a: HarvestAccount, caller: Caller, b: Body, stamp: number): Reply => {
  const projectId = num(b, "project_id");
  const taskId = num(b, "task_id");
  const spent = str(b, "spent_date");
  if (projectId === undefined || taskId === undefined || spent === undefined || !isIsoDate(spent))
    return invalid("project_id, task_id and spent_date (YYYY-MM-DD) are required");
  const userId = num(b, "user_id");
  const user = userId === undefined ? caller.user : findById(a.users, userId);
  const project = findById(a.projects, projectId);
  const task = findById(a.tasks, taskId);
  if (user === null || project === null || task === null)
    return invalid("user_id, project_id or task_id does not exist");
  const hours = num(b, "hours");
  if (hours !== undefined && hours < 0) return invalid("hours must not be negative");
  const billable =
    a.taskAssignments.find((t) => t.project === project && t.task === task)?.billable ??
    (a.projects[project] as HProject).isBillable;
  const i = a.entries.push({
    user,
    project,
    task,
    day: dayOf(spent),
    seconds: Math.round((hours ?? 0) * 3600),
    billable,
    approval: 0,
    billed: false,
    createdAt: stamp,
    updatedAt: stamp,
    timerStartedAt: hours === undefined ? stamp : null,
    notes: -1,
  });
  a.entries.notesText.set(i, str(b, "notes") ?? null);
  changed(a);
  return entryReply(a, 201, i, stamp);
};

export const updateEntry = (a: HarvestAccount, id: number, b: Body, stamp: number, now: number): Reply => {
  const e = a.entries;
  const i = e.indexOf(id);
  if (i === null) return reply(404, { message: "Time entry not found" });
  const spent = str(b, "spent_date");
  if (spent !== undefined && !isIsoDate(spent)) return invalid("spent_date must be YYYY-MM-DD");
  const project = num(b, "project_id");
  const task = num(b, "task_id");
  const pi = project === undefined ? undefined : findById(a.projects, project);
  const ti = task === undefined ? undefined : findById(a.tasks, task);
  if (pi === null || ti === null) return invalid("project_id or task_id does not exist");
  const hours = num(b, "hours");
  if (hours !== undefined && hours < 0) return invalid("hours must not be negative");
  if (pi !== undefined) e.project[i] = pi;
  if (ti !== undefined) e.task[i] = ti;
  if (hours !== undefined) {
    e.seconds[i] = Math.round(hours * 3600);
    e.set(i, F_RUNNING, false);
    e.timerStart.delete(i);
  }
  if (b.notes !== undefined) {
    e.notes[i] = -1;
    e.notesText.set(i, str(b, "notes") ?? null);
  }
  if (spent !== undefined && dayOf(spent) !== e.day[i]) {
    e.day[i] = dayOf(spent);
    e.reorder();
  }
  e.setUpdatedAt(i, stamp);
  changed(a);
  return entryReply(a, 200, i, now);
};

export const deleteEntry = (a: HarvestAccount, id: number): Reply => {
  const e = a.entries;
  const i = e.indexOf(id);
  if (i === null) return reply(404, { message: "Time entry not found" });
  if (!(a.projects[e.project[i] as number] as HProject).isActive)
    return invalid("Entries of archived projects cannot be deleted");
  e.set(i, F_DELETED, true);
  e.set(i, F_LOCKED, false);
  changed(a);
  return reply(200);
};
