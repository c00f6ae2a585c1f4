/** Runn entity writes: creates assign ids and store references as sent; deletes follow Runn's rules. */
import { isIsoDate } from "../Dates.ts";
import { type Reply, reply } from "../Http.ts";
import { type Body, bad, bool, event, isReply, num, referencesOf, str, touch } from "./RunnBody.ts";
import { actualJson, personJson, roleJson, runnError } from "./RunnJson.ts";
import type { RClient, RPerson, RProject, RRole, RunnAccount } from "./RunnModel.ts";

export const createClient = (a: RunnAccount, b: Body, at: string): RClient | Reply => {
  const name = str(b, "name");
  if (!name) return bad("body must have required property 'name'");
  const references = referencesOf(b);
  if (isReply(references)) return references;
  const c: RClient = {
    id: a.nextId.client++,
    name,
    website: str(b, "website") ?? null,
    isArchived: false,
    references: references ?? [],
    createdAt: at,
    updatedAt: at,
  };
  a.clients.set(c.id, c);
  touch(a);
  return c;
};

/** POST /clients/bulk/: 200 with the created clients; Runn's spec promises no order, so `reversed` tests that. */
export const createClientsBulk = (
  a: RunnAccount,
  b: Body,
  at: string,
  order: "request" | "reversed" = "request",
): Reply => {
  const items = b.clients;
  if (!Array.isArray(items) || items.length < 1 || items.length > 100)
    return bad("body/clients must hold 1 to 100 clients");
  for (const item of items)
    if (typeof (item as Body)?.name !== "string" || (item as Body).name === "")
      return bad("every client needs a name");
  const out: RClient[] = [];
  for (const item of items) {
    const c = createClient(a, item as Body, at);
    if (isReply(c)) return c;
    out.push(c);
  }
  return reply(200, order === "reversed" ? out.reverse() : out);
};

export const updateClient = (a: RunnAccount, c: RClient, b: Body, at: string): Reply => {
  const references = referencesOf(b);
  if (isReply(references)) return references;
  if (b.website !== undefined && typeof b.website !== "string") return bad("body/website must be string");
  c.name = str(b, "name") ?? c.name;
  if (b.website !== undefined) c.website = str(b, "website") ?? null;
  c.isArchived = bool(b, "isArchived") ?? c.isArchived;
  if (references) c.references = references;
  c.updatedAt = at;
  touch(a);
  return reply(200, c);
};

export const createProject = (a: RunnAccount, b: Body, at: string): Reply => {
  const name = str(b, "name");
  const clientId = num(b, "clientId");
  if (!name || clientId === undefined) return bad("body must have required properties 'name' and 'clientId'");
  if (!a.clients.has(clientId)) return runnError(422, `Client ${clientId} does not exist`);
  const pricing = str(b, "pricingModel") ?? "tm";
  if (pricing !== "tm" && pricing !== "fp" && pricing !== "nb")
    return bad("body/pricingModel must be fp, tm or nb");
  const references = referencesOf(b);
  if (isReply(references)) return references;
  const p: RProject = {
    id: a.nextId.project++,
    name,
    clientId,
    isTemplate: bool(b, "isTemplate") ?? false,
    isArchived: false,
    isConfirmed: bool(b, "isConfirmed") ?? true,
    pricingModel: pricing,
    rateType: str(b, "rateType") === "days" ? "days" : "hours",
    teamId: num(b, "teamId") ?? null,
    budget: num(b, "budget") ?? null,
    expensesBudget: num(b, "expensesBudget") ?? null,
    references: references ?? [],
    rateCardId: num(b, "rateCardId") ?? 1,
    managerIds: Array.isArray(b.managerIds) ? (b.managerIds as number[]) : [],
    tags: [],
    customFields: { select: [], text: [], checkbox: [], date: [] },
    emoji: str(b, "emoji") ?? null,
    createdAt: at,
    updatedAt: at,
  };
  a.projects.set(p.id, p);
  touch(a);
  return reply(201, p);
};

export const updateProject = (a: RunnAccount, p: RProject, b: Body, at: string): Reply => {
  const references = referencesOf(b);
  if (isReply(references)) return references;
  const clientId = num(b, "clientId");
  if (clientId !== undefined && !a.clients.has(clientId))
    return runnError(422, `Client ${clientId} does not exist`);
  // Runn's patch takes numbers here, never null: a budget is changed, not cleared.
  for (const k of ["budget", "expensesBudget"])
    if (b[k] !== undefined && !((num(b, k) ?? -1) >= 0)) return bad(`body/${k} must be a number >= 0`);
  if (b.teamId !== undefined && num(b, "teamId") === undefined) return bad("body/teamId must be number");
  p.name = str(b, "name") ?? p.name;
  p.clientId = clientId ?? p.clientId;
  p.isArchived = bool(b, "isArchived") ?? p.isArchived;
  p.isConfirmed = bool(b, "isConfirmed") ?? p.isConfirmed;
  p.isTemplate = bool(b, "isTemplate") ?? p.isTemplate;
  const pricing = str(b, "pricingModel");
  if (pricing === "tm" || pricing === "fp" || pricing === "nb") p.pricingModel = pricing;
  p.budget = num(b, "budget") ?? p.budget;
  p.expensesBudget = num(b, "expensesBudget") ?? p.expensesBudget;
  p.teamId = num(b, "teamId") ?? p.teamId;
  if (references) p.references = references;
  p.updatedAt = at;
  touch(a);
  return reply(200, p);
};

export const deleteProject = (a: RunnAccount, p: RProject, at: string): Reply => {
  const s = a.actuals;
  let used = [...a.assignments.values()].some((x) => x.projectId === p.id);
  for (let i = 0; i < s.size && !used; i++) if (!s.deleted[i] && s.project[i] === p.id) used = true;
  if (used) return runnError(409, "Project has actuals or assignments and cannot be deleted");
  for (const [id, m] of a.members) if (m.projectId === p.id) a.members.delete(id);
  a.projects.delete(p.id);
  event(a, "project_deleted", at, { project: { id: p.id, name: p.name } });
  touch(a);
  return reply(204);
};

export const createPerson = (a: RunnAccount, b: Body, at: string, today: string): Reply => {
  const first = str(b, "firstName");
  const last = str(b, "lastName");
  const roleId = num(b, "roleId");
  if (!first || !last || roleId === undefined)
    return bad("body must have required properties 'firstName', 'lastName', 'roleId'");
  if (!a.roles.has(roleId)) return runnError(422, `Role ${roleId} does not exist`);
  const employment = str(b, "employmentType") ?? "employee";
  if (employment !== "employee" && employment !== "contractor")
    return bad("body/employmentType must be employee or contractor");
  const minutes = num(b, "minutesPerDay");
  if (minutes !== undefined && minutes < 1) return bad("body/minutesPerDay must be >= 1");
  const startDate = str(b, "startDate") ?? today;
  if (!isIsoDate(startDate)) return bad("body/startDate must be a date");
  const references = referencesOf(b);
  if (isReply(references)) return references;
  const p: RPerson = {
    id: a.nextId.person++,
    firstName: first,
    lastName: last,
    email: str(b, "email") ?? null,
    isArchived: false,
    teamId: null,
    references: references ?? [],
    tags: [],
    holidaysGroupId: num(b, "holidaysGroupId") ?? null,
    managers: [],
    createdAt: at,
    updatedAt: at,
  };
  a.people.set(p.id, p);
  const m = minutes ?? 480;
  const role = a.roles.get(roleId) as RRole;
  const cid = a.nextId.contract++;
  a.contracts.set(cid, {
    id: cid,
    personId: p.id,
    roleId,
    employmentType: employment,
    costPerHour: num(b, "costPerHour") ?? role.defaultHourCost,
    minutesPerDay: m,
    rosteredDays: { monday: m, tuesday: m, wednesday: m, thursday: m, friday: m },
    startDate,
    endDate: str(b, "endDate") ?? null,
    jobTitle: str(b, "jobTitle") ?? null,
    createdAt: at,
    updatedAt: at,
  });
  touch(a);
  return reply(201, personJson(p));
};

export const updatePerson = (a: RunnAccount, p: RPerson, b: Body, at: string): Reply => {
  const references = referencesOf(b);
  if (isReply(references)) return references;
  if (b.email !== undefined && typeof b.email !== "string") return bad("body/email must be string");
  p.firstName = str(b, "firstName") ?? p.firstName;
  p.lastName = str(b, "lastName") ?? p.lastName;
  if (b.email !== undefined) p.email = str(b, "email") ?? null;
  p.isArchived = bool(b, "isArchived") ?? p.isArchived;
  if (references) p.references = references;
  p.updatedAt = at;
  touch(a);
  return reply(200, personJson(p));
};

/** DELETE /people/{id}: refused (400, as Runn answers) while the person has assignments or actuals, unless `force`. */
export const deletePerson = (a: RunnAccount, p: RPerson, force: boolean, at: string): Reply => {
  const s = a.actuals;
  const actuals: number[] = [];
  for (let i = 0; i < s.size; i++) if (!s.deleted[i] && s.person[i] === p.id) actuals.push(i);
  const assignments = [...a.assignments.values()].filter((x) => x.personId === p.id);
  if (!force && (actuals.length > 0 || assignments.length > 0))
    return runnError(400, "Person has assignments or actuals; delete with force=true");
  for (const i of actuals) {
    event(a, "actual_deleted", at, { actual: actualJson(a, i) });
    s.remove(i);
  }
  for (const x of assignments) {
    a.assignments.delete(x.id);
    event(a, "assignment_deleted", at, { assignment: x });
  }
  for (const [id, c] of a.contracts)
    if (c.personId === p.id) {
      a.contracts.delete(id);
      event(a, "contract_deleted", at, { contract: c });
    }
  for (const [id, m] of a.members) if (m.personId === p.id) a.members.delete(id);
  a.people.delete(p.id);
  event(a, "person_deleted", at, { person: { id: p.id, firstName: p.firstName, lastName: p.lastName } });
  touch(a);
  return reply(204);
};

export const createRole = (a: RunnAccount, b: Body, at: string): Reply => {
  const name = str(b, "name");
  if (!name) return bad("body must have required property 'name'");
  if ([...a.roles.values()].some((r) => (r.name ?? "").toLowerCase() === name.toLowerCase()))
    return runnError(422, `A role named ${name} already exists`);
  const references = referencesOf(b);
  if (isReply(references)) return references;
  const r: RRole = {
    id: a.nextId.role++,
    name,
    isArchived: false,
    defaultHourCost: num(b, "defaultHourCost") ?? 0,
    standardRate: num(b, "standardRate") ?? 0,
    references: references ?? [],
    createdAt: at,
    updatedAt: at,
  };
  a.roles.set(r.id, r);
  touch(a);
  return reply(201, roleJson(a, r));
};

export const updateRole = (a: RunnAccount, r: RRole, b: Body, at: string): Reply => {
  const references = referencesOf(b);
  if (isReply(references)) return references;
  r.name = str(b, "name") ?? r.name;
  r.isArchived = bool(b, "isArchived") ?? r.isArchived;
  r.defaultHourCost = num(b, "defaultHourCost") ?? r.defaultHourCost;
  r.standardRate = num(b, "standardRate") ?? r.standardRate;
  if (references) r.references = references;
  r.updatedAt = at;
  touch(a);
  return reply(200, roleJson(a, r));
};
