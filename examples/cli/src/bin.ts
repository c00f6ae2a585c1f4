#!/usr/bin/env node
/** The `harvest-runn` executable. */
import { NodeContext, NodeRuntime } from "@effect/platform-node";
import { Effect, Exit, Logger, LogLevel } from "effect";
import { main } from "./Cli.ts";

main(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  Logger.withMinimumLogLevel(process.env.HARVEST_RUNN_LOG === "debug" ? LogLevel.Debug : LogLevel.Warning),
  (program) =>
    NodeRuntime.runMain(program, {
      disableErrorReporting: true,
      teardown: (exit, onExit) =>
        onExit(Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 1),
    }),
);
