/**
 * `pnpm -s sandbox [options]`: serves the simulated Harvest and Runn APIs on 127.0.0.1, prints one JSON
 * line (connection info) on stdout, logs on stderr, runs until SIGINT/SIGTERM. `--help` lists the options;
 * an unknown option is refused (exit 2).
 */

import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { realTimeStart } from "./control/Clock.ts";
import type { FaultConfig } from "./control/Faults.ts";
import type { Limit } from "./control/RateLimiter.ts";
import { isPresetName } from "./generate/Presets.ts";
import { startSandbox } from "./Server.ts";

const usage = `Usage: pnpm -s sandbox [options]

  --seed N                    data seed (default 42)
  --preset NAME               tiny, small, large or xl (default tiny)
  --port N                    port on 127.0.0.1, 0 picks a free one (default 0)
  --accounts N                account pairs (default 1)
  --anchor-date YYYY-MM-DD    the data's today (default: today in UTC)
  --clock frozen|real         frozen: the data clock stays at 18:00 UTC of the anchor date until the
                              control API moves it; real: it reads this machine's clock (from the
                              anchor's 18:00 UTC when --anchor-date is given) and runs on (default frozen)
  --time-scale K              compresses rate-limit windows and Retry-After (default 1)
  --runn-data empty|existing  start Runn empty or with data already in it
  --autofill-actuals          Runn's "autofill missing actuals": zero actuals every Sunday
  --runn-bulk-order request|reversed
                              order of POST /clients/bulk/ results (default request)
  --harvest-limit R/MS        Harvest rate limit (default 100/15000)
  --runn-limit R/MS[/BLOCK]   Runn rate limit (default 120/60000)
  --faults JSON               fault injection, e.g. '{"serverError":0.01}'
  --verbose                   one line per request on stderr
  --help                      this text
`;

const fail = (message: string): never => {
  process.stderr.write(`sandbox: ${message}\n${usage}`);
  process.exit(2);
};

const parse = () =>
  parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      seed: { type: "string" },
      preset: { type: "string" },
      port: { type: "string" },
      accounts: { type: "string" },
      "anchor-date": { type: "string" },
      clock: { type: "string" },
      "time-scale": { type: "string" },
      "runn-data": { type: "string" },
      "autofill-actuals": { type: "boolean" },
      "runn-bulk-order": { type: "string" },
      "harvest-limit": { type: "string" },
      "runn-limit": { type: "string" },
      faults: { type: "string" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
let values: ReturnType<typeof parse>["values"] = {};
try {
  values = parse().values;
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const num = (name: "seed" | "port" | "accounts" | "time-scale", fallback: number): number => {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail(`--${name} must be a number`);
};
const oneOf = <T extends string>(
  name: "clock" | "runn-data" | "runn-bulk-order",
  allowed: ReadonlyArray<T>,
) => {
  const v = values[name];
  if (v === undefined) return undefined;
  return (allowed as ReadonlyArray<string>).includes(v)
    ? (v as T)
    : fail(`--${name} must be ${allowed.join(" or ")}`);
};

const preset = values.preset ?? "tiny";
if (!isPresetName(preset)) fail(`unknown preset ${preset} (tiny, small, large, xl)`);
const runnData = oneOf("runn-data", ["empty", "existing"] as const);
const clock = oneOf("clock", ["frozen", "real"] as const);
const runnBulkOrder = oneOf("runn-bulk-order", ["request", "reversed"] as const);
const anchorDate = values["anchor-date"];
const limit = (name: "harvest-limit" | "runn-limit"): Limit | undefined => {
  const v = values[name];
  if (v === undefined) return undefined;
  const [requests, windowMs, blockMs] = v.split("/").map(Number);
  if (!(requests && requests > 0 && windowMs && windowMs > 0))
    return fail(`--${name} must look like 100/15000`);
  return { requests, windowMs, ...(blockMs ? { blockMs } : {}) };
};
const harvestLimit = limit("harvest-limit");
const runnLimit = limit("runn-limit");
let faults: FaultConfig | undefined;
try {
  faults = values.faults === undefined ? undefined : (JSON.parse(values.faults) as FaultConfig);
} catch {
  fail("--faults must be a JSON object");
}

const started = Date.now();
// A real clock without an anchor date starts at this machine's time, so a correct clock sees no skew.
const real = clock === "real" && anchorDate === undefined ? realTimeStart(started) : undefined;
const sb = await startSandbox({
  port: num("port", 0),
  seed: num("seed", 42),
  preset: preset as "tiny",
  accounts: num("accounts", 1),
  timeScale: num("time-scale", 1),
  ...(anchorDate ? { anchorDate } : real ? { anchorDate: real.anchorDate } : {}),
  ...(runnData ? { runnData } : {}),
  ...(clock ? { clock } : {}),
  ...(runnBulkOrder ? { runnBulkOrder } : {}),
  ...(values["autofill-actuals"] ? { autofillActuals: true } : {}),
  limits: { ...(harvestLimit ? { harvest: harvestLimit } : {}), ...(runnLimit ? { runn: runnLimit } : {}) },
  ...(faults ? { faults } : {}),
  ...(values.verbose ? { onRequest: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});
if (real) sb.sandbox.advance(real.advanceMs);
process.stderr.write(`sandbox: ${preset} ready on ${sb.url} in ${Date.now() - started} ms\n`);
process.stdout.write(`${JSON.stringify(sb.info)}\n`);
// How long the sandbox's event loop stalled while serving (GC, large responses): a stalled server sees
// requests later than they were sent, which a client pacing close to a compressed window must allow for.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const stop = (signal: string) => {
  loop.disable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  process.stderr.write(
    `sandbox: ${signal}, closing (event loop delay while serving: p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms)\n`,
  );
  void sb.close().then(() => process.exit(0));
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
