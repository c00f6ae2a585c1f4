/**
 * `pnpm bench:workers [--preset tiny] [--connections 50] [--workers 1,2,4] [--time-scale 20] [--seed 42]`:
 * syncs N sandbox accounts through the pg-boss queue with 1, 2 and 4 worker processes (a fresh
 * sandbox process, store schema and queue schema per pass; setup is not timed) and prints, as its
 * final lines, one JSON object per worker count:
 * {"workers","connections","timeScale","wallMs","runsPerMinute","requestsPerSecond"}.
 * Needs DATABASE_URL (eval "$(bash scripts/postgres.sh start)").
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Effect, Layer, ManagedRuntime, Redacted } from "effect";
import { SyncQueue } from "../packages/queue/src/index.ts";
import type { Control } from "../packages/sandbox/src/index.ts";
import { SecretBox } from "../packages/storage/src/index.ts";
import { SyncStoreSql } from "../packages/storage-sql/src/index.ts";
import { Clients, Sync } from "../packages/sync/src/index.ts";
import { SandboxAccounts } from "../packages/sync/src/testing/index.ts";
import * as Processes from "../packages/testing-support/src/Processes.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const preset = arg("preset", "tiny");
const connections = Number(arg("connections", "50"));
const workerCounts = arg("workers", "1,2,4").split(",").map(Number);
const timeScale = Number(arg("time-scale", "20"));
const seed = arg("seed", "42");
const anchorDate = "2026-03-16";
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('bench:workers needs DATABASE_URL (eval "$(bash scripts/postgres.sh start)")\n');
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const log = (text: string) => process.stderr.write(`${text}\n`);

/** CPU milliseconds (user + system) a process has used so far, from /proc (0 where unavailable). */
const cpuMsOf = (pid: number | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
};

const until = async (what: string, test: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** One JSON line a worker process prints. */
type WorkerLine = { readonly pid: number } & SyncQueue.WorkerEvent;

interface Row {
  workers: number;
  connections: number;
  timeScale: number;
  wallMs: number;
  runsPerMinute: number;
  requestsPerSecond: number;
  requests: number;
  throttled: number;
  failed: number;
  /** CPU seconds the worker processes and the sandbox process used during the timed part. */
  workerCpuS: number;
  sandboxCpuS: number;
}

const pass = async (workers: number): Promise<Row> => {
  const sandbox = Processes.start<Control.SandboxInfo>({
    script: "packages/sandbox/src/bin.ts",
    cwd: root,
    args: [
      "--seed",
      seed,
      "--preset",
      preset,
      "--port",
      "0",
      "--accounts",
      String(connections),
      "--time-scale",
      String(timeScale),
      "--anchor-date",
      anchorDate,
    ],
  });
  const workerProcesses: Array<Processes.Process<WorkerLine>> = [];
  const suffix = randomBytes(4).toString("hex");
  const schemas = { store: `bench_store_${suffix}`, queue: `bench_queue_${suffix}` };
  const key = SecretBox.generateKey();
  try {
    const sandboxInfo = await sandbox.waitFor(() => true, 120_000);
    const control = sandboxInfo.control;
    const clients = Clients.layer(SandboxAccounts.clients(sandboxInfo));
    const store = SyncStoreSql.layerPg({
      url: Redacted.make(url),
      schema: schemas.store,
      secretKey: key,
      maxConnections: 4,
    });
    const runtime = ManagedRuntime.make(
      Layer.provideMerge(
        SyncQueue.layer({ url: Redacted.make(url), schema: schemas.queue }),
        Layer.provideMerge(Sync.layer({ holder: "bench" }), Layer.merge(store, clients)),
      ),
    );
    try {
      const clock = (await (await fetch(`${control}/clock`)).json()) as { now: string };
      for (let i = 0; i < workers; i++)
        workerProcesses.push(
          Processes.start<WorkerLine>({
            script: "src/main.ts",
            cwd: `${root}examples/worker`,
            env: {
              DATABASE_URL: url,
              HARVEST_RUNN_QUEUE_SCHEMA: schemas.queue,
              HARVEST_RUNN_STORE_SCHEMA: schemas.store,
              HARVEST_RUNN_SECRET_KEY: Redacted.value(key),
              HARVEST_BASE_URL: sandboxInfo.harvest.baseUrl,
              HARVEST_ID_BASE_URL: sandboxInfo.harvest.idBaseUrl,
              HARVEST_RUNN_RATE_SCALE: String(timeScale),
              HARVEST_RUNN_NOW: clock.now,
              HARVEST_RUNN_TICK_MINUTES: "0",
              HARVEST_RUNN_POLL_SECONDS: "0.5",
              HARVEST_RUNN_JOB_EXPIRE_SECONDS: "1800",
              HARVEST_RUNN_LEASE_TTL_SECONDS: "60",
            },
          }),
        );
      const events = () => workerProcesses.flatMap((w) => w.lines);
      await runtime.runPromise(
        SandboxAccounts.connectAll(sandboxInfo, {
          userAgent: "HarvestRunnBench (bench@example.com)",
          concurrency: 8,
        }),
      );
      await Promise.all(workerProcesses.map((w) => w.waitFor((e) => e.type === "ready", 120_000)));
      await fetch(`${control}/stats`, { method: "DELETE" });
      const workerCpuMs = () => workerProcesses.reduce((a, w) => a + cpuMsOf(w.pid), 0);
      const workerCpu0 = workerCpuMs();
      const sandboxCpu0 = cpuMsOf(sandbox.pid);
      const t0 = performance.now();
      const report = await runtime.runPromise(
        Effect.flatMap(SyncQueue.SyncQueue, (q) => q.tick(new Date(Date.now() + 25 * 3600_000))),
      );
      if (report.enqueued.length !== connections) throw new Error(`tick enqueued ${report.enqueued.length}`);
      const done = () => events().filter((e) => e.type === "job-completed").length >= connections;
      await until("every run", done, 60 * 60_000);
      const wallMs = Math.round(performance.now() - t0);
      const workerCpuS = (workerCpuMs() - workerCpu0) / 1000;
      const sandboxCpuS = (cpuMsOf(sandbox.pid) - sandboxCpu0) / 1000;
      const stats = (await (await fetch(`${control}/stats`)).json()) as Record<
        "harvest" | "runn",
        { total: number; throttled: number }
      >;
      const requests = stats.harvest.total + stats.runn.total;
      const failed = events().filter(
        (e) => e.type === "job-completed" && e.output.status !== "succeeded",
      ).length;
      return {
        workers,
        connections,
        timeScale,
        wallMs,
        runsPerMinute: Math.round((connections / (wallMs / 60_000)) * 10) / 10,
        requestsPerSecond: Math.round((requests / (wallMs / 1000)) * 10) / 10,
        requests,
        throttled: stats.harvest.throttled + stats.runn.throttled,
        failed,
        workerCpuS: Math.round(workerCpuS * 10) / 10,
        sandboxCpuS: Math.round(sandboxCpuS * 10) / 10,
      };
    } finally {
      await runtime.dispose();
    }
  } finally {
    for (const p of [...workerProcesses.reverse(), sandbox]) await Processes.stop(p.child);
    for (const schema of [schemas.store, schemas.queue])
      await Effect.runPromise(
        SyncStoreSql.dropPgSchema({ url: Redacted.make(url), schema }).pipe(Effect.ignore),
      );
  }
};

log(
  `bench:workers: ${connections} × ${preset}, time scale ${timeScale}, ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const rows: Array<Row> = [];
for (const w of workerCounts) {
  const row = await pass(w);
  log(
    `${w} worker(s): ${row.wallMs} ms, ${row.runsPerMinute} runs/min, ${row.requestsPerSecond} req/s, ${row.requests} requests, ${row.throttled} × 429, ${row.failed} not succeeded, CPU s: workers ${row.workerCpuS}, sandbox ${row.sandboxCpuS}, load ${loadavg()[0]!.toFixed(1)}`,
  );
  rows.push(row);
}
for (const r of rows)
  console.log(
    JSON.stringify({
      workers: r.workers,
      connections: r.connections,
      timeScale: r.timeScale,
      wallMs: r.wallMs,
      runsPerMinute: r.runsPerMinute,
      requestsPerSecond: r.requestsPerSecond,
    }),
  );
process.exit(0);
