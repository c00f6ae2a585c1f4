/**
 * `settings`: shows a connection's switches, policies, role mapping, schedule and webhook, and changes
 * the ones given as flags (merged over the stored settings).
 */
import { Command, HelpDoc, Options, ValidationError } from "@effect/cli";
import { Output, Sync } from "@harvest-runn/sync";
import { Effect, Option, Schema } from "effect";
import * as Render from "../Render.ts";
import { connection, json, resolveConnection, withApp } from "./Common.ts";

const onOff = (name: string) =>
  Options.choice(name, ["on", "off"]).pipe(
    Options.map((v) => v === "on"),
    Options.optional,
  );

/** `--role-map` values as a table; a value without `=` names itself and the expected shape. */
const roleMapOf = (values: ReadonlyArray<string>) =>
  Effect.forEach(values, (v) => {
    const eq = v.indexOf("=");
    return eq > 0 && eq < v.length - 1
      ? Effect.succeed([v.slice(0, eq).trim(), v.slice(eq + 1).trim()] as const)
      : Effect.fail(
          ValidationError.invalidValue(
            HelpDoc.p(`--role-map ${JSON.stringify(v)}: expected "Harvest role=Runn role"`),
          ),
        );
  }).pipe(Effect.map((pairs) => (pairs.length === 0 ? Option.none() : Option.some(pairs))));

const flags = {
  connection,
  json,
  clientsAndProjects: onOff("clients-and-projects"),
  people: onOff("people"),
  actuals: onOff("actuals"),
  onPossibleDuplicate: Options.choice("on-possible-duplicate", ["hold", "create", "link"]).pipe(
    Options.optional,
  ),
  onRemovedTime: Options.choice("on-removed-time", ["delete", "zero"]).pipe(Options.optional),
  windowDays: Options.integer("window-days").pipe(Options.optional),
  includeArchived: onOff("include-archived"),
  protectManualEdits: onOff("protect-manual-edits"),
  approvedOnly: onOff("approved-only"),
  roleMap: Options.text("role-map").pipe(Options.repeated, Options.mapEffect(roleMapOf)),
  schedule: Options.text("schedule").pipe(Options.optional),
  timeZone: Options.text("time-zone").pipe(Options.optional),
  scheduleEnabled: onOff("scheduled"),
  webhook: Options.text("webhook").pipe(Options.optional),
};

type Success<O> = O extends Options.Options<infer A> ? A : never;
type Flags = { readonly [K in keyof typeof flags]: Success<(typeof flags)[K]> };

const some = <A>(o: Option.Option<A>, f: (a: A) => Record<string, unknown>) =>
  Option.match(o, { onNone: () => ({}), onSome: f });

/** The settings patch the flags ask for (`Sync.configure` deep-merges it over the stored settings). */
const patchOf = (o: Flags) => ({
  switches: {
    ...some(o.clientsAndProjects, (v) => ({ clientsAndProjects: v })),
    ...some(o.people, (v) => ({ people: v })),
    ...some(o.actuals, (v) => ({ actuals: v })),
  },
  schedule: {
    ...some(o.schedule, (v) => ({ timeOfDay: v })),
    ...some(o.timeZone, (v) => ({ timeZone: v })),
    ...some(o.scheduleEnabled, (v) => ({ enabled: v })),
  },
  ...some(o.onPossibleDuplicate, (v) => ({ onPossibleDuplicate: v })),
  ...some(o.onRemovedTime, (v) => ({ onRemovedTime: v })),
  ...some(o.windowDays, (v) => ({ windowDays: v })),
  ...some(o.includeArchived, (v) => ({ includeArchived: v })),
  ...some(o.protectManualEdits, (v) => ({ protectManualEdits: v })),
  ...some(o.approvedOnly, (v) => ({ approvedOnly: v })),
  ...some(o.roleMap, (v) => ({ roleMapping: Object.fromEntries(v) })),
  ...some(o.webhook, (v) => ({ webhookUrl: v === "none" ? null : v })),
});

const changes = (o: Flags) =>
  Object.entries(o).some(
    ([k, v]) =>
      k !== "connection" && k !== "json" && Option.isOption(v) && Option.isSome(v as Option.Option<unknown>),
  );

const settingsCommand = Command.make("settings", flags, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const sync = yield* Sync.Sync;
      if (changes(o)) yield* sync.configure(id, patchOf(o));
      const view = yield* sync.settings(id);
      const settings = Schema.encodeSync(Output.SettingsView)(view);
      yield* Render.out(o.json, { connectionId: id, settings }, () => [
        Render.style.bold(`settings of ${id}`),
        ...Render.table(
          ["setting", "value"],
          Object.entries(settings).map(([k, v]) => [k, Render.value(v)]),
          { width: Render.terminalWidth() - 2 },
        )
          .slice(1)
          .map((l) => `  ${l}`),
      ]);
    }),
  ),
);

/** The settings command. */
export const commands = [settingsCommand] as const;
