/** A real data clock that starts at this machine's time, so a correct clock measures no skew. */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock, realTimeStart } from "../src/control/Clock.ts";
import { makeSandbox } from "../src/Sandbox.ts";

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const pids: Array<number> = [];
afterEach(() => {
  for (const pid of pids.splice(0))
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
});

describe("real-time data clock", () => {
  it("anchors on the latest day whose 18:00 UTC has passed and moves to the wall time", () => {
    expect(realTimeStart(Date.parse("2026-12-05T22:50:00Z"))).toEqual({
      anchorDate: "2026-12-05",
      advanceMs: (4 * 60 + 50) * 60_000,
    });
    expect(realTimeStart(Date.parse("2026-12-06T01:00:00Z"))).toEqual({
      anchorDate: "2026-12-05",
      advanceMs: 7 * 3_600_000,
    });
    expect(realTimeStart(Date.parse("2026-12-05T18:00:00Z"))).toEqual({
      anchorDate: "2026-12-05",
      advanceMs: 0,
    });
  });

  it("a real sandbox started that way reads the wall clock and runs with it", () => {
    const wallMs = Date.parse("2026-03-16T09:30:00Z");
    const wall = manualClock(wallMs);
    const start = realTimeStart(wallMs);
    const sb = makeSandbox({ anchorDate: start.anchorDate, wallClock: wall, clock: "real" });
    sb.advance(start.advanceMs);
    expect(sb.nowSeconds() * 1000).toBe(wallMs);
    wall.advance(90_000);
    expect(sb.nowSeconds() * 1000).toBe(wallMs + 90_000);
    // Every generated record lies before the start: none is stamped in the future.
    expect(Date.parse(`${start.anchorDate}T18:00:00Z`)).toBeLessThanOrEqual(wallMs);
  });

  it("the bin's --clock real answers with a Date header within seconds of this machine's clock", async () => {
    const child = spawn(
      process.execPath,
      ["--conditions=@harvest-runn/source", "--import", tsx, bin, "--clock", "real"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    if (child.pid !== undefined) pids.push(child.pid);
    const info = await new Promise<{ harvest: { baseUrl: string; token: string; accountId: string } }>(
      (resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0] ?? ""));
        });
        child.once("close", (code) => reject(new Error(`the sandbox ended with ${code}`)));
      },
    );
    const before = Date.now();
    const r = await fetch(`${info.harvest.baseUrl}/users/me`, {
      headers: {
        authorization: `Bearer ${info.harvest.token}`,
        "harvest-account-id": info.harvest.accountId,
        "user-agent": "RealClockTest (t@example.com)",
      },
    });
    const served = Date.parse(r.headers.get("date") ?? "");
    expect(Math.abs(served - before)).toBeLessThan(5_000);
  });
});
