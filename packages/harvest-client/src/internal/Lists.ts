/**
 * The list functions of one client: filters → query parameters, the pagination style of each
 * endpoint, record schemas, and scrubbing of anything reported back.
 */
import { Harvest } from "@harvest-runn/domain";
import { type Redacted, type Schema, Stream } from "effect";
import type * as F from "../Filters.ts";
import type { HarvestClientError } from "../HarvestClientError.ts";
import * as Decode from "./Decode.ts";
import * as FastDecode from "./FastDecode.ts";
import * as Pages from "./Pages.ts";
import { instant, type ListPath, type WireQuery, wire } from "./Query.ts";
import { scrub, scrubError } from "./Secrets.ts";

type List<A, Filter> = (filter?: Filter, options?: F.ListOptions) => Stream.Stream<A, HarvestClientError>;

/** The lists a HarvestClient offers. */
export interface Lists {
  readonly users: List<Harvest.User, F.ActiveFilter>;
  readonly roles: List<Harvest.Role, F.PageSize>;
  readonly clients: List<Harvest.Client, F.ActiveFilter>;
  readonly projects: List<Harvest.Project, F.ProjectFilter>;
  readonly tasks: List<Harvest.Task, F.ActiveFilter>;
  readonly userAssignments: List<Harvest.UserAssignment, F.UserAssignmentFilter>;
  readonly taskAssignments: List<Harvest.TaskAssignment, F.ActiveFilter>;
  readonly timeEntries: List<Harvest.TimeEntry, F.TimeEntryFilter>;
}

/** What the lists need from their client. */
export interface ListSettings {
  readonly getPage: Pages.GetPage;
  readonly perPage: number;
  readonly maxPages: number;
  readonly secrets: ReadonlyArray<Redacted.Redacted<string>>;
}

const since = (value: string | Date | undefined) => (value === undefined ? undefined : instant(value));

/** Builds the list functions over one page fetcher. */
export const makeLists = (settings: ListSettings): Lists => {
  const { getPage, perPage, secrets } = settings;
  const clean = scrubError(secrets);
  const spec = <A, I>(
    path: ListPath,
    key: string,
    schema: Schema.Schema<A, I>,
    query: WireQuery,
    o?: F.ListOptions,
  ) => {
    const report = o?.onMalformed ?? Decode.logMalformed;
    const onMalformed: Decode.OnMalformed = (record) =>
      report({
        ...record,
        id: typeof record.id === "string" ? scrub(record.id, secrets) : record.id,
        path: scrub(record.path, secrets),
        message: scrub(record.message, secrets),
      });
    return { path, key, schema, query, onMalformed, maxPages: settings.maxPages };
  };
  const cursor = <A, I>(...args: Parameters<typeof spec<A, I>>) =>
    Pages.cursor(getPage, spec(...args)).pipe(Stream.mapError(clean));
  const active = (f: F.ActiveFilter) => ({
    is_active: f.isActive,
    updated_since: since(f.updatedSince),
    per_page: f.perPage ?? perPage,
  });

  return {
    users: (f = {}, o) => cursor("/users", "users", Harvest.User, wire<"/users">(active(f)), o),
    roles: (f = {}, o) =>
      cursor("/roles", "roles", Harvest.Role, wire<"/roles">({ per_page: f.perPage ?? perPage }), o),
    clients: (f = {}, o) => cursor("/clients", "clients", Harvest.Client, wire<"/clients">(active(f)), o),
    projects: (f = {}, o) =>
      cursor(
        "/projects",
        "projects",
        Harvest.Project,
        wire<"/projects">({ ...active(f), client_id: f.clientId }),
        o,
      ),
    tasks: (f = {}, o) => cursor("/tasks", "tasks", Harvest.Task, wire<"/tasks">(active(f)), o),
    userAssignments: (f = {}, o) =>
      cursor(
        "/user_assignments",
        "user_assignments",
        Harvest.UserAssignment,
        wire<"/user_assignments">({ ...active(f), user_id: f.userId }),
        o,
      ),
    taskAssignments: (f = {}, o) =>
      cursor(
        "/task_assignments",
        "task_assignments",
        Harvest.TaskAssignment,
        wire<"/task_assignments">(active(f)),
        o,
      ),
    timeEntries: (f = {}, o) =>
      Pages.numbered(getPage, {
        ...spec(
          "/time_entries",
          "time_entries",
          Harvest.TimeEntry,
          wire<"/time_entries">({
            user_id: f.userId,
            client_id: f.clientId,
            project_id: f.projectId,
            task_id: f.taskId,
            external_reference_id: f.externalReferenceId,
            is_billed: f.isBilled,
            is_running: f.isRunning,
            approval_status: f.approvalStatus,
            updated_since: since(f.updatedSince),
            from: f.from,
            to: f.to,
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
        quick: FastDecode.timeEntries(),
      }).pipe(Stream.mapError(clean)),
  };
};
