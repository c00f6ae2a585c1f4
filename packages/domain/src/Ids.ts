/**
 * Branded identifiers. Harvest and Runn ids are both integers on the wire; the brands keep them apart
 * so a Harvest user id can never be passed where a Runn person id is expected.
 */
import { Schema } from "effect";

const intId = <B extends string>(brand: B) => Schema.Int.pipe(Schema.nonNegative(), Schema.brand(brand));

/** Harvest user id. */
export const HarvestUserId = intId("HarvestUserId");
export type HarvestUserId = typeof HarvestUserId.Type;
/** Harvest client id. */
export const HarvestClientId = intId("HarvestClientId");
export type HarvestClientId = typeof HarvestClientId.Type;
/** Harvest project id. */
export const HarvestProjectId = intId("HarvestProjectId");
export type HarvestProjectId = typeof HarvestProjectId.Type;
/** Harvest task id. */
export const HarvestTaskId = intId("HarvestTaskId");
export type HarvestTaskId = typeof HarvestTaskId.Type;
/** Harvest role id. */
export const HarvestRoleId = intId("HarvestRoleId");
export type HarvestRoleId = typeof HarvestRoleId.Type;
/** Harvest time entry id (a bigint in Harvest's docs; safe as a JS number up to 2^53). */
export const HarvestTimeEntryId = intId("HarvestTimeEntryId");
export type HarvestTimeEntryId = typeof HarvestTimeEntryId.Type;
/** Harvest user assignment id. */
export const HarvestUserAssignmentId = intId("HarvestUserAssignmentId");
export type HarvestUserAssignmentId = typeof HarvestUserAssignmentId.Type;
/** Harvest task assignment id. */
export const HarvestTaskAssignmentId = intId("HarvestTaskAssignmentId");
export type HarvestTaskAssignmentId = typeof HarvestTaskAssignmentId.Type;
/** Harvest account id (sent in the `Harvest-Account-Id` header). */
export const HarvestAccountId = intId("HarvestAccountId");
export type HarvestAccountId = typeof HarvestAccountId.Type;

/** Runn client id. */
export const RunnClientId = intId("RunnClientId");
export type RunnClientId = typeof RunnClientId.Type;
/** Runn project id. */
export const RunnProjectId = intId("RunnProjectId");
export type RunnProjectId = typeof RunnProjectId.Type;
/** Runn person id. */
export const RunnPersonId = intId("RunnPersonId");
export type RunnPersonId = typeof RunnPersonId.Type;
/** Runn role id. */
export const RunnRoleId = intId("RunnRoleId");
export type RunnRoleId = typeof RunnRoleId.Type;
/** Runn contract id. */
export const RunnContractId = intId("RunnContractId");
export type RunnContractId = typeof RunnContractId.Type;
/** Runn project membership id. */
export const RunnProjectMemberId = intId("RunnProjectMemberId");
export type RunnProjectMemberId = typeof RunnProjectMemberId.Type;
/** Runn assignment id. */
export const RunnAssignmentId = intId("RunnAssignmentId");
export type RunnAssignmentId = typeof RunnAssignmentId.Type;
/** Runn actual id. */
export const RunnActualId = intId("RunnActualId");
export type RunnActualId = typeof RunnActualId.Type;
/** Runn workstream id. */
export const RunnWorkstreamId = intId("RunnWorkstreamId");
export type RunnWorkstreamId = typeof RunnWorkstreamId.Type;
/** Runn phase id. */
export const RunnPhaseId = intId("RunnPhaseId");
export type RunnPhaseId = typeof RunnPhaseId.Type;

/** Id of a connection (one Harvest account paired with one Runn account) in the store. */
export const ConnectionId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("ConnectionId"));
export type ConnectionId = typeof ConnectionId.Type;
/** Id of one sync run. */
export const RunId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("RunId"));
export type RunId = typeof RunId.Type;

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `YYYY-MM-DD` (already matching the pattern) names a day that exists: no 2024-02-31. */
const existsInCalendar = (s: string): boolean => {
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
};

/** A calendar date `YYYY-MM-DD` with no time zone (Harvest `spent_date`, Runn actual `date`). */
export const IsoDate = Schema.String.pipe(
  Schema.pattern(datePattern, { message: () => "a date YYYY-MM-DD" }),
  Schema.filter(existsInCalendar, { message: () => "a date YYYY-MM-DD that exists in the calendar" }),
  Schema.brand("IsoDate"),
  Schema.annotations({ identifier: "IsoDate", description: "a date YYYY-MM-DD" }),
);
export type IsoDate = typeof IsoDate.Type;
/** Whether a string is a date `YYYY-MM-DD` with a valid month and day. */
export const isIsoDate = Schema.is(IsoDate);

/** An ISO 8601 timestamp as sent by the APIs (kept as a string: ordering by string works in UTC). */
export const IsoDateTime = Schema.String.pipe(
  Schema.pattern(dateTimePattern),
  Schema.annotations({ identifier: "IsoDateTime", description: "an ISO 8601 date-time" }),
);
export type IsoDateTime = typeof IsoDateTime.Type;

/**
 * Quick checks that accept exactly what the schemas above accept, for decoders' fast paths over large
 * lists (the generic decoder spends microseconds per field); a `false` sends the value to the schema,
 * which stays the one source of error messages.
 */
export const quick = {
  /** An id: a non-negative safe integer (the `intId` schemas). */
  id: (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
  /** `IsoDate`: the pattern and a day that exists in its month. */
  isoDate: (u: unknown): u is IsoDate =>
    typeof u === "string" && datePattern.test(u) && (Number(u.slice(8, 10)) <= 28 || existsInCalendar(u)),
  /** A finite number: what `Schema.Number` accepts from JSON (its NaN and Infinity go to the schema). */
  finite: (u: unknown): u is number => typeof u === "number" && Number.isFinite(u),
  /** `IsoDateTime`'s pattern. */
  isoDateTime: (u: unknown): u is IsoDateTime => typeof u === "string" && dateTimePattern.test(u),
  /** A plain object as `JSON.parse` makes them (no inherited fields standing in for own ones). */
  record: (u: unknown): u is Record<string, unknown> =>
    typeof u === "object" && u !== null && Object.getPrototypeOf(u) === Object.prototype,
};
