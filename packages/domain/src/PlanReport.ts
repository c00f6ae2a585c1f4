/**
 * The report half of a plan: every item the plan does not write, with a reason a user can act on
 * (SPEC A4, A5, E8, E9, A2, A8, R7). Suggestions are data; hosts render them as commands or buttons.
 */
import { Schema } from "effect";
import { IsoDate } from "./Ids.ts";
import { ActualKey } from "./Ledger.ts";
import { ReasonCode } from "./Reason.ts";
import { MalformedRecord } from "./Skipped.ts";

/** The kinds of entity the sync links and creates from Harvest. */
export const LinkKind = Schema.Literal("client", "project", "person");
export type LinkKind = typeof LinkKind.Type;

/** A suggested link (SPEC E8): link Runn entity `runnId` to Harvest id `harvestId`. */
export const Suggestion = Schema.Struct({ kind: LinkKind, runnId: Schema.Int, harvestId: Schema.Int });
export interface Suggestion extends Schema.Schema.Type<typeof Suggestion> {}

/** Time entries not written, aggregated per (reason, user, project, day); `entryIds` is capped. */
export const Skipped = Schema.TaggedStruct("Skipped", {
  reason: ReasonCode,
  harvestUserId: Schema.Int,
  harvestProjectId: Schema.Int,
  date: IsoDate,
  entryCount: Schema.Int,
  entryIds: Schema.Array(Schema.Int),
  minutes: Schema.Number,
});
export interface Skipped extends Schema.Schema.Type<typeof Skipped> {}

/** At most this many entry ids are listed per skipped item. */
export const skippedEntryIdsCap = 20;

/** An unlinked Runn entity looks like an unlinked Harvest one (SPEC E8); `outcome` follows the policy. */
export const PossibleDuplicate = Schema.TaggedStruct("PossibleDuplicate", {
  kind: LinkKind,
  harvestId: Schema.Int,
  name: Schema.String,
  suggestions: Schema.Array(Suggestion),
  outcome: Schema.Literal("held", "created", "linked"),
});
export interface PossibleDuplicate extends Schema.Schema.Type<typeof PossibleDuplicate> {}

/** Several Runn entities carry the same Harvest id (SPEC E9): nothing is created, actuals are held. */
export const ConflictingLink = Schema.TaggedStruct("ConflictingLink", {
  kind: LinkKind,
  harvestId: Schema.Int,
  runnIds: Schema.Array(Schema.Int),
});
export interface ConflictingLink extends Schema.Schema.Type<typeof ConflictingLink> {}

/** A ledger key's Runn value differs from what the sync last wrote, under `protectManualEdits` (SPEC A8). */
export const ManualEditConflict = Schema.TaggedStruct("ManualEditConflict", {
  key: ActualKey,
  written: Schema.Struct({ billableMinutes: Schema.Number, nonbillableMinutes: Schema.Number }),
  inRunn: Schema.NullOr(Schema.Struct({ billableMinutes: Schema.Number, nonbillableMinutes: Schema.Number })),
  computed: Schema.NullOr(
    Schema.Struct({ billableMinutes: Schema.Number, nonbillableMinutes: Schema.Number }),
  ),
});
export interface ManualEditConflict extends Schema.Schema.Type<typeof ManualEditConflict> {}

/** A day total below zero was written as zero (SPEC A2); `person`/`project`/`role` may be new refs. */
export const NegativeDayClamped = Schema.TaggedStruct("NegativeDayClamped", {
  person: Schema.Union(Schema.Int, Schema.String),
  project: Schema.Union(Schema.Int, Schema.String),
  role: Schema.Union(Schema.Int, Schema.String),
  date: IsoDate,
  billableMinutes: Schema.Number,
  nonbillableMinutes: Schema.Number,
});
export interface NegativeDayClamped extends Schema.Schema.Type<typeof NegativeDayClamped> {}

/** An entity the plan does not create or link, and why (duplicate on hold, conflict, archived, ...). */
export const Held = Schema.TaggedStruct("Held", {
  kind: Schema.Literal("client", "project", "person", "role"),
  harvestId: Schema.NullOr(Schema.Int),
  reason: ReasonCode,
  detail: Schema.String,
});
export interface Held extends Schema.Schema.Type<typeof Held> {}

/** A malformed record one of the snapshots skipped (SPEC R7), passed through to the run report. */
export const Malformed = Schema.TaggedStruct("Malformed", { record: MalformedRecord });
export interface Malformed extends Schema.Schema.Type<typeof Malformed> {}

/** One report item. */
export const ReportItem = Schema.Union(
  Skipped,
  PossibleDuplicate,
  ConflictingLink,
  ManualEditConflict,
  NegativeDayClamped,
  Held,
  Malformed,
);
export type ReportItem = typeof ReportItem.Type;
