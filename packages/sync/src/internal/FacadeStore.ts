/**
 * The facade's store choice: the store each option means, its secret key (SQLite creates `secret.key`
 * beside the database; Postgres requires one), and every failure as a `SyncError`. The drivers are
 * optional peers that `storage-sql` loads when a store needs one, so this package depends on neither.
 */
import { Optional } from "@harvest-runn/domain";
import { KeyFile, SecretBox, SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Cause, Config, Effect, Layer, Option, Redacted } from "effect";
import * as SyncError from "../SyncError.ts";

/**
 * Which store the facade uses. SQLite needs the npm package `@effect/sql-sqlite-node`, Postgres
 * `@effect/sql-pg` (each an optional peer dependency: install the one you use).
 */
export type StoreChoice =
  | "memory"
  | {
      readonly sqlite: {
        /** Default `$HARVEST_RUNN_STATE_DIR/state.db`, else `.harvest-runn/state.db`. */
        readonly filename?: string;
        /** Base64 32-byte key sealing stored tokens; default `secret.key` beside the database (created 0600). */
        readonly secretKey?: string;
      };
    }
  | {
      readonly postgres: {
        /** Connection URL; default `DATABASE_URL`. */
        readonly url?: string;
        /** Base64 32-byte key sealing stored tokens: required (or `HARVEST_RUNN_SECRET_KEY`). */
        readonly secretKey?: string;
        readonly schema?: string;
      };
    }
  | Layer.Layer<SyncStore.SyncStore, unknown>;

const isTagged = (u: unknown, tag: string): boolean =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === tag;

/** Any failure of the facade as a `SyncError`: store faults by their reason, setup faults as `Setup`. */
const toSyncError = (e: unknown): SyncError.SyncError => {
  if (e instanceof SyncError.SyncError) return e;
  if (isTagged(e, "SyncStoreError")) {
    const store = e as SyncStore.SyncStoreError;
    return store.reason === "SecretKey" || store.reason === "Driver"
      ? SyncError.make("Setup", store.message)
      : SyncError.fromStore(store);
  }
  return SyncError.make(
    "Internal",
    `unexpected failure: ${String((e as { message?: unknown })?.message ?? e)}`,
  );
};

/** A variable of the environment, when set. */
const fromEnv = (name: string) =>
  Config.option(Config.redacted(name)).pipe(
    Effect.orElseSucceed(() => Option.none<Redacted.Redacted<string>>()),
  );

/** A key given as an option, checked here so that a malformed one is refused naming the option. */
const givenKey = (key: string, option: string) =>
  Effect.as(SecretBox.make(Redacted.make(key), option), Redacted.make(key));

/** SQLite: the key given, else the environment's, else `secret.key` beside the database (said once, when created). */
const sqliteStore = (o: { readonly filename?: string; readonly secretKey?: string }) =>
  Effect.gen(function* () {
    const filename = o.filename ?? (yield* SyncStoreSql.defaultFilename);
    const secretKey =
      o.secretKey !== undefined
        ? yield* givenKey(o.secretKey, "store.sqlite.secretKey")
        : Option.isSome(yield* fromEnv(SecretBox.envVar))
          ? undefined
          : filename === ":memory:"
            ? SecretBox.generateKey()
            : yield* KeyFile.loadOrCreate(KeyFile.besideDatabase(filename)).pipe(
                Effect.tap((file) =>
                  file.created
                    ? Effect.logWarning(
                        `created the key file ${file.path} that seals the stored tokens: keep it with the database (back up both)`,
                      )
                    : Effect.void,
                ),
                Effect.map((file) => file.key),
              );
    return SyncStoreSql.layerSqlite({ filename, ...Optional.fields({ secretKey }) });
  });

/** Postgres: the URL and the key are required, each from its option or else from the environment. */
const postgresStore = (o: { readonly url?: string; readonly secretKey?: string; readonly schema?: string }) =>
  Effect.gen(function* () {
    if (o.url === undefined && Option.isNone(yield* fromEnv("DATABASE_URL")))
      return yield* SyncError.make("Setup", "store.postgres.url is required: the Postgres connection URL");
    const secretKey =
      o.secretKey === undefined ? undefined : yield* givenKey(o.secretKey, "store.postgres.secretKey");
    if (secretKey === undefined && Option.isNone(yield* fromEnv(SecretBox.envVar)))
      return yield* SyncError.make(
        "Setup",
        "store.postgres.secretKey is required: 32 random bytes as base64 (e.g. `openssl rand -base64 32`) that seal the stored tokens; without it they cannot be read again",
      );
    return SyncStoreSql.layerPg({
      ...Optional.fields({ url: Optional.map(o.url, Redacted.make), secretKey, schema: o.schema }),
    });
  });

/** The store layer of a choice, every failure a `SyncError`. */
export const storeLayer = (
  choice: StoreChoice | undefined,
): Layer.Layer<SyncStore.SyncStore, SyncError.SyncError> => {
  if (choice === undefined || choice === "memory") return SyncStore.layerMemory;
  if (Layer.isLayer(choice))
    return Layer.mapError(choice as Layer.Layer<SyncStore.SyncStore, unknown>, toSyncError);
  const build =
    "sqlite" in choice
      ? sqliteStore(choice.sqlite)
      : postgresStore((choice as Extract<StoreChoice, { readonly postgres: unknown }>).postgres);
  return Layer.unwrapEffect(build).pipe(Layer.mapError(toSyncError));
};

/** Why an operation did not succeed, as the `SyncError` the facade rejects with. */
export const rejection = (cause: Cause.Cause<unknown>): SyncError.SyncError => {
  const failure = Cause.failureOption(cause);
  if (Option.isSome(failure)) return toSyncError(failure.value);
  if (Cause.isInterruptedOnly(cause))
    return SyncError.make("Interrupted", "the operation was interrupted: the facade is closing");
  return SyncError.make("Internal", `a defect inside the library: ${Cause.pretty(cause).split("\n")[0]}`);
};
