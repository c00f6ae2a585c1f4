/**
 * The Harvest API v2 client as an Effect service: authenticated, rate limited per account, retrying,
 * and returning decoded `domain` records. It only reads: the sync never writes to Harvest (SPEC E3).
 *
 * @example
 * const program = Effect.gen(function* () {
 *   const harvest = yield* HarvestClient.HarvestClient;
 *   const me = yield* harvest.me();
 *   const users = yield* Stream.runCollect(harvest.users({ isActive: true }));
 * }).pipe(Effect.provide(HarvestClient.layerConfig()));
 */
import { Harvest } from "@harvest-runn/domain";
import {
  Config,
  type ConfigError,
  Context,
  Duration,
  Effect,
  Layer,
  Option,
  Redacted,
  type Schema,
  type Stream,
} from "effect";
import createClient from "openapi-fetch";
import type { paths } from "./generated/harvest.ts";
import type { HarvestClientError } from "./HarvestClientError.ts";
import * as Decode from "./internal/Decode.ts";
import * as Limiter from "./internal/Limiter.ts";
import * as Pages from "./internal/Pages.ts";
import { instant, type ListPath, type WireQuery, wire } from "./internal/Query.ts";
import * as Request from "./internal/Request.ts";

export { type AccessWarning, accessWarning } from "./Access.ts";

/** Per-list options: where to report a record that failed to decode (default: a log warning). */
export interface ListOptions {
  readonly onMalformed?: Decode.OnMalformed;
}

/** Page size; Harvest allows 1–2000 and the client asks for the maximum unless told otherwise. */
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

type List<A, F> = (filter?: F, options?: ListOptions) => Stream.Stream<A, HarvestClientError>;

/** What a HarvestClient offers. */
export interface Service {
  /** The Harvest account every call (except `accounts`) is made for. */
  readonly accountId: number;
  /** The token's user (`GET /users/me`): the credential check; read `access_roles` with `accessWarning`. */
  readonly me: () => Effect.Effect<Harvest.Me, HarvestClientError>;
  /** The account's company (`GET /company`, administrators only). */
  readonly company: () => Effect.Effect<Harvest.Company, HarvestClientError>;
  /** Every account the token reaches (Harvest ID; no account id needed). */
  readonly accounts: () => Effect.Effect<Harvest.Accounts, HarvestClientError>;
  readonly users: List<Harvest.User, ActiveFilter>;
  readonly roles: List<Harvest.Role, PageSize>;
  readonly clients: List<Harvest.Client, ActiveFilter>;
  readonly projects: List<Harvest.Project, ProjectFilter>;
  readonly tasks: List<Harvest.Task, ActiveFilter>;
  readonly userAssignments: List<Harvest.UserAssignment, UserAssignmentFilter>;
  readonly taskAssignments: List<Harvest.TaskAssignment, ActiveFilter>;
  /** Time entries, newest `spent_date` first, each id at most once. */
  readonly timeEntries: List<Harvest.TimeEntry, TimeEntryFilter>;
}

/** The HarvestClient service. */
export class HarvestClient extends Context.Tag("@harvest-runn/harvest-client/HarvestClient")<
  HarvestClient,
  Service
>() {}

/** How to build a client. */
export interface Options {
  readonly token: Redacted.Redacted<string>;
  readonly accountId: number;
  /** Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`; Harvest 400s without it. */
  readonly userAgent: string;
  /** Default `https://api.harvestapp.com/v2`. */
  readonly baseUrl?: string;
  /** Harvest ID base for `accounts`; default `https://id.getharvest.com/api/v2`. */
  readonly idBaseUrl?: string;
  /** Requests per window for this account, shared by every client of it (default 100 per 15 s). */
  readonly rateLimit?: Limiter.RateLimitSettings;
  readonly retry?: Partial<Request.RetrySettings>;
  /** Time one attempt may take (default 30 s). */
  readonly timeout?: Duration.DurationInput;
  /** Default page size (default 2000, Harvest's maximum). */
  readonly perPage?: number;
  /** Upper bound on pages per list (default 100 000). */
  readonly maxPages?: number;
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** Time one attempt may take unless `timeout` says otherwise. */
export const defaultTimeout: Duration.Duration = Duration.seconds(30);

/** Harvest's API base. */
export const defaultBaseUrl = "https://api.harvestapp.com/v2";
/** Harvest ID's API base (the accounts endpoint). */
export const defaultIdBaseUrl = "https://id.getharvest.com/api/v2";

/** Builds a client value; clients of the same account (and base URL) share one rate limiter. */
export const make = Effect.fn("HarvestClient.make")(function* (options: Options) {
  if (options.userAgent.trim() === "") return yield* Effect.dieMessage("HarvestClient: userAgent is empty");
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const idBaseUrl = options.idBaseUrl ?? defaultIdBaseUrl;
  const perPage = options.perPage ?? 2000;
  const maxPages = options.maxPages ?? 100_000;
  const limiter = yield* Limiter.shared(
    `${new URL(baseUrl).host}#${options.accountId}`,
    options.rateLimit ?? Limiter.harvestBudget,
  );
  const execute = Request.makeExecute({
    limiter,
    retry: { ...Request.defaultRetry, ...options.retry },
    timeout: options.timeout ?? defaultTimeout,
    accountId: options.accountId,
    secrets: [options.token],
  });
  const userFetch = options.fetch;
  const api = createClient<paths>({
    baseUrl,
    fetch: (request) => (userFetch ? userFetch(request) : globalThis.fetch(request)),
  });
  const header = { "User-Agent": options.userAgent };
  const auth = { Authorization: `Bearer ${Redacted.value(options.token)}` };
  const accountHeaders = { ...auth, "Harvest-Account-Id": String(options.accountId) };

  const getOne = <A, I>(path: "/users/me" | "/company", schema: Schema.Schema<A, I>) =>
    execute({
      method: "GET",
      path,
      idempotent: true,
      send: (signal) =>
        api.GET(path, { params: { header }, headers: accountHeaders, parseAs: "text", signal }),
    }).pipe(
      Effect.flatMap((exchange) => Decode.json({ method: "GET", path }, exchange.body)),
      Effect.flatMap((body) => Decode.whole({ method: "GET", path }, schema, body)),
    );

  const getPage: Pages.GetPage = (path: ListPath, query: WireQuery) =>
    execute({
      method: "GET",
      path,
      idempotent: true,
      send: (signal) =>
        api.GET(path as "/users", {
          params: { header, query: query as never },
          headers: accountHeaders,
          parseAs: "text",
          signal,
        }),
    }).pipe(Effect.map((exchange) => exchange.body));

  const spec = <A, I>(
    path: ListPath,
    key: string,
    schema: Schema.Schema<A, I>,
    query: WireQuery,
    o?: ListOptions,
  ) => ({
    path,
    key,
    schema,
    query,
    maxPages,
    onMalformed: o?.onMalformed ?? Decode.logMalformed,
  });
  const since = (value: string | Date | undefined) => (value === undefined ? undefined : instant(value));

  return HarvestClient.of({
    accountId: options.accountId,
    me: () => getOne("/users/me", Harvest.Me),
    company: () => getOne("/company", Harvest.Company),
    accounts: () =>
      execute({
        method: "GET",
        path: "/accounts",
        idempotent: true,
        send: (signal) =>
          api.GET("/accounts", {
            baseUrl: idBaseUrl,
            params: { header },
            headers: auth,
            parseAs: "text",
            signal,
          }),
      }).pipe(
        Effect.flatMap((exchange) => Decode.json({ method: "GET", path: "/accounts" }, exchange.body)),
        Effect.flatMap((body) => Decode.whole({ method: "GET", path: "/accounts" }, Harvest.Accounts, body)),
      ),
    users: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/users",
          "users",
          Harvest.User,
          wire<"/users">({
            is_active: f.isActive,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    roles: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec("/roles", "roles", Harvest.Role, wire<"/roles">({ per_page: f.perPage ?? perPage }), o),
      ),
    clients: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/clients",
          "clients",
          Harvest.Client,
          wire<"/clients">({
            is_active: f.isActive,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    projects: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/projects",
          "projects",
          Harvest.Project,
          wire<"/projects">({
            is_active: f.isActive,
            client_id: f.clientId,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    tasks: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/tasks",
          "tasks",
          Harvest.Task,
          wire<"/tasks">({
            is_active: f.isActive,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    userAssignments: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/user_assignments",
          "user_assignments",
          Harvest.UserAssignment,
          wire<"/user_assignments">({
            user_id: f.userId,
            is_active: f.isActive,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    taskAssignments: (f = {}, o) =>
      Pages.cursor(
        getPage,
        spec(
          "/task_assignments",
          "task_assignments",
          Harvest.TaskAssignment,
          wire<"/task_assignments">({
            is_active: f.isActive,
            updated_since: since(f.updatedSince),
            per_page: f.perPage ?? perPage,
          }),
          o,
        ),
      ),
    timeEntries: (f = {}, o) =>
      Pages.numbered(
        getPage,
        spec(
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
      ),
  });
});

/** A layer from explicit options. */
export const layer = (options: Options): Layer.Layer<HarvestClient> =>
  Layer.effect(HarvestClient, make(options));

/** Settings `layerConfig` reads from the environment; the rest can be passed in. */
type EnvOptions = "token" | "accountId" | "userAgent" | "baseUrl" | "idBaseUrl";

/**
 * A layer from the environment: `HARVEST_TOKEN` (secret), `HARVEST_ACCOUNT_ID`, `HARVEST_USER_AGENT`,
 * and optionally `HARVEST_BASE_URL` and `HARVEST_ID_BASE_URL`.
 */
export const layerConfig = (
  options: Omit<Options, EnvOptions> = {},
): Layer.Layer<HarvestClient, ConfigError.ConfigError> =>
  Layer.effect(
    HarvestClient,
    Effect.gen(function* () {
      const token = yield* Config.redacted("HARVEST_TOKEN");
      const accountId = yield* Config.integer("HARVEST_ACCOUNT_ID");
      const userAgent = yield* Config.nonEmptyString("HARVEST_USER_AGENT");
      const baseUrl = yield* Config.option(Config.string("HARVEST_BASE_URL"));
      const idBaseUrl = yield* Config.option(Config.string("HARVEST_ID_BASE_URL"));
      return yield* make({
        ...options,
        token,
        accountId,
        userAgent,
        ...Option.match(baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: url }) }),
        ...Option.match(idBaseUrl, { onNone: () => ({}), onSome: (url) => ({ idBaseUrl: url }) }),
      });
    }),
  );
