/**
 * The actuals ledger of the SQL store (SPEC A6, A8): one row per key, plus an index of Harvest entry
 * ids → keys kept in step with it, so `byEntryIds` finds the day an entry moved away from.
 * Writes run in one transaction behind the fence, in multi-row chunks. Days are stored as integers
 * (days since 1970-01-01): smaller keys, and integer order is date order.
 */
import type { Ids, Ledger } from "@harvest-runn/domain";
import type { SyncStore } from "@harvest-runn/storage";
import { Array as Arr, Effect } from "effect";
import * as LedgerSql from "./LedgerSql.ts";
import { type Deps, fence, mapErrors, now, num, numOrNull } from "./Support.ts";

const keyOf = (day: unknown, person: unknown, project: unknown, role: unknown) =>
  `${num(person)}:${num(project)}:${num(role)}:${num(day)}`;

const parseIds = (text: string): ReadonlyArray<Ids.HarvestTimeEntryId> =>
  (text === ""
    ? []
    : text.indexOf(",") < 0
      ? [Number(text)]
      : text.split(",").map(Number)) as unknown as ReadonlyArray<Ids.HarvestTimeEntryId>;

/** The distinct ids of a row, in order. */
const distinct = (ids: ReadonlyArray<number>): ReadonlyArray<number> =>
  ids.length < 2 ? ids : [...new Set(ids)];

/** Maps rows to entries; `written_at` repeats across a batch, so its ISO text is computed once per value. */
const entries = (rows: ReadonlyArray<ReadonlyArray<unknown>>): Array<Ledger.LedgerEntry> => {
  let lastMs: unknown;
  let lastIso = "";
  const out = new Array<Ledger.LedgerEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]!;
    if (v[8] !== lastMs) {
      lastMs = v[8];
      lastIso = new Date(num(lastMs)).toISOString();
    }
    out[i] = {
      key: {
        personId: num(v[1]) as Ids.RunnPersonId,
        projectId: num(v[2]) as Ids.RunnProjectId,
        roleId: num(v[3]) as Ids.RunnRoleId,
        date: LedgerSql.dayText(num(v[0])),
      },
      billableMinutes: num(v[4]),
      nonbillableMinutes: num(v[5]),
      runnActualId: numOrNull(v[6]) as Ids.RunnActualId | null,
      harvestEntryIds: parseIds(String(v[7])),
      writtenAt: lastIso,
    };
  }
  return out;
};

const selectColumns =
  "l.day, l.person_id, l.project_id, l.role_id, l.billable, l.nonbillable, l.runn_actual_id, l.entry_ids, l.written_at";

const byKey = (a: Ledger.LedgerEntry, b: Ledger.LedgerEntry) =>
  (a.key.date < b.key.date ? -1 : a.key.date > b.key.date ? 1 : 0) ||
  a.key.personId - b.key.personId ||
  a.key.projectId - b.key.projectId ||
  a.key.roleId - b.key.roleId;

/** The ledger part of the SQL store. */
export const makeLedger = ({ sql }: Deps): SyncStore.LedgerStore => {
  const q = LedgerSql.make(sql);

  /** Entry ids of `keys` as stored now, by key. */
  const storedEntries = (conn: Ids.ConnectionId, keys: ReadonlyArray<LedgerSql.KeyRow>) =>
    Effect.map(q.lookup(conn, keys), (rows) => {
      const out = new Map<string, ReadonlyArray<number>>();
      for (const r of rows as ReadonlyArray<Record<string, unknown>>) {
        out.set(keyOf(r.day, r.person_id, r.project_id, r.role_id), parseIds(String(r.entry_ids)));
      }
      return out;
    });

  const noneStored = Effect.succeed(new Map<string, ReadonlyArray<number>>());

  const writeChunk = (
    conn: Ids.ConnectionId,
    chunk: ReadonlyArray<SyncStore.LedgerWrite>,
    at: number,
    empty: boolean,
  ) =>
    Effect.gen(function* () {
      const keys = chunk.map((e) => LedgerSql.keyRow(e.key));
      const before = yield* empty ? noneStored : storedEntries(conn, keys);
      const removed: Array<LedgerSql.EntryRow> = [];
      const added: Array<LedgerSql.EntryRow> = [];
      const rows: Array<LedgerSql.Row> = [];
      for (let i = 0; i < chunk.length; i++) {
        const e = chunk[i]!;
        const [day, person, project, role] = keys[i]!;
        const next = distinct(e.harvestEntryIds);
        const stored = before.size === 0 ? undefined : before.get(keyOf(day, person, project, role));
        if (stored === undefined) {
          for (const id of next) added.push([id, day, person, project, role]);
        } else {
          const old = new Set(stored);
          const fresh = new Set(next);
          for (const id of old) if (!fresh.has(id)) removed.push([id, day, person, project, role]);
          for (const id of fresh) if (!old.has(id)) added.push([id, day, person, project, role]);
        }
        rows.push([
          day,
          person,
          project,
          role,
          e.billableMinutes,
          e.nonbillableMinutes,
          e.runnActualId,
          next.join(","),
        ]);
      }
      for (const part of Arr.chunksOf(removed, q.chunk)) yield* q.deleteEntries(conn, part);
      yield* q.upsert(conn, rows, at);
      for (const part of Arr.chunksOf(added, q.chunk)) yield* q.insertEntries(conn, part);
    });

  return {
    upsert: Effect.fn("SyncStore.ledger.upsert")(function* (lease, input) {
      const t = yield* now;
      const unique = new Map<string, SyncStore.LedgerWrite>();
      for (const e of input)
        unique.set(`${e.key.personId}:${e.key.projectId}:${e.key.roleId}:${e.key.date}`, e);
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* fence(sql, lease);
            const any =
              yield* sql`SELECT 1 AS found FROM hr_ledger WHERE connection_id = ${lease.connectionId} LIMIT 1`;
            for (const chunk of Arr.chunksOf([...unique.values()], q.chunk)) {
              yield* writeChunk(lease.connectionId, chunk, t.ms, any.length === 0);
            }
          }),
        )
        .pipe(mapErrors("ledger.upsert"));
    }),
    remove: Effect.fn("SyncStore.ledger.remove")(function* (lease, keys) {
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* fence(sql, lease);
            for (const chunk of Arr.chunksOf(keys.map(LedgerSql.keyRow), q.chunk)) {
              const before = yield* storedEntries(lease.connectionId, chunk);
              const entryRows: Array<LedgerSql.EntryRow> = [];
              for (const [day, person, project, role] of chunk) {
                for (const id of before.get(keyOf(day, person, project, role)) ?? []) {
                  entryRows.push([id, day, person, project, role]);
                }
              }
              for (const part of Arr.chunksOf(entryRows, q.chunk))
                yield* q.deleteEntries(lease.connectionId, part);
              yield* q.deleteKeys(lease.connectionId, chunk);
            }
          }),
        )
        .pipe(mapErrors("ledger.remove"));
    }),
    load: Effect.fn("SyncStore.ledger.load")(function* (id, range) {
      const from = range?.from === undefined ? -10_000_000 : LedgerSql.dayNumber(range.from);
      const to = range?.to === undefined ? 10_000_000 : LedgerSql.dayNumber(range.to);
      const rows = yield* sql`SELECT ${sql.literal(selectColumns)} FROM hr_ledger l
        WHERE l.connection_id = ${id} AND l.day >= ${from} AND l.day <= ${to}
        ORDER BY l.day, l.person_id, l.project_id, l.role_id`.values.pipe(mapErrors("ledger.load"));
      return entries(rows);
    }),
    byEntryIds: Effect.fn("SyncStore.ledger.byEntryIds")(function* (id, entryIds) {
      const found = new Map<string, Ledger.LedgerEntry>();
      for (const part of Arr.chunksOf([...new Set(entryIds)], 1000)) {
        const rows = yield* sql`SELECT DISTINCT ${sql.literal(selectColumns)} FROM hr_ledger l
          JOIN hr_ledger_entries e ON e.connection_id = l.connection_id AND e.day = l.day
            AND e.person_id = l.person_id AND e.project_id = l.project_id AND e.role_id = l.role_id
          WHERE e.connection_id = ${id} AND e.entry_id IN ${sql.in(part)}`.values.pipe(
          mapErrors("ledger.byEntryIds"),
        );
        for (const entry of entries(rows)) {
          found.set(
            `${entry.key.personId}:${entry.key.projectId}:${entry.key.roleId}:${entry.key.date}`,
            entry,
          );
        }
      }
      return [...found.values()].sort(byKey);
    }),
  };
};
