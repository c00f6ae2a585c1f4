/**
 * `demo`: the main job end to end on the sandbox. Starts the simulated Harvest and Runn APIs on
 * loopback, creates a connection in a fresh embedded SQLite store (`.harvest-runn/demo-<time>`, with
 * its own secret key beside it), shows the plan, runs the sync and prints what it did.
 */
import { mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Command, Options } from "@effect/cli";
import type { SandboxServer } from "@harvest-runn/sandbox";
import { KeyFile } from "@harvest-runn/storage";
import { Sync, SyncClock } from "@harvest-runn/sync";
import { Effect, Option, Redacted } from "effect";
import * as AppLayer from "../AppLayer.ts";
import * as CliConfig from "../Config.ts";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";
import * as Render from "../Render.ts";
import * as Summary from "../Summary.ts";
import { json } from "./Common.ts";
import { planLines, withProgress } from "./Run.ts";

const presets = ["tiny", "small", "large"] as const;
/** Time compression per preset, so the real rate limits still apply but a large demo ends today. */
const defaultScale: Record<(typeof presets)[number], number> = { tiny: 1, small: 20, large: 100 };

const startSandbox = (o: {
  preset: (typeof presets)[number];
  seed: number;
  timeScale: number;
  anchorDate: Option.Option<string>;
}) =>
  Effect.acquireRelease(
    Effect.promise(async () =>
      (await import("./DemoSandbox.ts")).start({ ...o, anchorDate: Option.getOrUndefined(o.anchorDate) }),
    ),
    (sb: SandboxServer.RunningSandbox) => Effect.promise(() => sb.close()),
  );

/** The sandbox's data clock to the minute, e.g. `2026-03-16 18:00`. */
const clockText = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");

/**
 * Creates `<parent>/demo-<stamp>` for this process alone: the folder is made with an exclusive
 * `mkdir`, so two demos started in the same millisecond in one folder get `demo-<stamp>` and
 * `demo-<stamp>-2` rather than one store between them (where the second's `connect` would find the
 * first's connection).
 */
export const freshStateDir = (parent: string, stamp: string): string => {
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  for (let n = 1; n <= 1000; n++) {
    const dir = join(parent, n === 1 ? `demo-${stamp}` : `demo-${stamp}-${n}`);
    try {
      mkdirSync(dir, { mode: 0o700 });
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  throw new Error(`${parent} already holds 1,000 demo folders stamped ${stamp}`);
};

/** A fresh state folder with its own secret key. */
const freshState = Effect.gen(function* () {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const stateDir = yield* Effect.sync(() => freshStateDir(resolve(".harvest-runn"), stamp));
  const { key } = yield* Effect.orDie(KeyFile.loadOrCreate(join(stateDir, KeyFile.fileName)));
  return { stateDir, key };
});

const demoCommand = Command.make(
  "demo",
  {
    preset: Options.choice("preset", presets).pipe(Options.withDefault("tiny" as const)),
    seed: Options.integer("seed").pipe(Options.withDefault(42)),
    timeScale: Options.integer("time-scale").pipe(Options.optional),
    anchorDate: Options.text("anchor-date").pipe(Options.optional),
    json,
  },
  (o) =>
    Effect.scoped(
      Effect.gen(function* () {
        const timeScale = Option.getOrElse(o.timeScale, () => defaultScale[o.preset]);
        if (timeScale < 1) return yield* Errors.usage("--time-scale must be at least 1");
        const say = (...l: ReadonlyArray<string>) => (o.json ? Effect.void : Render.lines(...l));
        const started = Date.now();
        const { stateDir, key } = yield* freshState;
        const sb = yield* startSandbox({
          preset: o.preset,
          seed: o.seed,
          timeScale,
          anchorDate: o.anchorDate,
        });
        yield* say(
          Render.style.bold(`harvest-runn demo: ${o.preset} preset, seed ${o.seed}`),
          `sandbox Harvest and Runn on ${sb.url}`,
          `its clock reads ${clockText(sb.sandbox.nowSeconds())} UTC${timeScale > 1 ? `, time ×${timeScale}` : ""}`,
        );
        const layer = AppLayer.make({
          stateDir,
          secretKey: Option.some(key),
          clients: {
            harvestBaseUrl: sb.info.harvest.baseUrl,
            harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
            ...(timeScale > 1 ? CliConfig.scaledLimits(timeScale) : {}),
          },
          time: SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000),
        });
        const result = yield* Effect.gen(function* () {
          const sync = yield* Sync.Sync;
          const connected = yield* sync.connect({
            id: "demo",
            name: "demo",
            harvest: {
              accountId: Number(sb.info.harvest.accountId),
              userAgent: "HarvestRunnDemo (demo@example.com)",
              token: Redacted.make(sb.info.harvest.token),
            },
            runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(sb.info.runn.token) },
            settings: { switches: { actuals: true } },
          });
          yield* say(
            `connection "demo" saved (tokens sealed with the key in secret.key); actuals switched on`,
            ...connected.warnings.map((w) => `${Render.style.yellow("warning")}: ${w}`),
            "",
          );
          const plan = yield* sync.plan("demo");
          yield* say(...planLines(plan.items, plan.writes), "");
          const summary = yield* withProgress(o.json, sync.run("demo", { trigger: "manual" }));
          const detail = yield* sync.runDetail(summary.id);
          return {
            connection: connected.connection,
            plan,
            summary,
            breakdown: Summary.breakdown(detail.items),
          };
        }).pipe(Effect.provide(layer));
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const rel = relative(process.cwd(), stateDir) || ".";
        yield* Render.out(
          o.json,
          {
            stateDir,
            sandbox: { preset: o.preset, seed: o.seed, anchorDate: sb.info.anchorDate, timeScale },
            connection: result.connection,
            plan: { writes: result.plan.writes, counts: result.plan.counts },
            summary: result.summary,
            breakdown: result.breakdown,
            seconds: Number(seconds),
          },
          () => [
            "",
            ...Summary.runLines(result.summary, result.breakdown),
            "",
            `store: ${stateDir} (SQLite, ${seconds} s in all)`,
            "look around (the sandbox stopped with the demo, so reads only):",
            `  HARVEST_RUNN_STATE_DIR=${rel} ${Help.invokedAs()} status`,
            `  HARVEST_RUNN_STATE_DIR=${rel} ${Help.invokedAs()} runs show ${result.summary.id} --outcome held`,
          ],
        );
        yield* Errors.setExitCode(Summary.exitOf(result.summary));
      }),
    ),
);

/** The demo command. */
export const commands = [demoCommand] as const;
