/**
 * A server that reads some requests late (a collection pause) must not turn evenly paced requests into
 * 429s: the clients pace from when each exchange ended, not from when it was handed to `fetch`. The
 * sandbox's `stall` fault reads every 120th Runn request 60 ms late, well beyond the compressed slack.
 */
import { SandboxServer } from "@harvest-runn/sandbox";
import { Effect, Redacted } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Clients from "../src/Clients.ts";
import { anchorDate } from "./support/World.ts";

const timeScale = 100; // Runn: 120 per 600 ms; the client keeps 600 + 2 ms
let sb: SandboxServer.RunningSandbox;
beforeAll(async () => {
  sb = await SandboxServer.startSandbox({ port: 0, seed: 5, preset: "tiny", anchorDate, timeScale });
});
afterAll(() => sb.close());

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sb.info.control}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as { runn: { throttled: number; total: number; faults: Record<string, number> } };
};

describe("pacing against a server that reads some requests late", () => {
  it("360 Runn reads at the full compressed rate, every 120th read 60 ms late: no 429", async () => {
    const { runn } = await Effect.runPromise(
      Clients.make({ ...Clients.compressed(timeScale), timeout: "5 seconds" }).make({
        harvest: {
          accountId: Number(sb.info.harvest.accountId),
          userAgent: "HarvestRunnTests (tests@example.com)",
          token: Redacted.make(sb.info.harvest.token),
        },
        runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(sb.info.runn.token) },
      }),
    );
    await Effect.runPromise(runn.me); // the first answer of a fresh sandbox is slow: not part of the test
    await control("DELETE", "/stats");
    await control("PUT", "/faults", { apis: ["runn"], stall: { every: 120, ms: 6_000 } });
    const names = await Effect.runPromise(
      Effect.forEach(Array.from({ length: 360 }), () => runn.me, { concurrency: "unbounded" }),
    );
    await control("PUT", "/faults", {});
    const stats = (await control("GET", "/stats")).runn;
    expect(names).toHaveLength(360);
    expect(stats.throttled).toBe(0);
    expect(stats.total).toBe(360);
    expect(stats.faults.stall).toBe(3);
  });
});
