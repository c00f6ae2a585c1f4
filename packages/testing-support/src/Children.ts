/**
 * Child processes a test starts (through tsx, from source), each killed by pid after every test.
 * It lives in this private package because it belongs to no product package and any package's tests
 * (storage-sql below sync, the examples above it) can depend on it without a cycle.
 */
import { afterEach } from "@effect/vitest";
import * as Processes from "./Processes.ts";

const started = new Set<Processes.Process<unknown>>();

afterEach(() => {
  for (const { child } of started) if (Processes.isRunning(child)) process.kill(child.pid!, "SIGKILL");
  started.clear();
});

/** A started child process; see `Processes.Process`. */
export type Child<Line = Record<string, unknown>> = Processes.Process<Line>;

/** Starts a child process (see `Processes.start`) that is killed by pid after the current test. */
export const start = <Line = Record<string, unknown>>(options: Processes.Options): Child<Line> => {
  const child = Processes.start<Line>(options);
  started.add(child);
  return child;
};
