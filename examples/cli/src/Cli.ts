/**
 * The `harvest-runn` command tree and its runner: parse, run one command, print its result or its
 * error, and return the exit code (0 ok, 1 failed, 2 usage, 3 partial).
 */
import { Command } from "@effect/cli";
import { Console, Effect } from "effect";
import * as Connect from "./commands/Connect.ts";
import * as Demo from "./commands/Demo.ts";
import * as History from "./commands/History.ts";
import * as Links from "./commands/Links.ts";
import * as Reasons from "./commands/Reasons.ts";
import * as Run from "./commands/Run.ts";
import * as Settings from "./commands/Settings.ts";
import * as Errors from "./Errors.ts";

/** The root command. */
export const root = Command.make("harvest-runn").pipe(
  Command.withDescription("one-way sync from Harvest into Runn"),
  Command.withSubcommands([
    ...Demo.commands,
    ...Connect.commands,
    ...Settings.commands,
    ...Run.commands,
    ...History.commands,
    ...Reasons.commands,
    ...Links.commands,
  ]),
);

/**
 * The parser prints its own error text on the console's error stream; ours says more (the flag, the
 * accepted values, "did you mean") and goes to stdout alone under `--json`, so the parser's is dropped.
 * Command output and log lines do not go through `Console.error`.
 */
const quietParser = Console.consoleWith((console) =>
  Effect.succeed({ ...console, error: () => Effect.void, unsafe: { ...console.unsafe, error: () => {} } }),
);

/** Runs the command line `argv` (as `process.argv`) and returns the exit code. */
export const main = (argv: ReadonlyArray<string>, version: string) => {
  const asJson = argv.includes("--json");
  const cli = Command.run(root, { name: "harvest-runn", version });
  return quietParser.pipe(
    Effect.flatMap((console) => Effect.withConsole(cli(argv), console)),
    Effect.map(() => (typeof process.exitCode === "number" ? process.exitCode : Errors.ExitCode.ok)),
    Effect.catchAllCause((cause) => Errors.fromCause(cause, asJson, argv.slice(2))),
    // SIGINT interrupts the command: still one line, or one JSON document under `--json`.
    Effect.onInterrupt(() => Errors.interrupted(asJson)),
  );
};
