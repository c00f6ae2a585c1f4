/**
 * Benchmark of `reconcile` (DESIGN.md budgets): builds snapshots for a preset, then in a child process
 * that loads them times `reconcile` (median of 5 after 2 warm-ups) and a bare baseline (one pass grouping
 * minutes by key in a Map over the same entries), and measures RSS.
 *
 *   pnpm bench:reconcile --preset tiny|small|large|xl     (default xl)
 *   pnpm bench:reconcile --linearity                      (xl/4, xl/2, xl)
 *
 * The last line printed is one JSON object with the figures.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { reconcile } from "../packages/reconcile/src/index.ts";
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
    const plan = reconcile(fixture.harvest, fixture.runn, fixture.options);
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
    runs: r.all.map(Math.round),
    cpuRuns: r.cpu.map(Math.round),
    baselineRuns: b.all.map(Math.round),
    baselineCpuRuns: b.cpu.map(Math.round),
    heapDeltaMb: mb(heapDelta),
    loadAverage: loadavg()[0]!.toFixed(1),
  };
  process.stdout.write(`${JSON.stringify({ ...result, ...detail })}\n`);
};

/** Parent: generate, write, spawn the child, read its figures. */
const measure = async (name: string, preset: Preset): Promise<Result> => {
  const dir = mkdtempSync(join(tmpdir(), "reconcile-bench-"));
  const file = join(dir, "snapshots.bin");
  try {
    writeFileSync(file, serialize(generate(preset)));
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
    const r = JSON.parse(out.trim().split("\n").pop()!) as Result & Record<string, unknown>;
    const list = (k: string) => (r[k] as Array<number>).join(", ");
    console.log(
      `${name}: ${r.operations} operations; reconcile wall ${list("runs")} ms, cpu ${list("cpuRuns")} ms; ` +
        `baseline wall ${list("baselineRuns")} ms, cpu ${list("baselineCpuRuns")} ms; ` +
        `heap delta ${r.heapDeltaMb} MB; load average ${r.loadAverage}`,
    );
    return {
      preset: r.preset,
      entries: r.entries,
      ms: r.ms,
      baselineMs: r.baselineMs,
      ratio: r.ratio,
      rssDeltaMb: r.rssDeltaMb,
      peakRssMb: r.peakRssMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    const fractions = [0.25, 0.5, 1];
    const rows: Array<Result> = [];
    for (const f of fractions) rows.push(await measure(`xl*${f}`, scale(presets.xl!, f)));
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
  const result = await measure(name, preset);
  table([result]);
  console.log(JSON.stringify(result));
};

await main();
