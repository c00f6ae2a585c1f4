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
import { Harvest, Optional } from "@harvest-runn/domain";
import { Exchange, Pacer } from "@harvest-runn/http";
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
} from "effect";
import createClient from "openapi-fetch";
import type { paths } from "./generated/harvest.ts";
import type * as Errors from "./HarvestClientError.ts";
import * as Decode from "./internal/Decode.ts";
import { errorOf } from "./internal/Failure.ts";
import { type Lists, makeLists } from "./internal/Lists.ts";
import type { ListPath, WireQuery } from "./internal/Query.ts";
import { scrubError } from "./internal/Secrets.ts";

type HarvestClientError = Errors.HarvestClientError;

export { type AccessWarning, accessWarning } from "./Access.ts";
export type {
  ActiveFilter,
  ListOptions,
  PageSize,
  ProjectFilter,
  TimeEntryFilter,
  UserAssignmentFilter,
} from "./Filters.ts";

/** How many requests one account may send per window. */
export type RateLimitSettings = Pacer.Budget;

/** How often and how patiently to retry; `rateLimitedDelay` is the wait after a 429 that names none. */
export interface RetrySettings {
  readonly maxAttempts: number;
  readonly baseDelay: Duration.DurationInput;
  readonly maxDelay: Duration.DurationInput;
  readonly rateLimitedDelay: Duration.DurationInput;
}

/** Harvest's documented budget: 100 requests per 15 seconds per account. */
export const defaultRateLimit: RateLimitSettings = { limit: 100, window: "15 seconds" };

/** Defaults: 5 attempts, backoff from 500 ms doubling up to 30 s, one 15 s window after a bare 429. */
export const defaultRetry: RetrySettings = {
  maxAttempts: 5,
  baseDelay: "500 millis",
  maxDelay: "30 seconds",
  rateLimitedDelay: "15 seconds",
};

/** What a HarvestClient offers: single reads, Harvest's clock, and eight lists as Streams. */
export interface Service extends Lists {
  /** The Harvest account every call (except `accounts`) is made for. */
  readonly accountId: number;
  /** The token's user (`GET /users/me`): the credential check; pass it to `accessWarning`. */
  readonly me: () => Effect.Effect<Harvest.Me, HarvestClientError>;
  /** The server's `Date` header on `GET /users/me` (for clock skew); null when it sends none. */
  readonly serverTime: () => Effect.Effect<Date | null, HarvestClientError>;
  /**
   * The earliest `Date` header among this client's answers so far, read without a request of its own;
   * null before the first answer or when Harvest sends none. A client built for one run reads Harvest's
   * clock as the run began loading.
   */
  readonly earliestServerTime: () => Effect.Effect<Date | null>;
  /** The account's company (`GET /company`, administrators only). */
  readonly company: () => Effect.Effect<Harvest.Company, HarvestClientError>;
  /** Every account the token reaches (Harvest ID; sent without the account id). */
  readonly accounts: () => Effect.Effect<Harvest.Accounts, HarvestClientError>;
}

/** Parses an HTTP `Date` header; null when absent or unreadable. */
const httpDate = (text: string | null): Date | null => {
  const ms = text === null ? Number.NaN : Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
};

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
  readonly rateLimit?: RateLimitSettings;
  readonly retry?: Partial<RetrySettings>;
  /** Time one exchange may take, not counting the wait for a rate-limit slot (default 30 s). */
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

/**
 * Builds a client value; clients of the same account and host that read the same `Pacer` (from
 * `@harvest-runn/http`) share its schedule, so provide one `Pacer.layer` per process.
 */
export const make = Effect.fn("HarvestClient.make")(function* (options: Options) {
  if (options.userAgent.trim() === "") return yield* Effect.dieMessage("HarvestClient: userAgent is empty");
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const idBaseUrl = options.idBaseUrl ?? defaultIdBaseUrl;
  const secrets = [options.token];
  const clean = scrubError(secrets);
  const retry = { ...defaultRetry, ...options.retry };
  const execute = yield* Exchange.make({
    api: "harvest",
    account: `harvest:${new URL(baseUrl).host}#${options.accountId}`,
    budget: options.rateLimit ?? defaultRateLimit,
    timeout: options.timeout ?? defaultTimeout,
    retry: { ...retry, rateLimitedWait: retry.rateLimitedDelay, maxRateLimitWait: "1 hour" },
    error: errorOf(options.accountId, secrets),
    ...Optional.fields({ fetch: options.fetch }),
  });
  // Every request goes through the exchange, whose `fetch` records it with the pacer as it is sent.
  const api = createClient<paths>({ baseUrl, fetch: Exchange.unpaced });

  // Harvest's clock as this client first saw it: the earliest `Date` header among its answers.
  let earliest: Date | null = null;
  const noteDate = (reply: Exchange.Reply) =>
    Effect.sync(() => {
      const date = httpDate(reply.date);
      if (date !== null && (earliest === null || date < earliest)) earliest = date;
    });
  /** A request to the account's API, whose answer tells Harvest's time. */
  const send = (request: Exchange.Request) => execute(request).pipe(Effect.tap(noteDate));
  const header = { "User-Agent": options.userAgent };
  const auth = { Authorization: `Bearer ${Redacted.value(options.token)}` };
  const accountHeaders = { ...auth, "Harvest-Account-Id": String(options.accountId) };

  const decoded =
    <A, I>(path: string, schema: Schema.Schema<A, I>) =>
    (exchange: Exchange.Reply) =>
      Decode.json({ method: "GET", path }, exchange.body).pipe(
        Effect.flatMap((body) => Decode.whole({ method: "GET", path }, schema, body)),
      );

  const getOne = <A, I>(path: "/users/me" | "/company", schema: Schema.Schema<A, I>) =>
    send({
      method: "GET",
      path,
      idempotent: true,
      send: (init) =>
        api.GET(path, { params: { header }, headers: accountHeaders, parseAs: "text", ...init }),
    }).pipe(Effect.flatMap(decoded(path, schema)), Effect.mapError(clean));

  const getPage = (path: ListPath, query: WireQuery) =>
    send({
      method: "GET",
      path,
      idempotent: true,
      // One call site for every list: the query was built against this path's generated parameter type.
      send: (init) =>
        api.GET(path as "/users", {
          params: { header, query: query as never },
          headers: accountHeaders,
          parseAs: "text",
          ...init,
        }),
    }).pipe(Effect.map((exchange) => exchange.body));

  return HarvestClient.of({
    accountId: options.accountId,
    me: Effect.fn("HarvestClient.me")(() => getOne("/users/me", Harvest.Me)),
    serverTime: Effect.fn("HarvestClient.serverTime")(() =>
      send({
        method: "GET",
        path: "/users/me",
        idempotent: true,
        send: (init) =>
          api.GET("/users/me", { params: { header }, headers: accountHeaders, parseAs: "text", ...init }),
      }).pipe(
        Effect.map((exchange) => httpDate(exchange.date)),
        Effect.mapError(clean),
      ),
    ),
    earliestServerTime: () => Effect.sync(() => earliest),
    company: Effect.fn("HarvestClient.company")(() => getOne("/company", Harvest.Company)),
    accounts: Effect.fn("HarvestClient.accounts")(() =>
      execute({
        method: "GET",
        path: "/accounts",
        idempotent: true,
        send: (init) =>
          api.GET("/accounts", {
            baseUrl: idBaseUrl,
            params: { header },
            headers: auth,
            parseAs: "text",
            ...init,
          }),
      }).pipe(Effect.flatMap(decoded("/accounts", Harvest.Accounts)), Effect.mapError(clean)),
    ),
    ...makeLists({
      getPage,
      perPage: options.perPage ?? 2000,
      maxPages: options.maxPages ?? 100_000,
      secrets,
    }),
  });
});

/** A layer from explicit options; clients built in one layer build share one `Pacer`. */
export const layer = (options: Options): Layer.Layer<HarvestClient> =>
  Layer.effect(HarvestClient, make(options)).pipe(Layer.provide(Pacer.layer));

/** Settings `layerConfig` reads from the environment; the others can be passed in. */
type FromEnv = "token" | "accountId" | "userAgent" | "baseUrl" | "idBaseUrl";

/**
 * A layer from the environment: `HARVEST_TOKEN` (secret), `HARVEST_ACCOUNT_ID`, `HARVEST_USER_AGENT`,
 * and optionally `HARVEST_BASE_URL` and `HARVEST_ID_BASE_URL`.
 */
export const layerConfig = (
  options: Omit<Options, FromEnv> = {},
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
  ).pipe(Layer.provide(Pacer.layer));
