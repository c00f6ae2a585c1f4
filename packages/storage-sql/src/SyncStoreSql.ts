/**
 * `SyncStore` over `@effect/sql`: one implementation for SQLite (the embedded default, DESIGN
 * decision 7) and Postgres (servers), with dialect branches where they differ. Migrations run once
 * when the layer starts and are idempotent.
 *
 * @example
 * const store = SyncStoreSql.layerSqlite(); // $HARVEST_RUNN_STATE_DIR/state.db, or .harvest-runn/state.db
 * const shared = SyncStoreSql.layerPg({ url: Redacted.make(process.env.DATABASE_URL!) });
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SqlClient } from "@effect/sql/SqlClient";
import { PgClient } from "@effect/sql-pg";
import { SqliteClient } from "@effect/sql-sqlite-node";
import { SecretBox, SyncStore, SyncStoreError } from "@harvest-runn/storage";
import { Config, Effect, Layer, Option, Redacted } from "effect";
import { makeConnections, makeCursors, makeSettings } from "./internal/Connections.ts";
import { makeLeases } from "./internal/Leases.ts";
import { makeLedger } from "./internal/Ledger.ts";
import { makeAudit, makeDoNotImport } from "./internal/Links.ts";
import * as Migrations from "./internal/Migrations.ts";
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

/** The embedded SQLite store; creates the file's directory. `:memory:` gives a non-persistent store. */
export const layerSqlite = (
  options: Options & { readonly filename?: string } = {},
): Layer.Layer<SyncStore.SyncStore, SyncStoreError.SyncStoreError> =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      const filename = options.filename ?? (yield* defaultFilename);
      const memory = filename === ":memory:";
      if (!memory) {
        yield* Effect.try({
          try: () => mkdirSync(dirname(filename), { recursive: true }),
          catch: (e) => SyncStoreError.fail("Unavailable", `cannot create the directory of ${filename}`, e),
        });
      }
      const caps = memory ? { ...capabilities, persistent: false, multiProcess: false } : capabilities;
      return Layer.effect(SyncStore.SyncStore, make({ ...options, capabilities: caps })).pipe(
        Layer.provide(SqliteClient.layer({ filename })),
      );
    }),
  ).pipe(Layer.catchAll((e) => Layer.fail(toStoreError(e))));

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
    const sql = yield* SqlClient;
    yield* sql`DROP SCHEMA IF EXISTS ${sql(options.schema)} CASCADE`;
  }).pipe(
    Effect.provide(PgClient.layer({ url: options.url, maxConnections: 1 })),
    Effect.mapError((e) => toStoreError(e)),
  );
