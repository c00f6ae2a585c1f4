/**
 * `pnpm bench:sync [--preset tiny|small|large|xl] [--time-scale K] [--seed N] [--kill-at F]
 * [--lease-ttl-ms MS] [--heap-mb N] [--cpu-prof-dir DIR]`: starts the
 * sandbox and the sync each in its own process, the sandbox with time-compressed limits, runs a full sync
 * into an empty Runn (then, below xl, a rerun with no change), and prints, last, one JSON line: requests
 * against the minimum computed from the sandbox's ground truth (never from the plan), 429s served, wall
 * time against the bound the rate limits impose, the sync's peak RSS and both processes' CPU time
 * (DESIGN "Performance budgets"). `--kill-at 0.5` kills the sync with SIGKILL once half the minimum Runn
 * writes are served, starts it again on the same state file, and checks Runn against the truth; its
 * bound adds the restart's reload of both sides and the killed run's lease TTL (the longest the lease
 * may hold the restart, which waits for it with `waitForLease`, reading Harvest meanwhile).
 * `budgetsMet` says which of DESIGN's budgets the line meets.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Pacer } from "../packages/http/src/index.ts";
import type { Control, FirstImport, ListSizes } from "../packages/sandbox/src/index.ts";
import { SandboxAccounts } from "../packages/sync/src/testing/index.ts";
import * as Procs from "./support/Procs.ts";
import type { Job } from "./support/SyncChild.ts";

/** The parts of the sandbox's control documents this benchmark reads. */
type Lists = ReturnType<typeof ListSizes.listSizes>;
interface Truth {
  readonly firstImport: FirstImport.FirstImportTruth;
  readonly lists: Lists;
}
interface ApiStats {
  readonly requests: Record<string, number>;
  readonly total: number;
  readonly writes: number;
  readonly throttled: number;
  readonly maxInWindow: number;
  readonly closestMarginMs: number | null;
  readonly deepestRefusalMs: number | null;
}
type Stats = Record<"harvest" | "runn", ApiStats>;
interface RunEvent {
  readonly status: string;
  readonly counts: unknown;
  readonly wallMs: number;
  readonly leaseWaitMs: number;
  readonly cpuMs: number;
  readonly loopDelayMs: { readonly p99: number; readonly max: number };
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const preset = flag("preset") ?? "tiny";
if (!["tiny", "small", "large", "xl"].includes(preset))
  throw new Error(`unknown preset ${preset} (tiny, small, large, xl)`);
/**
 * Compressed enough to finish in minutes, slow enough that the limits, not the machine, bind: the bench
 * prints how busy each process was (`cpuBusiest`), which stays well under 1 at these scales. xl: at ×70
 * the run takes ~8.5 min; its writes keep to Runn's pace except the actual bulks, where the sync's CPU
 * (≈ 8 ms a bulk of 100, recording included) allows ~122 a second against the 137 paced; at ×80 and
 * above the load's fixed ~16 s of CPU and that shortfall take it past 1.10 × the bound.
 */
const defaultScale: Record<string, number> = { tiny: 50, small: 40, large: 10, xl: 70 };
const timeScale = Number(flag("time-scale") ?? defaultScale[preset]);
const seed = flag("seed") ?? "42";
const killAt = flag("kill-at") === undefined ? null : Number(flag("kill-at"));
if (killAt !== null && !(killAt > 0 && killAt < 1)) throw new Error("--kill-at must be between 0 and 1");
/** The lease's TTL in the sync process: long enough to outlast the longest synchronous step (reconcile). */
const leaseTtlMs = Number(flag("lease-ttl-ms") ?? 20_000);
const anchorDate = "2026-03-16";
/** `--cpu-prof-dir DIR`: the sync process writes a V8 CPU profile there (open it in Chrome's DevTools). */
const profileDir = flag("cpu-prof-dir");
/**
 * `--heap-mb N`: the sync process's V8 old-space limit (`--max-old-space-size`). At xl it defaults to 1800:
 * without a limit V8 lets the heap grow lazily to about 3 GB RSS on this 24 GB machine; with it the same
 * run peaks at about 1.4 GB, so the live data fits and the limit only makes the collector work earlier.
 */
const heapMb = flag("heap-mb") ?? (preset === "xl" ? "1800" : undefined);

const log = (line: string) => process.stderr.write(`bench:sync: ${line}\n`);
const procs = Procs.watch();
const children = new Set<ChildProcess>();
const stopAll = () => {
  for (const c of children) if (c.pid !== undefined && c.exitCode === null) c.kill("SIGTERM");
};
process.once("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
const tsx = ["--conditions=@harvest-runn/source", "--import", "tsx"];

/** Starts the sandbox CLI in a child process and returns its connection info. */
const startSandbox = (): Promise<{ child: ChildProcess; info: Control.SandboxInfo }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...tsx,
        "packages/sandbox/src/bin.ts",
        ...["--preset", preset, "--time-scale", String(timeScale), "--seed", seed],
        ...["--port", "0", "--runn-data", "empty", "--anchor-date", anchorDate],
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    children.add(child);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve({ child, info: JSON.parse(line) as Control.SandboxInfo }),
    );
  });

const stateDir = mkdtempSync(join(tmpdir(), "bench-sync-"));
const secretKey = randomBytes(32).toString("base64");
const { child: sandbox, info } = await startSandbox();
const sandboxUsage = procs.add(sandbox.pid!);
try {
  log(
    `preset ${preset}, time scale ${timeScale} (limits: Harvest 100 per ${15_000 / timeScale} ms, Runn 120 per ${60_000 / timeScale} ms)`,
  );
  const control = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${info.control}${path}`, { method });
    return (await res.json()) as T;
  };
  const clock = await control<{ now: string }>("GET", "/clock");
  const wallStartMs = Date.now();
  const syncUsage = { cpuMs: 0, peakRssMb: 0 };
  /** Wall time per phase of the runs measured (summed over a kill and its restart). */
  const phaseMs: Record<string, number> = {};
  /** The sync's largest RSS seen at a progress event of each phase (where the peak happens). */
  const rssMbByPhase: Record<string, number> = {};

  /** Runs one sync process to its end (or its kill) and returns the events it printed. */
  const runSync = (
    connectionId: string | null,
    runs: number,
    onLine?: (e: Record<string, unknown>, child: ChildProcess) => void,
  ) =>
    new Promise<{ connectionId: string | null; runs: RunEvent[]; killed: boolean }>((resolve, reject) => {
      const job: Job = {
        info,
        storeFile: join(stateDir, "state.db"),
        connectionId,
        anchorMs: new Date(clock.now).getTime(),
        wallStartMs,
        leaseTtlMs,
        runs,
      };
      const profile = [
        ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
        ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      ];
      const child = spawn(process.execPath, [...profile, ...tsx, "bench/support/SyncChild.ts"], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, BENCH_SYNC_JOB: JSON.stringify(job), HARVEST_RUNN_SECRET_KEY: secretKey },
      });
      children.add(child);
      const usage = procs.add(child.pid!);
      let id = connectionId;
      let runCpuStart = 0;
      const done: RunEvent[] = [];
      let phase = "";
      let phaseStart = performance.now();
      createInterface({ input: child.stdout! }).on("line", (line) => {
        // The sync's own log lines share stdout: pass them on, keep the events.
        if (!line.startsWith('{"event"')) return void process.stderr.write(`${line}\n`);
        const e = JSON.parse(line) as Record<string, unknown>;
        if (e.event === "connected") id = String(e.connectionId);
        if (e.event === "runStart") runCpuStart = Number(e.cpuMs);
        if (e.event === "run") {
          done.push(e as unknown as RunEvent);
          syncUsage.cpuMs += Number(e.cpuMs) - runCpuStart;
        }
        if (e.event === "busy")
          log("  the killed run's lease still holds: waiting for it, reading Harvest meanwhile");
        if (e.event === "progress" && typeof e.rssMb === "number")
          rssMbByPhase[String(e.phase)] = Math.max(rssMbByPhase[String(e.phase)] ?? 0, e.rssMb);
        if (e.event === "progress" && e.phase !== phase) {
          const t = performance.now();
          if (phase !== "") {
            log(`  ${phase}: ${Math.round(t - phaseStart)} ms`);
            phaseMs[phase] = Math.round((phaseMs[phase] ?? 0) + t - phaseStart);
          }
          phase = String(e.phase);
          phaseStart = t;
        }
        onLine?.(e, child);
      });
      child.once("error", reject);
      child.once("exit", (code, signal) => {
        children.delete(child);
        // A killed process printed no end: its CPU during the run is its last sample's.
        if (signal === "SIGKILL") syncUsage.cpuMs += usage.cpuMs - runCpuStart;
        syncUsage.peakRssMb = Math.max(syncUsage.peakRssMb, usage.peakRssMb);
        if (phase !== "") phaseMs[phase] = Math.round((phaseMs[phase] ?? 0) + performance.now() - phaseStart);
        if (signal === "SIGKILL") resolve({ connectionId: id, runs: done, killed: true });
        else if (code === 0) resolve({ connectionId: id, runs: done, killed: false });
        else reject(new Error(`the sync process exited with ${code ?? signal}`));
      });
    });

  /** The fewest reads of the lists the sync needs, from the sandbox's current data sizes. */
  const minimumReads = (lists: Lists) => {
    const h = lists.harvest;
    const r = lists.runn;
    const pick = (m: Record<string, { minRequests: number }>, prefix: string) =>
      Object.entries(m).find(([k]) => k.startsWith(prefix))?.[1].minRequests ?? 0;
    return {
      harvest:
        h["/users"].minRequests +
        h["/clients"].minRequests +
        h["/projects"].minRequests +
        pick(h, "/time_entries?from="),
      runn:
        r["/clients/"].minRequests +
        r["/projects/"].minRequests +
        r["/people/"].minRequests +
        r["/roles/"].minRequests +
        r["/people/contracts/current"].minRequests +
        r["/project-members/"].minRequests +
        r["/assignments/"].minRequests +
        pick(r, "/actuals/?minDate="),
    };
  };

  const before = await control<Truth>("GET", "/truth");
  const t = before.firstImport;
  const reads = minimumReads(before.lists);
  const writes =
    t.create.roles +
    Math.ceil(t.create.clients / 100) +
    t.create.projects +
    t.create.people +
    Math.ceil(t.actuals.writes / 100);
  const minimumRequests = reads.harvest + reads.runn + writes;
  /** Milliseconds the limits impose on `n` requests of one API (time-compressed). */
  const limitMs = (api: "harvest" | "runn", n: number) =>
    (n * info.limits[api].windowMs) / info.limits[api].requests / timeScale;
  /** The two sides load concurrently: the slower one sets the load's bound. */
  const loadMs = (r: { harvest: number; runn: number }) =>
    Math.max(limitMs("harvest", r.harvest), limitMs("runn", r.runn));
  let boundMs = Math.round(loadMs(reads) + limitMs("runn", writes));
  // The same bound with the client's pacing: it keeps `window + slack` between a request and the one
  // `limit` places back, the slack 2 ms of real time for the sandbox's whole-millisecond clock
  // (`Pacer.compressed`); it counts each request from its answer, so pauses of either side need no more.
  const paced = SandboxAccounts.clients(info); // the budgets the sync process paces with
  const span = (api: "harvest" | "runn") => {
    const budget = api === "harvest" ? paced.harvestRateLimit : paced.runnRateLimit;
    if (budget === undefined) throw new Error(`no ${api} budget for the sandbox`);
    return Pacer.spanOf(budget) / budget.limit;
  };
  const pacedLoadMs = (r: { harvest: number; runn: number }) =>
    Math.max(r.harvest * span("harvest"), r.runn * span("runn"));
  let pacedBoundMs = Math.round(pacedLoadMs(reads) + writes * span("runn"));
  log(`minimum: ${reads.harvest} Harvest reads, ${reads.runn} Runn reads, ${writes} Runn writes`);

  // Connecting (validating both tokens) is not part of the run: done by a process of its own first.
  const connectionId = (await runSync(null, 0)).connectionId;
  if (connectionId === null) throw new Error("the sync process did not connect");
  for (const k of Object.keys(phaseMs)) delete phaseMs[k];
  await control("DELETE", "/stats");
  procs.sampleNow(sandbox.pid!);
  const sandboxCpuBefore = sandboxUsage.cpuMs;
  const t0 = performance.now();
  let killedAtWrites: number | null = null;
  let poll: NodeJS.Timeout | undefined;
  const first = await runSync(connectionId, 1, (e, child) => {
    if (killAt === null || poll !== undefined || e.event !== "progress" || e.phase === "load") return;
    // Half-way through the Runn writes, by the sandbox's own count of writes served.
    poll = setInterval(() => {
      void control<Stats>("GET", "/stats").then((s) => {
        if (killedAtWrites === null && s.runn.writes >= killAt * writes && child.exitCode === null) {
          killedAtWrites = s.runn.writes;
          child.kill("SIGKILL");
          clearInterval(poll);
        }
      });
    }, 100);
  });
  if (poll) clearInterval(poll);
  let leaseWaitMs: number | null = null;
  let reloadBound = 0;
  let resumed: RunEvent | undefined;
  if (first.killed) {
    log(`killed the sync (SIGKILL) after ${killedAtWrites} Runn writes`);
    const atRestart = await control<Truth>("GET", "/truth");
    const re = minimumReads(atRestart.lists);
    reloadBound = re.harvest + re.runn;
    // A restart reloads both sides, and may wait out the killed run's lease (its TTL, real time).
    boundMs = Math.round(boundMs + loadMs(re) + leaseTtlMs);
    pacedBoundMs = Math.round(pacedBoundMs + pacedLoadMs(re) + leaseTtlMs);
    const second = await runSync(connectionId, 1);
    resumed = second.runs[0];
    leaseWaitMs = resumed?.leaseWaitMs ?? null;
    log(`restarted run ${resumed?.status}: ${JSON.stringify(resumed?.counts)}`);
  } else {
    log(`first run ${first.runs[0]?.status}: ${JSON.stringify(first.runs[0]?.counts)}`);
  }
  // One run's own wall time; across a kill, the whole time from the first start to the resumed end.
  const wallMs = first.killed ? Math.round(performance.now() - t0) : (first.runs[0]?.wallMs ?? 0);
  procs.sampleNow(sandbox.pid!);
  const sandboxCpuMs = Math.round(sandboxUsage.cpuMs - sandboxCpuBefore);
  const s1 = await control<Stats>("GET", "/stats");
  log(
    `429 served: Harvest ${s1.harvest.throttled}, Runn ${s1.runn.throttled}; busiest window: Harvest ${s1.harvest.maxInWindow}, Runn ${s1.runn.maxInWindow}; closest to a 429: Runn ${s1.runn.closestMarginMs} ms; deepest 429: Runn ${s1.runn.deepestRefusalMs} ms`,
  );
  const requests = s1.harvest.total + s1.runn.total;
  const syncCpuMs = Math.round(syncUsage.cpuMs);
  const result: Record<string, unknown> = {
    preset,
    timeScale,
    requests,
    minimumRequests,
    requestRatio: Math.round((requests / minimumRequests) * 100) / 100,
    served429: s1.harvest.throttled + s1.runn.throttled,
    wallMs,
    boundMs,
    wallRatio: Math.round((wallMs / boundMs) * 100) / 100,
    pacedBoundMs,
    pacedWallRatio: Math.round((wallMs / pacedBoundMs) * 100) / 100,
    peakRssMb: syncUsage.peakRssMb,
    sandboxCpuMs,
    syncCpuMs,
    // How close CPU came to being the limit: the busier process's CPU time over the wall time (1 = one
    // core all the time, so that process, not the rate limits, set the pace), and both over the 2 cores.
    cpuBusiest: Math.round((Math.max(sandboxCpuMs, syncCpuMs) / wallMs) * 100) / 100,
    cpuOfMachine: Math.round(((sandboxCpuMs + syncCpuMs) / (2 * wallMs)) * 100) / 100,
    // The least margin the sandbox saw between a Runn request and the window (negative: a 429), and the
    // longest stalls of the sync's event loop: what the pacing's real-time allowance has to cover.
    closestMarginMs: s1.runn.closestMarginMs === null ? null : Math.round(s1.runn.closestMarginMs * 10) / 10,
    syncLoopDelayMs: (resumed ?? first.runs[0])?.loopDelayMs ?? null,
    phaseMs: { ...phaseMs },
    rssMbByPhase: { ...rssMbByPhase },
  };

  if (first.killed) {
    // Runn as a user reads it, through its API (the whole control-API dump of an xl account takes
    // minutes to build): every client, project and person with its references, 200 a page, within
    // Runn's limit (a 429 is waited out for the exact time the sandbox names, then asked again).
    type Entity = { references: ReadonlyArray<{ referenceName: string; externalId: string }> };
    const get = async (url: string): Promise<Response> => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const res = await fetch(url, {
          headers: { authorization: `Bearer ${info.runn.token}`, "accept-version": "1.0.0" },
        });
        if (res.status !== 429) return res;
        await res.arrayBuffer();
        const waitMs = Number(res.headers.get("x-sandbox-retry-after-ms") ?? 100);
        await new Promise((r) => setTimeout(r, Math.min(5_000, Math.max(1, waitMs))));
      }
      throw new Error(`GET ${url}: still 429 after 20 waits`);
    };
    const runnList = async (path: string) => {
      const all: Array<Entity> = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10_000; page++) {
        const q: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
        const res = await get(`${info.runn.baseUrl}${path}?limit=200${q}`);
        if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
        const body = (await res.json()) as { values: Array<Entity>; nextCursor: string | null };
        all.push(...body.values);
        cursor = body.nextCursor;
        if (cursor === null) return all;
      }
      throw new Error(`GET ${path}: more than 10,000 pages`);
    };
    /** Entities of a kind carrying a Harvest reference, and how many of those repeat one. */
    const refs = (list: ReadonlyArray<Entity>) => {
      const ids = list.flatMap((e) =>
        e.references.filter((r) => r.referenceName === "Harvest").map((r) => r.externalId),
      );
      return { created: ids.length, duplicates: ids.length - new Set(ids).size };
    };
    const kinds = {
      clients: refs(await runnList("/clients/")),
      projects: refs(await runnList("/projects/")),
      people: refs(await runnList("/people/")),
    };
    const end = await control<Truth>("GET", "/truth");
    const actualsCount = end.lists.runn["/actuals/"].items;
    const extraRequests = requests - minimumRequests;
    Object.assign(result, {
      killedAtWrites,
      resumedStatus: resumed?.status ?? null,
      leaseWaitMs,
      leaseTtlMs,
      extraRequests,
      extraRequestsBound: reloadBound + Math.ceil(minimumRequests / 100),
      duplicates: kinds.clients.duplicates + kinds.projects.duplicates + kinds.people.duplicates,
      matchesTruth:
        kinds.clients.created === t.create.clients &&
        kinds.projects.created === t.create.projects &&
        kinds.people.created === t.create.people &&
        actualsCount === t.actuals.writes,
    });
    if (!result.matchesTruth)
      log(
        `Runn against the truth: ${JSON.stringify({ kinds, actuals: actualsCount, truth: { ...t.create, actuals: t.actuals.writes } })}`,
      );
  } else if (preset !== "xl") {
    const after = await control<Truth>("GET", "/truth");
    const rereads = minimumReads(after.lists);
    // A rerun also reads the entries updated since the cursor (SPEC A6): nothing changed, so one page.
    result.rerunMinimumRequests = rereads.harvest + rereads.runn + 1;
    await control("DELETE", "/stats");
    const rerun = await runSync(connectionId, 1);
    const s2 = await control<Stats>("GET", "/stats");
    log(`rerun ${rerun.runs[0]?.status}: ${JSON.stringify(rerun.runs[0]?.counts)}`);
    result.rerunRequests = s2.harvest.total + s2.runn.total;
    result.rerunWrites = s2.runn.writes;
    result.served429 = (result.served429 as number) + s2.harvest.throttled + s2.runn.throttled;
    if (result.rerunRequests !== result.rerunMinimumRequests)
      log(
        `rerun requests by route: ${JSON.stringify({ harvest: s2.harvest.requests, runn: s2.runn.requests })}`,
      );
  }
  // DESIGN "Performance budgets": the minimum requests (after a kill: at most one reload of both sides
  // plus 1 %, nothing created twice, Runn equal to the truth, the lease held no longer than its TTL),
  // no 429, wall ≤ 1.1 × the bound, the sync's RSS ≤ 2 GB.
  const r = result as Record<string, number | boolean | null>;
  result.budgetsMet = {
    requests: first.killed
      ? (r.extraRequests as number) <= (r.extraRequestsBound as number) &&
        r.duplicates === 0 &&
        r.matchesTruth === true &&
        (leaseWaitMs ?? 0) <= leaseTtlMs
      : requests === minimumRequests &&
        (r.rerunRequests === undefined || r.rerunRequests === r.rerunMinimumRequests),
    served429: r.served429 === 0,
    wall: (r.wallRatio as number) <= 1.1,
    rss: syncUsage.peakRssMb <= 2048,
  };
  if (result.requestRatio !== 1)
    log(`requests by route: ${JSON.stringify({ harvest: s1.harvest.requests, runn: s1.runn.requests })}`);
  console.log(JSON.stringify(result));
} finally {
  procs.stop();
  stopAll();
  rmSync(stateDir, { recursive: true, force: true });
}
