/**
 * `pnpm bench:workers [--preset tiny] [--connections 50] [--workers 1,2,4] [--time-scale 20] [--seed 42]`:
 * syncs N sandbox accounts through the pg-boss queue with 1, 2 and 4 worker processes (a fresh
 * sandbox process, store schema and queue schema per pass; setup is not timed) and prints, as its
 * final lines, one JSON object per worker count:
 * {"workers","connections","timeScale","wallMs","runsPerMinute","requestsPerSecond"}.
 * Needs DATABASE_URL (eval "$(bash scripts/postgres.sh start)").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Effect, Layer, ManagedRuntime, Redacted } from "effect";
import type { SyncQueue as Q } from "../packages/queue/src/index.ts";
import { SyncQueue } from "../packages/queue/src/index.ts";
import type { SandboxInfo } from "../packages/sandbox/src/index.ts";
import { SecretBox } from "../packages/storage/src/index.ts";
import { SyncStoreSql } from "../packages/storage-sql/src/index.ts";
import { Clients, Sync } from "../packages/sync/src/index.ts";

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
const node = ["--conditions=@harvest-runn/source", "--import", "tsx"];
const log = (text: string) => process.stderr.write(`${text}\n`);

/** Spawns a process and hands every stdout JSON line to `onLine`. */
const spawnJson = (
  args: string[],
  cwd: string,
  env: Record<string, string>,
  onLine: (l: unknown) => void,
) => {
  const child = spawn("node", [...node, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffer = "";
  child.stdout!.on("data", (c: Buffer) => {
    buffer += c.toString("utf8");
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        onLine(JSON.parse(text));
      } catch {}
    }
  });
  child.stderr!.resume();
  return child;
};

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

const kill = async (child: ChildProcess) => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(child.pid, "SIGTERM");
  const t = setTimeout(() => child.pid !== undefined && process.kill(child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(t);
};

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
  let info: SandboxInfo | null = null;
  const sandbox = spawnJson(
    [
      "packages/sandbox/src/bin.ts",
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
    root,
    {},
    (l) => {
      info ??= l as SandboxInfo;
    },
  );
  const children: Array<ChildProcess> = [sandbox];
  const suffix = randomBytes(4).toString("hex");
  const schemas = { store: `bench_store_${suffix}`, queue: `bench_queue_${suffix}` };
  const key = SecretBox.generateKey();
  try {
    await until("the sandbox", () => info !== null, 120_000);
    const sandboxInfo = info as unknown as SandboxInfo;
    const control = sandboxInfo.control;
    const clients = Clients.layer({
      harvestBaseUrl: sandboxInfo.harvest.baseUrl,
      harvestIdBaseUrl: sandboxInfo.harvest.idBaseUrl,
      harvestRateLimit: { limit: 100, window: `${Math.ceil(15_000 / timeScale)} millis` },
      runnRateLimit: { limit: 120, window: `${Math.ceil(60_000 / timeScale)} millis` },
      baseDelay: "5 millis",
    });
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
      const events: Array<{ pid: number } & Q.WorkerEvent> = [];
      for (let i = 0; i < workers; i++)
        children.push(
          spawnJson(
            ["src/main.ts"],
            `${root}examples/worker`,
            {
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
            (l) => events.push(l as { pid: number } & Q.WorkerEvent),
          ),
        );
      await runtime.runPromise(
        Effect.flatMap(Sync.Sync, (sync) =>
          Effect.forEach(
            sandboxInfo.accounts,
            (a, i) =>
              sync.connect({
                id: `account-${i}`,
                name: `account ${i}`,
                harvest: {
                  accountId: Number(a.harvest.accountId),
                  userAgent: "HarvestRunnBench (bench@example.com)",
                  token: Redacted.make(a.harvest.token),
                },
                runn: { baseUrl: a.runn.baseUrl, token: Redacted.make(a.runn.token) },
                settings: { switches: { actuals: true } },
              }),
            { concurrency: 8, discard: true },
          ),
        ),
      );
      await until("the workers", () => events.filter((e) => e.type === "ready").length >= workers, 120_000);
      await fetch(`${control}/stats`, { method: "DELETE" });
      const workerCpu0 = children.slice(1).reduce((a, c) => a + cpuMsOf(c.pid), 0);
      const sandboxCpu0 = cpuMsOf(sandbox.pid);
      const t0 = performance.now();
      const report = await runtime.runPromise(
        Effect.flatMap(SyncQueue.SyncQueue, (q) => q.tick(new Date(Date.now() + 25 * 3600_000))),
      );
      if (report.enqueued.length !== connections) throw new Error(`tick enqueued ${report.enqueued.length}`);
      const done = () => events.filter((e) => e.type === "job-completed").length >= connections;
      await until("every run", done, 60 * 60_000);
      const wallMs = Math.round(performance.now() - t0);
      const workerCpuS = (children.slice(1).reduce((a, c) => a + cpuMsOf(c.pid), 0) - workerCpu0) / 1000;
      const sandboxCpuS = (cpuMsOf(sandbox.pid) - sandboxCpu0) / 1000;
      const stats = (await (await fetch(`${control}/stats`)).json()) as Record<
        "harvest" | "runn",
        { total: number; throttled: number }
      >;
      const requests = stats.harvest.total + stats.runn.total;
      const failed = events.filter(
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
    for (const c of children.reverse()) await kill(c);
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
