/**
 * The `harvest-runn` command tree and its runner: parse, run one command, print its result or its
 * error, and return the exit code (0 ok, 1 failed, 2 usage, 3 partial).
 */
import { Command } from "@effect/cli";
import { Effect } from "effect";
import * as Connect from "./commands/Connect.ts";
import * as Demo from "./commands/Demo.ts";
import * as History from "./commands/History.ts";
import * as Links from "./commands/Links.ts";
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
    ...Links.commands,
  ]),
);

const cli = Command.run(root, { name: "harvest-runn", version: "0.0.0" });

/** Runs the command line `argv` (as `process.argv`) and returns the exit code. */
export const main = (argv: ReadonlyArray<string>) => {
  const asJson = argv.includes("--json");
  return cli(argv).pipe(
    Effect.map(() => (typeof process.exitCode === "number" ? process.exitCode : Errors.ExitCode.ok)),
    Effect.catchAllCause((cause) => Errors.fromCause(cause, asJson)),
    // SIGINT interrupts the command: still one line, or one JSON document under `--json`.
    Effect.onInterrupt(() => Errors.interrupted(asJson)),
  );
};
