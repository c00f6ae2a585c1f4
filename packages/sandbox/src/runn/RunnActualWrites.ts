/** Runn actual writes: upserts overwrite by (date, person, project, role, workstream); deletes are logged. */
import { dayOf, isIsoDate } from "../Dates.ts";
import { type Reply, reply } from "../Http.ts";
import { type Body, bad, event, isReply, num, str } from "./RunnBody.ts";
import { actualJson, runnError } from "./RunnJson.ts";
import type { RunnAccount } from "./RunnModel.ts";

/** Checks one ActualInput; returns the parsed key and minutes or the error reply. */
const parseActual = (a: RunnAccount, b: Body) => {
  const date = str(b, "date");
  const person = num(b, "personId");
  const project = num(b, "projectId");
  const role = num(b, "roleId");
  if (!date || !isIsoDate(date) || person === undefined || project === undefined || role === undefined)
    return bad("each actual needs date, personId, projectId and roleId");
  if (b.billableMinutes === undefined || b.nonbillableMinutes === undefined)
    return bad("each actual must have required properties 'billableMinutes' and 'nonbillableMinutes'");
  const billable = num(b, "billableMinutes");
  const nonbillable = num(b, "nonbillableMinutes");
  if (billable === undefined || nonbillable === undefined || billable < 0 || nonbillable < 0)
    return bad("billableMinutes and nonbillableMinutes must be numbers >= 0");
  for (const k of ["billableNote", "nonbillableNote"])
    if (b[k] !== undefined && typeof b[k] !== "string") return bad(`${k} must be a string`);
  if (!a.people.has(person)) return runnError(422, `Person ${person} does not exist`);
  if (!a.projects.has(project)) return runnError(422, `Project ${project} does not exist`);
  if (!a.roles.has(role)) return runnError(422, `Role ${role} does not exist`);
  const ws = b.workstreamId === undefined || b.workstreamId === null ? -1 : num(b, "workstreamId");
  if (ws === undefined) return bad("workstreamId must be a number or null");
  return {
    day: dayOf(date),
    person,
    project,
    role,
    ws,
    billable,
    nonbillable,
    phase: num(b, "phaseId") ?? -1,
    /** Notes as sent; `undefined` keeps the stored note. */
    billableNote: str(b, "billableNote"),
    nonbillableNote: str(b, "nonbillableNote"),
  };
};

type Parsed = Exclude<ReturnType<typeof parseActual>, Reply>;

const upsert = (a: RunnAccount, x: Parsed, atSeconds: number): number => {
  const i = upsertMinutes(a, x, atSeconds);
  if (x.billableNote !== undefined) a.actuals.billableNote.set(i, x.billableNote);
  if (x.nonbillableNote !== undefined) a.actuals.nonbillableNote.set(i, x.nonbillableNote);
  return i;
};

const upsertMinutes = (a: RunnAccount, x: Parsed, atSeconds: number): number => {
  const s = a.actuals;
  const i = s.find(x.day, x.person, x.project, x.role, x.ws);
  if (i === null)
    return s.push({
      id: a.nextId.actual++,
      day: x.day,
      person: x.person,
      project: x.project,
      role: x.role,
      workstream: x.ws,
      phase: x.phase,
      billable: x.billable,
      nonbillable: x.nonbillable,
      at: atSeconds,
    });
  s.billable[i] = x.billable;
  s.nonbillable[i] = x.nonbillable;
  s.updated[i] = atSeconds;
  s.version++;
  return i;
};

export const upsertActual = (a: RunnAccount, b: Body, atSeconds: number): Reply => {
  const x = parseActual(a, b);
  if (isReply(x)) return x;
  return reply(201, actualJson(a, upsert(a, x, atSeconds)));
};

/** POST /actuals/bulk/: 1–100 items, validated as a whole, each overwriting its key. */
export const upsertActualsBulk = (a: RunnAccount, b: Body, atSeconds: number): Reply => {
  const items = b.actuals;
  if (!Array.isArray(items) || items.length < 1 || items.length > 100)
    return bad("body/actuals must hold 1 to 100 actuals");
  const parsed: Parsed[] = [];
  for (const item of items) {
    const x = parseActual(a, (item ?? {}) as Body);
    if (isReply(x)) return x;
    parsed.push(x);
  }
  return reply(
    200,
    parsed.map((x) => actualJson(a, upsert(a, x, atSeconds))),
  );
};

export const deleteActual = (a: RunnAccount, id: number, at: string): Reply => {
  const i = a.actuals.indexOfId(id);
  if (i === null) return runnError(404, `Actual ${id} not found`);
  event(a, "actual_deleted", at, { actual: actualJson(a, i) });
  a.actuals.remove(i);
  return reply(204);
};
