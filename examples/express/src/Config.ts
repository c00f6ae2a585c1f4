/**
 * The host's configuration, read from the environment once at start. The API key and the secret key
 * stay `Redacted`; nothing here is ever logged in clear.
 */
import { Config, type Option, Redacted } from "effect";

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
  /** Whether the in-process daily scheduler runs (default true). */
  readonly scheduler: boolean;
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

/** The configuration from the environment; fails naming the variable that is missing or invalid. */
export const hostConfig: Config.Config<HostConfig> = Config.all({
  port: Config.integer("PORT").pipe(
    Config.validate({ message: "PORT must be 0..65535", validation: (p) => p >= 0 && p <= 65535 }),
    Config.withDefault(3000),
  ),
  host: Config.string("HOST").pipe(Config.withDefault("127.0.0.1")),
  apiKey: Config.string("HARVEST_RUNN_API_KEY").pipe(
    Config.validate({
      message: "HARVEST_RUNN_API_KEY must be at least 16 characters",
      validation: (k) => k.length >= 16,
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
});
