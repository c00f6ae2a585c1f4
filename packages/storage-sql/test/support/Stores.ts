/** Test stores: a temp SQLite file and a per-file Postgres schema, each under a fresh secret key. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "@effect/vitest";
import { SecretBox } from "@harvest-runn/storage";
import { StoreRegistry } from "@harvest-runn/storage/testing";
import { Effect, Redacted } from "effect";
import { SyncStoreSql } from "../../src/index.ts";

/** A temp directory removed after the file's tests. */
export const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "harvest-runn-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A fresh secret key for one test file. */
export const secretKey = SecretBox.generateKey;

/** A SQLite store on a temp file; returns the file name too. */
export const sqlite = (key = secretKey()) => {
  const filename = join(tempDir(), "state.db");
  return { filename, key, layer: SyncStoreSql.layerSqlite({ filename, secretKey: key }) };
};

/** `DATABASE_URL` when the pg adapter is selected (see `StoreRegistry.server`). */
export const databaseUrl = (): string | undefined => StoreRegistry.server("pg", "DATABASE_URL");

/** A unique schema name for one test file. */
export const schemaName = (prefix: string) => `hr_test_${prefix}_${randomBytes(4).toString("hex")}`;

/** A Postgres store in its own schema. */
export const pg = (url: string, schema: string, key = secretKey()) => ({
  key,
  layer: SyncStoreSql.layerPg({ url: Redacted.make(url), schema, secretKey: key }),
});

/** Drops `schema` after the file's tests. */
export const dropSchemaAfterAll = (url: string, schema: string) =>
  afterAll(() => Effect.runPromise(SyncStoreSql.dropPgSchema({ url: Redacted.make(url), schema })));
