/**
 * A quick path for the one list that is large: time entries (an xl account reads a million of them per
 * run, and the generic Schema decoder spends about 14 µs on each). `timeEntry` checks a record against
 * exactly what `Harvest.TimeEntry` accepts in its common shape and builds the same output; for anything
 * else (a field missing, an odd type, a string the schema's filters might reject) it returns
 * `undefined` and the caller decodes with the schema, which stays the one definition of a valid record
 * and the one source of error messages. It may only say "valid" where the schema does, with the same
 * result: `test/FastDecode.test.ts` checks that on generated and mutated records.
 */
import { type Harvest, Ids } from "@harvest-runn/domain";

const { id: isId, isoDate: isIsoDate, isoDateTime: isIsoDateTime, record: isRecord } = Ids.quick;
const isFiniteNumber = (u: unknown): u is number => typeof u === "number" && Number.isFinite(u);

/** `{ id, name }` with only those two keys kept, or undefined. */
const named = (u: unknown): { id: number; name: string } | undefined => {
  if (!isRecord(u)) return undefined;
  const { id, name } = u;
  return isId(id) && typeof name === "string" ? { id, name } : undefined;
};

const approval = (u: unknown): Harvest.ApprovalStatus | null | undefined =>
  u === null || u === "unsubmitted" || u === "submitted" || u === "approved" ? u : undefined;

/**
 * The decoded time entry, as `Schema.decodeUnknown(Harvest.TimeEntry)` would give it, when `u` has the
 * common shape; `undefined` means "decode it with the schema".
 */
export const timeEntry = (u: unknown): Harvest.TimeEntry | undefined => {
  if (!isRecord(u)) return undefined;
  const user = named(u.user);
  const client = named(u.client);
  const project = named(u.project);
  const task = named(u.task);
  if (user === undefined || client === undefined || project === undefined || task === undefined) return;
  const { id, spent_date, hours, rounded_hours, billable, is_running, created_at, updated_at } = u;
  if (!isId(id) || !isIsoDate(spent_date) || !isFiniteNumber(hours) || !isFiniteNumber(rounded_hours)) return;
  if (typeof billable !== "boolean" || typeof is_running !== "boolean") return;
  if (!isIsoDateTime(created_at) || !isIsoDateTime(updated_at)) return;
  // Optional fields: absent (the schema's default) or of their type; `undefined` goes to the schema.
  const isLocked = Object.hasOwn(u, "is_locked") ? u.is_locked : false;
  const approvalStatus = Object.hasOwn(u, "approval_status") ? approval(u.approval_status) : null;
  const notes = Object.hasOwn(u, "notes") ? u.notes : null;
  if (typeof isLocked !== "boolean" || approvalStatus === undefined) return;
  if (notes !== null && typeof notes !== "string") return;
  const hasClosed = Object.hasOwn(u, "is_closed");
  if (hasClosed && typeof u.is_closed !== "boolean") return;
  const entry = {
    id,
    spent_date,
    user,
    client,
    project,
    task,
    hours,
    rounded_hours,
    billable,
    is_running,
    is_locked: isLocked,
    approval_status: approvalStatus,
    ...(hasClosed ? { is_closed: u.is_closed as boolean } : {}),
    notes,
    created_at,
    updated_at,
  };
  return entry as unknown as Harvest.TimeEntry;
};
