/**
 * The SQL adapters the process-level tests run on: SQLite on a temp file always, Postgres in its own
 * schema when `DATABASE_URL` is set (see `StoreRegistry.server`). Each comes with a raw `SqlClient`
 * on the same database, for looking at the tables themselves.
 */
import { join } from "node:path";
import { SqlClient } from "@effect/sql/SqlClient";
import { PgClient } from "@effect/sql-pg";
import { SqliteClient } from "@effect/sql-sqlite-node";
import { StoreRegistry } from "@harvest-runn/storage/testing";
import { Effect, type Layer, Redacted } from "effect";
import { SyncStoreSql } from "../../src/index.ts";
import * as Stores from "./Stores.ts";

/** One SQL database under test. */
export interface Adapter {
  readonly name: "sqlite" | "pg";
  /** A fresh store layer on the database (migrates on start). */
  readonly store: () => ReturnType<typeof SyncStoreSql.layerSqlite>;
  /** A raw client on the same database and schema. */
  readonly raw: Layer.Layer<SqlClient, unknown>;
  /** What a child process needs to open the same store. */
  readonly worker: Record<string, string>;
  readonly key: Redacted.Redacted<string>;
}

/** The adapters selected and available; `prefix` names the Postgres schema. */
export const available = (prefix: string): ReadonlyArray<Adapter> => {
  const out: Array<Adapter> = [];
  if (StoreRegistry.isSelected("sqlite")) {
    const filename = join(Stores.tempDir(), "state.db");
    const key = Stores.secretKey();
    out.push({
      name: "sqlite",
      key,
      store: () => SyncStoreSql.layerSqlite({ filename, secretKey: key }),
      raw: SqliteClient.layer({ filename }),
      worker: { adapter: "sqlite", filename },
    });
  }
  const url = Stores.databaseUrl();
  if (url) {
    const schema = Stores.schemaName(prefix);
    const key = Stores.secretKey();
    Stores.dropSchemaAfterAll(url, schema);
    const scoped = new URL(url);
    scoped.searchParams.set("options", `-c search_path=${schema}`);
    out.push({
      name: "pg",
      key,
      store: () => SyncStoreSql.layerPg({ url: Redacted.make(url), schema, secretKey: key }),
      raw: PgClient.layer({ url: Redacted.make(scoped.toString()), maxConnections: 2 }),
      worker: { adapter: "pg", url, schema },
    });
  }
  return out;
};

/** Every row of a table, as JSON text. */
export const dump = (table: string) =>
  Effect.flatMap(SqlClient, (sql) =>
    Effect.map(sql`SELECT * FROM ${sql(table)}`, (rows) => JSON.stringify(rows)),
  );
