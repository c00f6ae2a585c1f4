/**
 * The sync side of `bench:sync`, in its own process so the bench can measure its CPU and peak RSS on
 * their own and kill it with SIGKILL half-way. Reads its job from `BENCH_SYNC_JOB` (JSON), keeps its
 * state in a SQLite file (so a restarted process resumes from it), and writes one JSON line per event
 * on stdout: `connected`, `runStart` and `run` (the summary) with the
 * process's CPU time so far, `progress` (at most every 250 ms and at each phase change), `busy` (the
 * killed run's lease still holds: the run waits for it, reading Harvest meanwhile).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Control } from "../../packages/sandbox/src/index.ts";
import { Facade, type Progress, SyncClock } from "../../packages/sync/src/index.ts";
import { SandboxAccounts } from "../../packages/sync/src/testing/index.ts";

/** What the bench asks of one sync process. */
export interface Job {
  readonly info: Control.SandboxInfo;
  /** The SQLite state file; a restarted process passes the same one. */
  readonly storeFile: string;
  /** The connection to run, or null to connect first. */
  readonly connectionId: string | null;
  /** The data clock: `anchorMs` at wall time `wallStartMs`, running at wall speed (shared by restarts). */
  readonly anchorMs: number;
  readonly wallStartMs: number;
  /** The lease's time to live, in milliseconds. */
  readonly leaseTtlMs: number;
  /** Runs to make one after the other (the first import, then a rerun with no change). */
  readonly runs: number;
}

const job = JSON.parse(process.env.BENCH_SYNC_JOB ?? "null") as Job | null;
if (job === null) throw new Error("BENCH_SYNC_JOB is not set");
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const { info } = job;
let lastEmit = 0;
let lastPhase = "";
/** When the current run got its lease (its `lease` progress event). */
let leaseHeldAt: number | null = null;
const sync = Facade.createSync({
  store: { sqlite: { filename: job.storeFile } },
  clients: SandboxAccounts.clients(info),
  clock: SyncClock.make(() => job.anchorMs + (Date.now() - job.wallStartMs)),
  sync: { leaseTtl: `${job.leaseTtlMs} millis` },
  onProgress: (e: Progress.ProgressEvent) => {
    const t = Date.now();
    // A run reports its lease once it holds it; before that, only while it waits for another holder's.
    if (e.phase === "lease" && e.done === 0) emit({ event: "busy" });
    if (e.phase === "lease" && e.done === 1 && leaseHeldAt === null) leaseHeldAt = t;
    if (e.phase === lastPhase && t - lastEmit < 250 && e.done !== e.total) return;
    lastPhase = e.phase;
    lastEmit = t;
    emit({
      event: "progress",
      phase: e.phase,
      done: e.done,
      total: e.total,
      rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
    });
  },
});

let connectionId = job.connectionId;
if (connectionId === null) {
  const { connection } = await sync.connect({
    name: "bench",
    harvest: {
      accountId: Number(info.harvest.accountId),
      userAgent: "harvest-runn bench (bench@example.test)",
      token: info.harvest.token,
    },
    runn: { baseUrl: info.runn.baseUrl, token: info.runn.token },
    settings: { switches: { actuals: true } },
  });
  connectionId = connection.id;
  emit({ event: "connected", connectionId });
}

/**
 * Runs once. A killed run's lease still holds when the restart begins: the run waits for it (bounded by
 * twice its TTL) and reads Harvest meanwhile; the wait is the time until the run reported its lease.
 */
const runOnce = async (id: string) => {
  const started = Date.now();
  leaseHeldAt = null;
  const summary = await sync.run(id, { waitForLease: `${2 * job.leaseTtlMs} millis` });
  return { summary, leaseWaitMs: (leaseHeldAt ?? started) - started };
};

/** This process's CPU time so far, in milliseconds. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
};

// How long this process's event loop stalled (GC, synchronous steps): a request it has counted as sent
// leaves that much later, which the pacing's real-time allowance must cover at compressed scales.
const loop = monitorEventLoopDelay({ resolution: 5 });
const ms = (ns: number) => Math.round(ns / 1e5) / 10;

for (let i = 0; i < job.runs; i++) {
  loop.reset();
  loop.enable();
  emit({ event: "runStart", cpuMs: cpuMs() });
  const started = Date.now();
  const { summary, leaseWaitMs } = await runOnce(connectionId);
  emit({
    event: "run",
    status: summary.status,
    counts: summary.counts,
    wallMs: Date.now() - started,
    leaseWaitMs,
    cpuMs: cpuMs(),
    loopDelayMs: { p99: ms(loop.percentile(99)), max: ms(loop.max) },
  });
  loop.disable();
}
await sync.close();
