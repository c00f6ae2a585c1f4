/**
 * Data sizes of every list, from the current state, for the minimum-request formulas (DESIGN budgets):
 * per list max(1, ⌈n / max page⌉), plus one when a full last page of a cursor list returns a cursor.
 */
import { isoDay } from "../Dates.ts";
import { F_DELETED, F_RUNNING } from "../harvest/EntryStore.ts";
import { currentContracts } from "../runn/RunnLists.ts";
import type { World } from "./Generate.ts";
import { WINDOW_DAYS } from "./Presets.ts";

/** One list: how many records, the largest page, and the fewest requests that read it completely. */
export interface ListSize {
  readonly items: number;
  readonly maxPage: number;
  readonly pagination: "cursor" | "page";
  readonly minRequests: number;
}

const size = (items: number, maxPage: number, pagination: "cursor" | "page"): ListSize => ({
  items,
  maxPage,
  pagination,
  minRequests:
    Math.max(1, Math.ceil(items / maxPage)) +
    (pagination === "cursor" && items > 0 && items % maxPage === 0 ? 1 : 0),
});

/** Sizes of every Harvest and Runn list of account `index` (as an administrator sees them) on `today`. */
export const listSizes = (world: World, index: number, today: string = world.anchorDate) => {
  const h = world.harvest[index];
  const r = world.runn[index];
  if (!h || !r) throw new Error(`no account ${index}`);
  const from = world.anchorDay - (WINDOW_DAYS - 1);
  const e = h.entries;
  let entries = 0;
  let inWindow = 0;
  let running = 0;
  for (let i = 0; i < e.size; i++) {
    if (e.has(i, F_DELETED)) continue;
    entries++;
    const d = e.day[i] as number;
    if (d >= from && d <= world.anchorDay) inWindow++;
    if (e.has(i, F_RUNNING)) running++;
  }
  let actuals = 0;
  let actualsInWindow = 0;
  const s = r.actuals;
  for (let i = 0; i < s.size; i++) {
    if (s.deleted[i]) continue;
    actuals++;
    const d = s.day[i] as number;
    if (d >= from && d <= world.anchorDay) actualsInWindow++;
  }
  const active = (list: ReadonlyArray<{ isActive: boolean }>) => list.filter((x) => x.isActive).length;
  const window = `from=${isoDay(from)}&to=${world.anchorDate}`;
  return {
    window: { from: isoDay(from), to: world.anchorDate },
    harvest: {
      "/users": size(h.users.length, 2000, "cursor"),
      "/users?is_active=true": size(active(h.users), 2000, "cursor"),
      "/roles": size(h.roles.length, 2000, "cursor"),
      "/clients": size(h.clients.length, 2000, "cursor"),
      "/clients?is_active=true": size(active(h.clients), 2000, "cursor"),
      "/projects": size(h.projects.length, 2000, "cursor"),
      "/projects?is_active=true": size(active(h.projects), 2000, "cursor"),
      "/tasks": size(h.tasks.length, 2000, "cursor"),
      "/user_assignments": size(h.userAssignments.length, 2000, "cursor"),
      "/task_assignments": size(h.taskAssignments.length, 2000, "cursor"),
      "/time_entries": size(entries, 2000, "page"),
      [`/time_entries?${window}`]: size(inWindow, 2000, "page"),
      "/time_entries?is_running=true": size(running, 2000, "page"),
    },
    runn: {
      "/clients/": size(r.clients.size, 200, "cursor"),
      "/projects/": size(r.projects.size, 200, "cursor"),
      "/people/": size(r.people.size, 200, "cursor"),
      "/roles/": size(r.roles.size, 200, "cursor"),
      "/people/contracts/current": size(currentContracts(r, today).length, 500, "cursor"),
      "/project-members/": size(r.members.size, 500, "cursor"),
      "/assignments/": size(r.assignments.size, 500, "cursor"),
      "/actuals/": size(actuals, 500, "cursor"),
      [`/actuals/?minDate=${isoDay(from)}&maxDate=${world.anchorDate}`]: size(actualsInWindow, 500, "cursor"),
    },
  };
};
