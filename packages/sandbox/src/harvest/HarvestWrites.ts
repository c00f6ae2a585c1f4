/** Harvest write operations the tests use to change data between runs (create, update, archive, delete). */

import { type Reply, reply } from "../Http.ts";
import { type Body, bool, changed, invalid, num, numOrNull, str } from "./HarvestBody.ts";
import { clientJson, projectJson, userJson } from "./HarvestJson.ts";
import { findById, type HarvestAccount, type HClient, type HProject, type HUser } from "./HarvestModel.ts";
import type { Caller } from "./HarvestScope.ts";

/** Only administrators write in the sandbox (members and managers get 403). */
export const canWrite = (c: Caller): Reply | null =>
  c.role === "administrator"
    ? null
    : reply(403, { message: "Only administrators can change this in the sandbox" });

const syncRoles = (a: HarvestAccount, u: HUser, stamp: number) => {
  for (const r of a.roles) {
    const has = u.roles.includes(r.name);
    const listed = r.userIds.includes(u.id);
    if (has !== listed) {
      r.userIds = has ? [...r.userIds, u.id] : r.userIds.filter((id) => id !== u.id);
      r.updatedAt = stamp;
    }
  }
  for (const name of u.roles)
    if (!a.roles.some((r) => r.name === name))
      a.roles.push({
        id: (a.roles.at(-1)?.id ?? 500_000) + 1,
        name,
        userIds: [u.id],
        createdAt: stamp,
        updatedAt: stamp,
      });
};

const applyUser = (u: HUser, b: Body): Reply | null => {
  if (b.roles !== undefined && !(Array.isArray(b.roles) && b.roles.every((r) => typeof r === "string")))
    return invalid("roles must be an array of strings");
  u.firstName = str(b, "first_name") ?? u.firstName;
  u.lastName = str(b, "last_name") ?? u.lastName;
  u.email = str(b, "email") ?? u.email;
  u.timezone = str(b, "timezone") ?? u.timezone;
  u.isContractor = bool(b, "is_contractor") ?? u.isContractor;
  u.isActive = bool(b, "is_active") ?? u.isActive;
  u.hasAccessToAllFutureProjects =
    bool(b, "has_access_to_all_future_projects") ?? u.hasAccessToAllFutureProjects;
  u.weeklyCapacity = num(b, "weekly_capacity") ?? u.weeklyCapacity;
  u.defaultHourlyRate = num(b, "default_hourly_rate") ?? u.defaultHourlyRate;
  u.costRate = num(b, "cost_rate") ?? u.costRate;
  if (Array.isArray(b.roles)) u.roles = b.roles as string[];
  if (Array.isArray(b.access_roles)) u.accessRoles = b.access_roles as string[];
  return null;
};

export const createUser = (a: HarvestAccount, b: Body, stamp: number): Reply => {
  const first = str(b, "first_name");
  const last = str(b, "last_name");
  const email = str(b, "email");
  if (!first || !last || !email) return invalid("first_name, last_name and email are required");
  if (a.users.some((u) => u.email.toLowerCase() === email.toLowerCase()))
    return invalid("Email has already been taken");
  const u: HUser = {
    id: (a.users.at(-1)?.id ?? 3_000_000) + 1,
    firstName: first,
    lastName: last,
    email,
    telephone: "",
    timezone: "Eastern Time (US & Canada)",
    isContractor: false,
    isActive: true,
    weeklyCapacity: 126_000,
    defaultHourlyRate: 0,
    costRate: 0,
    roles: [],
    accessRoles: ["member"],
    hasAccessToAllFutureProjects: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const err = applyUser(u, b);
  if (err) return err;
  a.users.push(u);
  syncRoles(a, u, stamp);
  changed(a);
  return reply(201, userJson(u));
};

export const updateUser = (a: HarvestAccount, id: number, b: Body, stamp: number): Reply => {
  const i = findById(a.users, id);
  if (i === null) return reply(404, { message: "User not found" });
  const u = a.users[i] as HUser;
  const err = applyUser(u, b);
  if (err) return err;
  u.updatedAt = stamp;
  syncRoles(a, u, stamp);
  changed(a);
  return reply(200, userJson(u));
};

export const createClient = (a: HarvestAccount, b: Body, stamp: number): Reply => {
  const name = str(b, "name");
  if (!name) return invalid("name is required");
  if (a.clients.some((c) => c.name === name)) return invalid("Name has already been taken");
  const c: HClient = {
    id: (a.clients.at(-1)?.id ?? 8_000_000) + 1,
    name,
    isActive: bool(b, "is_active") ?? true,
    address: str(b, "address") ?? null,
    currency: str(b, "currency") ?? "USD",
    createdAt: stamp,
    updatedAt: stamp,
  };
  a.clients.push(c);
  changed(a);
  return reply(201, clientJson(c));
};

export const updateClient = (a: HarvestAccount, id: number, b: Body, stamp: number): Reply => {
  const i = findById(a.clients, id);
  if (i === null) return reply(404, { message: "Client not found" });
  const c = a.clients[i] as HClient;
  c.name = str(b, "name") ?? c.name;
  c.isActive = bool(b, "is_active") ?? c.isActive;
  if (b.address !== undefined) c.address = str(b, "address") ?? null;
  c.currency = str(b, "currency") ?? c.currency;
  c.updatedAt = stamp;
  changed(a);
  return reply(200, clientJson(c));
};

const applyProject = (a: HarvestAccount, p: HProject, b: Body): Reply | null => {
  const clientId = num(b, "client_id");
  if (clientId !== undefined) {
    const ci = findById(a.clients, clientId);
    if (ci === null) return invalid("client_id does not exist");
    p.client = ci;
  }
  p.name = str(b, "name") ?? p.name;
  if (b.code !== undefined) p.code = str(b, "code") ?? null;
  p.isActive = bool(b, "is_active") ?? p.isActive;
  p.isBillable = bool(b, "is_billable") ?? p.isBillable;
  p.isFixedFee = bool(b, "is_fixed_fee") ?? p.isFixedFee;
  p.billBy = str(b, "bill_by") ?? p.billBy;
  p.budgetBy = str(b, "budget_by") ?? p.budgetBy;
  p.budgetIsMonthly = bool(b, "budget_is_monthly") ?? p.budgetIsMonthly;
  const set = <K extends "hourlyRate" | "budget" | "costBudget" | "fee">(k: K, wire: string) => {
    const v = numOrNull(b, wire);
    if (v !== undefined) p[k] = v;
  };
  set("hourlyRate", "hourly_rate");
  set("budget", "budget");
  set("costBudget", "cost_budget");
  set("fee", "fee");
  if (typeof b.notes === "string") p.notes = b.notes;
  if (b.starts_on !== undefined) p.startsOn = str(b, "starts_on") ?? null;
  if (b.ends_on !== undefined) p.endsOn = str(b, "ends_on") ?? null;
  return null;
};

export const createProject = (a: HarvestAccount, b: Body, stamp: number): Reply => {
  const name = str(b, "name");
  if (
    num(b, "client_id") === undefined ||
    !name ||
    bool(b, "is_billable") === undefined ||
    !str(b, "bill_by") ||
    !str(b, "budget_by")
  )
    return invalid("client_id, name, is_billable, bill_by and budget_by are required");
  if (a.projects.some((p) => p.name === name)) return invalid("Name has already been taken");
  const p: HProject = {
    id: (a.projects.at(-1)?.id ?? 20_000_000) + 1,
    client: 0,
    name,
    code: null,
    isActive: true,
    isBillable: true,
    isFixedFee: false,
    billBy: "Project",
    hourlyRate: null,
    budget: null,
    budgetBy: "none",
    budgetIsMonthly: false,
    costBudget: null,
    fee: null,
    notes: "",
    startsOn: null,
    endsOn: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const err = applyProject(a, p, b);
  if (err) return err;
  a.projects.push(p);
  changed(a);
  return reply(201, projectJson(a, p));
};

export const updateProject = (a: HarvestAccount, id: number, b: Body, stamp: number): Reply => {
  const i = findById(a.projects, id);
  if (i === null) return reply(404, { message: "Project not found" });
  const p = a.projects[i] as HProject;
  const err = applyProject(a, p, b);
  if (err) return err;
  p.updatedAt = stamp;
  changed(a);
  return reply(200, projectJson(a, p));
};
