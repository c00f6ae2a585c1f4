/** Runs one `harvest-runn` command line on the Node runtime: logging, colour, exit code. */
import { NodeContext, NodeRuntime } from "@effect/platform-node";
import { Effect, Exit, Logger, LogLevel } from "effect";
import { main } from "./Cli.ts";
import { ExitCode } from "./Errors.ts";
import { stripColourWhenOff } from "./Render.ts";

/** Log lines go to stderr; only errors unless `HARVEST_RUNN_LOG_LEVEL` asks for more. */
const levels: Record<string, LogLevel.LogLevel> = {
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warning: LogLevel.Warning,
  warn: LogLevel.Warning,
  error: LogLevel.Error,
  none: LogLevel.None,
};
const logLevel = (name: string | undefined): LogLevel.LogLevel =>
  levels[(name ?? "").toLowerCase()] ?? LogLevel.Error;

/** Log lines on stderr, so stdout holds only the command's output (one JSON document under `--json`). */
const stderrLogger = Logger.replace(
  Logger.defaultLogger,
  Logger.make((o) => {
    process.stderr.write(`${Logger.logfmtLogger.log(o)}\n`);
  }),
);

/** Runs the command line `argv` (as `process.argv`) and ends the process with its exit code. */
export const run = (argv: ReadonlyArray<string>, version: string): void => {
  stripColourWhenOff(process.stdout);
  stripColourWhenOff(process.stderr);
  main(argv, version).pipe(
    Effect.provide(NodeContext.layer),
    Effect.provide(stderrLogger),
    Logger.withMinimumLogLevel(logLevel(process.env.HARVEST_RUNN_LOG_LEVEL)),
    (program) =>
      NodeRuntime.runMain(program, {
        disableErrorReporting: true,
        disablePrettyLogger: true,
        teardown: (exit, onExit) =>
          onExit(
            Exit.isSuccess(exit) && typeof exit.value === "number"
              ? exit.value
              : Exit.isInterrupted(exit)
                ? ExitCode.interrupted
                : ExitCode.failed,
          ),
      }),
  );
};
