/**
 * What the SQL store leaves in its tables: no token in plaintext (SPEC C3), migrations that a second
 * start does not repeat, and nothing of a deleted connection (SPEC R9).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SqlClient } from "@effect/sql/SqlClient";
import { describe, expect, it } from "@effect/vitest";
import { SyncStore } from "@harvest-runn/storage";
import { Fixtures } from "@harvest-runn/storage/testing";
import { Effect, Layer, Redacted } from "effect";
import { connectionTables, hostTables, table as migrationsTable } from "../src/internal/Migrations.ts";
import * as Adapters from "./support/Adapters.ts";

const adapters = Adapters.available("tables");
if (adapters.length === 0) describe.skip("SQL tables", () => it("no SQL adapter selected", () => {}));

/** Fills every table with rows of one connection; returns it and its tokens. */
const populate = Effect.gen(function* () {
  const store = yield* SyncStore.SyncStore;
  const input = Fixtures.connection();
  const connection = yield* store.connections.create(input);
  const lease = yield* store.leases.acquire({ connectionId: connection.id, holder: "h", ttl: "1 minute" });
  yield* store.settings.put(connection.id, { ...(yield* store.settings.get(connection.id)), windowDays: 30 });
  yield* store.cursors.set(lease, "harvest.time_entries", "2026-01-01T00:00:00Z");
  const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
  yield* store.runs.append(lease, run.id, [
    Fixtures.item(),
    Fixtures.item({ outcome: "held", reason: "unknown_role" }),
  ]);
  yield* store.progress.put(lease, {
    runId: run.id,
    connectionId: connection.id,
    phase: "people",
    entities: { done: 1, total: 1 },
    actuals: { done: 0, total: 0 },
    requests: { done: 1, total: 1 },
    writesStartedAt: null,
  });
  yield* store.runs.finish(lease, run.id, { status: "succeeded", succeeded: ["people"] });
  yield* store.ledger.upsert(lease, Fixtures.ledgerRows(25));
  yield* store.doNotImport.add(connection.id, [{ kind: "person", harvestId: 9 }]);
  yield* store.audit.record(connection.id, { action: "link", kind: "person", harvestId: 9, runnId: 90 });
  yield* store.savedPlans.put({
    id: `plan-${connection.id}`,
    connectionId: connection.id,
    status: "done",
    result: { writes: 0 },
    error: null,
    ttl: "1 hour",
  });
  yield* store.recorded.put(connection.id, "projects", [{ harvestId: 1, name: "Platform 7" }]);
  return { connection, input };
});

describe.each(adapters.map((a) => [a.name, a] as const))("SQL tables: %s", (name, adapter) => {
  const run = <A, E>(effect: Effect.Effect<A, E, SyncStore.SyncStore | SqlClient>) =>
    Effect.runPromise(Effect.provide(effect, Layer.merge(adapter.store(), adapter.raw)));

  it("the raw tables hold no token in plaintext, yet getSecrets returns them", async () => {
    const { input, secrets, dumps } = await run(
      Effect.gen(function* () {
        const { connection, input } = yield* populate;
        const store = yield* SyncStore.SyncStore;
        const secrets = yield* store.connections.getSecrets(connection.id);
        const dumps = yield* Effect.forEach(connectionTables, ([t]) => Adapters.dump(t));
        return { input, secrets, dumps: dumps.join("\n") };
      }),
    );
    const tokens = [Redacted.value(input.harvest.token), Redacted.value(input.runn.token)];
    expect([Redacted.value(secrets.harvestToken), Redacted.value(secrets.runnToken)]).toEqual(tokens);
    expect(dumps).toContain(input.harvest.userAgent);
    for (const token of tokens) expect(dumps).not.toContain(token);
    if (name === "sqlite") {
      const dir = dirname(String(adapter.worker.filename));
      const bytes = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f)).toString("latin1"))
        .join("");
      expect(bytes).toContain(input.harvest.userAgent);
      for (const token of tokens) expect(bytes).not.toContain(token);
    }
  });

  it("migrations are idempotent: a second start on the same database applies none", async () => {
    const first = await run(
      Effect.flatMap(SyncStore.SyncStore, (s) => s.connections.create(Fixtures.connection())),
    );
    const applied = await run(
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const sql = yield* SqlClient;
        expect((yield* store.connections.get(first.id)).name).toBe(first.name);
        return yield* sql<{ migration_id: number }>`SELECT migration_id FROM ${sql(migrationsTable)}`;
      }),
    );
    expect(applied.map((r) => Number(r.migration_id)).sort((a, b) => a - b)).toEqual([1, 5, 6, 7, 8]);
  });

  it("deleting a connection leaves none of its rows in any table", async () => {
    const counts = await run(
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const sql = yield* SqlClient;
        const gone = (yield* populate).connection.id;
        const kept = (yield* populate).connection.id;
        yield* store.connections.delete(gone);
        return yield* Effect.forEach(connectionTables, ([t, column]) =>
          Effect.map(
            sql<{
              id: unknown;
            }>`SELECT ${sql(column)} AS id FROM ${sql(t)} WHERE ${sql(column)} IN (${gone}, ${kept})`,
            (rows) =>
              [
                t,
                rows.filter((r) => r.id === gone).length,
                rows.filter((r) => r.id === kept).length,
              ] as const,
          ),
        );
      }),
    );
    const tables = await run(
      Effect.gen(function* () {
        const sql = yield* SqlClient;
        const rows = yield* sql.onDialectOrElse({
          pg: () => sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema()`,
          orElse: () => sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`,
        });
        return rows
          .map((r) => r.name)
          .filter((n) => n.startsWith("hr_") && n !== migrationsTable && !hostTables.includes(n));
      }),
    );
    expect(counts.map(([t]) => t).sort()).toEqual([...tables].sort());
    for (const [t, gone, kept] of counts) {
      expect({ t, gone }).toEqual({ t, gone: 0 });
      expect({ t, kept: kept > 0 }).toEqual({ t, kept: true });
    }
  });

  it("run items carry one secondary index, (connection_id, at), which a connection's prune goes through", async () => {
    const { indexes, plan } = await run(
      Effect.gen(function* () {
        const sql = yield* SqlClient;
        yield* populate;
        const indexes = yield* sql.onDialectOrElse({
          pg: () => sql<{
            name: string;
            def: string;
          }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = 'hr_run_items' AND indexname <> 'hr_run_items_pkey'`,
          orElse: () => sql<{ name: string; def: string }>`SELECT name, sql AS def FROM sqlite_master
            WHERE type = 'index' AND tbl_name = 'hr_run_items' AND sql IS NOT NULL`,
        });
        const plan = yield* sql.onDialectOrElse({
          pg: () => Effect.succeed([] as ReadonlyArray<{ detail: string }>),
          orElse: () => sql<{ detail: string }>`EXPLAIN QUERY PLAN
            DELETE FROM hr_run_items WHERE connection_id = ${"c"} AND at < ${"2026-01-01"}`,
        });
        return { indexes, plan: plan.map((p) => p.detail).join("\n") };
      }),
    );
    expect(indexes.map((i) => i.name)).toEqual(["hr_run_items_connection_at"]);
    expect(indexes[0]?.def.replace(/\s+/g, " ")).toMatch(/\(connection_id, at\)/);
    if (name === "sqlite")
      expect(plan).toContain("USING INDEX hr_run_items_connection_at (connection_id=? AND at<?)");
  });
});
