/**
 * Benchmark of the SQL store's actuals ledger (DESIGN.md budgets): writes a ledger of N keys in one
 * `upsert` (one transaction, multi-row chunks) and reads it back with one `load`, on SQLite (temp file)
 * and on Postgres when DATABASE_URL is set (in a throwaway schema).
 *
 *   pnpm bench:storage [--keys N] [--preset tiny]     (default 1,000,000 keys; tiny = 10,000)
 *
 * Budget: SQLite writes 1M keys in ≤ 20 s and reads them back in ≤ 5 s. The last lines printed are one
 * JSON object per adapter: {"adapter","keys","writeMs","readMs"}.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { Effect, type Layer, Redacted } from "effect";
import { SecretBox, SyncStore } from "../packages/storage/src/index.ts";
import * as Fixtures from "../packages/storage/src/testing/Fixtures.ts";
import { SyncStoreSql } from "../packages/storage-sql/src/index.ts";

interface Result {
  readonly adapter: string;
  readonly keys: number;
  readonly writeMs: number;
  readonly readMs: number;
}

/** CPU time of this process since `from`, in ms (the wall time also counts waiting for the machine). */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return Math.round((d.user + d.system) / 1000);
};
const cpu = new Map<string, { write: number; read: number }>();

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const keys = Number(arg("keys") ?? (arg("preset") === "tiny" ? 10_000 : 1_000_000));
if (!Number.isInteger(keys) || keys <= 0)
  throw new Error(`--keys must be a positive integer, got ${arg("keys")}`);

const measure = (adapter: string, layer: Layer.Layer<SyncStore.SyncStore, unknown>) =>
  Effect.gen(function* () {
    const store = yield* SyncStore.SyncStore;
    const connection = yield* store.connections.create(Fixtures.connection());
    const lease = yield* store.leases.acquire({
      connectionId: connection.id,
      holder: "bench",
      ttl: "1 hour",
    });
    const rows = Fixtures.ledgerRows(keys);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    yield* store.ledger.upsert(lease, rows);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const loaded = yield* store.ledger.load(connection.id);
    const t2 = performance.now();
    cpu.set(adapter, { write: cpuMs(c0), read: cpuMs(c1) });
    if (loaded.length !== keys) throw new Error(`${adapter}: read back ${loaded.length} keys, wrote ${keys}`);
    return { adapter, keys, writeMs: Math.round(t1 - t0), readMs: Math.round(t2 - t1) } satisfies Result;
  }).pipe(Effect.provide(layer));

const sqlite = Effect.suspend(() => {
  const dir = mkdtempSync(join(tmpdir(), "harvest-runn-bench-"));
  const layer = SyncStoreSql.layerSqlite({
    filename: join(dir, "state.db"),
    secretKey: SecretBox.generateKey(),
  });
  return measure("sqlite", layer).pipe(Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true }))));
});

const pg = (url: string) => {
  const schema = `hr_bench_${randomBytes(4).toString("hex")}`;
  const layer = SyncStoreSql.layerPg({ url: Redacted.make(url), schema, secretKey: SecretBox.generateKey() });
  const drop = Effect.orDie(SyncStoreSql.dropPgSchema({ url: Redacted.make(url), schema }));
  return measure("pg", layer).pipe(Effect.ensuring(drop));
};

const program = Effect.gen(function* () {
  const results: Array<Result> = [yield* sqlite];
  const url = process.env.DATABASE_URL;
  if (url) results.push(yield* pg(url));
  else console.log("pg: skipped (DATABASE_URL is not set)");
  const cols = ["adapter", "keys", "write ms", "read ms", "write cpu ms", "read cpu ms", "keys/s written"];
  console.log(cols.map((c) => c.padEnd(15)).join(""));
  for (const r of results) {
    const c = cpu.get(r.adapter);
    const rate = Math.round(r.keys / (r.writeMs / 1000));
    const cells = [r.adapter, r.keys, r.writeMs, r.readMs, c?.write, c?.read, rate];
    console.log(cells.map((v) => String(v).padEnd(15)).join(""));
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs`,
  );
  for (const r of results) console.log(JSON.stringify(r));
});

Effect.runPromise(program).catch((e) => {
  console.error(e);
  process.exit(1);
});
