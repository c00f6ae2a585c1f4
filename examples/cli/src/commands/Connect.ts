/**
 * `connect` (tokens from flags, environment or a prompt; validated before saving, SPEC C2),
 * `connections` (list, delete) and `doctor`.
 */
import { Args, Command, Options, Prompt } from "@effect/cli";
import { Sync } from "@harvest-runn/sync";
import { Config, Effect, Option, Redacted } from "effect";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";
import * as Render from "../Render.ts";
import { connection, json, resolveConnection, withApp } from "./Common.ts";

const fromEnv = (name: string) =>
  Config.option(Config.string(name)).pipe(
    Effect.map(Option.filter((s) => s.trim() !== "")),
    Effect.orElseSucceed(() => Option.none<string>()),
  );

/** A value from its flag, else its environment variable, else a prompt on a TTY, else a usage error. */
const pick = (given: Option.Option<string>, env: string, flag: string, secret: boolean) =>
  Effect.gen(function* () {
    if (Option.isSome(given)) return given.value;
    const fromVar = yield* fromEnv(env);
    if (Option.isSome(fromVar)) return fromVar.value;
    if (process.stdin.isTTY !== true)
      return yield* Errors.usage(`missing ${flag} (or the ${env} environment variable)`);
    const message = `${flag.replace(/^--/, "").replaceAll("-", " ")}:`;
    return secret
      ? Redacted.value(yield* Prompt.run(Prompt.password({ message })))
      : yield* Prompt.run(Prompt.text({ message }));
  });

const text = (name: string) => Options.text(name).pipe(Options.optional);

const connectCommand = Command.make(
  "connect",
  {
    name: Options.text("name").pipe(Options.withDefault("default")),
    id: text("id"),
    harvestToken: text("harvest-token"),
    harvestAccountId: text("harvest-account-id"),
    harvestUserAgent: text("harvest-user-agent"),
    runnToken: text("runn-token"),
    runnBaseUrl: text("runn-base-url"),
    actuals: Options.boolean("actuals"),
    json,
  },
  (o) =>
    withApp(
      Effect.gen(function* () {
        const harvestToken = yield* pick(o.harvestToken, "HARVEST_TOKEN", "--harvest-token", true);
        const accountRaw = yield* pick(
          o.harvestAccountId,
          "HARVEST_ACCOUNT_ID",
          "--harvest-account-id",
          false,
        );
        const accountId = Number(accountRaw);
        if (!Number.isSafeInteger(accountId) || accountId <= 0)
          return yield* Errors.usage(`--harvest-account-id must be a positive integer, got "${accountRaw}"`);
        const userAgent = yield* pick(
          o.harvestUserAgent,
          "HARVEST_USER_AGENT",
          "--harvest-user-agent",
          false,
        );
        const runnToken = yield* pick(o.runnToken, "RUNN_TOKEN", "--runn-token", true);
        const runnBaseUrl = Option.isSome(o.runnBaseUrl) ? o.runnBaseUrl : yield* fromEnv("RUNN_BASE_URL");
        const baseUrl = Option.getOrElse(runnBaseUrl, () => "https://api.runn.io");
        if (!/^https?:\/\/[^\s/]+/.test(baseUrl))
          return yield* Errors.usage(`--runn-base-url "${baseUrl}" is not a URL`);
        const sync = yield* Sync.Sync;
        // An unreachable URL fails with HarvestUnreachable / RunnUnreachable, naming the URL tried.
        const result = yield* sync.connect({
          ...Option.match(o.id, { onNone: () => ({}), onSome: (id) => ({ id }) }),
          name: o.name,
          harvest: { accountId, userAgent, token: Redacted.make(harvestToken) },
          runn: { baseUrl, token: Redacted.make(runnToken) },
          ...(o.actuals ? { settings: { switches: { actuals: true } } } : {}),
        });
        yield* Render.out(o.json, result, () => [
          `${Render.style.green("connected")} ${result.connection.id} (${result.connection.name}): Harvest account ${result.connection.harvestAccountId} → ${result.connection.runnBaseUrl}`,
          ...result.warnings.map((w) => `${Render.style.yellow("warning")}: ${w}`),
          `actuals are ${result.connection.switches.actuals ? "on" : "off"}; change with \`${Help.invokedAs()} settings --actuals ${result.connection.switches.actuals ? "off" : "on"}\``,
        ]);
      }),
    ),
);

const list = Command.make("connections", { json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const all = yield* (yield* Sync.Sync).connections;
      const on = (b: boolean) => (b ? "on" : "off");
      yield* Render.out(o.json, all, () =>
        all.length === 0
          ? [`no connections: create one with \`${Help.invokedAs()} connect\``]
          : Render.table(
              ["id", "name", "harvest account", "runn", "clients&projects", "people", "actuals", "schedule"],
              all.map((c) => [
                c.id,
                c.name,
                c.harvestAccountId,
                c.runnBaseUrl,
                on(c.switches.clientsAndProjects),
                on(c.switches.people),
                on(c.switches.actuals),
                c.schedule.enabled ? `${c.schedule.timeOfDay} ${c.schedule.timeZone}` : "off",
              ]),
            ),
      );
    }),
  ),
);

const remove = Command.make("delete", { id: Args.text({ name: "connection id" }), json }, (o) =>
  withApp(
    Effect.gen(function* () {
      yield* (yield* Sync.Sync).disconnect(o.id);
      yield* Render.out(o.json, { deleted: o.id }, () => [
        `deleted ${o.id} with its secrets, ledger, cursors and runs`,
      ]);
    }),
  ),
);

const connectionsCommand = list.pipe(Command.withSubcommands([remove]));

const doctorCommand = Command.make("doctor", { connection, json }, (o) =>
  withApp(
    Effect.gen(function* () {
      const id = yield* resolveConnection(o.connection);
      const checks = yield* (yield* Sync.Sync).doctor(id);
      const mark = (l: string) =>
        l === "ok"
          ? Render.style.green("ok")
          : l === "warning"
            ? Render.style.yellow("warning")
            : Render.style.red("error");
      yield* Render.out(o.json, checks, () =>
        Render.table(
          ["check", "result", "detail"],
          checks.map((c) => [c.name, mark(c.level), c.message]),
        ),
      );
      if (checks.some((c) => c.level === "error")) yield* Errors.setExitCode(Errors.ExitCode.failed);
    }),
  ),
);

/** The connection commands. */
export const commands = [connectCommand, connectionsCommand, doctorCommand] as const;
