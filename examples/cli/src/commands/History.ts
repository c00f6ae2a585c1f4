/**
 * `status` (last success per entity type, the lease, recent runs), `runs` (newest first) and
 * `runs show <id>` (item outcomes, filtered by outcome and reason).
 */
import { Args, Command, Options } from "@effect/cli";
import { Reason, ReconcileOptions } from "@harvest-runn/domain";
import { Run } from "@harvest-runn/storage";
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Option } from "effect";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";
import * as Render from "../Render.ts";
import * as Summary from "../Summary.ts";
import { connection, json, resolveConnection, resolveRunId, shortId, withApp } from "./Common.ts";

const counts = (c: Output.Counts) =>
  (Object.entries(c) as Array<[string, number]>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ") || "nothing";

const header = ["id", "status", "trigger", "started", "took", "scope", "counts"];

const runRow = (r: Output.RunSummary) => [
  shortId(r.id),
  r.status,
  r.trigger,
  Render.shortTime(r.startedAt),
  Render.took(r.startedAt, r.endedAt),
  r.scope.kind === "project"
    ? `project ${r.scope.harvestProjectId}`
    : r.scope.types.length === ReconcileOptions.EntityType.literals.length
      ? "all"
      : r.scope.types.join(", "),
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
        `  running now   ${status.running ? (status.progress ?? "yes (a run holds the lease)") : "no"}`,
        `  next run      ${status.nextScheduledAt === null ? "not scheduled" : Render.localTime(status.nextScheduledAt)}`,
        "  last success",
        ...Object.entries(status.lastSuccess).map(
          ([k, v]) => `    ${k.padEnd(10)} ${v === null ? "never" : Render.localTime(v)}`,
        ),
        "  recent runs",
        ...(recent.runs.length === 0
          ? ["    none"]
          : Render.table(header, recent.runs.map(runRow), {
              width: Render.terminalWidth() - 4,
              fixed: [0, 1, 3, 4],
            }).map((l) => `    ${l}`)),
      ]);
    }),
  ),
);

const outcome = Options.choice("outcome", Run.Outcome.literals).pipe(Options.optional);
const reason = Options.choice("reason", Reason.ReasonCode.literals).pipe(Options.optional);

const showCommand = Command.make("show", { id: Args.text({ name: "run id" }), outcome, reason, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const detail = yield* (yield* Sync.Sync).runDetail(yield* resolveRunId(o.id), {
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
);

const runsCommand = Command.make(
  "runs",
  {
    connection,
    limit: Options.integer("limit").pipe(Options.withDefault(20)),
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
            ? [`no runs yet: \`${Help.invokedAs()} sync\``]
            : Render.table(header, page.runs.map(runRow), { fixed: [0, 1, 3, 4] }),
        );
      }),
    ),
).pipe(Command.withSubcommands([showCommand]));

/** The history commands. */
export const commands = [statusCommand, runsCommand] as const;
