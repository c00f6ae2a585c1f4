/**
 * `link`, `unlink`, `ignore`, `link --suggest [--apply]` (SPEC E8, E10) and `undo <run id>` (SPEC E11).
 */
import { Args, Command, Options } from "@effect/cli";
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Option } from "effect";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";
import * as Render from "../Render.ts";
import * as Summary from "../Summary.ts";
import { connection, json, resolveConnection, resolveRunId, withApp } from "./Common.ts";

const kinds = ["client", "project", "person"] as const;
const kind = Args.choice(
  kinds.map((k) => [k, k] as const),
  { name: "kind" },
);
const runnId = Args.integer({ name: "runn id" });
const harvestId = Args.integer({ name: "harvest id" });

/** One item as a line; a link item's label already names what was linked. */
const itemLine = (i: Output.RunItem) =>
  `${i.outcome === "failed" ? Render.style.red(i.outcome) : Render.style.green(i.outcome)} ${
    i.kind === "link" ? "" : `${i.kind} `
  }${i.label}${i.error === null ? "" : `: ${i.error}`}`;

const failedExit = (items: ReadonlyArray<Output.RunItem>) =>
  items.some((i) => i.outcome === "failed")
    ? Errors.setExitCode(
        items.every((i) => i.outcome === "failed") ? Errors.ExitCode.failed : Errors.ExitCode.partial,
      )
    : Effect.void;

const linkCommand = Command.make(
  "link",
  {
    kind: Args.optional(kind),
    runnId: Args.optional(runnId),
    harvestId: Args.optional(harvestId),
    suggest: Options.boolean("suggest"),
    apply: Options.boolean("apply"),
    connection,
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        const id = yield* resolveConnection(o.connection);
        const sync = yield* Sync.Sync;
        if (o.suggest) {
          if (Option.isSome(o.kind)) return yield* Errors.usage("link --suggest takes no kind or ids");
          const suggestions = yield* sync.suggestLinks(id);
          const applied = o.apply ? yield* sync.applyLinks(id, suggestions) : null;
          yield* Render.out(o.json, { suggestions, applied }, () =>
            applied !== null
              ? [
                  `${applied.filter((i) => i.outcome !== "failed").length} of ${suggestions.length} linked`,
                  ...applied.map(itemLine),
                ]
              : suggestions.length === 0
                ? ["no suggested links"]
                : [
                    ...Render.table(
                      ["kind", "runn", "harvest", "what", "why", "command"],
                      suggestions.map((s) => [
                        s.kind,
                        s.runnId,
                        s.harvestId,
                        s.label,
                        s.basis,
                        `${Help.invokedAs()} link ${s.kind} ${s.runnId} ${s.harvestId}`,
                      ]),
                    ),
                    Render.style.dim(`link them all with \`${Help.invokedAs()} link --suggest --apply\``),
                  ],
          );
          if (applied !== null) yield* failedExit(applied);
          return;
        }
        if (o.apply) return yield* Errors.usage("--apply goes with --suggest");
        if (Option.isNone(o.kind) || Option.isNone(o.runnId) || Option.isNone(o.harvestId))
          return yield* Errors.usage(
            `usage: ${Help.invokedAs()} link <client|project|person> <runn id> <harvest id>, or link --suggest [--apply]`,
          );
        const item = yield* sync.link(id, {
          kind: o.kind.value,
          runnId: o.runnId.value,
          harvestId: o.harvestId.value,
        });
        yield* Render.out(o.json, item, () => [itemLine(item)]);
        yield* failedExit([item]);
      }),
    ),
);

const unlinkCommand = Command.make("unlink", { kind, runnId, harvestId, connection, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const item = yield* (yield* Sync.Sync).unlink(id, {
        kind: o.kind,
        runnId: o.runnId,
        harvestId: o.harvestId,
      });
      yield* Render.out(o.json, item, () => [itemLine(item)]);
      yield* failedExit([item]);
    }),
  ),
);

const ignoreCommand = Command.make(
  "ignore",
  {
    kind,
    harvestId,
    undo: Options.boolean("undo"),
    note: Options.text("note").pipe(Options.optional),
    connection,
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        const id = yield* resolveConnection(o.connection);
        yield* (yield* Sync.Sync).ignore(
          id,
          {
            kind: o.kind,
            harvestId: o.harvestId,
            ...Option.match(o.note, { onNone: () => ({}), onSome: (note) => ({ note }) }),
          },
          !o.undo,
        );
        const result = { kind: o.kind, harvestId: o.harvestId, ignored: !o.undo };
        yield* Render.out(o.json, result, () => [
          o.undo
            ? `Harvest ${o.kind} ${o.harvestId} is off the do-not-import list: the next sync imports it`
            : `Harvest ${o.kind} ${o.harvestId} is on the do-not-import list: it will not be created in Runn`,
          ...(o.undo
            ? []
            : [
                `if it is already linked to a Runn ${o.kind}, that link stays${o.kind === "client" ? "" : " and its actuals keep syncing"}; \`${Help.invokedAs()} unlink ${o.kind} <runn id> ${o.harvestId}\` stops that too`,
              ]),
        ]);
      }),
    ),
);

const undoCommand = Command.make(
  "undo",
  {
    runId: Args.text({ name: "run id" }),
    dryRun: Options.boolean("dry-run"),
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        const report = yield* (yield* Sync.Sync).undo(yield* resolveRunId(o.runId), { dryRun: o.dryRun });
        const b = Summary.breakdown(report.items);
        yield* Render.out(o.json, report, () => [
          Render.style.bold(
            `undo of ${report.runId}${report.dryRun ? " (dry run: nothing changed)" : ` recorded as run ${report.undoRunId}`}`,
          ),
          ...Render.countBy(report.items, (i) => `${i.outcome} ${i.kind}`).map(
            ([k, n]) => `  ${String(n).padStart(5)}  ${k}`,
          ),
          ...b.failed.map((f) => `  ${Render.style.red("not removed")} ${f.kind} ${f.label}: ${f.error}`),
        ]);
        yield* failedExit(report.items);
      }),
    ),
);

/** The link commands. */
export const commands = [linkCommand, unlinkCommand, ignoreCommand, undoCommand] as const;
