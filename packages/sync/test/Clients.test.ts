/**
 * The clients `Clients` builds, against the sandbox over HTTP with compressed rate limits: a burst of
 * readers of one account queues for slots without timing out (the wait is not in the request timeout),
 * and a 429 without any rate-limit header is sat out before the request is sent again.
 */
import { Optional } from "@harvest-runn/domain";
import { HarvestClient } from "@harvest-runn/harvest-client";
import { Pacer } from "@harvest-runn/http";
import { RunnClient } from "@harvest-runn/runn-client";
import { SandboxServer } from "@harvest-runn/sandbox";
import { Effect, Redacted } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Clients from "../src/Clients.ts";
import { anchorDate } from "./support/World.ts";

const timeScale = 20;
let sb: SandboxServer.RunningSandbox;
beforeAll(async () => {
  sb = await SandboxServer.startSandbox({ port: 0, seed: 11, preset: "tiny", anchorDate, timeScale });
});
afterAll(() => sb.close());

interface ApiStats {
  readonly requests: Record<string, number>;
  readonly throttled: number;
}
type Stats = { readonly harvest: ApiStats; readonly runn: ApiStats };

const control = async (method: string, path: string, body?: unknown): Promise<Stats> => {
  const res = await fetch(`${sb.info.control}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...Optional.fields({ body: Optional.map(body, (b) => JSON.stringify(b)) }),
  });
  return (await res.json()) as Stats;
};

const total = (api: { requests: Record<string, number> }) =>
  Object.values(api.requests).reduce((a, b) => a + b, 0);

/** The connection's clients, paced at the sandbox's compressed limits, each exchange given `timeout`. */
const pair = (options: Clients.Options) =>
  Clients.make({
    harvestBaseUrl: sb.info.harvest.baseUrl,
    harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
    harvestRateLimit: { limit: 100, window: `${15_000 / timeScale} millis` },
    runnRateLimit: { limit: 120, window: `${60_000 / timeScale} millis` },
    baseDelay: "5 millis",
    ...options,
  }).make({
    harvest: {
      accountId: Number(sb.info.harvest.accountId),
      userAgent: "HarvestRunnTests (tests@example.com)",
      token: Redacted.make(sb.info.harvest.token),
    },
    runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(sb.info.runn.token) },
  });

describe("Clients against the sandbox", () => {
  it("150 concurrent readers of one Runn account all succeed, each sent once, and a read after them too", async () => {
    await control("PUT", "/faults", {});
    const before = (await control("GET", "/stats")).runn;
    // The sandbox shares this process and its event loop, so sends may reach it a little late and bunched:
    // the client keeps to 100 of the sandbox's 120 per window (the pacer's exact spacing is tested on a
    // virtual clock in @harvest-runn/http). 150 slots of 3.25 s / 100 take about 5 s; an exchange may
    // take 1 s, and waiting for a slot does not count.
    const { runn } = await Effect.runPromise(
      pair({ timeout: "1 second", runnRateLimit: { limit: 100, window: `${60_000 / timeScale} millis` } }),
    );
    // One read first: the sandbox shares this process, and its first answer takes far longer than the rest.
    await Effect.runPromise(runn.me);
    const started = Date.now();
    const names = await Effect.runPromise(
      Effect.forEach(Array.from({ length: 150 }), () => runn.me, { concurrency: "unbounded" }),
    );
    expect(Date.now() - started).toBeGreaterThan(4_000);
    expect(names).toHaveLength(150);
    const me = await Effect.runPromise(runn.me);
    expect(me.name).toBe(names[0]!.name);
    const after = (await control("GET", "/stats")).runn;
    expect(total(after) - total(before)).toBe(152);
    expect(after.throttled - before.throttled).toBe(0);
  });

  it("sits out a 429 that carries no rate-limit header, then sends the request again", async () => {
    for (const api of ["harvest", "runn"] as const) {
      await control("PUT", "/faults", { apis: [api], rateLimit: 1, rateLimitWithoutHeaders: true });
      const before = (await control("GET", "/stats"))[api];
      // A short wait for a header-less 429 (the defaults, 15 s and 60 s, are checked on the test clock).
      const retry = { rateLimitedDelay: "1500 millis", baseDelay: "5 millis" } as const;
      const clients = await Effect.runPromise(
        Effect.all({
          harvest: HarvestClient.make({
            token: Redacted.make(sb.info.harvest.token),
            accountId: Number(sb.info.harvest.accountId),
            userAgent: "HarvestRunnTests (tests@example.com)",
            baseUrl: sb.info.harvest.baseUrl,
            retry,
          }),
          runn: RunnClient.make({
            token: Redacted.make(sb.info.runn.token),
            baseUrl: sb.info.runn.baseUrl,
            retry,
          }),
        }).pipe(Effect.provideService(Pacer.Pacer, Pacer.unsafeMake())),
      );
      const started = Date.now();
      const read =
        api === "harvest" ? Effect.runPromise(clients.harvest.me()) : Effect.runPromise(clients.runn.me);
      // The first answer is a bare 429; once it is served the fault is lifted, so the retry succeeds.
      for (let i = 0; i < 500 && (await control("GET", "/stats"))[api].throttled === before.throttled; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await control("PUT", "/faults", {});
      await read;
      const waited = Date.now() - started;
      const after = (await control("GET", "/stats"))[api];
      expect(after.throttled - before.throttled).toBe(1);
      expect(total(after) - total(before)).toBe(2);
      expect(waited).toBeGreaterThanOrEqual(1_500);
    }
  });
});
