/** Runn list endpoints: filters, sorting and cursor pages over one account. */
import { dayOf, isIsoDate, parseInstant } from "../Dates.ts";
import type { Reply } from "../Http.ts";
import { actualJson, roleJson, runnError } from "./RunnJson.ts";
import type { RContract, RReference, RunnAccount } from "./RunnModel.ts";
import { large, type PageSize, runnPage, small } from "./RunnPaging.ts";

type Rec = { readonly id: number; readonly createdAt: string; readonly updatedAt: string };
const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && "status" in v;

const modifiedAfter = (url: URL): number | null | Reply => {
  const v = url.searchParams.get("modifiedAfter");
  if (v === null) return null;
  const t = parseInstant(v);
  return t === null ? runnError(400, "querystring/modifiedAfter must be a date or date-time") : t;
};

const intParam = (url: URL, name: string): number | null | Reply => {
  const v = url.searchParams.get(name);
  if (v === null) return null;
  return /^\d+$/.test(v) ? Number(v) : runnError(400, `querystring/${name} must be an integer`);
};

const boolParam = (url: URL, name: string, fallback: boolean): boolean | Reply => {
  const v = url.searchParams.get(name);
  if (v === null) return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  return runnError(400, `querystring/${name} must be boolean`);
};

const contains = (value: string | null, needle: string | null) =>
  needle === null || (value ?? "").toLowerCase().includes(needle.toLowerCase());

const hasExternalId = (refs: RReference[], id: string | null) =>
  id === null || refs.some((r) => r.externalId === id);

const sortRecords = <T extends Rec>(url: URL, items: T[]): T[] | Reply => {
  const sortBy = url.searchParams.get("sortBy") ?? "id";
  const order = url.searchParams.get("order") ?? "asc";
  if (!["id", "createdAt", "updatedAt"].includes(sortBy))
    return runnError(400, "querystring/sortBy must be id, createdAt or updatedAt");
  if (order !== "asc" && order !== "desc") return runnError(400, "querystring/order must be asc or desc");
  if (sortBy !== "id")
    items.sort((a, b) =>
      a[sortBy as "createdAt"] < b[sortBy as "createdAt"]
        ? -1
        : a[sortBy as "createdAt"] > b[sortBy as "createdAt"]
          ? 1
          : a.id - b.id,
    );
  if (order === "desc") items.reverse();
  return items;
};

const listOf = <T extends Rec>(
  url: URL,
  size: PageSize,
  all: Iterable<T>,
  keep: ((x: T) => boolean) | null,
  json: (x: T) => unknown = (x) => x,
): Reply => {
  const after = modifiedAfter(url);
  if (isReply(after)) return after;
  const items: T[] = [];
  for (const x of all) {
    if (after !== null && !(Date.parse(x.updatedAt) / 1000 > after)) continue;
    if (keep && !keep(x)) continue;
    items.push(x);
  }
  const sorted = sortRecords(url, items);
  if (isReply(sorted)) return sorted;
  return runnPage(url, size, sorted.length, (k) => json(sorted[k] as T));
};

export const listClients = (a: RunnAccount, url: URL): Reply => {
  const name = url.searchParams.get("name");
  return listOf(url, small, a.clients.values(), name === null ? null : (c) => contains(c.name, name));
};

export const listProjects = (a: RunnAccount, url: URL): Reply => {
  const name = url.searchParams.get("name");
  const externalId = url.searchParams.get("externalId");
  const archived = boolParam(url, "includeArchived", true);
  if (isReply(archived)) return archived;
  return listOf(
    url,
    small,
    a.projects.values(),
    (p) => (archived || !p.isArchived) && contains(p.name, name) && hasExternalId(p.references, externalId),
  );
};

export const listPeople = (a: RunnAccount, url: URL): Reply => {
  const externalId = url.searchParams.get("externalId");
  const email = url.searchParams.get("email");
  const first = url.searchParams.get("firstName");
  const last = url.searchParams.get("lastName");
  const placeholders = boolParam(url, "includePlaceholders", false);
  if (isReply(placeholders)) return placeholders;
  return listOf(
    url,
    small,
    a.people.values(),
    (p) =>
      hasExternalId(p.references, externalId) &&
      contains(p.email, email) &&
      contains(p.firstName, first) &&
      contains(p.lastName, last),
  );
};

export const listRoles = (a: RunnAccount, url: URL): Reply => {
  const name = url.searchParams.get("name");
  return listOf(url, small, a.roles.values(), name === null ? null : (r) => contains(r.name, name), (r) =>
    roleJson(a, r),
  );
};

/** Current contract per person: the latest one that has started by `today`. */
export const currentContracts = (a: RunnAccount, today: string): RContract[] => {
  const best = new Map<number, RContract>();
  for (const c of a.contracts.values()) {
    if (c.startDate > today) continue;
    const prev = best.get(c.personId);
    if (!prev || c.startDate > prev.startDate) best.set(c.personId, c);
  }
  return [...best.values()].sort((x, y) => x.id - y.id);
};

export const listCurrentContracts = (a: RunnAccount, url: URL, today: string): Reply =>
  listOf(url, large, currentContracts(a, today), null);

export const listProjectMembers = (a: RunnAccount, url: URL): Reply =>
  listOf(url, large, a.members.values(), null);

export const listAssignments = (a: RunnAccount, url: URL): Reply => {
  const ids: Record<string, number | null> = {};
  for (const n of ["personId", "projectId", "roleId"]) {
    const v = intParam(url, n);
    if (isReply(v)) return v;
    ids[n] = v;
  }
  const start = url.searchParams.get("startDate");
  const end = url.searchParams.get("endDate");
  if ((start !== null && !isIsoDate(start)) || (end !== null && !isIsoDate(end)))
    return runnError(400, "startDate and endDate must be dates");
  return listOf(
    url,
    large,
    a.assignments.values(),
    (x) =>
      (ids.personId === null || x.personId === ids.personId) &&
      (ids.projectId === null || x.projectId === ids.projectId) &&
      (ids.roleId === null || x.roleId === ids.roleId) &&
      (start === null || x.endDate >= start) &&
      (end === null || x.startDate <= end),
  );
};

const actualsCache = new WeakMap<RunnAccount, { version: number; lists: Map<string, Int32Array> }>();

export const listActuals = (a: RunnAccount, url: URL): Reply => {
  const ids: Record<string, number | null> = {};
  for (const n of ["personId", "projectId", "roleId", "workstreamId"]) {
    const v = intParam(url, n);
    if (isReply(v)) return v;
    ids[n] = v;
  }
  const minText = url.searchParams.get("minDate");
  const maxText = url.searchParams.get("maxDate");
  if ((minText !== null && !isIsoDate(minText)) || (maxText !== null && !isIsoDate(maxText)))
    return runnError(400, "minDate and maxDate must be dates");
  const after = modifiedAfter(url);
  if (isReply(after)) return after;
  const sortBy = url.searchParams.get("sortBy") ?? "id";
  const order = url.searchParams.get("order") ?? "asc";
  if (!["id", "createdAt", "updatedAt"].includes(sortBy) || (order !== "asc" && order !== "desc"))
    return runnError(400, "querystring/sortBy or order is invalid");
  const min = minText === null ? null : dayOf(minText);
  const max = maxText === null ? null : dayOf(maxText);
  const s = a.actuals;
  let c = actualsCache.get(a);
  if (!c || c.version !== s.version) {
    c = { version: s.version, lists: new Map() };
    actualsCache.set(a, c);
  }
  const key = [...url.searchParams.entries()]
    .filter(([k]) => k !== "cursor" && k !== "limit")
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join("&");
  let positions = c.lists.get(key);
  if (!positions) {
    const out = new Int32Array(s.size);
    let n = 0;
    for (let i = 0; i < s.size; i++) {
      if (s.deleted[i]) continue;
      const d = s.day[i] as number;
      if ((min !== null && d < min) || (max !== null && d > max)) continue;
      if (ids.personId !== null && s.person[i] !== ids.personId) continue;
      if (ids.projectId !== null && s.project[i] !== ids.projectId) continue;
      if (ids.roleId !== null && s.role[i] !== ids.roleId) continue;
      if (ids.workstreamId !== null && s.workstream[i] !== ids.workstreamId) continue;
      if (after !== null && !((s.updated[i] as number) > after)) continue;
      out[n++] = i;
    }
    positions = out.subarray(0, n);
    if (sortBy !== "id") {
      const field = sortBy === "createdAt" ? s.created : s.updated;
      positions.sort((x, y) => (field[x] as number) - (field[y] as number) || x - y);
    }
    if (order === "desc") positions.reverse();
    if (c.lists.size > 32) c.lists.clear();
    c.lists.set(key, positions);
  }
  const p = positions;
  return runnPage(url, large, p.length, (k) => actualJson(a, p[k] as number));
};
