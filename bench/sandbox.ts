/**
 * `pnpm bench:sandbox [--preset tiny|small|large|xl]`: times generating each preset (world plus ground
 * truth) and the heap it keeps; prints a table, then one JSON line per preset.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Generate, Preset } from "../packages/sandbox/src/index.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const args = process.argv.slice(2);
const i = args.indexOf("--preset");
const only = i >= 0 ? args[i + 1] : undefined;
const names = (only ? [only] : Object.keys(Preset.presets)) as Preset.PresetName[];
for (const n of names) if (!(n in Preset.presets)) throw new Error(`unknown preset ${n}`);

/** Heap plus the typed arrays' backing stores (entries and actuals live there). */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const rows: Array<{ preset: string; entries: number; generateMs: number; heapMb: number; cpuMs: number }> =
  [];
for (const preset of names) {
  gc();
  const before = used();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let world: ReturnType<typeof Generate.generate> | null = Generate.generate({
    seed: 42,
    preset,
    anchorDate: "2024-06-03",
  });
  const generateMs = Math.round(performance.now() - t0);
  const spent = process.cpuUsage(cpu);
  const cpuMs = Math.round((spent.user + spent.system) / 1000);
  gc();
  const heapMb = Math.round(((used() - before) / 1024 / 1024) * 10) / 10;
  const entries = world.harvest[0]?.entries.size ?? 0;
  const truth = world.truth[0];
  process.stderr.write(
    `${preset}: ${entries} entries, ${world.runn[0]?.actuals.size ?? 0} Runn actuals, creates ${JSON.stringify(truth?.create)}\n`,
  );
  world = null;
  rows.push({ preset, entries, generateMs, heapMb, cpuMs });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `${"preset".padEnd(8)}${pad("entries", 10)}${pad("generate ms", 13)}${pad("cpu ms", 10)}${pad("heap MB", 10)}`,
);
for (const r of rows)
  console.log(
    `${r.preset.padEnd(8)}${pad(r.entries, 10)}${pad(r.generateMs, 13)}${pad(r.cpuMs, 10)}${pad(r.heapMb, 10)}`,
  );
for (const r of rows)
  console.log(
    JSON.stringify({ preset: r.preset, entries: r.entries, generateMs: r.generateMs, heapMb: r.heapMb }),
  );
