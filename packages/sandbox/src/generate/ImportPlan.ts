/**
 * What a correct first import (default options) does with the entities: SPEC E1 (identity by the
 * Harvest reference), E5 (active only), E7 (role rule), E8 (possible duplicates held), E9 (conflicting
 * links held). New Runn ids are represented by negative placeholders so actuals can be keyed.
 */
import type { HarvestAccount } from "../harvest/HarvestModel.ts";
import { REFERENCE_NAME, type RReference, type RunnAccount } from "../runn/RunnModel.ts";

/** Entity kinds the import creates. */
export type Kind = "client" | "project" | "person";

/** How one Harvest record resolves in Runn after the import: a Runn id (negative = created) or why not. */
export type Resolution = number | "not_imported" | "possible_duplicate" | "conflicting_link";

export interface ImportPlan {
  readonly clientOf: Resolution[];
  readonly projectOf: Resolution[];
  readonly personOf: Resolution[];
  /** Primary role (current contract) per Runn person id, including created people. */
  readonly primaryRole: Map<number, number>;
  /** Distinct non-placeholder roles per `pairKey(person, project)` from memberships and assignments. */
  readonly projectRoles: Map<number, Set<number>>;
  /** Role ids (existing or placeholder) named "Unknown". */
  readonly unknownRoles: Set<number>;
  readonly create: { clients: number; projects: number; people: number; roles: number };
  readonly createdRoleNames: string[];
  readonly unknownRolePeople: number[];
  readonly alreadyLinked: { client: number; project: number; person: number };
  readonly notImported: { client: number; project: number; person: number };
  readonly holds: {
    possible_duplicate: Record<Kind, number[]>;
    conflicting_link: Record<Kind, number[]>;
  };
}

const linksOf = (items: Iterable<{ readonly id: number; readonly references: RReference[] }>) => {
  const out = new Map<string, number[]>();
  for (const item of items)
    for (const r of item.references) {
      if (r.referenceName !== REFERENCE_NAME) continue;
      const list = out.get(r.externalId);
      if (list) list.push(item.id);
      else out.set(r.externalId, [item.id]);
    }
  return out;
};

/** A numeric key of a (Runn person, Runn project) pair. */
export const pairKey = (person: number, project: number): number => person * 1_048_576 + project;

const norm = (s: string | null) => (s ?? "").trim().toLowerCase();
const hasHarvestRef = (refs: RReference[]) => refs.some((r) => r.referenceName === REFERENCE_NAME);

/** Computes the entity part of the first import. */
export const planImport = (harvest: HarvestAccount, runn: RunnAccount): ImportPlan => {
  const holds: ImportPlan["holds"] = {
    possible_duplicate: { client: [], project: [], person: [] },
    conflicting_link: { client: [], project: [], person: [] },
  };
  const alreadyLinked = { client: 0, project: 0, person: 0 };
  const notImported = { client: 0, project: 0, person: 0 };
  let next = -1;
  const resolve = (
    kind: Kind,
    id: number,
    active: boolean,
    links: Map<string, number[]>,
    lookalike: () => boolean,
  ): Resolution => {
    const found = links.get(String(id)) ?? [];
    if (found.length > 1) {
      holds.conflicting_link[kind].push(id);
      return "conflicting_link";
    }
    if (found.length === 1) {
      alreadyLinked[kind]++;
      return found[0] as number;
    }
    if (!active) {
      notImported[kind]++;
      return "not_imported";
    }
    if (lookalike()) {
      holds.possible_duplicate[kind].push(id);
      return "possible_duplicate";
    }
    return next--;
  };

  const unlinkedClientNames = new Set<string>();
  for (const c of runn.clients.values())
    if (!hasHarvestRef(c.references)) unlinkedClientNames.add(norm(c.name));
  const clientLinks = linksOf(runn.clients.values());
  const clientOf = harvest.clients.map((c) =>
    resolve("client", c.id, c.isActive, clientLinks, () => unlinkedClientNames.has(norm(c.name))),
  );

  const unlinkedProjects = new Set<string>();
  for (const p of runn.projects.values())
    if (!hasHarvestRef(p.references)) unlinkedProjects.add(`${p.clientId}|${norm(p.name)}`);
  const projectLinks = linksOf(runn.projects.values());
  const projectOf = harvest.projects.map((p) =>
    resolve("project", p.id, p.isActive, projectLinks, () => {
      const client = clientOf[p.client];
      return typeof client === "number" && client > 0 && unlinkedProjects.has(`${client}|${norm(p.name)}`);
    }),
  );

  const unlinkedEmails = new Set<string>();
  for (const p of runn.people.values()) if (!hasHarvestRef(p.references)) unlinkedEmails.add(norm(p.email));
  const personLinks = linksOf(runn.people.values());
  const createdPeople: number[] = [];
  const personOf = harvest.users.map((u, i) => {
    const r = resolve("person", u.id, u.isActive, personLinks, () => unlinkedEmails.has(norm(u.email)));
    if (typeof r === "number" && r < 0) createdPeople.push(i);
    return r;
  });

  // Roles: existing by case-insensitive name; E7 for created people.
  const roleByName = new Map<string, number>();
  for (const r of runn.roles.values())
    if (r.name !== null && !roleByName.has(norm(r.name))) roleByName.set(norm(r.name), r.id);
  const createdRoleNames: string[] = [];
  const roleFor = (name: string): number => {
    const known = roleByName.get(norm(name));
    if (known !== undefined) return known;
    const id = next--;
    roleByName.set(norm(name), id);
    createdRoleNames.push(name);
    return id;
  };
  const primaryRole = new Map<number, number>();
  const today = new Map<number, { start: string; role: number }>();
  for (const c of runn.contracts.values()) {
    const prev = today.get(c.personId);
    if (!prev || c.startDate > prev.start) today.set(c.personId, { start: c.startDate, role: c.roleId });
  }
  for (const [person, c] of today) primaryRole.set(person, c.role);
  const unknownRolePeople: number[] = [];
  for (const i of createdPeople) {
    const u = harvest.users[i];
    if (!u) continue;
    const single = u.roles.length === 1 ? (u.roles[0] as string) : null;
    if (single === null) unknownRolePeople.push(u.id);
    primaryRole.set(personOf[i] as number, roleFor(single ?? "Unknown"));
  }
  const unknownRoles = new Set<number>();
  for (const r of runn.roles.values()) if (norm(r.name) === "unknown") unknownRoles.add(r.id);
  const unknownNew = roleByName.get("unknown");
  if (unknownNew !== undefined) unknownRoles.add(unknownNew);

  const projectRoles = new Map<number, Set<number>>();
  const addRole = (person: number, project: number, role: number) => {
    const key = pairKey(person, project);
    const set = projectRoles.get(key);
    if (set) set.add(role);
    else projectRoles.set(key, new Set([role]));
  };
  for (const m of runn.members.values()) if (!m.isPlaceholder) addRole(m.personId, m.projectId, m.roleId);
  for (const a of runn.assignments.values()) if (!a.isPlaceholder) addRole(a.personId, a.projectId, a.roleId);

  const created = (list: Resolution[]) => list.filter((r) => typeof r === "number" && r < 0).length;
  return {
    clientOf,
    projectOf,
    personOf,
    primaryRole,
    projectRoles,
    unknownRoles,
    create: {
      clients: created(clientOf),
      projects: created(projectOf),
      people: createdPeople.length,
      roles: createdRoleNames.length,
    },
    createdRoleNames,
    unknownRolePeople,
    alreadyLinked,
    notImported,
    holds,
  };
};
