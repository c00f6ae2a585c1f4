/**
 * `SyncStore` over `@effect/sql`: one implementation for SQLite (the embedded default, DESIGN
 * decision 7) and Postgres (servers), with dialect branches where they differ. Migrations run once
 * when the layer starts and are idempotent.
 *
 * @example
 * const store = SyncStoreSql.layerSqlite(); // $HARVEST_RUNN_STATE_DIR/state.db, or .harvest-runn/state.db
 * const shared = SyncStoreSql.layerPg({ url: Redacted.make(process.env.DATABASE_URL!) });
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SqlClient } from "@effect/sql/SqlClient";
import { SecretBox, SyncStore, SyncStoreError } from "@harvest-runn/storage";
import { Cause, Config, Effect, Layer, Option, Redacted } from "effect";
import { makeConnections, makeCursors, makeSettings } from "./internal/Connections.ts";
import * as Drivers from "./internal/Drivers.ts";
import { makeLeases } from "./internal/Leases.ts";
import { makeLedger } from "./internal/Ledger.ts";
import { makeAudit, makeDoNotImport } from "./internal/Links.ts";
import * as Migrations from "./internal/Migrations.ts";
import { makeRecorded, makeSavedPlans, makeSessions } from "./internal/Pages.ts";
import { makeProgress } from "./internal/RunProgressSql.ts";
import { makeRuns } from "./internal/Runs.ts";
import { mapErrors } from "./internal/Support.ts";

/** Options every SQL layer takes. */
export interface Options {
  /** Base64 32-byte key sealing tokens; default: `HARVEST_RUNN_SECRET_KEY`. */
  readonly secretKey?: Redacted.Redacted<string>;
}

/** Capabilities of a SQL store on a file or server. */
export const capabilities: SyncStore.Capabilities = {
  persistent: true,
  multiProcess: true,
  encryptedAtRest: true,
};

/** Applies pending migrations (a second call applies none). */
export const migrate: Effect.Effect<void, SyncStoreError.SyncStoreError, SqlClient> = Migrations.run.pipe(
  Effect.retry({ times: 2 }),
  Effect.asVoid,
  Effect.mapError((e) => SyncStoreError.fail("Migration", `migrations failed: ${e.message ?? e._tag}`, e)),
  Effect.withSpan("SyncStore.migrate"),
);

/** Builds the store on the `SqlClient` in context: migrates, then returns the service. */
export const make = (
  options: Options & { readonly capabilities?: SyncStore.Capabilities } = {},
): Effect.Effect<SyncStore.Shape, SyncStoreError.SyncStoreError, SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient;
    const box = yield* SecretBox.fromKeyOrEnv(options.secretKey);
    yield* sql
      .onDialectOrElse({
        sqlite: () =>
          Effect.all([
            sql`PRAGMA synchronous = NORMAL`,
            sql`PRAGMA busy_timeout = 15000`,
            sql`PRAGMA cache_size = -65536`,
            sql`PRAGMA temp_store = MEMORY`,
          ]),
        orElse: () => Effect.void,
      })
      .pipe(mapErrors("store.start"));
    yield* migrate;
    const deps = { sql, box };
    return {
      supports: options.capabilities ?? capabilities,
      connections: makeConnections(deps),
      settings: makeSettings(deps),
      cursors: makeCursors(deps),
      leases: makeLeases(deps),
      runs: makeRuns(deps),
      ledger: makeLedger(deps),
      doNotImport: makeDoNotImport(deps),
      audit: makeAudit(deps),
      sessions: makeSessions(deps),
      savedPlans: makeSavedPlans(deps),
      recorded: makeRecorded(deps),
      progress: makeProgress(deps),
    } satisfies SyncStore.Shape;
  });

/** The store on the `SqlClient` the caller provides (any supported dialect). */
export const layer = (
  options: Options = {},
): Layer.Layer<SyncStore.SyncStore, SyncStoreError.SyncStoreError, SqlClient> =>
  Layer.effect(SyncStore.SyncStore, make(options));

/** Where the embedded store lives: `$HARVEST_RUNN_STATE_DIR/state.db`, default `.harvest-runn/state.db`. */
export const defaultFilename: Effect.Effect<string> = Config.string("HARVEST_RUNN_STATE_DIR").pipe(
  Config.option,
  Effect.map((dir) => join(resolve(Option.getOrElse(dir, () => ".harvest-runn")), "state.db")),
  Effect.orElseSucceed(() => join(resolve(".harvest-runn"), "state.db")),
);

/**
 * The embedded SQLite store; creates the file and its directory owner-only (0600 and 0700: the store
 * holds sealed tokens and the run history). `:memory:` gives a non-persistent store. A file that is a
 * folder, not a database, unreadable, read-only or damaged fails the layer with one message naming it.
 */
export const layerSqlite = (
  options: Options & { readonly filename?: string } = {},
): Layer.Layer<SyncStore.SyncStore, SyncStoreError.SyncStoreError> =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      const { SqliteClient } = yield* Drivers.sqlite;
      const filename = options.filename ?? (yield* defaultFilename);
      const memory = filename === ":memory:";
      if (!memory) yield* prepareFile(filename);
      const caps = memory ? { ...capabilities, persistent: false, multiProcess: false } : capabilities;
      const store = memory
        ? make({ ...options, capabilities: caps })
        : Effect.zipRight(checkFile(filename), make({ ...options, capabilities: caps }));
      return Layer.effect(SyncStore.SyncStore, store).pipe(
        Layer.provide(SqliteClient.layer({ filename })),
        // The driver throws while opening a file it cannot use: that is the file's fault, not a bug.
        Layer.catchAllCause((cause) =>
          Layer.fail(
            Cause.failureOption(cause).pipe(
              Option.getOrElse(() => Cause.squash(cause)),
              (e) => (isStoreError(e) ? e : fileError(filename, e)),
            ),
          ),
        ),
      );
    }),
  ).pipe(Layer.catchAll((e) => Layer.fail(toStoreError(e))));

/** Creates the store's directory (0700) and file (0600) when missing; refuses a folder in the file's place. */
const prepareFile = (filename: string) =>
  Effect.try({
    try: () => {
      mkdirSync(dirname(filename), { recursive: true, mode: 0o700 });
      try {
        closeSync(openSync(filename, "wx", 0o600));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      if (statSync(filename).isDirectory())
        throw SyncStoreError.fail(
          "Unavailable",
          `the state file ${filename} is a folder, not a database file`,
        );
      try {
        accessSync(filename, constants.R_OK);
      } catch {
        throw SyncStoreError.fail(
          "Unavailable",
          `the state file ${filename} is not readable: check its permissions`,
        );
      }
      try {
        accessSync(filename, constants.W_OK);
      } catch {
        throw SyncStoreError.fail(
          "Unavailable",
          `the state file ${filename} is read-only: check its permissions`,
        );
      }
    },
    catch: (e) =>
      isStoreError(e)
        ? e
        : SyncStoreError.fail(
            "Unavailable",
            `cannot create the state file ${filename}: ${(e as NodeJS.ErrnoException).code ?? "unknown error"}`,
            e,
          ),
  });

/** Reads every page once (`PRAGMA quick_check`), so a damaged file is refused before it is used. */
const checkFile = (filename: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient;
    const rows = yield* sql<{ quick_check: string }>`PRAGMA quick_check`.pipe(
      Effect.mapError((e) => fileError(filename, e)),
    );
    const first = rows[0]?.quick_check;
    // SQLite may report several damaged trees in one answer, a line each: the message stays one line.
    const what = (first ?? "no answer")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .join("; ");
    if (first !== "ok")
      return yield* Effect.fail(
        SyncStoreError.fail(
          "Corrupt",
          `the state file ${filename} is damaged (${what}): restore it from a backup, or move it away to start afresh`,
        ),
      );
  });

const isStoreError = (e: unknown): e is SyncStoreError.SyncStoreError =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "SyncStoreError";

/** The SQLite result code of a driver error (`SQLITE_NOTADB`, …), looking through one wrapper. */
const sqliteCode = (e: unknown): string | undefined => {
  for (let x: unknown = e, i = 0; i < 3 && typeof x === "object" && x !== null; i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
    x = (x as { cause?: unknown }).cause;
  }
  return undefined;
};

/** One line saying what is wrong with the state file. */
const fileError = (filename: string, e: unknown): SyncStoreError.SyncStoreError => {
  const code = sqliteCode(e);
  const base = code?.replace(/^(SQLITE_[A-Z]+).*$/, "$1");
  switch (base) {
    case "SQLITE_NOTADB":
      return SyncStoreError.fail("Corrupt", `the state file ${filename} is not a database (${code})`, e);
    case "SQLITE_CORRUPT":
      return SyncStoreError.fail(
        "Corrupt",
        `the state file ${filename} is damaged (${code}): restore it from a backup, or move it away to start afresh`,
        e,
      );
    case "SQLITE_READONLY":
      return SyncStoreError.fail("Unavailable", `the state file ${filename} is read-only (${code})`, e);
    case "SQLITE_CANTOPEN":
    case "SQLITE_PERM":
    case "SQLITE_AUTH":
      return SyncStoreError.fail(
        "Unavailable",
        `the state file ${filename} cannot be opened: check that it and its folder are readable and writable (${code})`,
        e,
      );
    default:
      return SyncStoreError.fail(
        "Unavailable",
        `the state file ${filename} could not be used (${code ?? "unexpected error"})`,
        e,
      );
  }
};

/**
 * The Postgres store from `url` or `DATABASE_URL`. `schema` puts every table in that schema
 * (created when missing), e.g. to isolate test files sharing one server.
 */
export const layerPg = (
  options: Options & {
    readonly url?: Redacted.Redacted<string>;
    readonly schema?: string;
    readonly maxConnections?: number;
  } = {},
): Layer.Layer<SyncStore.SyncStore, SyncStoreError.SyncStoreError> =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      const { PgClient } = yield* Drivers.pg;
      const url =
        options.url ??
        (yield* Config.redacted("DATABASE_URL").pipe(
          Effect.mapError(() => SyncStoreError.fail("Unavailable", "DATABASE_URL is not set")),
        ));
      const schema = options.schema;
      if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
        return yield* Effect.fail(SyncStoreError.fail("Unavailable", `invalid schema name "${schema}"`));
      }
      const withSchema =
        schema === undefined ? url : Redacted.make(withSearchPath(Redacted.value(url), schema));
      const createSchema = Effect.gen(function* () {
        const sql = yield* SqlClient;
        if (schema !== undefined) {
          yield* sql`CREATE SCHEMA IF NOT EXISTS ${sql(schema)}`.pipe(
            Effect.retry({ times: 2 }),
            mapErrors("store.start"),
          );
        }
      });
      return Layer.effect(SyncStore.SyncStore, Effect.zipRight(createSchema, make(options))).pipe(
        Layer.provide(
          PgClient.layer({
            url: withSchema,
            maxConnections: options.maxConnections ?? 10,
            applicationName: "harvest-runn",
          }),
        ),
      );
    }),
  ).pipe(Layer.catchAll((e) => Layer.fail(toStoreError(e))));

const withSearchPath = (url: string, schema: string): string => {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
};

const toStoreError = (e: unknown): SyncStoreError.SyncStoreError =>
  e instanceof SyncStoreError.SyncStoreError
    ? e
    : SyncStoreError.fail("Unavailable", "the database could not be opened", e);

/** Drops a schema made by `layerPg({ schema })` and all it holds, e.g. after a test file or a benchmark. */
export const dropPgSchema = (options: {
  readonly url: Redacted.Redacted<string>;
  readonly schema: string;
}): Effect.Effect<void, SyncStoreError.SyncStoreError> =>
  Effect.gen(function* () {
    const { PgClient } = yield* Drivers.pg;
    yield* Effect.gen(function* () {
      const sql = yield* SqlClient;
      yield* sql`DROP SCHEMA IF EXISTS ${sql(options.schema)} CASCADE`;
    }).pipe(Effect.provide(PgClient.layer({ url: options.url, maxConnections: 1 })));
  }).pipe(Effect.mapError((e) => toStoreError(e)));
