/**
 * The host's configuration, read from the environment once at start. The API key and the secret key
 * stay `Redacted`; nothing here is ever logged in clear.
 */
import { Config, ConfigError, Either, Option, Redacted } from "effect";

/** Everything `main.ts` needs to start the host. */
export interface HostConfig {
  /** TCP port (default 3000; 0 picks a free one). */
  readonly port: number;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  readonly host: string;
  /** The bearer key of the API and the status page's login. */
  readonly apiKey: Redacted.Redacted<string>;
  /** Postgres URL; when absent the embedded SQLite store is used. */
  readonly databaseUrl: Option.Option<Redacted.Redacted<string>>;
  /** Where the embedded SQLite store lives (default `.harvest-runn/`). */
  readonly stateDir: Option.Option<string>;
  /** Key that encrypts stored tokens; with SQLite a key file beside the store is used when absent. */
  readonly secretKey: Option.Option<Redacted.Redacted<string>>;
  /** Whether the in-process daily scheduler runs (default true; never with `dispatch: "queue"`). */
  readonly scheduler: boolean;
  /** Manual runs in this process, or on the pg-boss queue (default `queue` with `DATABASE_URL`). */
  readonly dispatch: "inprocess" | "queue";
  /** The pg-boss schema the workers use (default `pgboss`). */
  readonly queueSchema: Option.Option<string>;
  /** The store's Postgres schema (default the search path), the workers' `HARVEST_RUNN_STORE_SCHEMA`. */
  readonly storeSchema: Option.Option<string>;
  /** Overrides of the Harvest API bases, to point the host at the sandbox. */
  readonly harvestBaseUrl: Option.Option<string>;
  readonly harvestIdBaseUrl: Option.Option<string>;
  /** Set the `Secure` attribute on cookies (default false: the host listens on plain HTTP). */
  readonly cookieSecure: boolean;
}

const url = (name: string) =>
  Config.string(name).pipe(
    Config.validate({
      message: `${name} must be an http(s) URL`,
      validation: (s) => /^https?:\/\/[^\s]+$/.test(s),
    }),
    Config.option,
  );

const schemaName = (name: string) =>
  Config.string(name).pipe(
    Config.validate({
      message: `${name} must be a lower-case SQL name`,
      validation: (s) => /^[a-z_][a-z0-9_]{0,62}$/.test(s),
    }),
    Config.option,
  );

/** The configuration from the environment; fails naming the variable that is missing or invalid. */
export const hostConfig: Config.Config<HostConfig> = Config.all({
  port: Config.integer("PORT").pipe(
    Config.validate({ message: "PORT must be 0..65535", validation: (p) => p >= 0 && p <= 65535 }),
    Config.withDefault(3000),
  ),
  host: Config.string("HOST").pipe(Config.withDefault("127.0.0.1")),
  apiKey: Config.string("HARVEST_RUNN_API_KEY").pipe(
    // The key travels in an `Authorization: Bearer` header: a space or a non-ASCII character could never
    // authenticate.
    Config.validate({
      message: "HARVEST_RUNN_API_KEY must be at least 16 visible ASCII characters, without spaces",
      validation: (k) => k.length >= 16 && /^[\x21-\x7e]+$/.test(k),
    }),
    Config.map(Redacted.make),
  ),
  databaseUrl: Config.redacted("DATABASE_URL").pipe(Config.option),
  stateDir: Config.string("HARVEST_RUNN_STATE_DIR").pipe(Config.option),
  secretKey: Config.redacted("HARVEST_RUNN_SECRET_KEY").pipe(Config.option),
  scheduler: Config.boolean("HARVEST_RUNN_SCHEDULER").pipe(Config.withDefault(true)),
  harvestBaseUrl: url("HARVEST_API_BASE_URL"),
  harvestIdBaseUrl: url("HARVEST_ID_BASE_URL"),
  cookieSecure: Config.boolean("HARVEST_RUNN_COOKIE_SECURE").pipe(Config.withDefault(false)),
  dispatch: Config.literal("inprocess", "queue")("HARVEST_RUNN_DISPATCH").pipe(Config.option),
  queueSchema: schemaName("HARVEST_RUNN_QUEUE_SCHEMA"),
  storeSchema: schemaName("HARVEST_RUNN_STORE_SCHEMA"),
}).pipe(
  Config.mapOrFail((c) => {
    const dispatch = Option.getOrElse(c.dispatch, () =>
      Option.isSome(c.databaseUrl) ? ("queue" as const) : ("inprocess" as const),
    );
    if (dispatch === "queue" && Option.isNone(c.databaseUrl))
      return Either.left(
        ConfigError.InvalidData(["HARVEST_RUNN_DISPATCH"], "HARVEST_RUNN_DISPATCH=queue needs DATABASE_URL"),
      );
    // The pg-boss tick owns the schedule when the queue is in use.
    return Either.right({ ...c, dispatch, scheduler: c.scheduler && dispatch === "inprocess" });
  }),
);
