/**
 * The CLI as a user gets it: built with tsup, packed with `pnpm pack`, installed with `npm install -g`
 * into a temporary prefix outside the workspace, and run from there (never through tsx). Also starts
 * the sandbox's own bin as a child process on loopback.
 */
import { execFile, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { collect, killAll as killCommands, type Result } from "./Cli.ts";

const exec = promisify(execFile);
const cliRoot = fileURLToPath(new URL("../..", import.meta.url));
const repoRoot = join(cliRoot, "..", "..");
const children = new Set<number>();

/** An installed CLI: the `harvest-runn` bin in its prefix. */
export interface Installed {
  readonly prefix: string;
  readonly bin: string;
  readonly version: string;
}

/**
 * Builds, packs and installs the CLI into a new prefix. npm downloads the one runtime dependency
 * (better-sqlite3) as for any user, with `--ignore-scripts`: its native addon takes minutes to compile,
 * so the workspace's build of the same version for this Node is copied in instead.
 */
export const install = async (): Promise<Installed> => {
  const work = mkdtempSync(join(tmpdir(), "cli-installed-"));
  const tsup = join(repoRoot, "node_modules", "tsup", "dist", "cli-default.js");
  await exec(process.execPath, [tsup], { cwd: cliRoot, env: { ...process.env, NODE_OPTIONS: "" } });
  await exec("pnpm", ["pack", "--pack-destination", work], { cwd: cliRoot });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball into ${work}`);
  const prefix = join(work, "prefix");
  mkdirSync(prefix);
  await exec(
    "npm",
    [
      "install",
      "-g",
      "--prefix",
      prefix,
      "--ignore-scripts",
      "--prefer-offline",
      "--no-fund",
      "--no-audit",
      join(work, tarball),
    ],
    { cwd: work, env: { ...process.env, NODE_OPTIONS: "" } },
  );
  const sqlite = dirname(createRequire(join(cliRoot, "package.json")).resolve("better-sqlite3/package.json"));
  const installedSqlite = join(
    prefix,
    "lib",
    "node_modules",
    "@harvest-runn",
    "cli",
    "node_modules",
    "better-sqlite3",
  );
  mkdirSync(join(installedSqlite, "build", "Release"), { recursive: true });
  copyFileSync(
    join(sqlite, "build", "Release", "better_sqlite3.node"),
    join(installedSqlite, "build", "Release", "better_sqlite3.node"),
  );
  const { version } = createRequire(import.meta.url)(join(cliRoot, "package.json")) as { version: string };
  return { prefix, bin: join(prefix, "bin", "harvest-runn"), version };
};

/**
 * Runs the installed bin with `args` in `cwd`. The environment is this process's minus anything that
 * would point Node at the workspace's sources (a user's shell has none of it).
 */
export const run = (
  installed: Installed,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string> },
): Promise<Result> =>
  collect(
    spawn(installed.bin, [...args], {
      cwd: options.cwd,
      env: { ...withoutWorkspace(), NO_COLOR: "", FORCE_COLOR: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );

/** This process's environment minus anything that points Node at the workspace's sources. */
const withoutWorkspace = (): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _, npm_lifecycle_event: __, ...env } = process.env;
  return env;
};

/** The sandbox's info line: where its APIs listen and the tokens they accept. */
export interface SandboxInfo {
  readonly anchorDate: string;
  readonly harvest: {
    readonly baseUrl: string;
    readonly idBaseUrl: string;
    readonly token: string;
    readonly accountId: string;
  };
  readonly runn: { readonly baseUrl: string; readonly token: string };
}

/**
 * Starts `pnpm sandbox`'s bin (through tsx, as the repository runs it) and resolves with its pid (stop
 * it with `process.kill(pid)`) and its info line.
 */
export const startSandbox = (args: ReadonlyArray<string>): Promise<{ pid: number; info: SandboxInfo }> =>
  new Promise((resolve, reject) => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = spawn(
      process.execPath,
      [
        "--conditions=@harvest-runn/source",
        "--import",
        tsx,
        join(repoRoot, "packages/sandbox/src/bin.ts"),
        ...args,
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    if (child.pid === undefined) return reject(new Error("the sandbox did not start"));
    const pid = child.pid;
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString("utf8");
    });
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line !== undefined) resolve({ pid, info: JSON.parse(line) as SandboxInfo });
    });
    child.on("close", (code) => {
      reject(new Error(`the sandbox ended (${code}) before it was ready: ${err}`));
    });
  });

/** Kills every child still running (call in `afterEach`/`afterAll`). */
export const killAll = () => {
  killCommands();
  for (const pid of children) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
    children.delete(pid);
  }
};
