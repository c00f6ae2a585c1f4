/** The simulated Runn API v1: `Accept-Version` and token checks, then routing by Runn's exact paths. */
import { parseInstant } from "../Dates.ts";
import { isWrite, parseBody, type Reply, reply, type SimRequest } from "../Http.ts";
import { deleteActual, upsertActual, upsertActualsBulk } from "./RunnActualWrites.ts";
import { personJson, roleJson, runnError } from "./RunnJson.ts";
import {
  listActuals,
  listAssignments,
  listClients,
  listCurrentContracts,
  listPeople,
  listProjectMembers,
  listProjects,
  listRoles,
} from "./RunnLists.ts";
import type { RunnAccount } from "./RunnModel.ts";
import { runnPage, small } from "./RunnPaging.ts";
import {
  createClient,
  createClientsBulk,
  createPerson,
  createProject,
  createRole,
  deletePerson,
  deleteProject,
  updateClient,
  updatePerson,
  updateProject,
  updateRole,
} from "./RunnWrites.ts";

/** Resolves the account of a Runn request, or the 400/401 reply (403 for a write with a read-only token). */
export const authenticateRunn = (
  accounts: ReadonlyArray<RunnAccount>,
  req: SimRequest,
): RunnAccount | Reply => {
  const version = req.headers["accept-version"];
  if (version === undefined) return runnError(400, "headers must have required property 'accept-version'");
  if (version.trim() !== "1.0.0")
    return runnError(400, "headers/accept-version must be equal to one of the allowed values: 1.0.0");
  const auth = req.headers.authorization ?? "";
  const token = auth.startsWith("Bearer ") ? auth.slice(7).trim() : null;
  const account = accounts.find((a) => a.token === token);
  if (account) return account;
  const readOnly = accounts.find((a) => a.readOnlyToken === token);
  if (!readOnly) return runnError(401, "Unauthorized");
  return isWrite(req.method)
    ? runnError(403, "This API token has read-only scope and cannot make changes")
    : readOnly;
};

/** Per-request inputs of the router. */
export interface RunnRouteContext {
  /** A fresh, monotonic timestamp for a write, epoch seconds. */
  readonly stamp: () => number;
  readonly iso: (seconds: number) => string;
  /** The sandbox's today, `YYYY-MM-DD`. */
  readonly today: string;
  /** Order of `POST /clients/bulk/` results. */
  readonly bulkOrder: "request" | "reversed";
}

const notFound = () => runnError(404, "Route not found");

/**
 * The shape of a path as Runn's route table spells it: numeric segments become `{id}` and a trailing
 * slash is kept, because Runn serves each operation under one exact form (`/projects/{id}` for GET and
 * PATCH, `/projects/{id}/` for DELETE) and answers 404 for the other.
 */
export const routeShape = (path: string): string =>
  path
    .split("/")
    .map((s) => (/^\d+$/.test(s) ? "{id}" : s))
    .join("/");

/** A route that exists but got a record id that is not an integer is a 400, as Runn validates path parameters. */
const badIdOrNotFound = (method: string, path: string): Reply => {
  const [, head, id, ...rest] = path.split("/");
  const shape = ["", head, "{id}", ...rest].join("/");
  return id && !/^\d+$/.test(id) && runnRoutes.has(`${method} ${shape}`)
    ? runnError(400, `params/${head} id must be integer`)
    : notFound();
};

/** Every `METHOD shape` the simulated Runn API serves, exactly as Runn publishes them. */
export const runnRoutes: ReadonlySet<string> = new Set([
  "GET /me/",
  "GET /clients/",
  "POST /clients/",
  "POST /clients/bulk/",
  "GET /clients/{id}",
  "PATCH /clients/{id}",
  "GET /projects/",
  "POST /projects/",
  "GET /projects/{id}",
  "PATCH /projects/{id}",
  "DELETE /projects/{id}/",
  "GET /people/",
  "POST /people/",
  "GET /people/{id}",
  "PATCH /people/{id}",
  "DELETE /people/{id}",
  "GET /people/contracts/current",
  "GET /roles/",
  "POST /roles/",
  "GET /roles/{id}",
  "PATCH /roles/{id}",
  "GET /project-members/",
  "GET /assignments/",
  "GET /actuals/",
  "POST /actuals/",
  "POST /actuals/bulk/",
  "DELETE /actuals/{id}/",
  "GET /activity-log/",
]);

/** Routes one authenticated Runn request; `path` is relative to the Runn base URL and must match exactly. */
export const routeRunn = (a: RunnAccount, req: SimRequest, path: string, rc: RunnRouteContext): Reply => {
  const m = req.method;
  if (!runnRoutes.has(`${m} ${routeShape(path)}`)) return badIdOrNotFound(m, path);
  const seg = path.split("/").filter(Boolean);
  const url = req.url;
  const parsed = parseBody(req.body);
  if (parsed instanceof Error) return runnError(400, "Body is not valid JSON");
  if (
    m !== "GET" &&
    m !== "DELETE" &&
    (parsed === undefined || typeof parsed !== "object" || Array.isArray(parsed) || parsed === null)
  )
    return runnError(400, "body must be object");
  const body = (parsed ?? {}) as Record<string, unknown>;
  const at = () => rc.iso(rc.stamp());
  const id = seg[1] !== undefined && /^\d+$/.test(seg[1]) ? Number(seg[1]) : null;
  const [head] = seg;
  if (seg.length === 1) {
    if (head === "me") return reply(200, { name: a.name });
    if (m === "GET") {
      if (head === "clients") return listClients(a, url);
      if (head === "projects") return listProjects(a, url);
      if (head === "people") return listPeople(a, url);
      if (head === "roles") return listRoles(a, url);
      if (head === "project-members") return listProjectMembers(a, url);
      if (head === "assignments") return listAssignments(a, url);
      if (head === "actuals") return listActuals(a, url);
      if (head === "activity-log") return listActivity(a, url);
    }
    if (head === "clients") {
      const c = createClient(a, body, at());
      return "status" in c ? c : reply(201, c);
    }
    if (head === "projects") return createProject(a, body, at());
    if (head === "people") return createPerson(a, body, at(), rc.today);
    if (head === "roles") return createRole(a, body, at());
    if (head === "actuals") return upsertActual(a, body, rc.stamp());
    return notFound();
  }
  if (seg[1] === "bulk") {
    if (head === "clients") return createClientsBulk(a, body, at(), rc.bulkOrder);
    return upsertActualsBulk(a, body, rc.stamp());
  }
  if (seg[1] === "contracts") return listCurrentContracts(a, url, rc.today);
  if (id === null) return notFound();
  switch (head) {
    case "clients": {
      const c = a.clients.get(id);
      if (!c) return runnError(404, `Client ${id} not found`);
      if (m === "GET") return reply(200, c);
      return updateClient(a, c, body, at());
    }
    case "projects": {
      const p = a.projects.get(id);
      if (!p) return runnError(404, `Project ${id} not found`);
      if (m === "GET") return reply(200, p);
      if (m === "PATCH") return updateProject(a, p, body, at());
      return deleteProject(a, p, at());
    }
    case "people": {
      const p = a.people.get(id);
      if (!p) return runnError(404, `Person ${id} not found`);
      if (m === "GET") return reply(200, personJson(p));
      if (m === "PATCH") return updatePerson(a, p, body, at());
      const force = url.searchParams.get("force");
      if (force !== null && force !== "true" && force !== "false")
        return runnError(400, "querystring/force must be boolean");
      return deletePerson(a, p, force === "true", at());
    }
    case "roles": {
      const r = a.roles.get(id);
      if (!r) return runnError(404, `Role ${id} not found`);
      if (m === "GET") return reply(200, roleJson(a, r));
      return updateRole(a, r, body, at());
    }
    default:
      return deleteActual(a, id, at());
  }
};

const listActivity = (a: RunnAccount, url: URL): Reply => {
  const types = url.searchParams.getAll("eventType");
  const afterText = url.searchParams.get("occurredAfter");
  const after = afterText === null ? null : parseInstant(afterText);
  if (afterText !== null && after === null)
    return runnError(400, "querystring/occurredAfter must be a date-time");
  const order = url.searchParams.get("orderBy") ?? "desc";
  if (order !== "asc" && order !== "desc") return runnError(400, "querystring/orderBy must be asc or desc");
  const events = a.events.filter(
    (e) =>
      (types.length === 0 || types.includes(e.type)) &&
      (after === null || Date.parse(e.timestamp) / 1000 > after),
  );
  if (order === "desc") events.reverse();
  return runnPage(url, small, events.length, (k) => events[k]);
};
