/**
 * Roles (SPEC E7, A3, A5): the role a new person is created with, the roles the plan must create first,
 * and the role an actual is written in.
 */
import type { Plan, Reason, Snapshot } from "@harvest-runn/domain";
import { normalise } from "./Identity.ts";
import { PairMap } from "./Keys.ts";

/** The role a person gets when Harvest gives no role or several (SPEC E7). */
export const UNKNOWN_ROLE = "Unknown";

/** A resolved role: a number for keys (a Runn id, or negative for a role created by the plan) and its ref. */
export interface RoleSlot {
  readonly num: number;
  readonly ref: Plan.RoleRef;
  readonly name: string;
}

/** A planned role creation. */
export interface NewRole {
  readonly ref: Plan.NewRef;
  readonly name: string;
}

/** Role lookups over a Runn snapshot, plus the roles this plan creates (in the order first needed). */
export interface Roles {
  /** E7: the role a new person gets, creating it when missing; a reason when role creates are held. */
  readonly forNewPerson: (harvestRoles: ReadonlyArray<string>) => RoleSlot | Reason.ReasonCode;
  /** A3: the role of an existing person's time on an existing (or, with `null`, a new) project. */
  readonly forActual: (personId: number, projectId: number | null) => number | null;
  /** The name of an existing Runn role. */
  readonly nameOf: (roleId: number) => string | null;
  readonly created: ReadonlyArray<NewRole>;
}

/** Builds the role lookups; `mapping` maps Harvest role names to Runn role names (case-insensitive). */
export const make = (runn: Snapshot.RunnSnapshot, mapping: Readonly<Record<string, string>>): Roles => {
  const byName = new Map<string, { id: number; archived: boolean; name: string }>();
  const names = new Map<number, string>();
  for (const r of runn.roles) {
    if (r.name === null) continue;
    names.set(r.id, r.name);
    const key = normalise(r.name);
    const seen = byName.get(key);
    // Prefer active roles, then the lowest id, so the choice does not depend on list order.
    if (
      seen === undefined ||
      (seen.archived && !r.isArchived) ||
      (seen.archived === r.isArchived && r.id < seen.id)
    ) {
      byName.set(key, { id: r.id, archived: r.isArchived, name: r.name });
    }
  }
  const rolesUnreadable =
    runn.unreadableKinds.includes("role") || runn.identityOnly.some((r) => r.kind === "role");
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping)) mapped.set(normalise(from), to);

  const created: Array<NewRole> = [];
  const newByName = new Map<string, RoleSlot>();
  const slotFor = (name: string): RoleSlot | Reason.ReasonCode => {
    const key = normalise(name);
    const existing = byName.get(key);
    if (existing !== undefined)
      return { num: existing.id, ref: existing.id as Plan.RoleRef, name: existing.name };
    const planned = newByName.get(key);
    if (planned !== undefined) return planned;
    if (rolesUnreadable) return "identity_unreadable";
    const ref = `new:role:${key}` as Plan.NewRef;
    const slot: RoleSlot = { num: -(created.length + 1), ref, name };
    created.push({ ref, name });
    newByName.set(key, slot);
    return slot;
  };

  const forNewPerson = (harvestRoles: ReadonlyArray<string>) => {
    const targets = new Map<string, string>();
    for (const role of harvestRoles) {
      const target = mapped.get(normalise(role)) ?? role;
      if (normalise(target) !== "") targets.set(normalise(target), target);
    }
    const only = targets.size === 1 ? [...targets.values()][0] : undefined;
    return slotFor(only ?? UNKNOWN_ROLE);
  };

  // A3: distinct roles per (person, project) over non-placeholder memberships and assignments.
  // Values: the role id + 1, or 0 when the pair has several roles.
  const projectRole = new PairMap();
  const addProjectRole = (personId: number, projectId: number, roleId: number) => {
    const seen = projectRole.get(personId, projectId);
    if (seen < 0) projectRole.set(personId, projectId, roleId + 1);
    else if (seen !== roleId + 1) projectRole.set(personId, projectId, 0);
  };
  for (const m of runn.projectMembers)
    if (!m.isPlaceholder) addProjectRole(m.personId, m.projectId, m.roleId);
  for (const a of runn.assignments) if (!a.isPlaceholder) addProjectRole(a.personId, a.projectId, a.roleId);
  const primary = new Map<number, { roleId: number; startDate: string; id: number }>();
  for (const c of runn.contracts) {
    const seen = primary.get(c.personId);
    if (
      seen === undefined ||
      c.startDate > seen.startDate ||
      (c.startDate === seen.startDate && c.id > seen.id)
    ) {
      primary.set(c.personId, { roleId: c.roleId, startDate: c.startDate, id: c.id });
    }
  }
  const forActual = (personId: number, projectId: number | null) => {
    if (projectId !== null) {
      const only = projectRole.get(personId, projectId);
      if (only > 0) return only - 1;
    }
    return primary.get(personId)?.roleId ?? null;
  };

  return { forNewPerson, forActual, nameOf: (id) => names.get(id) ?? null, created };
};

/** A5: time in the role "Unknown" is held until the role is fixed in Runn. */
export const isUnknown = (name: string | null): boolean => normalise(name) === normalise(UNKNOWN_ROLE);
