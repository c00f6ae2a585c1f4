/**
 * `pnpm -s sandbox --seed 42 --preset small --port 0 [--accounts N] [--time-scale K] [--anchor-date D]
 * [--runn-data empty|existing] [--harvest-limit 100/15000] [--runn-limit 120/60000[/blockMs]]
 * [--faults '{"serverError":0.01}'] [--verbose]`: prints one JSON line (connection info) on stdout, logs on
 * stderr, runs until SIGINT/SIGTERM.
 */
import type { FaultConfig } from "./control/Faults.ts";
import type { Limit } from "./control/RateLimiter.ts";
import { isPresetName } from "./generate/Presets.ts";
import { startSandbox } from "./Server.ts";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
};
const fail = (message: string): never => {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(2);
};
const num = (name: string, fallback: number): number => {
  const v = flag(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail(`--${name} must be a number`);
};

const preset = flag("preset") ?? "tiny";
if (!isPresetName(preset)) fail(`unknown preset ${preset} (tiny, small, large, xl)`);
const runnData = flag("runn-data");
if (runnData !== undefined && runnData !== "empty" && runnData !== "existing")
  fail("--runn-data must be empty or existing");
const anchorDate = flag("anchor-date");
const verbose = args.includes("--verbose");
const limit = (name: string): Limit | undefined => {
  const v = flag(name);
  if (v === undefined) return undefined;
  const [requests, windowMs, blockMs] = v.split("/").map(Number);
  if (!(requests && requests > 0 && windowMs && windowMs > 0))
    return fail(`--${name} must look like 100/15000`);
  return { requests, windowMs, ...(blockMs ? { blockMs } : {}) };
};
const harvestLimit = limit("harvest-limit");
const runnLimit = limit("runn-limit");
const faultsText = flag("faults");
let faults: FaultConfig | undefined;
try {
  faults = faultsText === undefined ? undefined : (JSON.parse(faultsText) as FaultConfig);
} catch {
  fail("--faults must be a JSON object");
}

const started = Date.now();
const sb = await startSandbox({
  port: num("port", 0),
  seed: num("seed", 42),
  preset: preset as "tiny",
  accounts: num("accounts", 1),
  timeScale: num("time-scale", 1),
  ...(anchorDate ? { anchorDate } : {}),
  ...(runnData ? { runnData: runnData as "empty" | "existing" } : {}),
  limits: { ...(harvestLimit ? { harvest: harvestLimit } : {}), ...(runnLimit ? { runn: runnLimit } : {}) },
  ...(faults ? { faults } : {}),
  ...(verbose ? { onRequest: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});
process.stderr.write(`sandbox: ${preset} ready on ${sb.url} in ${Date.now() - started} ms\n`);
process.stdout.write(`${JSON.stringify(sb.info)}\n`);
const stop = (signal: string) => {
  process.stderr.write(`sandbox: ${signal}, closing\n`);
  void sb.close().then(() => process.exit(0));
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
