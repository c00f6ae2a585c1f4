/** Postgres for the queue tests: `DATABASE_URL`, a fresh pg-boss schema per file, dropped afterwards. */
import { randomBytes } from "node:crypto";
import { afterAll } from "@effect/vitest";
import PgBoss from "pg-boss";

const ci = process.env.CI === "true" || process.env.CI === "1";

/**
 * `DATABASE_URL`, or undefined with a printed reason when it is unset and `CI` is not; under CI a
 * missing server is an error, never a skip.
 */
export const databaseUrl = (): string | undefined => {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== "") return url;
  if (ci) throw new Error("DATABASE_URL is required under CI (bash .ci/run starts Postgres)");
  console.warn('skipping queue tests: DATABASE_URL is not set (eval "$(bash scripts/postgres.sh start)")');
  return undefined;
};

/** Drops every schema `schemaFor` handed out, after the file's tests (call once per file). */
export const dropSchemasAfterAll = (url: string | undefined): void => {
  afterAll(async () => {
    if (url === undefined) return;
    for (const schema of made.splice(0)) await dropSchema(url, schema);
  });
};

const made: Array<string> = [];

/** A unique schema name (one per test); `dropSchemasAfterAll` removes it. */
export const schemaFor = (prefix: string): string => {
  const schema = `hr_queue_${prefix}_${randomBytes(4).toString("hex")}`;
  made.push(schema);
  return schema;
};

/** Drops one pg-boss schema and everything in it. */
export const dropSchema = async (url: string, schema: string): Promise<void> => {
  const boss = new PgBoss({
    connectionString: url,
    schema,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  boss.on("error", () => {});
  try {
    await boss.start();
    await boss.getDb().executeSql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, []);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
  }
};
