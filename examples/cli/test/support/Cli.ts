/**
 * Runs `harvest-runn` as a real child process through tsx (as `pnpm harvest-runn` does), and kills
 * every child still running by pid (call `killAll` in `afterEach`).
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SandboxServer } from "@harvest-runn/sandbox";
import { SecretBox } from "@harvest-runn/storage";
import { Redacted } from "effect";

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const bin = fileURLToPath(new URL("../../src/bin.ts", import.meta.url));
const children = new Set<number>();

/** What a finished command printed and its exit code. */
export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with `args` in `cwd` with extra environment variables. */
export const run = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string> },
): Promise<Result> => start(args, options).result;

/** Starts the CLI and returns its pid (to send it a signal) and its result once it has ended. */
export const start = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string> },
): { readonly pid: () => number | undefined; readonly result: Promise<Result> } => {
  let pid: number | undefined;
  const child = spawn(
    process.execPath,
    ["--conditions=@harvest-runn/source", "--import", tsx, bin, ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  pid = child.pid;
  const result = collect(child);
  return { pid: () => pid, result };
};

/** A started child's exit code and output once it has ended; `killAll` kills it while it runs. */
export const collect = (child: ChildProcessByStdio<null, Readable, Readable>): Promise<Result> =>
  new Promise<Result>((resolve, reject) => {
    if (child.pid !== undefined) children.add(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (child.pid !== undefined) children.delete(child.pid);
      resolve({ code, stdout, stderr });
    });
  });

/** Kills every child still running. */
export const killAll = () => {
  for (const pid of children) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
    children.delete(pid);
  }
};

/** Parses stdout as exactly one JSON document. */
export const jsonOf = (r: Result): unknown => {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
};

/** A stack trace line, as Node prints them. */
export const stackLine = /^\s+at .+\(.+:\d+:\d+\)$/m;

/**
 * The environment that points the CLI at a sandbox: a state folder under `cwd`, a fresh secret key, the
 * sandbox's Harvest account and both base URLs, limits compressed by `timeScale`. Tokens are the caller's
 * choice (environment or flags).
 */
export const sandboxEnv = (
  sb: SandboxServer.RunningSandbox,
  cwd: string,
  timeScale: number,
): Record<string, string> => ({
  HARVEST_RUNN_STATE_DIR: join(cwd, "state"),
  HARVEST_RUNN_SECRET_KEY: Redacted.value(SecretBox.generateKey()),
  HARVEST_BASE_URL: sb.info.harvest.baseUrl,
  HARVEST_ID_BASE_URL: sb.info.harvest.idBaseUrl,
  HARVEST_RUNN_RATE_SCALE: String(timeScale),
  HARVEST_ACCOUNT_ID: sb.info.harvest.accountId,
  HARVEST_USER_AGENT: "HarvestRunnCliTests (tests@example.com)",
  RUNN_BASE_URL: sb.info.runn.baseUrl,
});
