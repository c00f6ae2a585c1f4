/**
 * The actuals ledger (SPEC A8): for every actual key the sync wrote, the minutes it wrote, the Runn
 * actual id and the Harvest entry ids that made them. It is what lets the sync remove time that
 * disappeared from Harvest without touching actuals it never wrote.
 */
import { Schema } from "effect";
import {
  HarvestTimeEntryId,
  IsoDate,
  IsoDateTime,
  RunnActualId,
  RunnPersonId,
  RunnProjectId,
  RunnRoleId,
} from "./Ids.ts";

/** The identity of an actual the sync owns: person, project, role, day (no workstream, no phase). */
export const ActualKey = Schema.Struct({
  personId: RunnPersonId,
  projectId: RunnProjectId,
  roleId: RunnRoleId,
  date: IsoDate,
}).annotations({ identifier: "ActualKey" });
export interface ActualKey extends Schema.Schema.Type<typeof ActualKey> {}

/** A stable string form of an actual key, `person:project:role:date`, for maps and primary keys. */
export const keyString = (k: ActualKey): string => `${k.personId}:${k.projectId}:${k.roleId}:${k.date}`;

/** One ledger row. */
export const LedgerEntry = Schema.Struct({
  key: ActualKey,
  billableMinutes: Schema.Number,
  nonbillableMinutes: Schema.Number,
  runnActualId: Schema.NullOr(RunnActualId),
  harvestEntryIds: Schema.Array(HarvestTimeEntryId),
  writtenAt: IsoDateTime,
}).annotations({ identifier: "LedgerEntry" });
export interface LedgerEntry extends Schema.Schema.Type<typeof LedgerEntry> {}
