/**
 * `src/main.ts` as a process: configured by the environment, serving on the port it is given, refusing
 * to start without an API key, and shutting down cleanly on SIGTERM.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Optional } from "@harvest-runn/domain";
import { SandboxServer } from "@harvest-runn/sandbox";
import { SecretBox, SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Effect, Redacted } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { anchorDate } from "./support/Host.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const children: Array<ChildProcess> = [];
const dirs: Array<string> = [];

afterEach(() => {
  for (const c of children.splice(0))
    if (c.exitCode === null && c.pid !== undefined) process.kill(c.pid, "SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts main.ts with the given environment; resolves with the process and its collected output. */
const start = (env: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "harvest-runn-main-"));
  dirs.push(dir);
  const {
    HARVEST_RUNN_API_KEY: _k,
    DATABASE_URL: _d,
    HARVEST_RUNN_SECRET_KEY: _s,
    ...inherited
  } = process.env;
  const child = spawn(
    process.execPath,
    ["--conditions=@harvest-runn/source", "--import", "tsx", "src/main.ts"],
    {
      cwd: root,
      env: { ...inherited, HARVEST_RUNN_STATE_DIR: dir, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let out = "";
  child.stdout?.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = async (): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) return m[1];
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`main.ts did not start: ${out}`);
  };
  return { child, exited, listening, output: () => out };
};

describe("main.ts", () => {
  it("serves on loopback, keeps tokens out of its output, and exits 0 on SIGTERM", async () => {
    const key = "main-test-key-0123456789";
    const p = start({ HARVEST_RUNN_API_KEY: key });
    const base = await p.listening();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/connections`)).status).toBe(401);
    const list = await fetch(`${base}/connections`, { headers: { authorization: `Bearer ${key}` } });
    expect(await list.json()).toEqual({ connections: [] });
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("SIGTERM, shutting down");
    expect(p.output()).not.toContain(key);
  });

  it("refuses to start without HARVEST_RUNN_API_KEY, naming it", async () => {
    const p = start({});
    expect(await p.exited).toBe(2);
    expect(p.output()).toContain("HARVEST_RUNN_API_KEY");
  });

  it("says in one line that the port is in use, without a stack trace", async () => {
    const first = start({ HARVEST_RUNN_API_KEY: "main-test-key-0123456789" });
    const port = new URL(await first.listening()).port;
    const second = start({ HARVEST_RUNN_API_KEY: "main-test-key-0123456789", PORT: port });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(second.output()).not.toMatch(/^\s+at /m);
  });

  it("on SIGTERM records a run in progress as interrupted before it exits", async () => {
    const sb = await SandboxServer.startSandbox({
      port: 0,
      seed: 7,
      preset: "tiny",
      anchorDate,
      timeScale: 50,
    });
    try {
      const key = "main-test-key-0123456789";
      const secretKey = SecretBox.generateKey();
      const stateDir = mkdtempSync(join(tmpdir(), "harvest-runn-main-state-"));
      dirs.push(stateDir);
      const p = start({
        HARVEST_RUNN_API_KEY: key,
        HARVEST_RUNN_SECRET_KEY: Redacted.value(secretKey),
        HARVEST_RUNN_STATE_DIR: stateDir,
        HARVEST_RUNN_SCHEDULER: "false",
        HARVEST_API_BASE_URL: sb.info.harvest.baseUrl,
        HARVEST_ID_BASE_URL: sb.info.harvest.idBaseUrl,
      });
      const base = await p.listening();
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          ...Optional.fields({ body: Optional.map(body, (b) => JSON.stringify(b)) }),
        });
      const connected = await call("POST", "/connections", {
        id: "acme",
        name: "Acme",
        harvest: {
          accountId: Number(sb.info.harvest.accountId),
          userAgent: "HarvestRunnTests (tests@example.com)",
          token: sb.info.harvest.token,
        },
        runn: { baseUrl: sb.info.runn.baseUrl, token: sb.info.runn.token },
      });
      expect(connected.status).toBe(201);
      // Every Runn request is slow, so the run is still going when the host is told to stop.
      await fetch(`${sb.info.control}/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ apis: ["runn"], latency: { probability: 1, ms: 100_000 } }),
      });
      const started = await call("POST", "/connections/acme/sync");
      expect(started.status).toBe(202);
      const { runId } = (await started.json()) as { runId: string };
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);

      const run = await Effect.runPromise(
        Effect.flatMap(SyncStore.SyncStore, (s) => s.runs.get(runId as never, { limit: 1 })).pipe(
          Effect.provide(SyncStoreSql.layerSqlite({ filename: join(stateDir, "state.db"), secretKey })),
        ),
      );
      expect(run.run.status).toBe("failed");
      expect(run.run.error).toMatch(/^Interrupted: /);
      expect(run.run.finishedAt).not.toBeNull();
    } finally {
      await sb.close();
    }
  });
});
