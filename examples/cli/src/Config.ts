/**
 * What the CLI reads from its environment: where the embedded store lives, the key that seals its
 * tokens, and overrides for the API base URLs (sandboxes, tests). Nothing here talks to a network.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { KeyFile } from "@harvest-runn/storage";
import { Clients } from "@harvest-runn/sync";
import { Config, Effect, Option, Redacted } from "effect";

/** The file beside a store that may hold its secret key (the demo writes one). */
export const keyFileName = KeyFile.fileName;

/** The CLI's environment, resolved once per command. */
export interface CliConfig {
  /** Absolute folder of the embedded SQLite store. */
  readonly stateDir: string;
  /**
   * The key sealing stored tokens: `HARVEST_RUNN_SECRET_KEY`, else `<stateDir>/secret.key`, created
   * (0600, said once on stderr) together with a new store; never beside an existing store, whose tokens
   * only its own key opens.
   */
  readonly secretKey: Option.Option<Redacted.Redacted<string>>;
  /** Overrides for both API clients (base URLs, compressed rate limits). */
  readonly clients: Clients.Options;
  /** A pinned clock (`HARVEST_RUNN_NOW`), for sandboxes with an anchored date. */
  readonly now: Option.Option<Date>;
}

const optionalString = (name: string) =>
  Config.option(Config.string(name)).pipe(
    Effect.map(Option.filter((s) => s.trim() !== "")),
    Effect.orElseSucceed(() => Option.none<string>()),
  );

/** Reads the CLI's environment. */
export const load: Effect.Effect<CliConfig> = Effect.gen(function* () {
  const stateDir = resolve(
    Option.getOrElse(yield* optionalString("HARVEST_RUNN_STATE_DIR"), () => ".harvest-runn"),
  );
  const envKey = yield* optionalString("HARVEST_RUNN_SECRET_KEY");
  const keyFile = join(stateDir, keyFileName);
  const secretKey = Option.isSome(envKey)
    ? Option.some(Redacted.make(envKey.value))
    : existsSync(join(stateDir, "state.db"))
      ? yield* KeyFile.read(keyFile).pipe(Effect.orElseSucceed(() => Option.none()))
      : yield* KeyFile.loadOrCreate(keyFile).pipe(
          Effect.tap((file) =>
            file.created
              ? Effect.sync(() =>
                  process.stderr.write(
                    `created ${file.path}, the key that seals stored tokens: keep it with state.db\n`,
                  ),
                )
              : Effect.void,
          ),
          Effect.map((file) => Option.some(file.key)),
          Effect.orElseSucceed(() => Option.none()),
        );
  const harvestBaseUrl = yield* optionalString("HARVEST_BASE_URL");
  const harvestIdBaseUrl = yield* optionalString("HARVEST_ID_BASE_URL");
  const scale = Number(Option.getOrElse(yield* optionalString("HARVEST_RUNN_RATE_SCALE"), () => "1"));
  const now = Option.flatMap(yield* optionalString("HARVEST_RUNN_NOW"), (s) => {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? Option.none() : Option.some(d);
  });
  return {
    stateDir,
    secretKey,
    now,
    clients: {
      ...Option.match(harvestBaseUrl, { onNone: () => ({}), onSome: (u) => ({ harvestBaseUrl: u }) }),
      ...Option.match(harvestIdBaseUrl, { onNone: () => ({}), onSome: (u) => ({ harvestIdBaseUrl: u }) }),
      ...(Number.isFinite(scale) && scale > 1 ? scaledLimits(scale) : {}),
    },
  };
});

/** Client rate limits for a sandbox whose time runs `scale` times fast. */
export const scaledLimits = (scale: number): Clients.Options => Clients.compressed(scale);
