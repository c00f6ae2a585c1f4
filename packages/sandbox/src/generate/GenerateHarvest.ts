/** Generates one Harvest account from a seeded PRNG, a preset and an anchor day (the sandbox's today). */

import type {
  AccessRole,
  HarvestAccount,
  HClient,
  HProject,
  HRole,
  HTask,
  HTaskAssignment,
  HUser,
  HUserAssignment,
} from "../harvest/HarvestModel.ts";
import { generateEntries } from "./GenerateEntries.ts";
import {
  companySuffixes,
  companyWords,
  firstNames,
  lastNames,
  projectWords,
  roleNames,
  taskNames,
} from "./Names.ts";
import type { Preset } from "./Presets.ts";
import { hashString, type Rng } from "./Random.ts";

const DAY = 86_400;
const timezones = ["Eastern Time (US & Canada)", "London", "Berlin", "Pacific Time (US & Canada)", "Sydney"];
const capacities = [126_000, 144_000, 108_000, 72_000, 90_000];

/** Where the generated Harvest account sits in time and which account it is. */
export interface HarvestGenInput {
  readonly rng: Rng;
  readonly preset: Preset;
  readonly seed: number;
  readonly index: number;
  readonly anchorDay: number;
  /** Epoch seconds of the sandbox's "now" on the anchor day. */
  readonly anchorInstant: number;
}

const tokenOf = (seed: number, index: number, role: AccessRole): string =>
  `hv_${role.slice(0, 5)}_${hashString(`${seed}:${index}:${role}`).toString(16).padStart(8, "0")}${hashString(`${role}:${index}:${seed}`).toString(16).padStart(8, "0")}`;

/** Builds a Harvest account; the mix of records is described in the package README. */
export const generateHarvest = (input: HarvestGenInput): HarvestAccount => {
  const { rng, preset, anchorDay, anchorInstant } = input;
  const origin = anchorInstant - (preset.spanDays + 400) * DAY;
  const stamp = (i: number, n: number) => origin + Math.floor((i * 300 * DAY) / Math.max(1, n));
  const touched = (created: number) =>
    rng.chance(0.7) ? created : Math.min(anchorInstant - 3600, created + rng.int(200 * DAY));

  const roleList: string[] = roleNames.slice(0, preset.roles);
  const users: HUser[] = [];
  for (let i = 0; i < preset.users; i++) {
    const first = firstNames[i % firstNames.length] as string;
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] as string;
    const m = i % 8;
    let roles: string[];
    if ((i < 16 && m === 3) || (i >= 16 && rng.chance(0.06))) roles = [];
    else if ((i < 16 && m === 5) || (i >= 16 && rng.chance(0.08))) {
      const a = rng.pick(roleList);
      let b = rng.pick(roleList);
      if (b === a) b = roleList[(roleList.indexOf(a) + 1) % roleList.length] as string;
      roles = [a, b];
    } else roles = [roleList[i % roleList.length] as string];
    const created = stamp(i, preset.users);
    users.push({
      id: 3_000_001 + i,
      firstName: first,
      lastName: last,
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
      telephone: "",
      timezone: timezones[i % timezones.length] as string,
      isContractor: i % 7 === 6 || (i > 6 && rng.chance(0.05)),
      isActive: i < 3 || !(i % 10 === 9 || rng.chance(0.03)),
      weeklyCapacity: capacities[i % capacities.length] as number,
      defaultHourlyRate: 100 + rng.int(100),
      costRate: rng.chance(0.8) ? 40 + rng.int(80) : null,
      roles,
      accessRoles:
        i === 0 ? ["administrator"] : i === 1 || i % 20 === 7 ? ["manager", "project_creator"] : ["member"],
      hasAccessToAllFutureProjects: false,
      createdAt: created,
      updatedAt: touched(created),
    });
  }

  const roles: HRole[] = roleList.map((name, i) => {
    const created = stamp(i, roleList.length);
    return { id: 500_001 + i, name, userIds: [], createdAt: created, updatedAt: created };
  });
  const roleByName = new Map(roles.map((r) => [r.name, r]));
  for (const u of users) for (const r of u.roles) roleByName.get(r)?.userIds.push(u.id);

  const clients: HClient[] = [];
  for (let i = 0; i < preset.clients; i++) {
    const word = companyWords[i % companyWords.length] as string;
    const suffix = companySuffixes[Math.floor(i / companyWords.length) % companySuffixes.length] as string;
    const round = Math.floor(i / (companyWords.length * companySuffixes.length));
    const created = stamp(i, preset.clients);
    clients.push({
      id: 8_000_001 + i,
      name: round === 0 ? `${word} ${suffix}` : `${word} ${suffix} ${round + 1}`,
      isActive: i === 0 || !(i % 10 === 8 || rng.chance(0.02)),
      address: rng.chance(0.5) ? `${1 + rng.int(200)} Main Street\nSpringfield` : null,
      currency: rng.pick(["USD", "EUR", "GBP"]),
      createdAt: created,
      updatedAt: touched(created),
    });
  }

  const projects: HProject[] = [];
  for (let i = 0; i < preset.projects; i++) {
    const client = i < clients.length ? i : rng.int(clients.length);
    const kind = i % 7 === 2 ? "nb" : i % 7 === 4 || rng.chance(0.15) ? "fp" : "tm";
    const budgetBy =
      i % 5 === 1
        ? "project_cost"
        : i % 5 === 3
          ? "project"
          : rng.pick(["none", "none", "task", "person", "task_fees", "project_cost"]);
    const created = stamp(i, preset.projects);
    const start = anchorDay - preset.spanDays - rng.int(60);
    projects.push({
      id: 20_000_001 + i,
      client,
      name: `${projectWords[i % projectWords.length]} ${i + 1}`,
      code: rng.chance(0.6) ? `P${1000 + i}` : null,
      isActive: (clients[client] as HClient).isActive && !(i % 9 === 5 || rng.chance(0.05)),
      isBillable: kind !== "nb",
      isFixedFee: kind === "fp",
      billBy: kind === "nb" ? "none" : rng.pick(["Project", "People", "Tasks"]),
      hourlyRate: kind === "tm" ? 90 + rng.int(120) : null,
      budget:
        budgetBy === "project" || budgetBy === "task" || budgetBy === "person" ? 50 + rng.int(900) : null,
      budgetBy,
      budgetIsMonthly: budgetBy !== "none" && (i % 11 === 6 || rng.chance(0.08)),
      costBudget: budgetBy === "project_cost" || budgetBy === "task_fees" ? 5000 + rng.int(95) * 1000 : null,
      fee: kind === "fp" ? 10_000 + rng.int(90) * 1000 : null,
      notes: "",
      startsOn: rng.chance(0.5) ? new Date(start * DAY * 1000).toISOString().slice(0, 10) : null,
      endsOn: null,
      createdAt: created,
      updatedAt: touched(created),
    });
  }

  const tasks: HTask[] = [];
  for (let i = 0; i < preset.tasks; i++) {
    const created = stamp(i, preset.tasks);
    tasks.push({
      id: 9_000_001 + i,
      name: i < taskNames.length ? (taskNames[i] as string) : `${taskNames[i % taskNames.length]} ${i + 1}`,
      billableByDefault: i % 5 !== 3,
      defaultHourlyRate: 100,
      isDefault: i < 3,
      isActive: i < 4 || !rng.chance(0.1),
      createdAt: created,
      updatedAt: created,
    });
  }

  const taskAssignments: HTaskAssignment[] = [];
  const tasksOfProject: number[][] = [];
  const activeTasks = tasks.map((t, i) => (t.isActive ? i : -1)).filter((i) => i >= 0);
  for (let p = 0; p < projects.length; p++) {
    const proj = projects[p] as HProject;
    const chosen = new Set<number>();
    const want = rng.range(2, 4);
    for (let k = 0; chosen.size < Math.min(want, activeTasks.length) && k < 20; k++)
      chosen.add(rng.pick(activeTasks));
    const list = [...chosen];
    tasksOfProject.push(list);
    for (const t of list) {
      taskAssignments.push({
        id: 200_000_001 + taskAssignments.length,
        project: p,
        task: t,
        isActive: true,
        billable: proj.isBillable && (tasks[t] as HTask).billableByDefault,
        hourlyRate: proj.billBy === "Tasks" ? 100 + rng.int(50) : null,
        createdAt: proj.createdAt + 60,
        updatedAt: proj.createdAt + 60,
      });
    }
  }

  const userAssignments: HUserAssignment[] = [];
  const pairs = new Set<number>();
  const activeProjects = projects.map((p, i) => (p.isActive ? i : -1)).filter((i) => i >= 0);
  const assign = (u: number, p: number, pm: boolean) => {
    const key = u * projects.length + p;
    if (pairs.has(key)) return;
    pairs.add(key);
    const created = Math.max((users[u] as HUser).createdAt, (projects[p] as HProject).createdAt) + 120;
    userAssignments.push({
      id: 100_000_001 + userAssignments.length,
      user: u,
      project: p,
      isActive: true,
      isProjectManager: pm,
      hourlyRate: null,
      createdAt: created,
      updatedAt: created,
    });
  };
  const [lo, hi] = preset.assignmentsPerUser;
  for (let u = 0; u < users.length; u++) {
    const n = (users[u] as HUser).isActive ? rng.range(lo, hi) : rng.range(1, 2);
    for (let k = 0; k < n; k++) {
      const p =
        rng.chance(0.85) && activeProjects.length > 0 ? rng.pick(activeProjects) : rng.int(projects.length);
      assign(u, p, u === 1 || ((users[u] as HUser).accessRoles[0] === "manager" && rng.chance(0.5)));
    }
  }
  if (activeProjects.length > 0)
    for (let k = 0; k < 3; k++) assign(1, activeProjects[k % activeProjects.length] as number, true);

  const entries = generateEntries(
    input,
    users,
    projects,
    tasks,
    taskAssignments,
    userAssignments,
    tasksOfProject,
  );

  const tokenByRole: Record<AccessRole, string> = {
    administrator: tokenOf(input.seed, input.index, "administrator"),
    manager: tokenOf(input.seed, input.index, "manager"),
    member: tokenOf(input.seed, input.index, "member"),
  };
  const accountId = 1_000_000 + (hashString(`${input.seed}:account:${input.index}`) % 8_000_000);
  return {
    accountId,
    forecastAccountId: accountId + 1,
    name: `Sandbox Agency ${input.index + 1}`,
    users,
    roles,
    clients,
    projects,
    tasks,
    userAssignments,
    taskAssignments,
    entries,
    tokens: new Map([
      [tokenByRole.administrator, { role: "administrator", user: 0 }],
      [tokenByRole.manager, { role: "manager", user: 1 }],
      [tokenByRole.member, { role: "member", user: 2 }],
    ]),
    tokenByRole,
    version: 0,
  };
};
