/**
 * A child process started from TypeScript source through tsx (the workspace's source export condition),
 * whose stdout is read as one JSON document per line. Usable outside a test runner (benchmarks);
 * tests use `Children`, which also kills every child after each test.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** What to start: a `.ts` entry point run from `cwd`, with `env` added to this process's environment. */
export interface Options {
  readonly script: string;
  readonly cwd: string;
  readonly args?: ReadonlyArray<string>;
  readonly env?: Readonly<Record<string, string>>;
}

/** A started process and what it printed so far. */
export interface Process<Line> {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Every stdout line that parsed as JSON, in order (other lines go to `stderr`). */
  readonly lines: ReadonlyArray<Line>;
  readonly exited: Promise<number | null>;
  /** Resolves with the first line matching `test`; rejects when the process exits first or after `ms`. */
  readonly waitFor: {
    <L extends Line>(test: (line: Line) => line is L, ms?: number): Promise<L>;
    (test: (line: Line) => boolean, ms?: number): Promise<Line>;
  };
  /** Everything the process wrote to stderr, plus its stdout lines that were not JSON. */
  readonly stderr: () => string;
}

/** The node flags that run a `.ts` file from source. */
export const nodeArgs = ["--conditions=@harvest-runn/source", "--import", "tsx"] as const;

/**
 * Starts `options.script` through tsx. `Line` is the shape of the JSON lines the script prints (the
 * script is ours, so its lines are taken as given).
 */
export const start = <Line = Record<string, unknown>>(options: Options): Process<Line> => {
  const child = spawn("node", [...nodeArgs, options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.script}`);
  const lines: Array<Line> = [];
  const waiters = new Set<() => void>();
  let buffer = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        lines.push(JSON.parse(text) as Line);
      } catch {
        stderr += `${text}\n`;
      }
    }
    for (const w of [...waiters]) w();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (test: (line: Line) => boolean, ms = 60_000) =>
    new Promise<Line>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
        child.off("exit", check);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching line within ${ms} ms; stderr: ${stderr.slice(-2000)}`));
      }, ms);
      const check = () => {
        const found = lines.find(test);
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (!isRunning(child)) {
          done();
          const how = child.exitCode ?? child.signalCode;
          reject(new Error(`${options.script} exited (${how}): ${stderr.slice(-2000)}`));
        }
      };
      waiters.add(check);
      child.on("exit", check);
      check();
    });
  return {
    child,
    pid: child.pid,
    lines,
    exited,
    // A line that passed a type guard has the guarded type; the overloads say so to the caller.
    waitFor: waitFor as Process<Line>["waitFor"],
    stderr: () => stderr,
  };
};

/** True while the process has neither exited nor been killed by a signal. */
export const isRunning = (child: ChildProcess): boolean =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Asks the process to stop (SIGTERM), kills it by pid after `graceMs`, and resolves once it has exited. */
export const stop = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  if (!isRunning(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(child.pid!, "SIGTERM");
  const timer = setTimeout(() => isRunning(child) && process.kill(child.pid!, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
};
