/**
 * `plan`, `sync`, `apply <plan.json>` and `backfill --from <date>`: dry runs print what would be
 * written; runs print their summary and exit 0 (succeeded), 3 (partial) or 1 (failed).
 */
import { readFileSync } from "node:fs";
import { Args, Command, Options } from "@effect/cli";
import { ReconcileOptions } from "@harvest-runn/domain";
import { Output, Sync } from "@harvest-runn/sync";
import { Duration, Effect, Option } from "effect";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";
import * as ProgressBars from "../ProgressBars.ts";
import * as Render from "../Render.ts";
import * as Summary from "../Summary.ts";
import { connection, json, resolveConnection, withApp } from "./Common.ts";

const entityTypes = ReconcileOptions.EntityType.literals;

const only = Options.text("only").pipe(Options.optional);
const project = Options.integer("project").pipe(Options.optional);

/** The scope the flags ask for. */
const scopeOf = (o: { readonly only: Option.Option<string>; readonly project: Option.Option<number> }) =>
  Effect.gen(function* () {
    if (Option.isSome(o.project)) {
      if (Option.isSome(o.only)) return yield* Errors.usage("--only and --project cannot be combined");
      return { kind: "project", harvestProjectId: o.project.value } as const satisfies Output.Scope;
    }
    if (Option.isNone(o.only)) return Output.scopeAll;
    const types = o.only.value.split(",").map((t) => t.trim());
    const bad = types.filter((t) => !(entityTypes as ReadonlyArray<string>).includes(t));
    if (bad.length > 0 || types.length === 0)
      return yield* Errors.usage(`--only takes ${entityTypes.join(",")}; got "${bad.join(",")}"`);
    return { kind: "entities", types: types as Array<(typeof entityTypes)[number]> } as const;
  });

/** The switch that allows each entity type. */
const switchOf = {
  clients: "clientsAndProjects",
  projects: "clientsAndProjects",
  people: "people",
  actuals: "actuals",
} as const;
const flagOf = {
  clientsAndProjects: "--clients-and-projects",
  people: "--people",
  actuals: "--actuals",
} as const;

const noOp = {
  clientsAndProjects: "clients and projects are switched off, so it imports no clients or projects",
  people: "people are switched off, so it imports no people",
  actuals: "actuals are switched off, so it writes no actuals",
} as const;

/**
 * Says when a switched-off switch makes part of an explicitly requested scope (`--only`, `--project`)
 * a no-op; prints nothing under `--json` or for the default scope.
 */
export const switchNotes = (id: string, scope: Output.Scope, asJson: boolean) =>
  Effect.gen(function* () {
    if (asJson || scope === Output.scopeAll) return;
    const { switches } = yield* (yield* Sync.Sync).settings(id);
    const asked = scope.kind === "project" ? (["actuals"] as const) : scope.types;
    for (const k of new Set(asked.map((t) => switchOf[t])))
      if (!switches[k])
        yield* Render.note(
          `${Render.style.yellow("note")}: ${noOp[k]} (\`${Help.invokedAs()} settings ${flagOf[k]} on\` switches them on)`,
        );
  });

/** Prints a finished run (summary and breakdown, or the summary as JSON) and sets the exit code. */
export const printRun = (summary: Output.RunSummary, asJson: boolean) =>
  Effect.gen(function* () {
    if (asJson) yield* Render.json(summary);
    else {
      const detail = yield* (yield* Sync.Sync).runDetail(summary.id);
      yield* Render.lines(...Summary.runLines(summary, Summary.breakdown(detail.items)));
    }
    yield* Errors.setExitCode(Summary.exitOf(summary));
  });

/** Runs an effect with progress output for this process's mode. */
export const withProgress = <A, E, R>(asJson: boolean, effect: Effect.Effect<A, E, R>) => {
  const bars = ProgressBars.make(ProgressBars.modeFor(asJson));
  return effect.pipe(Effect.provide(bars.layer), Effect.ensuring(bars.stop));
};

/** Lines for a dry run: planned writes by kind, held and skipped items by reason. */
export const planLines = (items: ReadonlyArray<Output.RunItem>, writes: number): Array<string> => {
  const planned = items.filter((i) => i.outcome === "planned");
  const action = (i: Output.RunItem) => i.label.split(" ")[0] ?? "";
  const rows = Render.countBy(planned, (i) => `${i.kind}\u0000${action(i)}`).map(([k, n]) => {
    const [kind, verb] = k.split("\u0000");
    return [kind ?? "", verb ?? "", n];
  });
  const b = Summary.breakdown(items);
  return [
    Render.style.bold(`Plan: ${writes} Runn write${writes === 1 ? "" : "s"}`),
    ...(rows.length === 0 ? ["  nothing to write"] : Render.table(["kind", "action", "count"], rows)),
    ...(Object.keys(b.held).length === 0
      ? []
      : ["held (waiting for you):", ...Summary.reasonLines(b, "held")]),
    ...(Object.keys(b.skipped).length === 0 ? [] : ["skipped:", ...Summary.reasonLines(b, "skipped")]),
    ...b.duplicates.map((d) => `  possible duplicate ${d.label}: ${Render.style.cyan(d.command)}`),
  ];
};

const planCommand = Command.make("plan", { connection, only, project, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const scope = yield* scopeOf(o);
      yield* switchNotes(id, scope, o.json);
      const result = yield* (yield* Sync.Sync).plan(id, { scope });
      yield* Render.out(o.json, result.plan, () => [
        ...planLines(result.items, result.writes),
        Render.style.dim(
          `save it with \`${Help.invokedAs()} plan --json > plan.json\`, apply it with \`${Help.invokedAs()} apply plan.json\``,
        ),
      ]);
    }),
  ),
);

const syncCommand = Command.make(
  "sync",
  {
    connection,
    only,
    project,
    dryRun: Options.boolean("dry-run"),
    wait: Options.integer("wait").pipe(Options.optional),
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        const id = yield* resolveConnection(o.connection);
        const scope = yield* scopeOf(o);
        yield* switchNotes(id, scope, o.json);
        const sync = yield* Sync.Sync;
        if (o.dryRun) {
          const result = yield* sync.plan(id, { scope });
          return yield* Render.out(
            o.json,
            { writes: result.writes, counts: result.counts, items: result.items },
            () => planLines(result.items, result.writes),
          );
        }
        if (Option.isSome(o.wait) && o.wait.value < 0)
          return yield* Errors.usage(`--wait takes a number of seconds, 0 or more; got ${o.wait.value}`);
        const waitForLease = Option.map(o.wait, (s) => Duration.seconds(s));
        const summary = yield* withProgress(
          o.json,
          sync.run(id, {
            scope,
            trigger: "manual",
            ...(Option.isSome(waitForLease) ? { waitForLease: waitForLease.value } : {}),
          }),
        );
        yield* printRun(summary, o.json);
      }),
    ),
);

const applyCommand = Command.make("apply", { file: Args.text({ name: "plan.json" }), json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const raw = yield* Effect.try({
        try: () => JSON.parse(readFileSync(o.file, "utf8")) as unknown,
        catch: (e) =>
          Errors.usage(`cannot read a plan from ${o.file}: ${e instanceof Error ? e.message : String(e)}`),
      });
      const summary = yield* withProgress(o.json, (yield* Sync.Sync).apply(raw, { trigger: "manual" }));
      yield* printRun(summary, o.json);
    }),
  ),
);

const backfillCommand = Command.make("backfill", { connection, from: Options.text("from"), json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const summary = yield* withProgress(o.json, (yield* Sync.Sync).backfill(id, o.from));
      yield* printRun(summary, o.json);
    }),
  ),
);

/** The run commands. */
export const commands = [planCommand, syncCommand, applyCommand, backfillCommand] as const;
