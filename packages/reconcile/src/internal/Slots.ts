/**
 * Slots: how a Harvest user or project resolves on the Runn side for this plan. The hot path of the
 * actuals aggregation reads these, so they are plain mutable objects looked up by numeric Harvest id.
 */
import type { Plan, Reason } from "@harvest-runn/domain";
import type { RoleSlot } from "./Roles.ts";

/** A resolved role for one (person, project) pair, or why time on that pair is not written. */
export type PairRole = RoleSlot | Reason.ReasonCode;

/** A Harvest entity as the plan sees it on the Runn side. */
export interface Slot {
  /** A Runn id, or a negative number for an entity the plan creates (unique per kind). */
  readonly num: number;
  readonly ref: number | Plan.NewRef;
  /** Why this entity's time cannot be written (null when it can). */
  readonly skip: Reason.ReasonCode | null;
  readonly isNew: boolean;
  /** The Runn ids claiming this Harvest id, when several do (SPEC E9). */
  readonly conflictIds: ReadonlyArray<number>;
}

/** A user's slot also carries the role its person is created with. */
export interface PersonSlot extends Slot {
  readonly newRole: RoleSlot | null;
}

/** A slot for an entity linked to exactly one Runn id. */
export const linked = (id: number): Slot => ({ num: id, ref: id, skip: null, isNew: false, conflictIds: [] });

/** A slot for an entity whose time is not written. */
export const skipped = (skip: Reason.ReasonCode, conflictIds: ReadonlyArray<number> = []): Slot => ({
  num: Number.NaN,
  ref: -1,
  skip,
  isNew: false,
  conflictIds,
});

/** A slot for an entity the plan creates. */
export const created = (ref: Plan.NewRef, harvestId: number): Slot => ({
  num: -(harvestId + 1),
  ref,
  skip: null,
  isNew: true,
  conflictIds: [],
});

/** Widens a slot into a person slot. */
export const person = (slot: Slot, newRole: RoleSlot | null = null): PersonSlot => ({
  num: slot.num,
  ref: slot.ref,
  skip: slot.skip,
  isNew: slot.isNew,
  conflictIds: slot.conflictIds,
  newRole,
});
