/**
 * The ledger's bulk statements, one builder per dialect. SQLite gets multi-row `VALUES` lists (prepared
 * once per chunk size and reused); Postgres gets one array parameter per column through `unnest`.
 */
import type { SqlClient } from "@effect/sql/SqlClient";
import type { Ids, Ledger } from "@harvest-runn/domain";
import type { Effect } from "effect";

/** One ledger row in column order. */
export type Row = readonly [
  day: number,
  person: number,
  project: number,
  role: number,
  billable: number,
  nonbillable: number,
  runnActualId: number | null,
  entryIds: string,
];

/** A key in column order. */
export type KeyRow = readonly [day: number, person: number, project: number, role: number];

type Run = (text: string, params: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<unknown>, unknown>;

/** The statements the ledger runs, per dialect. */
export interface LedgerSql {
  readonly chunk: number;
  readonly upsert: (conn: string, rows: ReadonlyArray<Row>, at: number) => Effect.Effect<unknown, unknown>;
  readonly deleteKeys: (conn: string, keys: ReadonlyArray<KeyRow>) => Effect.Effect<unknown, unknown>;
}

const keyCols = "day, person_id, project_id, role_id";
const keyMatch = (a: string, b: string) =>
  `${a}.day = ${b}.day AND ${a}.person_id = ${b}.person_id AND ${a}.project_id = ${b}.project_id AND ${a}.role_id = ${b}.role_id`;
const upsertTail = `ON CONFLICT (connection_id, ${keyCols}) DO UPDATE SET billable = excluded.billable,
  nonbillable = excluded.nonbillable, runn_actual_id = excluded.runn_actual_id,
  entry_ids = excluded.entry_ids, written_at = excluded.written_at`;

const tuples = (rows: number, width: number) => {
  const one = `(${Array.from({ length: width }, () => "?").join(",")})`;
  return Array.from({ length: rows }, () => one).join(",");
};

const flat = (rows: ReadonlyArray<ReadonlyArray<unknown>>, head: ReadonlyArray<unknown> = []) => {
  const out: Array<unknown> = [...head];
  for (const r of rows) for (const v of r) out.push(v);
  return out;
};

/** Standard SQL with row values (SQLite): `(a, b) IN (VALUES (?, ?), …)`. */
const rowValues = (run: Run): LedgerSql => ({
  chunk: 1000,
  upsert: (conn, rows, at) =>
    run(
      `INSERT INTO hr_ledger (connection_id, ${keyCols}, billable, nonbillable, runn_actual_id, entry_ids, written_at)
       SELECT ?, column1, column2, column3, column4, column5, column6, column7, column8, ?
       FROM (VALUES ${tuples(rows.length, 8)}) WHERE true ${upsertTail}`,
      [conn, at, ...flat(rows)],
    ),
  deleteKeys: (conn, keys) =>
    run(
      `DELETE FROM hr_ledger WHERE connection_id = ? AND (${keyCols}) IN (VALUES ${tuples(keys.length, 4)})`,
      flat(keys, [conn]),
    ),
});

const column = <R extends ReadonlyArray<unknown>>(rows: ReadonlyArray<R>, i: number) => rows.map((r) => r[i]);
const keyArrays = "$2::int[], $3::bigint[], $4::bigint[], $5::bigint[]";
const columns = <R extends ReadonlyArray<unknown>>(rows: ReadonlyArray<R>, width: number) =>
  Array.from({ length: width }, (_, i) => column(rows, i));

/** Postgres: one array parameter per column, expanded with `unnest`. */
const arrays = (run: Run): LedgerSql => ({
  chunk: 20_000,
  upsert: (conn, rows, at) =>
    run(
      `INSERT INTO hr_ledger (connection_id, ${keyCols}, billable, nonbillable, runn_actual_id, entry_ids, written_at)
       SELECT $1::text, k.*, $10::bigint FROM unnest(${keyArrays}, $6::int[], $7::int[], $8::bigint[], $9::text[]) AS k
       ${upsertTail}`,
      [conn, ...columns(rows, 8), at],
    ),
  deleteKeys: (conn, keys) =>
    run(
      `DELETE FROM hr_ledger l USING unnest(${keyArrays}) AS k(${keyCols})
       WHERE l.connection_id = $1 AND ${keyMatch("l", "k")}`,
      [conn, ...columns(keys, 4)],
    ),
});

/** The ledger statements for the client's dialect. */
export const make = (sql: SqlClient): LedgerSql => {
  const run: Run = (text, params) => sql.unsafe(text, params);
  return sql.onDialectOrElse({ pg: () => arrays(run), orElse: () => rowValues(run) });
};

const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, Ids.IsoDate>();

/** A date as days since 1970-01-01, the form the ledger stores (smaller keys, integer order = date order). */
export const dayNumber = (date: string): number => {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    if (dayNumbers.size < 100_000) dayNumbers.set(date, n);
  }
  return n;
};

/** Days since 1970-01-01 back to a date. */
export const dayText = (n: number): Ids.IsoDate => {
  let text = dayTexts.get(n);
  if (text === undefined) {
    text = new Date(n * 86_400_000).toISOString().slice(0, 10) as Ids.IsoDate;
    if (dayTexts.size < 100_000) dayTexts.set(n, text);
  }
  return text;
};

/** A key as a row. */
export const keyRow = (k: Ledger.ActualKey): KeyRow => [dayNumber(k.date), k.personId, k.projectId, k.roleId];
