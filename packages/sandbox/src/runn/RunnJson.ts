/** Wire JSON of Runn records that are not stored wire-shaped (actuals, roles with person ids), and errors. */
import { isoDay, isoSeconds } from "../Dates.ts";
import { type Reply, reply } from "../Http.ts";
import type { RPerson, RRole, RunnAccount } from "./RunnModel.ts";

const names: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Runn's error body `{error, statusCode, message}`. */
export const runnError = (status: number, message: string, headers?: Record<string, string>): Reply =>
  reply(status, { error: names[status] ?? "Error", statusCode: status, message }, headers);

/** The JSON of actual `i`. */
export const actualJson = (a: RunnAccount, i: number) => {
  const s = a.actuals;
  const ws = s.workstream[i] as number;
  const phase = s.phase[i] as number;
  return {
    id: s.id[i] as number,
    date: isoDay(s.day[i] as number),
    personId: s.person[i] as number,
    projectId: s.project[i] as number,
    roleId: s.role[i] as number,
    workstreamId: ws < 0 ? null : ws,
    phaseId: phase < 0 ? null : phase,
    billableMinutes: s.billable[i] as number,
    nonbillableMinutes: s.nonbillable[i] as number,
    billableNote: s.billableNote.get(i) ?? null,
    nonbillableNote: s.nonbillableNote.get(i) ?? null,
    createdAt: isoSeconds(s.created[i] as number),
    updatedAt: isoSeconds(s.updated[i] as number),
  };
};

/** One person as `GET`, `POST` and `PATCH /people/…` return them: lists leave out notes, skills and custom fields. */
export const personJson = (p: RPerson) => ({
  ...p,
  notes: [],
  skills: [],
  customFields: { select: [], text: [], checkbox: [], date: [] },
});

const personIdsCache = new WeakMap<RunnAccount, { version: number; byRole: Map<number, number[]> }>();

/** A role with the people whose current contract is in it. */
export const roleJson = (a: RunnAccount, r: RRole) => {
  let c = personIdsCache.get(a);
  if (!c || c.version !== a.version) {
    const current = new Map<number, { start: string; role: number }>();
    for (const k of a.contracts.values()) {
      const prev = current.get(k.personId);
      if (!prev || k.startDate > prev.start) current.set(k.personId, { start: k.startDate, role: k.roleId });
    }
    const byRole = new Map<number, number[]>();
    for (const [person, { role }] of current) {
      const list = byRole.get(role);
      if (list) list.push(person);
      else byRole.set(role, [person]);
    }
    c = { version: a.version, byRole };
    personIdsCache.set(a, c);
  }
  return { ...r, personIds: c.byRole.get(r.id) ?? [] };
};
