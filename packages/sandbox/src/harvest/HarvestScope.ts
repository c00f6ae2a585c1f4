/** What a token may see (SPEC C2, reference §4): administrators everything, managers their part, members little. */
import type { AccessRole, HarvestAccount } from "./HarvestModel.ts";

/** The caller of one request. */
export interface Caller {
  readonly account: HarvestAccount;
  readonly role: AccessRole;
  /** Index of the token's user. */
  readonly user: number;
}

/** A manager's reach: projects they manage and the users on those projects. */
export interface ManagerScope {
  readonly version: number;
  readonly projects: Set<number>;
  readonly teammates: Set<number>;
  readonly clients: Set<number>;
  readonly tasks: Set<number>;
}

const scopes = new WeakMap<HarvestAccount, Map<number, ManagerScope>>();

/** The scope of manager `user` (cached per account version). */
export const managerScope = (a: HarvestAccount, user: number): ManagerScope => {
  let perUser = scopes.get(a);
  if (!perUser) {
    perUser = new Map();
    scopes.set(a, perUser);
  }
  const cached = perUser.get(user);
  if (cached && cached.version === a.version) return cached;
  const projects = new Set<number>();
  for (const ua of a.userAssignments) if (ua.user === user && ua.isProjectManager) projects.add(ua.project);
  const teammates = new Set<number>([user]);
  for (const ua of a.userAssignments) if (projects.has(ua.project)) teammates.add(ua.user);
  const clients = new Set<number>();
  for (const p of projects) clients.add(a.projects[p]?.client ?? -1);
  const tasks = new Set<number>();
  for (const ta of a.taskAssignments) if (projects.has(ta.project)) tasks.add(ta.task);
  const scope = { version: a.version, projects, teammates, clients, tasks };
  perUser.set(user, scope);
  return scope;
};

/** Per-record visibility for list endpoints; `null` means the endpoint answers 403. */
export type Visibility = ((index: number) => boolean) | "all" | null;

export const usersVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).teammates.has(i)
      : null;

export const clientsVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).clients.has(i)
      : null;

export const projectsVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).projects.has(i)
      : null;

export const tasksVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).tasks.has(i)
      : null;

export const userAssignmentsVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).projects.has(c.account.userAssignments[i]?.project ?? -1)
      : null;

export const taskAssignmentsVisible = (c: Caller): Visibility =>
  c.role === "administrator"
    ? "all"
    : c.role === "manager"
      ? (i) => managerScope(c.account, c.user).projects.has(c.account.taskAssignments[i]?.project ?? -1)
      : null;

/** Time entries: everyone sees some (members their own), so never 403. */
export const entriesVisible = (c: Caller): ((user: number, project: number) => boolean) | "all" => {
  if (c.role === "administrator") return "all";
  if (c.role === "member") return (u) => u === c.user;
  const s = managerScope(c.account, c.user);
  return (u, p) => s.teammates.has(u) || s.projects.has(p);
};
