/** Bad input and faults: each is one line (or one JSON document under `--json`), never a stack trace. */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SandboxServer } from "@harvest-runn/sandbox";
import { Output, SyncClock } from "@harvest-runn/sync";
import { Schema } from "effect";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jsonOf, killAll, type Result, run, sandboxEnv, stackLine, start } from "./support/Cli.ts";

const anchorDate = "2026-03-16";
const timeScale = 50;
const ErrorDoc = Schema.Struct({ _tag: Schema.String, reason: Schema.String, message: Schema.String });
const errorOf = (r: Result) => Schema.decodeUnknownSync(ErrorDoc)(jsonOf(r));

describe("harvest-runn on bad input and faults (child processes)", () => {
  let sb: SandboxServer.RunningSandbox;
  let cwd: string;
  let base: Record<string, string>;
  // Each command starts at the sandbox's time as it runs on, so time never goes back between commands
  // (a lease released by one command must not look held to the next).
  let time: SyncClock.TimeSource;
  const envNow = (extra: Record<string, string> = {}) => ({
    ...base,
    HARVEST_RUNN_NOW: new Date(time()).toISOString(),
    ...extra,
  });
  const cli = (...args: Array<string>) => run(args, { cwd, env: envNow() });
  /** The CLI over another state folder (same sandbox and key). */
  const cliIn = (stateDir: string, ...args: Array<string>) =>
    run(args, { cwd, env: envNow({ HARVEST_RUNN_STATE_DIR: stateDir }) });

  beforeAll(async () => {
    sb = await SandboxServer.startSandbox({ port: 0, seed: 7, preset: "tiny", anchorDate, timeScale });
    cwd = mkdtempSync(join(tmpdir(), "harvest-runn-cli-faults-"));
    time = SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000);
    base = {
      ...sandboxEnv(sb, cwd, timeScale),
      HARVEST_TOKEN: sb.info.harvest.token,
      RUNN_TOKEN: sb.info.runn.token,
    };
    const connected = await cli("connect", "--actuals", "--json");
    expect(connected.code, connected.stderr).toBe(0);
  });
  afterEach(killAll);
  afterAll(async () => {
    await sb?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("creates the store's folder and file owner-only", () => {
    expect((statSync(join(cwd, "state")).mode & 0o777).toString(8)).toBe("700");
    expect((statSync(join(cwd, "state", "state.db")).mode & 0o777).toString(8)).toBe("600");
  });

  it("names the flag and the expected shape for a bad --role-map, an impossible date and an unsafe webhook", async () => {
    const [roleMap, date, notUrl, file] = await Promise.all([
      cli("settings", "--role-map", "noequals", "--json"),
      cli("backfill", "--from", "2024-02-31", "--json"),
      cli("settings", "--webhook", "not a url", "--json"),
      cli("settings", "--webhook", "file:///etc/passwd", "--json"),
    ]);
    expect(roleMap.code).toBe(2);
    expect(errorOf(roleMap).message).toContain('--role-map "noequals": expected "Harvest role=Runn role"');
    expect(date.code).toBe(2);
    expect(errorOf(date)).toMatchObject({ reason: "InvalidInput" });
    expect(errorOf(date).message).toContain("2024-02-31");
    for (const r of [notUrl, file]) {
      expect(r.code).toBe(2);
      expect(errorOf(r).reason).toBe("InvalidInput");
      expect(errorOf(r).message).toContain("webhookUrl");
    }
    for (const r of [roleMap, date, notUrl, file]) expect(r.stdout + r.stderr).not.toMatch(stackLine);
  });

  it("keeps log lines on stderr, so sync --json is one JSON document at any log level", async () => {
    const r = await run(["sync", "--json"], { cwd, env: envNow({ HARVEST_RUNN_LOG_LEVEL: "debug" }) });
    expect(r.code, r.stderr).toBe(0);
    expect(Schema.is(Output.RunSummary)(jsonOf(r))).toBe(true);
    expect(r.stderr).toMatch(/level=(DEBUG|INFO|WARN)/);
  });

  it("on SIGINT prints one JSON document, exits 130, and records the run as interrupted", async () => {
    await fetch(`${sb.info.control}/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ apis: ["runn"], latency: { probability: 1, ms: 100_000 } }),
    });
    try {
      const runnRequests = async (): Promise<number> => {
        const stats = (await (await fetch(`${sb.info.control}/stats`)).json()) as {
          runn: { requests: Record<string, number> };
        };
        return Object.values(stats.runn.requests).reduce((a, b) => a + b, 0);
      };
      const before = await runnRequests();
      const sync = start(["sync", "--json"], { cwd, env: envNow() });
      // Once the sync asks Runn anything it holds the lease and its run is recorded.
      for (let i = 0; i < 600 && (await runnRequests()) === before; i++)
        await new Promise((r) => setTimeout(r, 100));
      process.kill(sync.pid() ?? 0, "SIGINT");
      const r = await sync.result;
      expect(r.code).toBe(130);
      expect(errorOf(r)).toMatchObject({ _tag: "Interrupted", reason: "Interrupted" });
      expect(r.stderr).not.toMatch(stackLine);
      const page = Schema.decodeUnknownSync(Output.RunsPage)(jsonOf(await cli("runs", "--json")));
      const stopped = page.runs[0];
      expect(stopped?.status).toBe("failed");
      expect(stopped?.error?.reason).toBe("Interrupted");
    } finally {
      await fetch(`${sb.info.control}/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    }
  });

  it("sync --wait waits for a run in progress (reading Harvest meanwhile); without it, Busy says how to wait", async () => {
    const faults = (body: unknown) =>
      fetch(`${sb.info.control}/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const stats = async () =>
      (await (await fetch(`${sb.info.control}/stats`)).json()) as {
        harvest: { total: number };
        runn: { total: number };
      };
    // A slow Runn (10 s an answer) keeps the first run holding the lease while the other two start.
    await faults({ apis: ["runn"], latency: { probability: 1, ms: 500_000 } });
    try {
      const before = await stats();
      const first = start(["sync", "--json"], { cwd, env: envNow() });
      for (let i = 0; i < 600 && (await stats()).runn.total === before.runn.total; i++)
        await new Promise((r) => setTimeout(r, 100));
      const busy = await cli("sync", "--json");
      expect(busy.code).toBe(1);
      expect(errorOf(busy)).toMatchObject({ reason: "Busy" });
      expect(errorOf(busy).message).toContain("sync --wait <seconds>");
      const waiting = start(["sync", "--wait", "120"], { cwd, env: envNow() });
      // The waiting command reads Harvest while the first run still holds the lease.
      const held = await stats();
      for (let i = 0; i < 600 && (await stats()).harvest.total === held.harvest.total; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await stats()).harvest.total).toBeGreaterThan(held.harvest.total);
      await faults({});
      const [done, waited] = await Promise.all([first.result, waiting.result]);
      expect(done.code, done.stderr).toBe(0);
      expect(waited.code, waited.stderr).toBe(0);
      expect(waited.stderr).toContain("waiting up to 2m for the run in progress, reading Harvest meanwhile");
      const page = Schema.decodeUnknownSync(Output.RunsPage)(jsonOf(await cli("runs", "--json")));
      expect(page.runs.slice(0, 2).map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    } finally {
      await faults({});
    }
  });

  it("says in one line what is wrong with a state file that is a folder, not a database, or damaged", async () => {
    const folder = join(cwd, "folder");
    mkdirSync(join(folder, "state.db"), { recursive: true });
    const notDb = join(cwd, "not-db");
    mkdirSync(notDb);
    writeFileSync(join(notDb, "state.db"), "not a database\n".repeat(100));
    // A copy of the real store with garbage written over pages in the middle of the file.
    const damaged = join(cwd, "damaged");
    mkdirSync(damaged);
    const copy = join(damaged, "state.db");
    copyFileSync(join(cwd, "state", "state.db"), copy);
    if (existsSync(join(cwd, "state", "state.db-wal")))
      copyFileSync(join(cwd, "state", "state.db-wal"), `${copy}-wal`);
    const size = statSync(copy).size;
    expect(size).toBeGreaterThan(32 * 1024);
    const fd = openSync(copy, "r+");
    writeSync(fd, Buffer.alloc(8 * 1024, 0xa5), 0, 8 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    for (const [dir, text] of [
      [folder, "is a folder"],
      [notDb, "is not a database"],
      [damaged, "is damaged"],
    ] as const) {
      const [status, json] = await Promise.all([cliIn(dir, "status"), cliIn(dir, "status", "--json")]);
      for (const r of [status]) {
        expect(r.code, dir).toBe(1);
        expect(r.stderr.trim().split("\n"), dir).toHaveLength(1);
        expect(r.stderr).toContain(join(dir, "state.db"));
        expect(r.stderr).toContain(text);
        expect(r.stdout).not.toContain("recent runs");
      }
      expect(errorOf(json)).toMatchObject({ _tag: "SyncStoreError" });
      expect(errorOf(json).message).toContain(text);
    }
  });
});
