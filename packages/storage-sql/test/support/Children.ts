/** Child processes for the lease tests, started through tsx from source and killed by pid after each test. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach } from "@effect/vitest";

const worker = fileURLToPath(new URL("./LeaseWorker.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, "SIGKILL");
    }
  }
  children.clear();
});

/** A started worker: its pid, the JSON lines it printed so far, and its exit. */
export interface Worker {
  readonly child: ChildProcess;
  readonly lines: Array<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
  /** Resolves with the first printed line matching `test`. */
  readonly waitFor: (test: (line: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
}

/** Starts the lease worker with `config` (passed as JSON in `HR_WORKER`) and a secret key. */
export const start = (config: Record<string, unknown>, secretKey: string): Worker => {
  const child = spawn("node", ["--conditions=@harvest-runn/source", "--import", "tsx", worker], {
    cwd: packageRoot,
    env: { ...process.env, HR_WORKER: JSON.stringify(config), HARVEST_RUNN_SECRET_KEY: secretKey },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let buffer = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      lines.push(JSON.parse(buffer.slice(0, nl)));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
    }
    for (const w of waiters.splice(0)) w();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (test: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found) return resolve(found);
        if (child.exitCode !== null)
          return reject(new Error(`worker exited with ${child.exitCode}: ${stderr}`));
        waiters.push(check);
      };
      void exited.then(() => {
        const found = lines.find(test);
        return found ? resolve(found) : reject(new Error(`worker exited with ${child.exitCode}: ${stderr}`));
      });
      check();
    });
  return { child, lines, exited, waitFor };
};
