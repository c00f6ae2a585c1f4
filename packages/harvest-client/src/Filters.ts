/**
 * Filters and options of the HarvestClient lists (camelCase; the client maps them to Harvest's
 * query parameters). Every list asks for 2000 records per page unless `perPage` says otherwise.
 */
import type { Harvest, Skipped } from "@harvest-runn/domain";
import type { Effect } from "effect";

/** Per-list options: where to report a record that failed to decode (default: a log warning). */
export interface ListOptions {
  readonly onMalformed?: (record: Skipped.MalformedRecord) => Effect.Effect<void>;
}

/** Page size; Harvest allows 1–2000. */
export interface PageSize {
  readonly perPage?: number;
}

/** Filters of the lists that know active/archived and update times. Omit `isActive` for both. */
export interface ActiveFilter extends PageSize {
  readonly isActive?: boolean;
  /** Only records updated after this instant (`YYYY-MM-DDTHH:MM:SSZ` or a `Date`). */
  readonly updatedSince?: string | Date;
}

/** Filters of the project list. */
export interface ProjectFilter extends ActiveFilter {
  readonly clientId?: number;
}

/** Filters of the user-assignment list. */
export interface UserAssignmentFilter extends ActiveFilter {
  readonly userId?: number;
}

/** Filters of the time-entry list; `from`/`to` bound `spent_date` (inclusive, `YYYY-MM-DD`). */
export interface TimeEntryFilter extends PageSize {
  readonly userId?: number;
  readonly clientId?: number;
  readonly projectId?: number;
  readonly taskId?: number;
  readonly externalReferenceId?: string;
  readonly isBilled?: boolean;
  readonly isRunning?: boolean;
  readonly approvalStatus?: Harvest.ApprovalStatus;
  readonly updatedSince?: string | Date;
  readonly from?: string;
  readonly to?: string;
}
