/** Runs and run items of the SQL store (SPEC R1, R5, R9). */
import { randomUUID } from "node:crypto";
import type { Fragment } from "@effect/sql/Statement";
import { Batch, type Ids, type Ledger, type Reason, type ReconcileOptions } from "@harvest-runn/domain";
import { Run, type SyncStore, SyncStoreError } from "@harvest-runn/storage";
import { Duration, Effect } from "effect";
import {
  clampLimit,
  type Deps,
  fence,
  mapErrors,
  now,
  num,
  numOrNull,
  requireConnection,
  writeLock,
} from "./Support.ts";

interface RunRow {
  readonly id: string;
  readonly connection_id: string;
  readonly run_number: unknown;
  readonly run_trigger: string;
  readonly scope: string;
  readonly status: string;
  readonly generation: unknown;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly counts: string;
  readonly error: string | null;
}

const runColumns =
  "id, connection_id, run_number, run_trigger, scope, status, generation, started_at, finished_at, counts, error";

const toRun = (r: RunRow): Run.Run => ({
  id: r.id as Ids.RunId,
  connectionId: r.connection_id as Ids.ConnectionId,
  number: num(r.run_number),
  trigger: r.run_trigger as ReconcileOptions.Trigger,
  scope: JSON.parse(r.scope),
  status: r.status as Run.RunStatus,
  generation: num(r.generation),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: { ...Run.zeroCounts, ...JSON.parse(r.counts) },
  error: r.error,
});

interface ItemRow {
  readonly run_id: string;
  readonly seq: unknown;
  readonly outcome: string;
  readonly kind: string;
  readonly harvest_id: unknown;
  readonly runn_id: unknown;
  readonly actual_key: string | null;
  readonly reason: string | null;
  readonly message: string | null;
  readonly detail: string;
  readonly at: string;
}

const toItem = (r: ItemRow): Run.Item => ({
  runId: r.run_id as Ids.RunId,
  seq: num(r.seq),
  outcome: r.outcome as Run.Outcome,
  kind: r.kind as Run.ItemKind,
  harvestId: numOrNull(r.harvest_id),
  runnId: numOrNull(r.runn_id),
  actualKey: r.actual_key === null ? null : (JSON.parse(r.actual_key) as Ledger.ActualKey),
  reason: r.reason as Reason.ReasonCode | null,
  message: r.message,
  detail: JSON.parse(r.detail),
  at: r.at,
});

const asList = <A>(v: A | ReadonlyArray<A> | undefined): ReadonlyArray<A> | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? (v as ReadonlyArray<A>) : [v as A];

/** The runs part of the SQL store. */
export const makeRuns = ({ sql }: Deps): SyncStore.Runs => {
  const runById = (runId: Ids.RunId) =>
    Effect.flatMap(sql<RunRow>`SELECT ${sql.literal(runColumns)} FROM hr_runs WHERE id = ${runId}`, (rows) =>
      rows[0]
        ? Effect.succeed(toRun(rows[0]))
        : Effect.fail(SyncStoreError.fail("NotFound", `no run ${runId}`)),
    );
  const ownRun = (runId: Ids.RunId, connectionId: Ids.ConnectionId) =>
    Effect.filterOrFail(
      runById(runId),
      (run) => run.connectionId === connectionId,
      () => SyncStoreError.fail("NotFound", `no run ${runId}`),
    );
  /** Inserts a new run numbered after the connection's last one (inside the caller's transaction). */
  const insertRun = (r: {
    readonly id: Ids.RunId;
    readonly connectionId: Ids.ConnectionId;
    readonly input: { readonly trigger: string; readonly scope?: unknown };
    readonly status: "running" | "queued";
    readonly generation: number;
    readonly at: string;
  }) =>
    Effect.gen(function* () {
      const [next] = yield* sql<{ n: unknown }>`
        SELECT COALESCE(MAX(run_number), 0) + 1 AS n FROM hr_runs WHERE connection_id = ${r.connectionId}`;
      yield* sql`INSERT INTO hr_runs ${sql.insert({
        id: r.id,
        connection_id: r.connectionId,
        run_number: num(next?.n ?? 1),
        run_trigger: r.input.trigger,
        scope: JSON.stringify(r.input.scope ?? null),
        status: r.status,
        generation: r.generation,
        started_at: r.at,
        finished_at: null,
        counts: JSON.stringify(Run.zeroCounts),
        error: null,
      })}`;
    });
  return {
    start: Effect.fn("SyncStore.runs.start")(function* (lease, input) {
      const t = yield* now;
      const id = randomUUID() as Ids.RunId;
      return yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* fence(sql, lease);
            if (input.requested !== undefined) {
              const adopted = yield* sql<{ id: string }>`UPDATE hr_runs SET status = 'running',
                run_trigger = ${input.trigger}, scope = ${JSON.stringify(input.scope ?? null)},
                generation = ${lease.generation}, started_at = ${t.iso}
                WHERE id = ${input.requested} AND connection_id = ${lease.connectionId} AND status = 'queued'
                RETURNING id`;
              if (adopted.length === 0)
                return yield* SyncStoreError.fail("NotFound", `no queued run ${input.requested}`);
              return yield* runById(input.requested);
            }
            yield* insertRun({
              id,
              connectionId: lease.connectionId,
              input,
              status: "running",
              generation: lease.generation,
              at: t.iso,
            });
            return yield* runById(id);
          }),
        )
        .pipe(mapErrors("runs.start"));
    }),
    request: Effect.fn("SyncStore.runs.request")(function* (connectionId, input) {
      const t = yield* now;
      const id = randomUUID() as Ids.RunId;
      return yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* writeLock(sql);
            yield* requireConnection(sql, connectionId);
            yield* insertRun({ id, connectionId, input, status: "queued", generation: 0, at: t.iso });
            return yield* runById(id);
          }),
        )
        .pipe(mapErrors("runs.request"));
    }),
    discard: Effect.fn("SyncStore.runs.discard")(function* (runId) {
      yield* sql`DELETE FROM hr_runs WHERE id = ${runId} AND status = 'queued'`.pipe(
        mapErrors("runs.discard"),
      );
    }),
    append: Effect.fn("SyncStore.runs.append")(function* (lease, runId, items) {
      const t = yield* now;
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* fence(sql, lease);
            const counted = yield* sql<{ item_count: unknown }>`
              UPDATE hr_runs SET item_count = item_count + ${items.length}
              WHERE id = ${runId} AND connection_id = ${lease.connectionId} RETURNING item_count`;
            if (!counted[0]) return yield* Effect.fail(SyncStoreError.fail("NotFound", `no run ${runId}`));
            let seq = num(counted[0].item_count) - items.length;
            for (const chunk of Batch.chunks(items, 500)) {
              yield* sql`INSERT INTO hr_run_items ${sql.insert(
                chunk.map((i) => ({
                  run_id: runId,
                  seq: ++seq,
                  connection_id: lease.connectionId,
                  outcome: i.outcome,
                  kind: i.kind,
                  harvest_id: i.harvestId,
                  runn_id: i.runnId,
                  actual_key: i.actualKey === null ? null : JSON.stringify(i.actualKey),
                  reason: i.reason,
                  message: i.message,
                  detail: JSON.stringify(i.detail ?? null),
                  at: t.iso,
                })),
              )}`;
            }
          }),
        )
        .pipe(mapErrors("runs.append"));
    }),
    finish: Effect.fn("SyncStore.runs.finish")(function* (lease, runId, finish) {
      const t = yield* now;
      return yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* fence(sql, lease);
            yield* ownRun(runId, lease.connectionId);
            const grouped = yield* sql<{ outcome: Run.Outcome; n: unknown }>`
              SELECT outcome, COUNT(*) AS n FROM hr_run_items WHERE run_id = ${runId} GROUP BY outcome`;
            const counts = { ...Run.zeroCounts };
            for (const g of grouped) counts[g.outcome] = num(g.n);
            yield* sql`UPDATE hr_runs SET ${sql.update({
              status: finish.status,
              finished_at: t.iso,
              counts: JSON.stringify(counts),
              error: finish.error ?? null,
            })} WHERE id = ${runId}`;
            for (const type of finish.succeeded ?? []) {
              yield* sql`INSERT INTO hr_last_success (connection_id, entity_type, at, run_id)
                VALUES (${lease.connectionId}, ${type}, ${t.iso}, ${runId})
                ON CONFLICT (connection_id, entity_type) DO UPDATE SET at = excluded.at, run_id = excluded.run_id`;
            }
            return yield* runById(runId);
          }),
        )
        .pipe(mapErrors("runs.finish"));
    }),
    list: Effect.fn("SyncStore.runs.list")(function* (id, page) {
      const limit = clampLimit(page?.limit, 20, 200);
      const before = page?.before === undefined ? sql`1 = 1` : sql`run_number < ${page.before}`;
      const rows = yield* Effect.zipRight(
        requireConnection(sql, id),
        sql<RunRow>`SELECT ${sql.literal(runColumns)} FROM hr_runs
          WHERE connection_id = ${id} AND ${before} ORDER BY run_number DESC LIMIT ${limit + 1}`,
      ).pipe(mapErrors("runs.list"));
      const runs = rows.slice(0, limit).map(toRun);
      return { runs, next: rows.length > limit ? (runs[runs.length - 1]?.number ?? null) : null };
    }),
    get: Effect.fn("SyncStore.runs.get")(function* (runId, filter) {
      const limit = clampLimit(filter?.limit, 500, 5000);
      const outcomes = asList(filter?.outcome);
      const reasons = asList(filter?.reason);
      const where: Array<Fragment> = [sql`run_id = ${runId}`, sql`seq > ${filter?.after ?? 0}`];
      if (outcomes) where.push(outcomes.length ? sql.in("outcome", outcomes) : sql`1 = 0`);
      if (reasons) where.push(reasons.length ? sql.in("reason", reasons) : sql`1 = 0`);
      const [run, rows] = yield* Effect.all([
        runById(runId),
        sql<ItemRow>`SELECT * FROM hr_run_items WHERE ${sql.and(where)} ORDER BY seq LIMIT ${limit + 1}`,
      ]).pipe(mapErrors("runs.get"));
      const items = rows.slice(0, limit).map(toItem);
      return { run, items, next: rows.length > limit ? (items[items.length - 1]?.seq ?? null) : null };
    }),
    lastSuccess: Effect.fn("SyncStore.runs.lastSuccess")(function* (id) {
      const rows = yield* Effect.zipRight(
        requireConnection(sql, id),
        sql<{ entity_type: ReconcileOptions.EntityType; at: string; run_id: string }>`
          SELECT entity_type, at, run_id FROM hr_last_success WHERE connection_id = ${id}`,
      ).pipe(mapErrors("runs.lastSuccess"));
      return Object.fromEntries(rows.map((r) => [r.entity_type, { at: r.at, runId: r.run_id as Ids.RunId }]));
    }),
    pruneItems: Effect.fn("SyncStore.runs.pruneItems")(function* (olderThan, connectionId) {
      const t = yield* now;
      const cutoff = new Date(t.ms - Duration.toMillis(olderThan)).toISOString();
      const result = yield* (
        connectionId === undefined
          ? sql`DELETE FROM hr_run_items WHERE at < ${cutoff}`
          : sql`DELETE FROM hr_run_items WHERE connection_id = ${connectionId} AND at < ${cutoff}`
      ).raw.pipe(mapErrors("runs.pruneItems"));
      return sql.onDialectOrElse({
        sqlite: () => num((result as { changes: number }).changes),
        orElse: () => num((result as { rowCount: number | null }).rowCount ?? 0),
      });
    }),
  };
};
