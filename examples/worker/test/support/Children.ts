/** Worker processes started from source through tsx, each killed by pid after every test. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach } from "@effect/vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, "SIGKILL");
    }
  }
  children.clear();
});

/** One event line a worker printed. */
// biome-ignore lint/suspicious/noExplicitAny: event lines are free-form JSON read by assertions
export type Line = Record<string, any>;

/** A started worker process. */
export interface Worker {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly lines: Array<Line>;
  readonly exited: Promise<number | null>;
  /** Resolves with the first line matching `test` (rejects when the process exits first or after `ms`). */
  readonly waitFor: (test: (line: Line) => boolean, ms?: number) => Promise<Line>;
  readonly stderr: () => string;
}

/** Starts `src/main.ts` with `env` added to this process's environment. */
export const start = (env: Record<string, string>): Worker => {
  const child = spawn("node", ["--conditions=@harvest-runn/source", "--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
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
        lines.push({ ...JSON.parse(text), receivedAt: Date.now() });
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
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching line within ${ms} ms; stderr: ${stderr.slice(-2000)}`));
      }, ms);
      const check = () => {
        const found = lines.find(test);
        if (found) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`worker exited (${child.exitCode ?? child.signalCode}): ${stderr.slice(-2000)}`));
        }
      };
      waiters.add(check);
      child.on("exit", check);
      check();
    });
  return { child, pid: child.pid!, lines, exited, waitFor, stderr: () => stderr };
};
