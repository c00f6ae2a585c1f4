/**
 * `pnpm bench:sync [--preset tiny|small|large] [--time-scale K] [--seed N]`: starts the sandbox in its
 * own process with time-compressed limits, runs a full sync into an empty Runn and then a rerun with no
 * change, and prints, last, one JSON line with the request count against the minimum computed from the
 * sandbox's ground truth (never from the plan), 429s served, and wall time against the bound the rate
 * limits impose (DESIGN "Performance budgets").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Control, FirstImport, ListSizes } from "../packages/sandbox/src/index.ts";
import { Facade, SyncClock } from "../packages/sync/src/index.ts";

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
}
type Stats = Record<"harvest" | "runn", ApiStats>;

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const preset = flag("preset") ?? "tiny";
if (!["tiny", "small", "large"].includes(preset))
  throw new Error(`unknown preset ${preset} (tiny, small, large)`);
/** Compressed enough to finish in minutes, slow enough that the limits, not the machine, bind. */
const defaultScale: Record<string, number> = { tiny: 50, small: 40, large: 10 };
const timeScale = Number(flag("time-scale") ?? defaultScale[preset]);
const seed = flag("seed") ?? "42";
const anchorDate = "2026-03-16";

const log = (line: string) => process.stderr.write(`bench:sync: ${line}\n`);

/** Starts the sandbox CLI in a child process and returns its connection info. */
const startChild = (): Promise<{ child: ChildProcess; info: Control.SandboxInfo }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=@harvest-runn/source",
        "--import",
        "tsx",
        "packages/sandbox/src/bin.ts",
        ...["--preset", preset, "--time-scale", String(timeScale), "--seed", seed],
        ...["--port", "0", "--runn-data", "empty", "--anchor-date", anchorDate],
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve({ child, info: JSON.parse(line) as Control.SandboxInfo }),
    );
  });

const { child, info } = await startChild();
const stop = () => {
  if (child.pid !== undefined && child.exitCode === null) child.kill("SIGTERM");
};
process.once("exit", stop);
try {
  log(
    `preset ${preset}, time scale ${timeScale} (limits: Harvest 100 per ${15_000 / timeScale} ms, Runn 120 per ${60_000 / timeScale} ms)`,
  );
  const control = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${info.control}${path}`, { method });
    return (await res.json()) as T;
  };
  const clock = await control<{ now: string }>("GET", "/clock");
  let phase = "";
  let phaseStart = performance.now();
  const sync = Facade.createSync({
    clients: {
      harvestBaseUrl: info.harvest.baseUrl,
      harvestIdBaseUrl: info.harvest.idBaseUrl,
      harvestRateLimit: {
        limit: info.limits.harvest.requests,
        window: `${info.limits.harvest.windowMs / timeScale} millis`,
      },
      runnRateLimit: {
        limit: info.limits.runn.requests,
        window: `${info.limits.runn.windowMs / timeScale} millis`,
      },
    },
    clock: SyncClock.make(SyncClock.startingAt(new Date(clock.now))),
    sync: flag("concurrency") ? { concurrency: Number(flag("concurrency")) } : {},
    onProgress: (e) => {
      if (e.phase !== phase) {
        const t = performance.now();
        if (phase !== "") log(`  ${phase}: ${Math.round(t - phaseStart)} ms`);
        phase = e.phase;
        phaseStart = t;
      }
    },
  });
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
  const boundMs = Math.round(
    (Math.max(
      (reads.harvest * info.limits.harvest.windowMs) / info.limits.harvest.requests,
      (reads.runn * info.limits.runn.windowMs) / info.limits.runn.requests,
    ) +
      (writes * info.limits.runn.windowMs) / info.limits.runn.requests) /
      timeScale,
  );

  await control("DELETE", "/stats");
  const t0 = performance.now();
  const first = await sync.run(connection.id);
  const wallMs = Math.round(performance.now() - t0);
  const s1 = await control<Stats>("GET", "/stats");
  log(`first run ${first.status} in ${wallMs} ms: ${JSON.stringify(first.counts)}`);
  log(
    `429 served: Harvest ${s1.harvest.throttled}, Runn ${s1.runn.throttled}; busiest window: Harvest ${s1.harvest.maxInWindow}, Runn ${s1.runn.maxInWindow}`,
  );

  const after = await control<Truth>("GET", "/truth");
  const rereads = minimumReads(after.lists);
  // A rerun also reads the entries updated since the cursor (SPEC A6): nothing changed, so one page.
  const rerunMinimumRequests = rereads.harvest + rereads.runn + 1;
  await control("DELETE", "/stats");
  const rerun = await sync.run(connection.id);
  const s2 = await control<Stats>("GET", "/stats");
  log(`rerun ${rerun.status}: ${JSON.stringify(rerun.counts)}`);
  await sync.close();

  const requests = s1.harvest.total + s1.runn.total;
  const rerunRequests = s2.harvest.total + s2.runn.total;
  const result = {
    preset,
    timeScale,
    requests,
    minimumRequests,
    requestRatio: Math.round((requests / minimumRequests) * 100) / 100,
    served429: s1.harvest.throttled + s1.runn.throttled + s2.harvest.throttled + s2.runn.throttled,
    wallMs,
    boundMs,
    wallRatio: Math.round((wallMs / boundMs) * 100) / 100,
    rerunRequests,
    rerunMinimumRequests,
    rerunWrites: s2.runn.writes,
  };
  if (result.requestRatio !== 1 || rerunRequests !== rerunMinimumRequests) {
    log(
      `first run requests by route: ${JSON.stringify({ harvest: s1.harvest.requests, runn: s1.runn.requests })}`,
    );
    log(
      `rerun requests by route: ${JSON.stringify({ harvest: s2.harvest.requests, runn: s2.runn.requests })}`,
    );
  }
  console.log(JSON.stringify(result));
} finally {
  stop();
}
