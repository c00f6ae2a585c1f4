/**
 * The store's schema, as `@effect/sql` migrations. One set for every dialect; where SQLite and
 * Postgres differ (row ids, identity columns) the statement branches on the dialect.
 */
import * as Migrator from "@effect/sql/Migrator";
import { SqlClient } from "@effect/sql/SqlClient";
import { Effect } from "effect";

/** The table the migrator records applied migrations in. */
export const table = "hr_migrations";

const initial = Effect.gen(function* () {
  const sql = yield* SqlClient;
  const withoutRowId = sql.onDialectOrElse({
    sqlite: () => sql.literal("WITHOUT ROWID"),
    orElse: () => sql.literal(""),
  });
  const serial = sql.onDialectOrElse({
    sqlite: () => sql.literal("INTEGER PRIMARY KEY AUTOINCREMENT"),
    orElse: () => sql.literal("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
  });
  yield* sql`CREATE TABLE hr_connections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    harvest_account_id BIGINT NOT NULL,
    harvest_user_agent TEXT NOT NULL,
    runn_base_url TEXT NOT NULL,
    harvest_token TEXT NOT NULL,
    runn_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`;
  yield* sql`CREATE TABLE hr_settings (connection_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`;
  yield* sql`CREATE TABLE hr_cursors (
    connection_id TEXT NOT NULL, stream TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (connection_id, stream)) ${withoutRowId}`;
  yield* sql`CREATE TABLE hr_leases (
    connection_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    generation BIGINT NOT NULL,
    acquired_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL)`;
  yield* sql`CREATE TABLE hr_runs (
    id TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL,
    run_number INTEGER NOT NULL,
    run_trigger TEXT NOT NULL,
    scope TEXT NOT NULL,
    status TEXT NOT NULL,
    generation BIGINT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    counts TEXT NOT NULL,
    error TEXT,
    item_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (connection_id, run_number))`;
  yield* sql`CREATE TABLE hr_run_items (
    run_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    connection_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    kind TEXT NOT NULL,
    harvest_id BIGINT,
    runn_id BIGINT,
    actual_key TEXT,
    reason TEXT,
    message TEXT,
    detail TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)) ${withoutRowId}`;
  yield* sql`CREATE INDEX hr_run_items_at ON hr_run_items (at)`;
  yield* sql`CREATE INDEX hr_run_items_connection ON hr_run_items (connection_id)`;
  yield* sql`CREATE TABLE hr_last_success (
    connection_id TEXT NOT NULL, entity_type TEXT NOT NULL, at TEXT NOT NULL, run_id TEXT NOT NULL,
    PRIMARY KEY (connection_id, entity_type)) ${withoutRowId}`;
  yield* sql`CREATE TABLE hr_ledger (
    connection_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    person_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    billable INTEGER NOT NULL,
    nonbillable INTEGER NOT NULL,
    runn_actual_id BIGINT,
    entry_ids TEXT NOT NULL,
    written_at BIGINT NOT NULL,
    PRIMARY KEY (connection_id, day, person_id, project_id, role_id)) ${withoutRowId}`;
  yield* sql`CREATE TABLE hr_ledger_entries (
    connection_id TEXT NOT NULL,
    entry_id BIGINT NOT NULL,
    day INTEGER NOT NULL,
    person_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (connection_id, entry_id, day, person_id, project_id, role_id)) ${withoutRowId}`;
  yield* sql`CREATE TABLE hr_do_not_import (
    connection_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    harvest_id BIGINT NOT NULL,
    note TEXT,
    run_id TEXT,
    added_at TEXT NOT NULL,
    PRIMARY KEY (connection_id, kind, harvest_id)) ${withoutRowId}`;
  yield* sql`CREATE TABLE hr_audit (
    seq ${serial},
    connection_id TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    harvest_id BIGINT,
    runn_id BIGINT,
    actor TEXT,
    note TEXT)`;
  yield* sql`CREATE INDEX hr_audit_connection ON hr_audit (connection_id, seq)`;
});

/** Sessions, saved plans and recorded documents: what a host's pages keep across restarts. */
const pages = Effect.gen(function* () {
  const sql = yield* SqlClient;
  yield* sql`CREATE TABLE hr_sessions (
    key TEXT PRIMARY KEY,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    notice TEXT)`;
  yield* sql`CREATE INDEX hr_sessions_expires ON hr_sessions (expires_at)`;
  yield* sql`CREATE TABLE hr_saved_plans (
    id TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    result TEXT NOT NULL,
    error TEXT)`;
  yield* sql`CREATE INDEX hr_saved_plans_expires ON hr_saved_plans (expires_at)`;
  yield* sql`CREATE TABLE hr_recorded (
    connection_id TEXT NOT NULL,
    name TEXT NOT NULL,
    doc TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (connection_id, name))`;
});

/** The latest run's progress record per connection (read by status views in any process). */
const runProgress = Effect.gen(function* () {
  const sql = yield* SqlClient;
  yield* sql`CREATE TABLE hr_run_progress (
    connection_id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL)`;
});

/**
 * The ledger's entry-id index goes: nothing read it (the sync finds moved entries in the ledger it
 * loads), and keeping it in step cost a lookup and ~140 scattered index writes per bulk of actuals,
 * two thirds of the store's time in a large first import.
 */
const dropLedgerEntries = Effect.gen(function* () {
  const sql = yield* SqlClient;
  yield* sql`DROP TABLE IF EXISTS hr_ledger_entries`;
});

/**
 * Run items get one secondary index, `(connection_id, at)`, in place of one on `at` and one on
 * `connection_id`: every reader of the table goes by connection (a connection's deletion, the prune
 * at the end of each run), and each index costs a scattered write per item, 727,169 of them in an xl
 * first import (dropping both indexes saved ≈ 1.4 s of the actuals phase; one of them is kept).
 * Pruning every connection at once (`pruneItems` without a connection) reads the whole table instead.
 */
const runItemsOneIndex = Effect.gen(function* () {
  const sql = yield* SqlClient;
  yield* sql`CREATE INDEX hr_run_items_connection_at ON hr_run_items (connection_id, at)`;
  yield* sql`DROP INDEX hr_run_items_at`;
  yield* sql`DROP INDEX hr_run_items_connection`;
});

/** Every migration, by `<id>_<name>`. */
export const migrations = Migrator.fromRecord({
  "0001_initial": initial,
  "0005_pages": pages,
  "0006_run_progress": runProgress,
  "0007_drop_ledger_entries": dropLedgerEntries,
  "0008_run_items_one_index": runItemsOneIndex,
});

/** The tables that hold per-connection rows, with the column naming the connection. */
export const connectionTables: ReadonlyArray<readonly [table: string, column: string]> = [
  ["hr_connections", "id"],
  ["hr_settings", "connection_id"],
  ["hr_cursors", "connection_id"],
  ["hr_leases", "connection_id"],
  ["hr_runs", "connection_id"],
  ["hr_run_items", "connection_id"],
  ["hr_last_success", "connection_id"],
  ["hr_ledger", "connection_id"],
  ["hr_do_not_import", "connection_id"],
  ["hr_audit", "connection_id"],
  ["hr_saved_plans", "connection_id"],
  ["hr_recorded", "connection_id"],
  ["hr_run_progress", "connection_id"],
];

/** Tables that belong to no connection (the host's sign-in sessions). */
export const hostTables: ReadonlyArray<string> = ["hr_sessions"];

/** Applies pending migrations; a second start finds none. */
export const run = Migrator.make({})({ loader: migrations, table });
