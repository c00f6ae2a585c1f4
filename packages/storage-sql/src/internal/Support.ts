/** Pieces every part of the SQL store shares: error mapping, time, fencing, connection checks. */
import type { SqlClient } from "@effect/sql/SqlClient";
import type { Ids } from "@harvest-runn/domain";
import { type SecretBox, SyncStoreError } from "@harvest-runn/storage";
import { Clock, Effect } from "effect";

/** What the parts of the store are built from. */
export interface Deps {
  readonly sql: SqlClient;
  readonly box: SecretBox.SecretBox;
}

/**
 * Runs a store operation and maps whatever the driver or a decoder failed with into
 * `SyncStoreError`; the operation's own `SyncStoreError`s pass through unchanged.
 */
export const mapErrors =
  (operation: string) =>
  <A, R>(effect: Effect.Effect<A, unknown, R>): Effect.Effect<A, SyncStoreError.SyncStoreError, R> =>
    Effect.mapError(effect, (e) =>
      e instanceof SyncStoreError.SyncStoreError
        ? e
        : isTagged(e, "ParseError")
          ? SyncStoreError.fail("Corrupt", `${operation}: stored data did not decode`, e)
          : SyncStoreError.fail("Unavailable", `${operation}: the database failed (${describe(e)})`, e),
    );

const isTagged = (e: unknown, tag: string) =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === tag;

/** A short description of a driver error: its code when it has one, never its parameters. */
const describe = (e: unknown): string => {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
  return code ?? (isTagged(e, "SqlError") ? "statement failed" : "unexpected error");
};

/** Current time from Effect's `Clock`, as epoch milliseconds and ISO text. */
export const now = Effect.map(Clock.currentTimeMillis, (ms) => ({ ms, iso: new Date(ms).toISOString() }));

/**
 * The fencing check, as the first statement of a write transaction (SPEC R3). It is a write on the
 * lease row, so SQLite takes its write lock here and Postgres locks the row until commit: a takeover
 * waits for the transaction, and a write with a stale generation is refused.
 */
export const fence = (sql: SqlClient, lease: { connectionId: Ids.ConnectionId; generation: number }) =>
  Effect.flatMap(
    sql`UPDATE hr_leases SET generation = generation
        WHERE connection_id = ${lease.connectionId} AND generation = ${lease.generation}
        RETURNING generation`,
    (rows) =>
      rows.length === 1
        ? Effect.void
        : Effect.fail(
            SyncStoreError.fail(
              "Fenced",
              `lease generation ${lease.generation} of ${lease.connectionId} is no longer current`,
            ),
          ),
  );

/** Fails with `NotFound` unless the connection exists. */
export const requireConnection = (sql: SqlClient, id: Ids.ConnectionId) =>
  Effect.flatMap(sql`SELECT 1 AS found FROM hr_connections WHERE id = ${id}`, (rows) =>
    rows.length > 0 ? Effect.void : Effect.fail(SyncStoreError.fail("NotFound", `no connection ${id}`)),
  );

/** A number from a driver value (Postgres returns BIGINT as text). */
export const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));

/** A nullable number from a driver value. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

/** A page size within bounds. */
export const clampLimit = (limit: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));

/**
 * Takes SQLite's write lock as the first statement of a transaction that reads before it writes, so a
 * concurrent writer in another process makes it wait (busy timeout) instead of failing its upgrade.
 * Postgres needs nothing: its row locks are taken by the writes themselves.
 */
export const writeLock = (sql: SqlClient) =>
  sql.onDialectOrElse({
    sqlite: () => Effect.asVoid(sql`UPDATE hr_leases SET generation = generation WHERE 0 = 1`),
    orElse: () => Effect.void,
  });
