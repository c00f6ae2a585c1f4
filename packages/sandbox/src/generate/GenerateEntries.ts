/** Generates a Harvest account's time entries: dated oldest first (so ids grow with dates), mixed kinds. */
import { EntryStore } from "../harvest/EntryStore.ts";
import type { HProject, HTask, HTaskAssignment, HUser, HUserAssignment } from "../harvest/HarvestModel.ts";
import type { HarvestGenInput } from "./GenerateHarvest.ts";
import { notesPool } from "./Names.ts";

const DAY = 86_400;
const minutesPool = [15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480];
const runningTimers: Record<string, number> = { tiny: 2, small: 5, large: 20, xl: 100 };

/** Builds the entries of one account from its users, projects and assignments. */
export const generateEntries = (
  input: HarvestGenInput,
  users: HUser[],
  projects: HProject[],
  tasks: HTask[],
  taskAssignments: HTaskAssignment[],
  userAssignments: HUserAssignment[],
  tasksOfProject: number[][],
): EntryStore => {
  const { rng, preset, anchorDay, anchorInstant } = input;
  const store = new EntryStore(1_500_000_001, preset.entries);
  // Flat typed arrays keep the hot loop free of pointer chasing (1M entries in the xl preset).
  const T = tasks.length;
  const taBillable = new Uint8Array(projects.length * T);
  for (const ta of taskAssignments) taBillable[ta.project * T + ta.task] = ta.billable ? 1 : 2;
  const taskStart = new Int32Array(projects.length + 1);
  for (let p = 0; p < projects.length; p++)
    taskStart[p + 1] = (taskStart[p] as number) + (tasksOfProject[p] as number[]).length;
  const taskFlat = new Int32Array(taskStart[projects.length] as number);
  for (let p = 0; p < projects.length; p++)
    taskFlat.set(tasksOfProject[p] as number[], taskStart[p] as number);
  const activeList: number[] = [];
  const archivedList: number[] = [];
  for (const ua of userAssignments) {
    const ok = (users[ua.user] as HUser).isActive && (projects[ua.project] as HProject).isActive;
    if ((tasksOfProject[ua.project] as number[]).length === 0) continue;
    (ok ? activeList : archivedList).push(ua.user * 131_072 + ua.project);
  }
  const active = Float64Array.from(activeList);
  const archived = Float64Array.from(archivedList);
  const firstDay = anchorDay - preset.spanDays + 1;
  const windowStart = anchorDay - 44;
  // Weight per day; the window's boundary day (anchor − 45) gets none, so either reading of
  // "the last 45 days" gives the same ground truth.
  const weights: number[] = [];
  let total = 0;
  for (let d = firstDay; d <= anchorDay; d++) {
    const wd = (d + 4) % 7;
    const w = d === anchorDay - 45 ? 0 : wd === 0 || wd === 6 ? 0.1 : 1;
    weights.push(w);
    total += w;
  }
  const counts = weights.map((w) => Math.floor((preset.entries * w) / total));
  let rest = preset.entries - counts.reduce((a, b) => a + b, 0);
  for (let k = counts.length - 1; rest > 0; k = (k - 1 + counts.length) % counts.length) {
    if ((weights[k] as number) >= 1) {
      counts[k] = (counts[k] as number) + 1;
      rest--;
    }
  }
  const running = new Set<number>();
  const wantRunning = runningTimers[preset.name] ?? 2;
  for (let di = 0; di < counts.length; di++) {
    const day = firstDay + di;
    const n = counts[di] as number;
    const inWindow = day >= windowStart;
    const dayStart = day * DAY;
    let prevPair = 0;
    let prevSeconds = 0;
    let prevBillable = false;
    for (let k = 0; k < n; k++) {
      const roll = rng.next();
      // A negative adjustment corrects the entry just before it (same user, project and day).
      const adjust = roll < 0.002 && k > 0 && prevSeconds > 0;
      const useArchived = !adjust && archived.length > 0 && rng.chance(inWindow ? 0.02 : 0.05);
      const pool = useArchived || active.length === 0 ? archived : active;
      const pair = adjust ? prevPair : (pool[Math.floor(rng.next() * pool.length)] as number);
      const user = Math.floor(pair / 131_072);
      const project = pair - user * 131_072;
      const t0 = taskStart[project] as number;
      const task = taskFlat[
        t0 + Math.floor(rng.next() * ((taskStart[project + 1] as number) - t0))
      ] as number;
      let seconds: number;
      if (adjust) seconds = -Math.min(prevSeconds, rng.pick([15, 30]) * 60);
      else if (roll < 0.032) seconds = rng.range(5, 50) * 60 + rng.pick([10, 20, 40, 50]);
      else seconds = (minutesPool[Math.floor(rng.next() * minutesPool.length)] as number) * 60;
      prevPair = pair;
      prevSeconds = seconds;
      const billable: boolean = adjust
        ? prevBillable
        : taBillable[project * T + task] === 1 && rng.chance(0.9);
      prevBillable = billable;
      const age = anchorDay - day;
      const a = rng.next();
      const approval: 0 | 1 | 2 = age > 14 ? (a < 0.85 ? 2 : a < 0.95 ? 1 : 0) : a < 0.7 ? 0 : 1;
      const created = Math.min(
        dayStart + 9 * 3600 + Math.floor((k * 8 * 3600) / Math.max(1, n)),
        anchorInstant - 7200,
      );
      const updated = rng.chance(0.8) ? created : Math.min(anchorInstant - 3600, created + rng.int(3 * DAY));
      let timer: number | null = null;
      if (
        day === anchorDay &&
        k >= n - 4 * wantRunning &&
        running.size < wantRunning &&
        seconds > 0 &&
        !running.has(user) &&
        pool === active
      ) {
        running.add(user);
        timer = anchorInstant - rng.range(10, 180) * 60;
        seconds = rng.chance(0.5) ? 0 : rng.pick([30, 60]) * 60;
      }
      store.push({
        user,
        project,
        task,
        day,
        seconds,
        billable,
        approval,
        billed: billable && approval === 2 && age > 30 && rng.chance(0.7),
        createdAt: timer ?? created,
        updatedAt: timer ?? updated,
        timerStartedAt: timer,
        notes: rng.int(notesPool.length),
      });
    }
  }
  store.version = 0;
  return store;
};
