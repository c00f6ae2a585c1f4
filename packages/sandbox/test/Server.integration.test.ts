import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox } from "../src/Server.ts";
import { readJson } from "./support/Harness.ts";
import { harvestSpec } from "./support/Spec.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const children: Array<ReturnType<typeof spawn>> = [];
/** Signals the child's whole process group (pnpm → sh → node), so nothing outlives the test. */
const signalGroup = (c: ReturnType<typeof spawn>, signal: NodeJS.Signals) => {
  try {
    if (c.pid !== undefined) process.kill(-c.pid, signal);
  } catch {
    // already gone
  }
};
afterEach(() => {
  for (const c of children.splice(0)) signalGroup(c, "SIGKILL");
});

describe("HTTP face", () => {
  it("startSandbox serves real HTTP on 127.0.0.1 with the info document and control endpoints", async () => {
    const sb = await startSandbox({
      port: 0,
      seed: 42,
      preset: "tiny",
      anchorDate: "2024-06-03",
      accounts: 2,
    });
    try {
      expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sb.info.accounts).toHaveLength(2);
      expect(sb.info.harvest.baseUrl).toBe(`${sb.url}/harvest/v2`);
      const headers = {
        "user-agent": "T (t@example.com)",
        authorization: `Bearer ${sb.info.harvest.tokens.manager}`,
        "harvest-account-id": sb.info.harvest.accountId,
      };
      const r = await fetch(`${sb.info.harvest.baseUrl}/users`, { headers });
      const body = await readJson(r);
      expect(harvestSpec.response("GET", "/users", r.status, body)).toEqual([]);
      expect(body.users.length).toBeGreaterThan(0);
      const stats = await readJson(await fetch(`${sb.info.control}/stats`));
      expect(stats.harvest.requests["GET /users"]).toBe(1);
      const truth = await readJson(await fetch(`${sb.info.control}/truth?account=1`));
      expect(truth.harvestAccountId).toBe(sb.info.accounts[1]!.harvest.accountId);
      expect(truth.lists.harvest["/users"].items).toBe(12);
      const state = await readJson(await fetch(`${sb.info.control}/runn/state`));
      expect(state.people).toEqual([]);
      await fetch(`${sb.info.control}/faults`, { method: "PUT", body: JSON.stringify({ reset: 1 }) });
      await expect(fetch(`${sb.info.harvest.baseUrl}/users`, { headers })).rejects.toThrow();
      const clock = await readJson(
        await fetch(`${sb.info.control}/clock`, { method: "POST", body: JSON.stringify({ advanceDays: 1 }) }),
      );
      expect(clock.now).toBe("2024-06-04T18:00:00Z");
    } finally {
      await sb.close();
    }
  });

  it("`pnpm -s sandbox` prints exactly one JSON line, serves it, and stops on SIGTERM", async () => {
    const child = spawn(
      "pnpm",
      [
        "-s",
        "sandbox",
        "--seed",
        "42",
        "--preset",
        "tiny",
        "--port",
        "0",
        "--anchor-date",
        "2024-06-03",
        "--time-scale",
        "10",
        "--runn-limit",
        "5/60000",
        "--clock",
        "real",
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    children.push(child);
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    const first = await new Promise<string>((resolve, reject) => {
      rl.on("line", (l) => {
        lines.push(l);
        if (lines.length === 1) resolve(l);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(first);
    expect(Object.keys(info)).toEqual([
      "harvest",
      "runn",
      "accounts",
      "control",
      "timeScale",
      "anchorDate",
      "limits",
    ]);
    expect([info.timeScale, info.anchorDate, info.limits]).toEqual([
      10,
      "2024-06-03",
      { harvest: { requests: 100, windowMs: 15000 }, runn: { requests: 5, windowMs: 60000 } },
    ]);
    // The data clock follows real time (ten times faster here): 300 ms later it reads 3 s later.
    const clockAt = async () =>
      (await readJson(await fetch(`${info.control}/clock`))) as { now: string; clock: string };
    const before = await clockAt();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await clockAt();
    expect(before.clock).toBe("real");
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2000);
    const me = await fetch(`${info.runn.baseUrl}/me/`, {
      headers: { "accept-version": "1.0.0", authorization: `Bearer ${info.runn.token}` },
    });
    expect(me.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${info.runn.baseUrl}/me/`, {
        headers: { "accept-version": "1.0.0", authorization: `Bearer ${info.runn.token}` },
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const closed = new Promise<void>((resolve) => rl.once("close", () => resolve()));
    signalGroup(child, "SIGTERM");
    await closed;
    expect(lines).toHaveLength(1);
    await expect(fetch(`${info.runn.baseUrl}/me/`)).rejects.toThrow();
  });

  it("`pnpm -s sandbox` refuses an unknown option and answers --help", async () => {
    const runBin = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn("pnpm", ["-s", "sandbox", ...args], {
          cwd: root,
          stdio: ["ignore", "pipe", "pipe"],
          detached: true,
        });
        children.push(child);
        let stdout = "";
        let stderr = "";
        child.stdout!.on("data", (d: Buffer) => {
          stdout += d.toString();
        });
        child.stderr!.on("data", (d: Buffer) => {
          stderr += d.toString();
        });
        child.once("close", (code) => resolve({ code, stdout, stderr }));
      });
    const typo = await runBin(["--presett", "small", "--port", "0"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--presett");
    expect(typo.stdout).toBe("");
    const help = await runBin(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--clock frozen|real");
    expect(help.stdout).toContain("--autofill-actuals");
  });
});
