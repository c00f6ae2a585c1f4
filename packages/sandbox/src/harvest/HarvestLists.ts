/** Harvest list endpoints: filters, visibility and pagination over the account's records. */
import { dayOf, isIsoDate, parseInstant } from "../Dates.ts";
import { type Reply, reply } from "../Http.ts";
import { type EntryLookups, entryJson, entryLookups } from "./EntryJson.ts";
import { approvalStates, F_BILLED, F_RUNNING } from "./EntryStore.ts";
import {
  clientJson,
  projectJson,
  roleJson,
  taskAssignmentJson,
  taskJson,
  userAssignmentJson,
  userJson,
} from "./HarvestJson.ts";
import type { HarvestAccount } from "./HarvestModel.ts";
import { cursorPage, numberedPage, perPageOf } from "./HarvestPaging.ts";
import {
  type Caller,
  clientsVisible,
  entriesVisible,
  projectsVisible,
  taskAssignmentsVisible,
  tasksVisible,
  userAssignmentsVisible,
  usersVisible,
  type Visibility,
} from "./HarvestScope.ts";

/** Context of one list request. */
export interface ListContext {
  readonly caller: Caller;
  readonly url: URL;
  /** Public base of the Harvest API, e.g. `http://127.0.0.1:4000/harvest/v2`. */
  readonly publicBase: string;
  /** The frozen data clock, epoch seconds (running timers). */
  readonly nowSeconds: number;
  /** Leave `approval_status` out of time entries. */
  readonly omitApprovalStatus: boolean;
}

type Filter = (index: number) => boolean;
const bad = (message: string) => reply(400, { message });

const boolParam = (url: URL, name: string): boolean | null | Reply => {
  const v = url.searchParams.get(name);
  if (v === null) return null;
  if (v === "true") return true;
  if (v === "false") return false;
  return reply(422, { message: `${name} must be true or false` });
};

const idParam = (url: URL, name: string): number | null | Reply => {
  const v = url.searchParams.get(name);
  if (v === null) return null;
  return /^\d+$/.test(v) ? Number(v) : reply(422, { message: `${name} must be an integer` });
};

const sinceParam = (url: URL): number | null | Reply => {
  const v = url.searchParams.get("updated_since");
  if (v === null) return null;
  const t = parseInstant(v);
  return t === null ? bad("updated_since must be an ISO 8601 date-time such as 2024-01-01T00:00:00Z") : t;
};

const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && "status" in v;

const cache = new WeakMap<HarvestAccount, { version: number; lists: Map<string, ArrayLike<number>> }>();
const cached = (a: HarvestAccount, key: string, make: () => ArrayLike<number>): ArrayLike<number> => {
  let c = cache.get(a);
  const version = a.version + a.entries.version * 1e-9;
  if (!c || c.version !== version) {
    c = { version, lists: new Map() };
    cache.set(a, c);
  }
  const hit = c.lists.get(key);
  if (hit) return hit;
  const made = make();
  if (c.lists.size > 64) c.lists.clear();
  c.lists.set(key, made);
  return made;
};

interface EntityList<
  T extends { readonly id: number; readonly isActive: boolean; readonly updatedAt: number },
> {
  readonly key: string;
  readonly items: (a: HarvestAccount) => ReadonlyArray<T>;
  readonly visible: (c: Caller) => Visibility;
  readonly json: (a: HarvestAccount, item: T) => unknown;
  readonly activity: boolean;
  readonly extra?: (url: URL, a: HarvestAccount) => Filter | null | Reply;
}

const entityList =
  <T extends { readonly id: number; readonly isActive: boolean; readonly updatedAt: number }>(
    spec: EntityList<T>,
  ) =>
  (ctx: ListContext): Reply => {
    const { caller, url } = ctx;
    const a = caller.account;
    const visible = spec.visible(caller);
    if (visible === null) return reply(403, { message: "You do not have permission to list these records" });
    const perPage = perPageOf(url);
    if (isReply(perPage)) return perPage;
    const active = spec.activity ? boolParam(url, "is_active") : null;
    if (isReply(active)) return active;
    const since = spec.activity ? sinceParam(url) : null;
    if (isReply(since)) return since;
    const extra = spec.extra ? spec.extra(url, a) : null;
    if (isReply(extra)) return extra;
    const items = spec.items(a);
    const key = `${spec.key}|${caller.role}|${caller.user}|${active}|${since}|${url.searchParams.get("client_id")}|${url.searchParams.get("user_id")}`;
    const positions = cached(a, key, () => {
      const out: number[] = [];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i] as T;
        if (active !== null && item.isActive !== active) continue;
        if (since !== null && !(item.updatedAt > since)) continue;
        if (visible !== "all" && !visible(i)) continue;
        if (extra && !extra(i)) continue;
        out.push(i);
      }
      return out;
    });
    const ids = Array.from(positions, (i) => (items[i] as T).id);
    return cursorPage(url, ctx.publicBase, spec.key, perPage, ids, (k) =>
      spec.json(a, items[positions[k] as number] as T),
    );
  };

export const listUsers = entityList({
  key: "users",
  items: (a) => a.users,
  visible: usersVisible,
  json: (_, u) => userJson(u),
  activity: true,
});
export const listClients = entityList({
  key: "clients",
  items: (a) => a.clients,
  visible: clientsVisible,
  json: (_, c) => clientJson(c),
  activity: true,
});
export const listTasks = entityList({
  key: "tasks",
  items: (a) => a.tasks,
  visible: tasksVisible,
  json: (_, t) => taskJson(t),
  activity: true,
});
export const listProjects = entityList({
  key: "projects",
  items: (a) => a.projects,
  visible: projectsVisible,
  json: projectJson,
  activity: true,
  extra: (url, a) => {
    const client = idParam(url, "client_id");
    if (client === null || isReply(client)) return client;
    return (i) => a.clients[a.projects[i]?.client ?? -1]?.id === client;
  },
});
export const listUserAssignments = entityList({
  key: "user_assignments",
  items: (a) => a.userAssignments,
  visible: userAssignmentsVisible,
  json: userAssignmentJson,
  activity: true,
  extra: (url, a) => {
    const user = idParam(url, "user_id");
    if (user === null || isReply(user)) return user;
    return (i) => a.users[a.userAssignments[i]?.user ?? -1]?.id === user;
  },
});
export const listTaskAssignments = entityList({
  key: "task_assignments",
  items: (a) => a.taskAssignments,
  visible: taskAssignmentsVisible,
  json: taskAssignmentJson,
  activity: true,
});

/** `/roles`: administrators only, no filters. */
export const listRoles = (ctx: ListContext): Reply => {
  if (ctx.caller.role !== "administrator")
    return reply(403, { message: "Only administrators can list roles" });
  const perPage = perPageOf(ctx.url);
  if (isReply(perPage)) return perPage;
  const roles = ctx.caller.account.roles;
  const ids = roles.map((r) => r.id).reverse();
  return cursorPage(ctx.url, ctx.publicBase, "roles", perPage, ids, (k) =>
    roleJson(roles[roles.length - 1 - k] as (typeof roles)[number]),
  );
};

const lookups = new WeakMap<HarvestAccount, EntryLookups>();

/** `/time_entries`: page numbers, filters, role-scoped visibility without errors. */
export const listTimeEntries = (ctx: ListContext): Reply => {
  const { url, caller } = ctx;
  const a = caller.account;
  const perPage = perPageOf(url);
  if (isReply(perPage)) return perPage;
  const ids: Record<string, number | null> = {};
  for (const name of ["user_id", "client_id", "project_id", "task_id"]) {
    const v = idParam(url, name);
    if (isReply(v)) return v;
    ids[name] = v;
  }
  const running = boolParam(url, "is_running");
  if (isReply(running)) return running;
  const billed = boolParam(url, "is_billed");
  if (isReply(billed)) return billed;
  const since = sinceParam(url);
  if (isReply(since)) return since;
  const approvalText = url.searchParams.get("approval_status");
  const approval =
    approvalText === null ? null : approvalStates.indexOf(approvalText as (typeof approvalStates)[number]);
  if (approval === -1)
    return reply(422, { message: "approval_status must be unsubmitted, submitted or approved" });
  const fromText = url.searchParams.get("from");
  const toText = url.searchParams.get("to");
  if ((fromText !== null && !isIsoDate(fromText)) || (toText !== null && !isIsoDate(toText)))
    return bad("from and to must be dates YYYY-MM-DD");
  const from = fromText === null ? null : dayOf(fromText);
  const to = toText === null ? null : dayOf(toText);
  const external = url.searchParams.get("external_reference_id");
  const visible = entriesVisible(caller);
  const filterKey = [...url.searchParams.entries()]
    .filter(([k]) => k !== "page" && k !== "per_page" && k !== "ref")
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join("&");
  const e = a.entries;
  const projectOf = (id: number | null) => (id === null ? -2 : a.projects.findIndex((p) => p.id === id));
  const userIdx = ids.user_id === null ? -2 : a.users.findIndex((u) => u.id === ids.user_id);
  const projectIdx = projectOf(ids.project_id ?? null);
  const taskIdx = ids.task_id === null ? -2 : a.tasks.findIndex((t) => t.id === ids.task_id);
  const clientIdx = ids.client_id === null ? -2 : a.clients.findIndex((c) => c.id === ids.client_id);
  const positions = cached(a, `time_entries|${caller.role}|${caller.user}|${filterKey}`, () => {
    if (external !== null) return new Int32Array(0);
    const order = e.order();
    const out = new Int32Array(order.length);
    let n = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const d = e.day[i] as number;
      if (from !== null && d < from) continue;
      if (to !== null && d > to) continue;
      if (userIdx !== -2 && e.user[i] !== userIdx) continue;
      if (projectIdx !== -2 && e.project[i] !== projectIdx) continue;
      if (taskIdx !== -2 && e.task[i] !== taskIdx) continue;
      if (clientIdx !== -2 && a.projects[e.project[i] as number]?.client !== clientIdx) continue;
      if (running !== null && e.has(i, F_RUNNING) !== running) continue;
      if (billed !== null && e.has(i, F_BILLED) !== billed) continue;
      if (approval !== null && e.approvalOf(i) !== approval) continue;
      if (since !== null && !(e.updatedAt(i) > since)) continue;
      if (visible !== "all" && !visible(e.user[i] as number, e.project[i] as number)) continue;
      out[n++] = i;
    }
    return out.subarray(0, n);
  });
  let look = lookups.get(a);
  if (!look || look.version !== a.version) {
    look = entryLookups(a);
    lookups.set(a, look);
  }
  const l = look;
  return numberedPage(url, ctx.publicBase, "time_entries", perPage, positions.length, (k) =>
    entryJson(a, l, positions[k] as number, ctx.nowSeconds, ctx.omitApprovalStatus),
  );
};
