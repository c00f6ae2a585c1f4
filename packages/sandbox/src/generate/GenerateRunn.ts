/**
 * Pre-existing Runn data (optional): entities already linked to Harvest, unlinked look-alikes (SPEC E8),
 * one Harvest id referenced twice per kind (E9), people with role "Unknown", memberships and
 * assignments giving people one or several roles on a project, and actuals (previously synced, stale,
 * manual, foreign).
 */
import { isoDay, isoSeconds } from "../Dates.ts";
import type { HarvestAccount } from "../harvest/HarvestModel.ts";
import { REFERENCE_NAME, type RRole, type RunnAccount } from "../runn/RunnModel.ts";
import type { Rng } from "./Random.ts";

const DAY = 86_400;

/** Runn entity ids that mirror Harvest records, for the truth computation and actual seeding. */
export interface RunnSeedInfo {
  /** Harvest user index → Runn person id (only for people linked by the generator). */
  readonly personOfUser: Map<number, number>;
  readonly projectOfProject: Map<number, number>;
}

const ref = (id: number) => [{ referenceName: REFERENCE_NAME, externalId: String(id) }];

/** Fills `runn` with pre-existing data mirroring part of `harvest`. */
export const generateRunnEntities = (
  rng: Rng,
  harvest: HarvestAccount,
  runn: RunnAccount,
  anchorInstant: number,
): RunnSeedInfo => {
  let t = anchorInstant - 200 * DAY;
  const stamp = () => {
    t += 37;
    return isoSeconds(t);
  };
  const roleByLower = new Map<string, RRole>();
  const addRole = (name: string): RRole => {
    const existing = roleByLower.get(name.toLowerCase());
    if (existing) return existing;
    const at = stamp();
    const role: RRole = {
      id: runn.nextId.role++,
      name,
      isArchived: false,
      defaultHourCost: 50,
      standardRate: 120,
      references: [],
      createdAt: at,
      updatedAt: at,
    };
    runn.roles.set(role.id, role);
    roleByLower.set(name.toLowerCase(), role);
    return role;
  };
  const unknown = addRole("Unknown");
  // Half of Harvest's role names exist in Runn already, one of them spelled in lower case.
  harvest.roles.forEach((r, i) => {
    if (i % 2 === 0) addRole(i === 2 ? r.name.toLowerCase() : r.name);
  });
  addRole("Runn Only Role");

  const clientOf = new Map<number, number>();
  const lookalikeClients = new Set<number>();
  const conflictClients = new Set<number>();
  harvest.clients.forEach((c, i) => {
    const linked = i % 10 < 7;
    const lookalike = !linked && c.isActive && lookalikeClients.size < 2 && i % 10 === 7;
    if (!linked && !lookalike) return;
    const at = stamp();
    const id = runn.nextId.client++;
    runn.clients.set(id, {
      id,
      name: c.name,
      website: null,
      isArchived: false,
      references: linked ? ref(c.id) : [],
      createdAt: at,
      updatedAt: at,
    });
    clientOf.set(i, id);
    if (lookalike) lookalikeClients.add(i);
    if (linked && c.isActive && conflictClients.size < 1 && i > 0) {
      conflictClients.add(i);
      const id2 = runn.nextId.client++;
      runn.clients.set(id2, {
        id: id2,
        name: `${c.name} (copy)`,
        website: null,
        isArchived: false,
        references: ref(c.id),
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  for (let k = 0; k < 2; k++) {
    const at = stamp();
    const id = runn.nextId.client++;
    runn.clients.set(id, {
      id,
      name: `Runn Internal ${k + 1}`,
      website: null,
      isArchived: false,
      references: [],
      createdAt: at,
      updatedAt: at,
    });
  }

  const projectOfProject = new Map<number, number>();
  let projectLookalikes = 0;
  let projectConflicts = 0;
  const addProject = (name: string, clientId: number, references: ReturnType<typeof ref> | []) => {
    const at = stamp();
    const id = runn.nextId.project++;
    runn.projects.set(id, {
      id,
      name,
      clientId,
      isTemplate: false,
      isArchived: false,
      isConfirmed: true,
      pricingModel: "tm",
      rateType: "hours",
      teamId: null,
      budget: null,
      expensesBudget: null,
      references,
      rateCardId: 1,
      managerIds: [],
      tags: [],
      customFields: { select: [], text: [], checkbox: [], date: [] },
      emoji: null,
      createdAt: at,
      updatedAt: at,
    });
    return id;
  };
  harvest.projects.forEach((p, i) => {
    const runnClient = clientOf.get(p.client);
    if (runnClient === undefined) return;
    const forced = lookalikeClients.has(p.client) || conflictClients.has(p.client);
    const m = i % 10;
    if (forced || (m !== 3 && m !== 6 && m !== 9)) {
      const id = addProject(p.name, runnClient, ref(p.id));
      projectOfProject.set(i, id);
      if (p.isActive && projectConflicts < 1 && !forced && i > 0) {
        projectConflicts++;
        addProject(`${p.name} (old)`, runnClient, ref(p.id));
      }
    } else if (p.isActive && projectLookalikes < 2) {
      projectLookalikes++;
      addProject(p.name, runnClient, []);
    }
  });
  addProject("Runn Internal Project", [...runn.clients.keys()].at(-1) as number, []);

  const personOfUser = new Map<number, number>();
  const primaryRole = new Map<number, number>();
  let personLookalikes = 0;
  let personConflicts = 0;
  const startDate = isoDay(Math.floor(anchorInstant / DAY) - 400);
  const addPerson = (
    first: string,
    last: string,
    email: string,
    references: ReturnType<typeof ref> | [],
    roleId: number,
    contractor: boolean,
  ) => {
    const at = stamp();
    const id = runn.nextId.person++;
    runn.people.set(id, {
      id,
      firstName: first,
      lastName: last,
      email,
      isArchived: false,
      teamId: null,
      references,
      tags: [],
      holidaysGroupId: null,
      managers: [],
      createdAt: at,
      updatedAt: at,
    });
    const cid = runn.nextId.contract++;
    runn.contracts.set(cid, {
      id: cid,
      personId: id,
      roleId,
      employmentType: contractor ? "contractor" : "employee",
      costPerHour: 60,
      minutesPerDay: 480,
      rosteredDays: { monday: 480, tuesday: 480, wednesday: 480, thursday: 480, friday: 480 },
      startDate,
      endDate: null,
      jobTitle: null,
      createdAt: at,
      updatedAt: at,
    });
    primaryRole.set(id, roleId);
    return id;
  };
  harvest.users.forEach((u, i) => {
    if (i % 10 < 7) {
      const role = u.roles.length === 1 && i % 13 !== 4 ? addRole(u.roles[0] as string) : unknown;
      const id = addPerson(u.firstName, u.lastName, u.email, ref(u.id), role.id, u.isContractor);
      personOfUser.set(i, id);
      if (u.isActive && personConflicts < 1 && i > 2) {
        personConflicts++;
        addPerson(u.firstName, u.lastName, `old.${u.email}`, ref(u.id), role.id, u.isContractor);
      }
    } else if (u.isActive && personLookalikes < 3 && i % 10 === 8) {
      personLookalikes++;
      addPerson(u.firstName, u.lastName, u.email.toUpperCase(), [], unknown.id, false);
    }
  });
  addPerson("Runn", "Only", "runn.only@runn-only.example", [], unknown.id, false);

  // Memberships and assignments on linked projects: one role, a different single role, or two roles.
  const roleIds = [...runn.roles.keys()];
  const from = isoDay(Math.floor(anchorInstant / DAY) - 60);
  const to = isoDay(Math.floor(anchorInstant / DAY) + 60);
  for (const ua of harvest.userAssignments) {
    const person = personOfUser.get(ua.user);
    const project = projectOfProject.get(ua.project);
    if (person === undefined || project === undefined) continue;
    const roll = rng.next();
    if (roll > 0.5) continue;
    const primary = primaryRole.get(person) as number;
    const memberRole = roll < 0.3 ? primary : rng.pick(roleIds);
    const at = stamp();
    const mid = runn.nextId.member++;
    runn.members.set(mid, {
      id: mid,
      personId: person,
      projectId: project,
      roleId: memberRole,
      workstreamId: null,
      isPlaceholder: false,
      createdAt: at,
      updatedAt: at,
    });
    if (roll < 0.4) {
      const aid = runn.nextId.assignment++;
      const assignmentRole = roll < 0.33 ? rng.pick(roleIds) : memberRole;
      runn.assignments.set(aid, {
        id: aid,
        personId: person,
        projectId: project,
        roleId: assignmentRole,
        startDate: from,
        endDate: to,
        minutesPerDay: 240,
        isActive: true,
        note: null,
        isBillable: true,
        phaseId: null,
        isNonWorkingDay: false,
        isTemplate: false,
        isPlaceholder: false,
        workstreamId: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return { personOfUser, projectOfProject };
};
