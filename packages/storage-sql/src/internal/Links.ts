/** The do-not-import list and the audit log of the SQL store (SPEC E10, E11). */
import type { Ids } from "@harvest-runn/domain";
import type { Links, SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import {
  clampLimit,
  type Deps,
  mapErrors,
  now,
  num,
  numOrNull,
  requireConnection,
  writeLock,
} from "./Support.ts";

interface AuditRow {
  readonly seq: unknown;
  readonly connection_id: string;
  readonly at: string;
  readonly action: string;
  readonly kind: string;
  readonly harvest_id: unknown;
  readonly runn_id: unknown;
  readonly actor: string | null;
  readonly note: string | null;
}

const toAudit = (r: AuditRow): Links.AuditEntry => ({
  seq: num(r.seq),
  connectionId: r.connection_id as Ids.ConnectionId,
  at: r.at,
  action: r.action as Links.AuditAction,
  kind: r.kind as Links.ImportKind,
  harvestId: numOrNull(r.harvest_id),
  runnId: numOrNull(r.runn_id),
  actor: r.actor,
  note: r.note,
});

/** The do-not-import part of the SQL store. */
export const makeDoNotImport = ({ sql }: Deps): SyncStore.DoNotImportStore => ({
  add: Effect.fn("SyncStore.doNotImport.add")(function* (id, entries) {
    const t = yield* now;
    yield* sql
      .withTransaction(
        Effect.gen(function* () {
          yield* writeLock(sql);
          yield* requireConnection(sql, id);
          for (const e of entries) {
            yield* sql`INSERT INTO hr_do_not_import ${sql.insert({
              connection_id: id,
              kind: e.kind,
              harvest_id: e.harvestId,
              note: e.note ?? null,
              run_id: e.runId ?? null,
              added_at: t.iso,
            })} ON CONFLICT (connection_id, kind, harvest_id) DO NOTHING`;
          }
        }),
      )
      .pipe(mapErrors("doNotImport.add"));
  }),
  remove: Effect.fn("SyncStore.doNotImport.remove")(function* (id, keys) {
    yield* sql
      .withTransaction(
        Effect.gen(function* () {
          yield* writeLock(sql);
          yield* requireConnection(sql, id);
          for (const k of keys) {
            yield* sql`DELETE FROM hr_do_not_import
              WHERE connection_id = ${id} AND kind = ${k.kind} AND harvest_id = ${k.harvestId}`;
          }
        }),
      )
      .pipe(mapErrors("doNotImport.remove"));
  }),
  list: Effect.fn("SyncStore.doNotImport.list")(function* (id) {
    const rows = yield* Effect.zipRight(
      requireConnection(sql, id),
      sql<{
        kind: string;
        harvest_id: unknown;
        note: string | null;
        run_id: string | null;
        added_at: string;
      }>`
        SELECT kind, harvest_id, note, run_id, added_at FROM hr_do_not_import
        WHERE connection_id = ${id} ORDER BY kind, harvest_id`,
    ).pipe(mapErrors("doNotImport.list"));
    return rows.map(
      (r): Links.DoNotImport => ({
        kind: r.kind as Links.ImportKind,
        harvestId: num(r.harvest_id),
        note: r.note,
        runId: r.run_id as Ids.RunId | null,
        addedAt: r.added_at,
      }),
    );
  }),
});

/** The audit log part of the SQL store. */
export const makeAudit = ({ sql }: Deps): SyncStore.AuditLog => ({
  record: Effect.fn("SyncStore.audit.record")(function* (id, entry) {
    const t = yield* now;
    const rows = yield* Effect.zipRight(
      requireConnection(sql, id),
      sql<AuditRow>`INSERT INTO hr_audit ${sql.insert({
        connection_id: id,
        at: t.iso,
        action: entry.action,
        kind: entry.kind,
        harvest_id: entry.harvestId,
        runn_id: entry.runnId,
        actor: entry.actor ?? null,
        note: entry.note ?? null,
      })} RETURNING seq, connection_id, at, action, kind, harvest_id, runn_id, actor, note`,
    ).pipe(mapErrors("audit.record"));
    return toAudit(rows[0]!);
  }),
  list: Effect.fn("SyncStore.audit.list")(function* (id, page) {
    const rows = yield* Effect.zipRight(
      requireConnection(sql, id),
      sql<AuditRow>`SELECT seq, connection_id, at, action, kind, harvest_id, runn_id, actor, note FROM hr_audit
        WHERE connection_id = ${id} AND ${page?.before === undefined ? sql`1 = 1` : sql`seq < ${page.before}`}
        ORDER BY seq DESC LIMIT ${clampLimit(page?.limit, 50, 1000)}`,
    ).pipe(mapErrors("audit.list"));
    return rows.map(toAudit);
  }),
});
