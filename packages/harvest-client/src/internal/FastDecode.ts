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

const {
  id: isId,
  isoDate: isIsoDate,
  isoDateTime: isIsoDateTime,
  record: isRecord,
  finite: isFiniteNumber,
} = Ids.quick;

type Named = { readonly id: number; readonly name: string };

/**
 * `{ id, name }` with only those two keys kept, or undefined; one object per (id, name) of a kind is
 * shared by every entry that names it (a million entries name some 60,000 users, projects and tasks:
 * sharing saves the heap a few hundred megabytes and the collector the work of them). Records are
 * read-only, so sharing is safe; a name that differs from the one seen first gets its own object.
 */
const namedIn =
  (seen: Map<number, Named>) =>
  (u: unknown): Named | undefined => {
    if (!isRecord(u)) return undefined;
    const { id, name } = u;
    if (!isId(id) || typeof name !== "string") return undefined;
    const known = seen.get(id);
    if (known !== undefined && known.name === name) return known;
    const made = { id, name };
    if (known === undefined && seen.size < 1_000_000) seen.set(id, made);
    return made;
  };

const approval = (u: unknown): Harvest.ApprovalStatus | null | undefined =>
  u === null || u === "unsubmitted" || u === "submitted" || u === "approved" ? u : undefined;

/**
 * A quick time-entry decoder for one list: the decoded entry, as `Schema.decodeUnknown(Harvest.TimeEntry)`
 * would give it, when the record has the common shape; `undefined` means "decode it with the schema".
 * It shares the `{ id, name }` objects and the dates of the entries it decodes (see `namedIn`), so make
 * one per list read.
 */
export const timeEntries = (): ((u: unknown) => Harvest.TimeEntry | undefined) => {
  const user = namedIn(new Map());
  const client = namedIn(new Map());
  const project = namedIn(new Map());
  const task = namedIn(new Map());
  const dates = new Map<string, string>();
  return (u) => {
    if (!isRecord(u)) return undefined;
    const entryUser = user(u.user);
    const entryClient = client(u.client);
    const entryProject = project(u.project);
    const entryTask = task(u.task);
    if (entryUser === undefined || entryClient === undefined) return;
    if (entryProject === undefined || entryTask === undefined) return;
    const { id, hours, rounded_hours, billable, is_running, created_at, updated_at } = u;
    if (!isId(id) || !isIsoDate(u.spent_date) || !isFiniteNumber(hours) || !isFiniteNumber(rounded_hours))
      return;
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
    let spentDate = dates.get(u.spent_date);
    if (spentDate === undefined) {
      spentDate = u.spent_date;
      if (dates.size < 100_000) dates.set(spentDate, spentDate);
    }
    // Two literals rather than a spread: a hot path (a million records), and each keeps the schema's
    // key order, `is_closed` (optional, no default) only when sent.
    const entry = hasClosed
      ? {
          id,
          spent_date: spentDate,
          user: entryUser,
          client: entryClient,
          project: entryProject,
          task: entryTask,
          hours,
          rounded_hours,
          billable,
          is_running,
          is_locked: isLocked,
          approval_status: approvalStatus,
          is_closed: u.is_closed as boolean,
          notes,
          created_at,
          updated_at,
        }
      : {
          id,
          spent_date: spentDate,
          user: entryUser,
          client: entryClient,
          project: entryProject,
          task: entryTask,
          hours,
          rounded_hours,
          billable,
          is_running,
          is_locked: isLocked,
          approval_status: approvalStatus,
          notes,
          created_at,
          updated_at,
        };
    return entry as unknown as Harvest.TimeEntry;
  };
};
