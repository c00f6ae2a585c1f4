/**
 * Benchmark of `reconcile` (DESIGN.md budgets): builds snapshots for a preset, then in a child process
 * that loads them times `reconcile` (median of 5 after 2 warm-ups) and a bare baseline (one pass grouping
 * minutes by key in a Map over the same entries), and measures RSS.
 *
 *   pnpm bench:reconcile --preset tiny|small|large|xl     (default xl)
 *   pnpm bench:reconcile --linearity [--rounds 3]         (xl/4, xl/2, xl)
 *   pnpm bench:reconcile --preset xl --digest             (md5 of the plan and of the snapshots, no timing)
 *
 * For the linearity fit each size runs in its own child, the three in alternation for `--rounds`
 * rounds, and each size's median is over all its rounds: a shared machine slowing down or speeding up
 * for a while then moves every size alike instead of skewing the fit.
 *
 * The last line printed is one JSON object with the figures.
 */
import { spawn } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { Reconcile } from "../packages/reconcile/src/index.ts";
import { type Fixture, generate, type Preset, presets, scale } from "./support/Fixtures.ts";

interface Result {
  readonly preset: string;
  readonly entries: number;
  readonly ms: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly rssDeltaMb: number;
  readonly peakRssMb: number;
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const tenth = (ms: number) => Math.round(ms * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The bare baseline: one pass grouping minutes by (user, project, day) in a Map. */
const baseline = (f: Fixture): number => {
  const byKey = new Map<string, number>();
  const entries = f.harvest.timeEntries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const k = `${e.user.id}:${e.project.id}:${e.spent_date}`;
    byKey.set(k, (byKey.get(k) ?? 0) + Math.round(e.hours * 60));
  }
  return byKey.size;
};

/**
 * Samples the process's RSS every 5 ms from a worker thread (the main thread is busy in `reconcile`), so
 * the peak during the timed runs is seen; `reset` starts a new peak.
 */
const rssSampler = () => {
  const peak = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    "const { workerData } = require('node:worker_threads'); const peak = new Float64Array(workerData);" +
      "setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 5);",
    { eval: true, workerData: peak.buffer },
  );
  return {
    reset: () => {
      peak[0] = process.memoryUsage.rss();
    },
    peak: () => Math.max(peak[0]!, process.memoryUsage.rss()),
    stop: () => worker.terminate(),
  };
};

const time = (run: () => unknown): { ms: number; all: Array<number>; cpu: Array<number> } => {
  for (let i = 0; i < 2; i++) run();
  const all: Array<number> = [];
  const cpu: Array<number> = [];
  for (let i = 0; i < 5; i++) {
    gc();
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    all.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms: median(all), all, cpu };
};

/** Child: load the snapshots, measure (wall time is the budget; CPU time and load show contention). */
const child = async (file: string, preset: string) => {
  const fixture = deserialize(readFileSync(file)) as Fixture;
  gc();
  const sampler = rssSampler();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const before = process.memoryUsage();
  sampler.reset();
  let rssDelta = 0;
  let heapDelta = 0;
  let ops = 0;
  const r = time(() => {
    const plan = Reconcile.reconcile(fixture.harvest, fixture.runn, fixture.options);
    const m = process.memoryUsage();
    rssDelta = Math.max(rssDelta, sampler.peak() - before.rss);
    heapDelta = Math.max(heapDelta, m.heapUsed - before.heapUsed);
    ops = plan.operations.length;
  });
  const b = time(() => baseline(fixture));
  await sampler.stop();
  const result: Result = {
    preset,
    entries: fixture.harvest.timeEntries.length,
    ms: Math.round(r.ms),
    baselineMs: Math.round(b.ms),
    ratio: Math.round((r.ms / b.ms) * 100) / 100,
    rssDeltaMb: mb(rssDelta),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const detail = {
    operations: ops,
    runs: r.all.map(tenth),
    cpuRuns: r.cpu.map(tenth),
    baselineRuns: b.all.map(tenth),
    baselineCpuRuns: b.cpu.map(tenth),
    heapDeltaMb: mb(heapDelta),
    loadAverage: loadavg()[0]!.toFixed(1),
  };
  process.stdout.write(`${JSON.stringify({ ...result, ...detail })}\n`);
};

/** Spawns one child over a snapshot file; returns its figures. */
const spawnChild = async (file: string, name: string): Promise<Result & Record<string, unknown>> => {
  const self = fileURLToPath(import.meta.url);
  const proc = spawn(
    process.execPath,
    [
      "--conditions=@harvest-runn/source",
      "--import",
      "tsx",
      "--expose-gc",
      "--max-old-space-size=8192",
      self,
      "--child",
      file,
      name,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const kill = () => proc.kill("SIGKILL");
  process.on("exit", kill);
  let out = "";
  proc.stdout.on("data", (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => proc.on("close", resolve));
  process.off("exit", kill);
  if (code !== 0) throw new Error(`benchmark child exited with ${code}`);
  return JSON.parse(out.trim().split("\n").pop()!) as Result & Record<string, unknown>;
};

/**
 * Parent: generate and write each size, then time each size in its own child (a heap holding only its
 * snapshots), `rounds` times in alternation, and pool the runs: the median is over every round's runs.
 */
const measure = async (
  sizes: ReadonlyArray<{ name: string; preset: Preset }>,
  rounds = 1,
): Promise<Array<Result>> => {
  const dir = mkdtempSync(join(tmpdir(), "reconcile-bench-"));
  try {
    const files = sizes.map(({ preset }, k) => {
      const file = join(dir, `snapshots-${k}.bin`);
      writeFileSync(file, serialize(generate(preset)));
      return file;
    });
    const seen = sizes.map(() => [] as Array<Result & Record<string, unknown>>);
    for (let round = 0; round < rounds; round++) {
      for (const [k, { name }] of sizes.entries()) {
        const r = await spawnChild(files[k]!, name);
        const list = (key: string) => (r[key] as Array<number>).join(", ");
        console.log(
          `${name}: ${r.operations} operations; reconcile wall ${list("runs")} ms, cpu ${list("cpuRuns")} ms; ` +
            `baseline wall ${list("baselineRuns")} ms, cpu ${list("baselineCpuRuns")} ms; ` +
            `heap delta ${r.heapDeltaMb} MB; load average ${r.loadAverage}`,
        );
        seen[k]!.push(r);
      }
    }
    return seen.map((rs) => {
      const pooled = (key: string) => median(rs.flatMap((r) => r[key] as Array<number>));
      const ms = pooled("runs");
      const baselineMs = pooled("baselineRuns");
      return {
        preset: rs[0]!.preset,
        entries: rs[0]!.entries,
        ms: Math.round(ms),
        baselineMs: Math.round(baselineMs),
        ratio: Math.round((ms / baselineMs) * 100) / 100,
        rssDeltaMb: Math.max(...rs.map((r) => r.rssDeltaMb)),
        peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Feeds `value`'s JSON to `hash` piece by piece (a 1M-entry plan is too large for one string); object keys sorted when `canonical`. */
const feed = (hash: Hash, value: unknown, canonical: boolean): void => {
  if (Array.isArray(value)) {
    hash.update("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) hash.update(",");
      feed(hash, value[i], canonical);
    }
    hash.update("]");
  } else if (canonical && value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    hash.update("{");
    let first = true;
    for (const k of keys) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      hash.update(`${first ? "" : ","}${JSON.stringify(k)}:`);
      feed(hash, v, canonical);
      first = false;
    }
    hash.update("}");
  } else hash.update(JSON.stringify(value) ?? "null");
};

const md5 = (value: unknown, canonical: boolean) => {
  const hash = createHash("md5");
  feed(hash, value, canonical);
  return hash.digest("hex");
};

/**
 * `--digest`: the md5 of the plan's JSON (operations, report, fingerprints) and of the generated
 * snapshots (keys sorted), so a refactor of the engine or of the fixtures can show it changed nothing.
 */
const digest = (name: string, preset: Preset) => {
  const f = generate(preset);
  const plan = Reconcile.reconcile(f.harvest, f.runn, f.options);
  const { operations, report, fingerprints } = plan;
  console.log(
    JSON.stringify({
      preset: name,
      operations: operations.length,
      planMd5: md5({ operations, report, fingerprints }, false),
      fixtureMd5: md5(f, true),
    }),
  );
};

const table = (rows: ReadonlyArray<Result>) => {
  const cols = ["preset", "entries", "ms", "baselineMs", "ratio", "rssDeltaMb", "peakRssMb"] as const;
  console.log(cols.map((c) => c.padStart(11)).join(""));
  for (const r of rows) console.log(cols.map((c) => String(r[c]).padStart(11)).join(""));
};

const main = async () => {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return await child(args[1]!, args[2]!);
  if (args.includes("--linearity")) {
    const r = args.indexOf("--rounds");
    const rounds = r >= 0 ? Number(args[r + 1]) : 3;
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)
      throw new Error(`--rounds must be an integer from 1 to 20, got ${args[r + 1]}`);
    const rows = await measure(
      [0.25, 0.5, 1].map((f) => ({ name: `xl*${f}`, preset: scale(presets.xl!, f) })),
      rounds,
    );
    table(rows);
    const xs = rows.map((r) => Math.log(r.entries));
    const ys = rows.map((r) => Math.log(r.ms));
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const exponent =
      xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    console.log(
      JSON.stringify({
        linearity: {
          sizes: rows.map((r) => r.entries),
          ms: rows.map((r) => r.ms),
          exponent: Math.round(exponent * 100) / 100,
        },
      }),
    );
    return;
  }
  const i = args.indexOf("--preset");
  const name = i >= 0 ? args[i + 1]! : "xl";
  const preset = presets[name];
  if (preset === undefined) throw new Error(`unknown preset ${name} (${Object.keys(presets).join(", ")})`);
  if (args.includes("--digest")) return digest(name, preset);
  const [result] = await measure([{ name, preset }]);
  table([result!]);
  console.log(JSON.stringify(result));
};

await main();
