/**
 * Harvest API v2 records as the sync needs them. Field names follow the API (snake_case); fields the
 * sync never reads are not declared (decoding ignores them).
 */
import { Schema } from "effect";
import {
  HarvestAccountId,
  HarvestClientId,
  HarvestProjectId,
  HarvestRoleId,
  HarvestTaskAssignmentId,
  HarvestTaskId,
  HarvestTimeEntryId,
  HarvestUserAssignmentId,
  HarvestUserId,
  IsoDate,
  IsoDateTime,
} from "./Ids.ts";

/** Permission levels of a Harvest user (plus manager add-ons, which are kept as plain strings). */
export const AccessRole = Schema.String;

/** A Harvest user (`GET /users`, `/users/{id}`, `/users/me`). */
export const User = Schema.Struct({
  id: HarvestUserId,
  first_name: Schema.String,
  last_name: Schema.String,
  email: Schema.String,
  is_contractor: Schema.Boolean,
  is_active: Schema.Boolean,
  weekly_capacity: Schema.Number,
  cost_rate: Schema.optionalWith(Schema.NullOr(Schema.Number), { default: () => null }),
  roles: Schema.Array(Schema.String),
  access_roles: Schema.Array(AccessRole),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/User" });
export interface User extends Schema.Schema.Type<typeof User> {}

/** The token owner (`GET /users/me`): a user object. */
export const Me = User;
export type Me = User;

/** A Harvest role (`GET /roles`, administrators only). */
export const Role = Schema.Struct({
  id: HarvestRoleId,
  name: Schema.String,
  user_ids: Schema.Array(HarvestUserId),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/Role" });
export interface Role extends Schema.Schema.Type<typeof Role> {}

/** A Harvest client (`GET /clients`). */
export const Client = Schema.Struct({
  id: HarvestClientId,
  name: Schema.String,
  is_active: Schema.Boolean,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/Client" });
export interface Client extends Schema.Schema.Type<typeof Client> {}

/** The client summary nested in a project. */
export const ProjectClientRef = Schema.Struct({ id: HarvestClientId, name: Schema.String });

/** How a project's budget is measured. */
export const BudgetBy = Schema.String;

/** A Harvest project (`GET /projects`). */
export const Project = Schema.Struct({
  id: HarvestProjectId,
  name: Schema.String,
  code: Schema.NullOr(Schema.String),
  client: ProjectClientRef,
  is_active: Schema.Boolean,
  is_billable: Schema.Boolean,
  is_fixed_fee: Schema.Boolean,
  bill_by: Schema.String,
  budget: Schema.NullOr(Schema.Number),
  budget_by: BudgetBy,
  budget_is_monthly: Schema.Boolean,
  cost_budget: Schema.NullOr(Schema.Number),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/Project" });
export interface Project extends Schema.Schema.Type<typeof Project> {}

/** A Harvest task (`GET /tasks`). */
export const Task = Schema.Struct({
  id: HarvestTaskId,
  name: Schema.String,
  is_active: Schema.Boolean,
  billable_by_default: Schema.Boolean,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/Task" });
export interface Task extends Schema.Schema.Type<typeof Task> {}

/** Approval state of a time entry (newer Harvest docs). */
export const ApprovalStatus = Schema.Literal("unsubmitted", "submitted", "approved");
export type ApprovalStatus = typeof ApprovalStatus.Type;

const Named = <I extends Schema.Schema.Any>(id: I) => Schema.Struct({ id, name: Schema.String });

/** A Harvest time entry (`GET /time_entries`). `hours` includes the running time of a running timer. */
export const TimeEntry = Schema.Struct({
  id: HarvestTimeEntryId,
  spent_date: IsoDate,
  user: Named(HarvestUserId),
  client: Named(HarvestClientId),
  project: Named(HarvestProjectId),
  task: Named(HarvestTaskId),
  hours: Schema.Number,
  rounded_hours: Schema.Number,
  billable: Schema.Boolean,
  is_running: Schema.Boolean,
  is_locked: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  approval_status: Schema.optionalWith(Schema.NullOr(ApprovalStatus), { default: () => null }),
  /** Approved via timesheet approval; the documented field, where `approval_status` is not sent. */
  is_closed: Schema.optional(Schema.Boolean),
  notes: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/TimeEntry" });
export interface TimeEntry extends Schema.Schema.Type<typeof TimeEntry> {}

/** Whether a time entry is approved: its `approval_status` when Harvest sends one, else `is_closed`. */
export const isApproved = (e: Pick<TimeEntry, "approval_status" | "is_closed">): boolean =>
  e.approval_status !== null ? e.approval_status === "approved" : e.is_closed === true;

/** A user's membership of a project (`GET /user_assignments`). */
export const UserAssignment = Schema.Struct({
  id: HarvestUserAssignmentId,
  project: Schema.Struct({ id: HarvestProjectId, name: Schema.String }),
  user: Named(HarvestUserId),
  is_active: Schema.Boolean,
  is_project_manager: Schema.Boolean,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/UserAssignment" });
export interface UserAssignment extends Schema.Schema.Type<typeof UserAssignment> {}

/** A task's membership of a project (`GET /task_assignments`). */
export const TaskAssignment = Schema.Struct({
  id: HarvestTaskAssignmentId,
  project: Schema.Struct({ id: HarvestProjectId, name: Schema.String }),
  task: Named(HarvestTaskId),
  is_active: Schema.Boolean,
  billable: Schema.Boolean,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
}).annotations({ identifier: "Harvest/TaskAssignment" });
export interface TaskAssignment extends Schema.Schema.Type<typeof TaskAssignment> {}

/** The Harvest company (`GET /company`, administrators only). */
export const Company = Schema.Struct({
  name: Schema.String,
  is_active: Schema.Boolean,
  week_start_day: Schema.String,
  time_format: Schema.String,
  clock: Schema.String,
  weekly_capacity: Schema.Number,
}).annotations({ identifier: "Harvest/Company" });
export interface Company extends Schema.Schema.Type<typeof Company> {}

/** One account reachable by a token (`GET https://id.getharvest.com/api/v2/accounts`). */
export const Account = Schema.Struct({
  id: HarvestAccountId,
  name: Schema.String,
  product: Schema.String,
}).annotations({ identifier: "Harvest/Account" });
export interface Account extends Schema.Schema.Type<typeof Account> {}

/** The accounts endpoint's body: who the token is and which accounts it reaches. */
export const Accounts = Schema.Struct({
  user: Schema.Struct({
    id: HarvestUserId,
    first_name: Schema.String,
    last_name: Schema.String,
    email: Schema.String,
  }),
  accounts: Schema.Array(Account),
}).annotations({ identifier: "Harvest/Accounts" });
export interface Accounts extends Schema.Schema.Type<typeof Accounts> {}
