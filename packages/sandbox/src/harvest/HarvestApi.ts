/** The simulated Harvest API: User-Agent and auth checks, then routing to lists, single records and writes. */

import { parseBody, type Reply, reply, type SimRequest } from "../Http.ts";
import { createEntry, deleteEntry, updateEntry } from "./HarvestEntryWrites.ts";
import { companyJson, userJson } from "./HarvestJson.ts";
import {
  type ListContext,
  listClients,
  listProjects,
  listRoles,
  listTaskAssignments,
  listTasks,
  listTimeEntries,
  listUserAssignments,
  listUsers,
} from "./HarvestLists.ts";
import { findById, type HarvestAccount, type HUser } from "./HarvestModel.ts";
import { type Caller, managerScope } from "./HarvestScope.ts";
import {
  canWrite,
  createClient,
  createProject,
  createUser,
  updateClient,
  updateProject,
  updateUser,
} from "./HarvestWrites.ts";

const invalidToken = () =>
  reply(401, {
    error: "invalid_token",
    error_description:
      "The access token provided is expired, revoked, malformed or invalid for other reasons.",
  });

/** Runtimes' default agents count as no User-Agent: Harvest wants an application name and a contact. */
export const checkUserAgent = (req: SimRequest): Reply | null => {
  const ua = (req.headers["user-agent"] ?? "").trim();
  if (ua === "" || ua === "node" || ua === "undici" || ua.startsWith("node-fetch"))
    return reply(400, { message: "Missing User-Agent header: send your application name and a contact" });
  return null;
};

const tokenOf = (req: SimRequest): string | null => {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  return req.url.searchParams.get("access_token");
};

/** Resolves the caller of a Harvest request, or the 400/401 reply. */
export const authenticateHarvest = (
  accounts: ReadonlyArray<HarvestAccount>,
  req: SimRequest,
): Caller | Reply => {
  const uaError = checkUserAgent(req);
  if (uaError) return uaError;
  const token = tokenOf(req);
  const accountText = req.headers["harvest-account-id"] ?? req.url.searchParams.get("account_id");
  if (token === null || accountText === null || !/^\d+$/.test(accountText.trim())) return invalidToken();
  const account = accounts.find((a) => a.accountId === Number(accountText.trim()));
  const grant = account?.tokens.get(token);
  if (!account || !grant) return invalidToken();
  return { account, role: grant.role, user: grant.user };
};

/** `GET /accounts` of Harvest ID: who the token is and the accounts it reaches (a Forecast one too). */
export const harvestAccounts = (accounts: ReadonlyArray<HarvestAccount>, req: SimRequest): Reply => {
  const uaError = checkUserAgent(req);
  if (uaError) return uaError;
  if (req.method !== "GET") return reply(404, { message: "Not found" });
  const token = tokenOf(req);
  const account = accounts.find((a) => token !== null && a.tokens.has(token));
  const grant = token === null ? undefined : account?.tokens.get(token);
  if (!account || !grant) return invalidToken();
  const u = account.users[grant.user] as HUser;
  return reply(200, {
    user: { id: u.id, first_name: u.firstName, last_name: u.lastName, email: u.email },
    accounts: [
      { id: account.accountId, name: account.name, product: "harvest" },
      { id: account.forecastAccountId, name: account.name, product: "forecast" },
    ],
  });
};

/** Per-request inputs the router needs besides the caller. */
export interface HarvestRouteContext {
  readonly publicBase: string;
  /** Frozen data clock (running timers), epoch seconds. */
  readonly nowSeconds: number;
  /** A fresh, monotonic timestamp for a write, epoch seconds. */
  readonly stamp: () => number;
  /** Leave `approval_status` out of time entries (`SandboxOptions.omitApprovalStatus`). */
  readonly omitApprovalStatus: boolean;
}

const notFound = () => reply(404, { message: "Not found" });

/** Routes one authenticated Harvest request; `path` is relative to `/v2`. */
export const routeHarvest = (
  caller: Caller,
  req: SimRequest,
  path: string,
  rc: HarvestRouteContext,
): Reply => {
  const a = caller.account;
  const ctx: ListContext = {
    caller,
    url: req.url,
    publicBase: rc.publicBase,
    nowSeconds: rc.nowSeconds,
    omitApprovalStatus: rc.omitApprovalStatus,
  };
  const m = req.method;
  const seg = path.replace(/\/+$/, "").split("/").filter(Boolean);
  const id = seg[1] !== undefined && /^\d+$/.test(seg[1]) ? Number(seg[1]) : null;
  const body = parseBody(req.body);
  if (body instanceof Error) return reply(400, { message: "Request body is not valid JSON" });
  const record = (body ?? {}) as Record<string, unknown>;
  if (typeof record !== "object" || Array.isArray(record))
    return reply(422, { message: "Body must be a JSON object" });
  const write = () => canWrite(caller);
  if (seg.length === 1 && m === "GET") {
    switch (seg[0]) {
      case "users":
        return listUsers(ctx);
      case "roles":
        return listRoles(ctx);
      case "clients":
        return listClients(ctx);
      case "projects":
        return listProjects(ctx);
      case "tasks":
        return listTasks(ctx);
      case "time_entries":
        return listTimeEntries(ctx);
      case "user_assignments":
        return listUserAssignments(ctx);
      case "task_assignments":
        return listTaskAssignments(ctx);
      case "company":
        return caller.role === "administrator"
          ? reply(200, companyJson(a))
          : reply(403, { message: "Admin permissions required" });
      default:
        return notFound();
    }
  }
  if (seg.length === 2 && seg[0] === "users" && seg[1] === "me" && m === "GET")
    return reply(200, userJson(a.users[caller.user] as HUser));
  if (seg.length === 1 && m === "POST") {
    const denied = write();
    if (denied) return denied;
    if (seg[0] === "users") return createUser(a, record, rc.stamp());
    if (seg[0] === "clients") return createClient(a, record, rc.stamp());
    if (seg[0] === "projects") return createProject(a, record, rc.stamp());
    if (seg[0] === "time_entries") return createEntry(a, caller, record, rc.stamp());
    return notFound();
  }
  if (seg.length === 2 && id !== null) {
    if (seg[0] === "users" && m === "GET") {
      const i = findById(a.users, id);
      if (i === null) return notFound();
      const allowed =
        caller.role === "administrator" ||
        i === caller.user ||
        (caller.role === "manager" && managerScope(a, caller.user).teammates.has(i));
      return allowed
        ? reply(200, userJson(a.users[i] as HUser))
        : reply(403, { message: "You cannot see this user" });
    }
    if (m === "PATCH" || m === "DELETE") {
      const denied = write();
      if (denied) return denied;
      if (m === "PATCH" && seg[0] === "users") return updateUser(a, id, record, rc.stamp());
      if (m === "PATCH" && seg[0] === "clients") return updateClient(a, id, record, rc.stamp());
      if (m === "PATCH" && seg[0] === "projects") return updateProject(a, id, record, rc.stamp());
      if (m === "PATCH" && seg[0] === "time_entries")
        return updateEntry(a, id, record, rc.stamp(), rc.nowSeconds);
      if (m === "DELETE" && seg[0] === "time_entries") return deleteEntry(a, id);
    }
  }
  return notFound();
};
