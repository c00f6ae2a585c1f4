/**
 * `status` (last success per entity type, the lease, recent runs), `runs` (newest first) and
 * `runs show <id>` (item outcomes, filtered by outcome and reason).
 */
import { Args, Command, Options } from "@effect/cli";
import { Reason } from "@harvest-runn/domain";
import { Run } from "@harvest-runn/storage";
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Option } from "effect";
import * as Errors from "../Errors.ts";
import * as Render from "../Render.ts";
import * as Summary from "../Summary.ts";
import { connection, json, resolveConnection, withApp } from "./Common.ts";

const counts = (c: Output.Counts) =>
  (Object.entries(c) as Array<[string, number]>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ") || "nothing";

const runRow = (r: Output.RunSummary) => [
  r.id,
  r.status,
  r.trigger,
  r.startedAt,
  r.scope.kind === "project" ? `project ${r.scope.harvestProjectId}` : r.scope.types.join(","),
  counts(r.counts),
];

const statusCommand = Command.make("status", { connection, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const sync = yield* Sync.Sync;
      const status = yield* sync.status(id);
      const recent = yield* sync.runs(id, { limit: 5 });
      yield* Render.out(o.json, status, () => [
        Render.style.bold(`${status.connection.id} (${status.connection.name})`),
        `  running now   ${status.running ? "yes (a run holds the lease)" : "no"}`,
        `  next run      ${status.nextScheduledAt ?? "not scheduled"}`,
        "  last success",
        ...Object.entries(status.lastSuccess).map(([k, v]) => `    ${k.padEnd(10)} ${v ?? "never"}`),
        "  recent runs",
        ...(recent.runs.length === 0
          ? ["    none"]
          : Render.table(
              ["id", "status", "trigger", "started", "scope", "counts"],
              recent.runs.map(runRow),
            ).map((l) => `    ${l}`)),
      ]);
    }),
  ),
).pipe(Command.withDescription("last success per entity type, current lease, recent runs"));

const outcome = Options.choice("outcome", Run.Outcome.literals).pipe(
  Options.withDescription("only items with this outcome"),
  Options.optional,
);
const reason = Options.choice("reason", Reason.ReasonCode.literals).pipe(
  Options.withDescription("only items with this reason code"),
  Options.optional,
);

const showCommand = Command.make("show", { id: Args.text({ name: "run id" }), outcome, reason, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const detail = yield* (yield* Sync.Sync).runDetail(o.id, {
        ...Option.match(o.outcome, { onNone: () => ({}), onSome: (v) => ({ outcome: v }) }),
        ...Option.match(o.reason, { onNone: () => ({}), onSome: (v) => ({ reason: v }) }),
      });
      const filtered = Option.isSome(o.outcome) || Option.isSome(o.reason);
      yield* Render.out(o.json, detail, () => [
        ...(filtered
          ? [
              `${Render.style.bold(`Run ${detail.summary.id}`)}: ${detail.summary.status} (${counts(detail.summary.counts)})`,
              `${detail.items.length} item${detail.items.length === 1 ? "" : "s"} with${[
                ...Option.toArray(o.outcome).map((v) => ` outcome ${v}`),
                ...Option.toArray(o.reason).map((v) => ` reason ${v}`),
              ].join(" and")}`,
            ]
          : Summary.runLines(detail.summary, Summary.breakdown(detail.items))),
        "",
        ...(detail.items.length === 0
          ? ["no items match"]
          : Render.table(
              ["kind", "outcome", "reason", "harvest", "runn", "item"],
              detail.items.map((i) => [
                i.kind,
                i.outcome,
                i.reason ?? "",
                i.harvestId ?? "",
                i.runnId ?? "",
                i.error === null ? i.label : `${i.label}: ${i.error}`,
              ]),
            )),
      ]);
    }),
  ),
).pipe(Command.withDescription("one run's items (filter with --outcome and --reason)"));

const runsCommand = Command.make(
  "runs",
  {
    connection,
    limit: Options.integer("limit").pipe(Options.withDefault(20), Options.withDescription("how many runs")),
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        if (o.limit < 1) return yield* Errors.usage("--limit must be at least 1");
        const id = yield* resolveConnection(o.connection);
        const page = yield* (yield* Sync.Sync).runs(id, { limit: o.limit });
        yield* Render.out(o.json, page, () =>
          page.runs.length === 0
            ? ["no runs yet: `harvest-runn sync`"]
            : Render.table(["id", "status", "trigger", "started", "scope", "counts"], page.runs.map(runRow)),
        );
      }),
    ),
).pipe(
  Command.withDescription("a connection's runs, newest first; `runs show <id>` lists one run's items"),
  Command.withSubcommands([showCommand]),
);

/** The history commands. */
export const commands = [statusCommand, runsCommand] as const;
