/**
 * Start-up of the installed CLI (DESIGN.md: `--version` in well under a second, aim 300 ms): builds,
 * packs and installs `@harvest-runn/cli` into a temporary prefix as its tests do, then times the
 * installed bin's `--version` and `--help`, a command that loads the sync (`reasons`), and a bare
 * `node -e 0` in the same run, alternating them for N rounds, and prints each one's median.
 *
 *   pnpm bench:cli [--preset tiny] [--runs N]       (default 21 runs; tiny: 5)
 *
 * The last line printed is one JSON object with the figures.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { install } from "../examples/cli/test/support/Installed.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: { preset: { type: "string" }, runs: { type: "string" } },
});
if (values.preset !== undefined && values.preset !== "tiny" && values.preset !== "default")
  throw new Error(`--preset takes tiny or default, got ${values.preset}`);
const runs = Number(values.runs ?? (values.preset === "tiny" ? 5 : 21));
if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new Error("--runs takes 1 to 1000");

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const installStarted = Date.now();
const cli = await install();
const installMs = Date.now() - installStarted;
process.stderr.write(`installed ${cli.version} into ${cli.prefix} in ${installMs} ms\n`);

const { NODE_OPTIONS: _, npm_lifecycle_event: __, ...env } = process.env;
const cases: Record<string, readonly [string, ReadonlyArray<string>]> = {
  nodeBare: [process.execPath, ["-e", "0"]],
  version: [cli.bin, ["--version"]],
  help: [cli.bin, ["--help"]],
  reasons: [cli.bin, ["reasons"]],
};
const times: Record<string, Array<number>> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
try {
  for (let round = 0; round < runs; round++)
    for (const [name, [file, args]] of Object.entries(cases)) {
      const started = process.hrtime.bigint();
      const r = spawnSync(file, [...args], {
        env: { ...env, NO_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr.toString()}`);
      times[name]?.push(ms);
    }
} finally {
  rmSync(join(cli.prefix, ".."), { recursive: true, force: true });
}

const figures = Object.fromEntries(
  Object.entries(times).map(([name, xs]) => [`${name}Ms`, Math.round(median(xs))]),
) as Record<string, number>;
for (const [name, xs] of Object.entries(times))
  console.log(
    `${name.padEnd(10)} median ${Math.round(median(xs)).toString().padStart(5)} ms over ${xs.length} runs`,
  );
console.log(JSON.stringify({ bench: "cli", runs, installMs, ...figures }));
