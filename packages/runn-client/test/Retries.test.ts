import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit, Stream } from "effect";
import { HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, drive, makeClient, server, testNow, useServer } from "./support/Server.ts";

useServer();

/** A /me/ handler that answers `first` for the first `failures` calls, then 200; records call times. */
const meHandler = (now: () => number, stamps: Array<number>, failures: number, first: () => Response) =>
  http.get(`${baseUrl}/me/`, () => {
    stamps.push(now());
    return stamps.length <= failures ? first() : HttpResponse.json({ name: "Acme" });
  });

describe("RunnClient retries", () => {
  it.effect("waits Retry-After seconds after a 429", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(
        meHandler(now, stamps, 1, () =>
          HttpResponse.json(F.errorBody(429, "Too Many Requests", "slow down"), {
            status: 429,
            headers: { "Retry-After": "7" },
          }),
        ),
      );
      const { client } = yield* makeClient();
      const me = yield* Effect.flatten(drive(yield* Effect.fork(client.me), "250 millis"));
      expect(me.name).toBe("Acme");
      expect(stamps).toHaveLength(2);
      const gap = stamps[1]! - stamps[0]!;
      expect(gap).toBeGreaterThanOrEqual(7_000);
      expect(gap).toBeLessThan(7_500);
    }),
  );

  it.effect("uses x-ratelimit-reset when there is no Retry-After", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(
        meHandler(now, stamps, 1, () =>
          HttpResponse.json(F.errorBody(429, "Too Many Requests", "slow down"), {
            status: 429,
            headers: { "x-ratelimit-reset": "12" },
          }),
        ),
      );
      const { client } = yield* makeClient();
      yield* Effect.flatten(drive(yield* Effect.fork(client.me), "250 millis"));
      const gap = stamps[1]! - stamps[0]!;
      expect(gap).toBeGreaterThanOrEqual(12_000);
      expect(gap).toBeLessThan(12_500);
    }),
  );

  it.effect("waits 60 s after a 429 without any header, and gives up after maxAttempts", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(
        meHandler(now, stamps, 99, () =>
          HttpResponse.json(F.errorBody(429, "Too Many Requests", "slow down"), { status: 429 }),
        ),
      );
      const { client } = yield* makeClient({ retry: { maxAttempts: 3 } });
      const exit = yield* drive(yield* Effect.fork(client.me), "1 second", 500);
      const error = yield* Effect.flip(exit);
      expect(error.reason).toBe("RateLimited");
      expect(error.retryable).toBe(true);
      expect(stamps).toHaveLength(3);
      expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(60_000);
      expect(stamps[1]! - stamps[0]!).toBeLessThan(61_000);
      expect(stamps[2]! - stamps[1]!).toBeGreaterThanOrEqual(60_000);
    }),
  );

  it.effect("retries a read on 5xx with growing backoff, then fails with the last status", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(meHandler(now, stamps, 99, () => new HttpResponse("oops", { status: 503 })));
      const { client } = yield* makeClient({ retry: { maxAttempts: 5, baseDelay: "1 second" } });
      const exit = yield* drive(yield* Effect.fork(client.me), "100 millis");
      expect(Exit.isFailure(exit)).toBe(true);
      const error = yield* Effect.flip(exit);
      expect(error.reason).toBe("Status");
      expect(error.status).toBe(503);
      expect(error.retryable).toBe(true);
      expect(stamps).toHaveLength(5);
      const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
      // Exponential with ±20 % jitter: about 1, 2, 4, 8 seconds.
      gaps.forEach((gap, i) => {
        expect(gap).toBeGreaterThanOrEqual(0.8 * 1000 * 2 ** i - 100);
        expect(gap).toBeLessThanOrEqual(1.2 * 1000 * 2 ** i + 100);
      });
    }),
  );

  it.effect("retries a read after a connection reset", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.get(`${baseUrl}/me/`, () => {
          calls += 1;
          return calls === 1 ? HttpResponse.error() : HttpResponse.json({ name: "Acme" });
        }),
      );
      const { client } = yield* makeClient();
      const me = yield* Effect.flatten(drive(yield* Effect.fork(client.me)));
      expect(me.name).toBe("Acme");
      expect(calls).toBe(2);
    }),
  );

  it.effect("a 404 on /me/ says the base URL is probably the wrong region", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/me/`, () =>
          HttpResponse.json(F.errorBody(404, "Not Found", "Route GET:/me/ not found"), { status: 404 }),
        ),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(client.me);
      expect(error.reason).toBe("NotFound");
      expect(error.message).toContain("wrong region");
      expect(error.message).toContain("https://api.us.runn.io");
    }),
  );

  it.effect("a 401 is Unauthorized, not retried", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.get(`${baseUrl}/roles/`, () => {
          calls += 1;
          return HttpResponse.json(F.errorBody(401, "Unauthorized", "Unauthorized"), { status: 401 });
        }),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(Stream.runDrain(client.roles()));
      expect(error.reason).toBe("Unauthorized");
      expect(error.retryable).toBe(false);
      expect(calls).toBe(1);
    }),
  );
});

describe("RunnClient long rate-limit waits", () => {
  it.effect("returns a 429 asking for more than 10 minutes to the caller instead of sleeping", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.get(`${baseUrl}/me/`, () => {
          calls += 1;
          return HttpResponse.json(F.errorBody(429, "Too Many Requests", "later"), {
            status: 429,
            headers: { "Retry-After": "3600" },
          });
        }),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(client.me);
      expect(error.reason).toBe("RateLimited");
      expect(error.retryAfter).toBe(3600);
      expect(calls).toBe(1);
    }),
  );
});
