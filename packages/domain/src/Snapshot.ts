/**
 * The two snapshots a run reads before it decides anything (SPEC A6, R7): what Harvest holds for the
 * window (plus the running timers, the entries updated since the cursor and the "old days"), and what
 * Runn holds, including records known only by their identity.
 */
import { Schema } from "effect";
import * as Harvest from "./Harvest.ts";
import { HarvestUserId, IsoDate } from "./Ids.ts";
import * as Runn from "./Runn.ts";
import { MalformedRecord } from "./Skipped.ts";

/** One (Harvest user, day) pair outside the window whose entries changed since the cursor (SPEC A6). */
export const OldDay = Schema.Struct({
  userId: HarvestUserId,
  date: IsoDate,
}).annotations({ identifier: "OldDay" });
export interface OldDay extends Schema.Schema.Type<typeof OldDay> {}

/**
 * Everything read from Harvest for one run. `timeEntries` must be the complete set of entries whose
 * `spent_date` is inside the window; `oldDayEntries` the complete set of entries of the `oldDays` pairs.
 * `runningEntries` and `updatedEntries` may repeat entries of the other lists (the newest copy wins).
 */
export const HarvestSnapshot = Schema.Struct({
  users: Schema.Array(Harvest.User),
  clients: Schema.Array(Harvest.Client),
  projects: Schema.Array(Harvest.Project),
  timeEntries: Schema.Array(Harvest.TimeEntry),
  runningEntries: Schema.Array(Harvest.TimeEntry),
  updatedEntries: Schema.Array(Harvest.TimeEntry),
  oldDays: Schema.Array(OldDay),
  oldDayEntries: Schema.Array(Harvest.TimeEntry),
  malformed: Schema.Array(MalformedRecord),
}).annotations({ identifier: "HarvestSnapshot" });
export interface HarvestSnapshot extends Schema.Schema.Type<typeof HarvestSnapshot> {}

/**
 * Everything read from Runn for one run. `contracts` are the current contracts (one per person);
 * `actuals` cover the window and the old days. `identityOnly` holds records whose id and references
 * decoded while other fields did not: they still count as linked (SPEC R7). `unreadableKinds` lists the
 * entity kinds for which some record's identity itself failed to decode: creates of those kinds are held.
 */
export const RunnSnapshot = Schema.Struct({
  clients: Schema.Array(Runn.Client),
  projects: Schema.Array(Runn.Project),
  people: Schema.Array(Runn.Person),
  roles: Schema.Array(Runn.Role),
  contracts: Schema.Array(Runn.Contract),
  projectMembers: Schema.Array(Runn.ProjectMember),
  assignments: Schema.Array(Runn.Assignment),
  actuals: Schema.Array(Runn.Actual),
  identityOnly: Schema.Array(Runn.IdentityOnly),
  unreadableKinds: Schema.Array(Runn.EntityKind),
  malformed: Schema.Array(MalformedRecord),
}).annotations({ identifier: "RunnSnapshot" });
export interface RunnSnapshot extends Schema.Schema.Type<typeof RunnSnapshot> {}

/** An empty Harvest snapshot, a starting point for builders. */
export const emptyHarvest: HarvestSnapshot = {
  users: [],
  clients: [],
  projects: [],
  timeEntries: [],
  runningEntries: [],
  updatedEntries: [],
  oldDays: [],
  oldDayEntries: [],
  malformed: [],
};

/** An empty Runn snapshot, a starting point for builders. */
export const emptyRunn: RunnSnapshot = {
  clients: [],
  projects: [],
  people: [],
  roles: [],
  contracts: [],
  projectMembers: [],
  assignments: [],
  actuals: [],
  identityOnly: [],
  unreadableKinds: [],
  malformed: [],
};
