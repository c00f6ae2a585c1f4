/**
 * The Runn API v1 client as an Effect service: typed reads as `Stream`s over cursor pages, creates that
 * are never resent after an ambiguous failure, idempotent bulk actual upserts, reference linking, one
 * shared rate limiter per Runn account, bounded retries.
 */
import type { Ids, Runn, Skipped } from "@harvest-runn/domain";
import { Pacer } from "@harvest-runn/http";
import {
  Config,
  type ConfigError,
  Context,
  type Duration,
  Effect,
  Layer,
  Option,
  type Redacted,
  type Stream,
} from "effect";
import type { ListOptions } from "./internal/Decode.ts";
import { makeClient } from "./internal/Make.ts";
import type { RunnClientError } from "./RunnClientError.ts";

export type { ListOptions } from "./internal/Decode.ts";

/** How many requests one account may make per window. */
export type RateLimitSettings = Pacer.Budget;

/** Runn's budget as far as it is known: 120 requests per minute per account (unconfirmed). */
export const defaultRateLimit: RateLimitSettings = { limit: 120, window: "60 seconds" };

/** Runn's regions; an account lives in one of them. */
export type Region = "eu" | "us";

/** The API base URL of each region (Settings → API in Runn shows an account's). */
export const baseUrls: Readonly<Record<Region, string>> = {
  eu: "https://api.runn.io",
  us: "https://api.us.runn.io",
};

/** How to reach and pace one Runn account. */
export interface Options {
  /** The account's API token (`LIVE_…` or `TEST_…`). */
  readonly token: Redacted.Redacted<string>;
  /** Region of the account; default `eu`. Ignored when `baseUrl` is set. */
  readonly region?: Region;
  /** Base URL override (tests, the sandbox, a region not listed). */
  readonly baseUrl?: string;
  /** Requests per window for the account, shared in the process; default 120 per 60 s. */
  readonly rateLimit?: RateLimitSettings;
  readonly retry?: {
    /** Attempts per call including the first; default 5. */
    readonly maxAttempts?: number;
    /** First backoff after a 5xx, reset or timeout; doubles per attempt, jittered. Default 1 s. */
    readonly baseDelay?: Duration.DurationInput;
    /** Longest single backoff (429 waits follow the server instead). Default 30 s. */
    readonly maxDelay?: Duration.DurationInput;
    /** Wait after a 429 that names none (no `Retry-After`, no `x-ratelimit-reset`). Default 60 s. */
    readonly rateLimitedDelay?: Duration.DurationInput;
  };
  /** Time one exchange may take, not counting the wait for a rate-limit slot; default 30 s. */
  readonly timeout?: Duration.DurationInput;
  /** `fetch` override; default calls `globalThis.fetch` at request time. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** Change filter shared by every list. */
export interface ModifiedFilter {
  /** `YYYY-MM-DD` or an ISO date-time. */
  readonly modifiedAfter?: string;
}
/** Filters of `clients` and `roles`. */
export interface NameFilter extends ModifiedFilter {
  /** Case-insensitive substring of the name. */
  readonly name?: string;
}
/** Filters of `projects`. */
export interface ProjectFilter extends NameFilter {
  readonly externalId?: string;
  /** Default true (Runn's default). */
  readonly includeArchived?: boolean;
}
/** Filters of `people`. */
export interface PersonFilter extends ModifiedFilter {
  readonly externalId?: string;
  readonly email?: string;
  readonly includePlaceholders?: boolean;
}
/** Filters of `assignments`. */
export interface AssignmentFilter extends ModifiedFilter {
  readonly personId?: number;
  readonly projectId?: number;
  readonly roleId?: number;
  readonly startDate?: string;
  readonly endDate?: string;
}
/** Filters of `actuals` (dates inclusive). */
export interface ActualFilter extends ModifiedFilter {
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly personId?: number;
  readonly projectId?: number;
  readonly roleId?: number;
}

/** A record found by reference: fully decoded, or only its identity when other fields are bad. */
export type Found<K extends Runn.EntityKind> = Runn.EntityOf[K] | Runn.IdentityOnly;

/**
 * What the write-scope check proved: `true` when Runn accepted a write that changes no value, `false`
 * when it refused one with 401/403 although reads work (a read-only token), `null` when the account
 * has nothing to write to without changing data.
 */
export type WriteAccess =
  | { readonly verified: true; readonly via: string }
  | { readonly verified: false; readonly via: string; readonly reason: string }
  | { readonly verified: null; readonly reason: string };

/** The service shape. */
export interface Service {
  /** The account of the token (`GET /me/`); a 404 says the base URL is probably the wrong region. */
  readonly me: Effect.Effect<Runn.Me, RunnClientError>;
  /** The server's `Date` header on `GET /me/`; null when it sends none. */
  readonly serverTime: Effect.Effect<Date | null, RunnClientError>;
  /**
   * Sends a write that changes no value (the first role's, else client's, own `name` back) to tell a
   * read-write token from a read-only one; `updatedAt` of that record may move.
   */
  readonly checkWriteAccess: Effect.Effect<WriteAccess, RunnClientError>;
  /** Clients, 200 per page. */
  readonly clients: (
    filter?: NameFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Client, RunnClientError>;
  /** Projects, 200 per page (archived included unless `includeArchived: false`). */
  readonly projects: (
    filter?: ProjectFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Project, RunnClientError>;
  /** People, 200 per page (placeholders excluded unless asked for). */
  readonly people: (
    filter?: PersonFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Person, RunnClientError>;
  /** Roles, 200 per page. */
  readonly roles: (filter?: NameFilter, options?: ListOptions) => Stream.Stream<Runn.Role, RunnClientError>;
  /** Every person's current contract (their primary role). */
  readonly currentContracts: (
    filter?: ModifiedFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Contract, RunnClientError>;
  /** Project memberships (person, project, role), 500 per page. */
  readonly projectMembers: (
    filter?: ModifiedFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.ProjectMember, RunnClientError>;
  /** Scheduled assignments, 500 per page. */
  readonly assignments: (
    filter?: AssignmentFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Assignment, RunnClientError>;
  /** Actuals, 500 per page. */
  readonly actuals: (
    filter?: ActualFilter,
    options?: ListOptions,
  ) => Stream.Stream<Runn.Actual, RunnClientError>;
  /**
   * Creates clients through `/clients/bulk/`, 100 per request, in order. On a failure the earlier
   * chunks stay created (find them by reference); a create is never resent after an ambiguous failure.
   */
  readonly createClients: (
    inputs: ReadonlyArray<Runn.ClientInput>,
  ) => Effect.Effect<ReadonlyArray<Runn.Client>, RunnClientError>;
  /** Creates a project with its references; `OutcomeUnknown` after an ambiguous failure. */
  readonly createProject: (input: Runn.ProjectInput) => Effect.Effect<Runn.Project, RunnClientError>;
  /** Creates a person and their first contract with their references; never resent. */
  readonly createPerson: (input: Runn.PersonInput) => Effect.Effect<Runn.Person, RunnClientError>;
  /** Creates a role with its references; never resent. */
  readonly createRole: (input: Runn.RoleInput) => Effect.Effect<Runn.Role, RunnClientError>;
  /** Every record of `kind` carrying exactly this reference (name and value). */
  readonly findByReference: <K extends Runn.EntityKind>(
    kind: K,
    referenceName: string,
    externalId: string,
  ) => Effect.Effect<ReadonlyArray<Found<K>>, RunnClientError>;
  /**
   * Writes day totals through `/actuals/bulk/`, 100 per request (retried: an upsert is idempotent).
   * Two items with the same (date, person, project, role, workstream) fail the call before sending.
   */
  readonly upsertActuals: (
    actuals: ReadonlyArray<Runn.ActualInput>,
    options?: ListOptions,
  ) => Effect.Effect<ReadonlyArray<Runn.Actual>, RunnClientError>;
  /** Deletes an actual; `NotFound` means it is already gone. */
  readonly deleteActual: (id: Ids.RunnActualId) => Effect.Effect<void, RunnClientError>;
  /** Deletes a person; without `force` Runn refuses while they have assignments or actuals. */
  readonly deletePerson: (
    id: Ids.RunnPersonId,
    options?: { readonly force?: boolean },
  ) => Effect.Effect<void, RunnClientError>;
  /** Deletes a project; `Conflict` while it has actuals or assignments. */
  readonly deleteProject: (id: Ids.RunnProjectId) => Effect.Effect<void, RunnClientError>;
  /** Archives a client (clients cannot be deleted through the API). */
  readonly archiveClient: (id: Ids.RunnClientId) => Effect.Effect<Runn.Client, RunnClientError>;
  /** Adds a reference, keeping every other one; returns the stored references. */
  readonly addReference: (
    kind: Runn.EntityKind,
    id: number,
    reference: Runn.Reference,
  ) => Effect.Effect<ReadonlyArray<Runn.Reference>, RunnClientError>;
  /** Removes exactly this reference, keeping every other one; returns the stored references. */
  readonly removeReference: (
    kind: Runn.EntityKind,
    id: number,
    reference: Runn.Reference,
  ) => Effect.Effect<ReadonlyArray<Runn.Reference>, RunnClientError>;
}

/** The Runn client service. */
export class RunnClient extends Context.Tag("@harvest-runn/runn-client/RunnClient")<RunnClient, Service>() {}

/** True when a `findByReference` result carries only its identity. */
export const isIdentityOnly = <K extends Runn.EntityKind>(found: Found<K>): found is Runn.IdentityOnly =>
  "kind" in found && "error" in found;

/**
 * Builds a client value, e.g. one per connection at run time. Clients of one account that read the
 * same `Pacer` (from `@harvest-runn/http`) share its schedule, so provide one `Pacer.layer` per process.
 */
export const make = (options: Options): Effect.Effect<Service, never, Pacer.Pacer> => makeClient(options);

/**
 * A layer from explicit options.
 * @example
 * const RunnLive = RunnClient.layer({ token: Redacted.make("LIVE_…"), region: "us" })
 */
export const layer = (options: Options): Layer.Layer<RunnClient> =>
  Layer.effect(RunnClient, make(options)).pipe(Layer.provide(Pacer.layer));

/** A layer from the environment: `RUNN_TOKEN`, optional `RUNN_BASE_URL`, `RUNN_REGION`, `RUNN_RATE_LIMIT`. */
export const layerConfig: Layer.Layer<RunnClient, ConfigError.ConfigError> = Layer.effect(
  RunnClient,
  Effect.gen(function* () {
    const token = yield* Config.redacted("RUNN_TOKEN");
    const baseUrl = yield* Config.option(Config.string("RUNN_BASE_URL"));
    const region = yield* Config.option(Config.literal("eu", "us")("RUNN_REGION"));
    const limit = yield* Config.option(Config.integer("RUNN_RATE_LIMIT"));
    return yield* make({
      token,
      ...Option.match(baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: url }) }),
      ...Option.match(region, { onNone: () => ({}), onSome: (r) => ({ region: r }) }),
      ...Option.match(limit, {
        onNone: () => ({}),
        onSome: (n) => ({ rateLimit: { limit: n, window: "60 seconds" } }),
      }),
    });
  }),
).pipe(Layer.provide(Pacer.layer));

/** Re-exported so callers can type their `onMalformed` callbacks without importing the domain. */
export type MalformedRecord = Skipped.MalformedRecord;
