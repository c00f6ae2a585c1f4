/**
 * The actuals ledger of the SQL store (SPEC A6, A8): one row per key, with the Harvest entry ids that
 * made it (the sync finds the day an entry moved away from in the ledger it loads). Writes run in one
 * transaction behind the fence, in multi-row chunks. Days are stored as integers
 * (days since 1970-01-01): smaller keys, and integer order is date order.
 */
import { Batch, type Ids, type Ledger } from "@harvest-runn/domain";
import type { SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import * as LedgerSql from "./LedgerSql.ts";
import { type Deps, fence, mapErrors, now, num, numOrNull } from "./Support.ts";

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

/** The ledger part of the SQL store. */
export const makeLedger = ({ sql }: Deps): SyncStore.LedgerStore => {
  const q = LedgerSql.make(sql);

  const row = (e: SyncStore.LedgerWrite): LedgerSql.Row => {
    const [day, person, project, role] = LedgerSql.keyRow(e.key);
    const ids = distinct(e.harvestEntryIds).join(",");
    return [day, person, project, role, e.billableMinutes, e.nonbillableMinutes, e.runnActualId, ids];
  };

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
            for (const chunk of Batch.chunks([...unique.values()], q.chunk)) {
              yield* q.upsert(lease.connectionId, chunk.map(row), t.ms);
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
            for (const chunk of Batch.chunks(keys.map(LedgerSql.keyRow), q.chunk)) {
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
  };
};
