import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit, Redacted } from "effect";
import { HttpResponse, http } from "msw";
import { baseUrl, drive, freshToken, make, server, testNow, useServer } from "./support/Server.ts";

useServer();

/** The largest number of stamps inside any half-open window of `windowMs`. */
const busiestWindow = (stamps: ReadonlyArray<number>, windowMs: number): number => {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
};

describe("RunnClient rate limit", () => {
  it("busiestWindow counts a sliding window (the check itself can fail)", () => {
    expect(busiestWindow([0, 1, 2, 1000, 1001], 1000)).toBe(3);
    expect(busiestWindow([0, 999, 1000, 2000], 1000)).toBe(2);
  });

  it.effect("never lets more than the limit through in any window, across clients of one account", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(
        http.get(`${baseUrl}/me/`, () => {
          stamps.push(now());
          return HttpResponse.json({ name: "Acme" });
        }),
      );
      const token = Redacted.make(freshToken());
      const rateLimit = { limit: 10, window: "10 seconds" } as const;
      // Two clients with the same token share one limiter.
      const a = yield* make({ token, baseUrl, rateLimit });
      const b = yield* make({ token, baseUrl, rateLimit });
      const fiber = yield* Effect.fork(
        Effect.forEach(
          Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b)),
          (client) => client.me,
          { concurrency: "unbounded" },
        ),
      );
      const exit = yield* drive(fiber, "500 millis");
      expect(Exit.isSuccess(exit)).toBe(true);
      expect(stamps).toHaveLength(40);
      expect(busiestWindow(stamps, 10_000)).toBeLessThanOrEqual(10);
      // It is a budget, not a crawl: one request per (window + slack) / limit, 40 of them in 39 steps.
      const sorted = [...stamps].sort((x, y) => x - y);
      expect(sorted.at(-1)! - sorted[0]!).toBeLessThanOrEqual(39 * 1_025 + 500);
    }),
  );

  it.effect("accounts with different tokens do not share a budget", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const stamps: Array<number> = [];
      server.use(
        http.get(`${baseUrl}/me/`, () => {
          stamps.push(now());
          return HttpResponse.json({ name: "Acme" });
        }),
      );
      const rateLimit = { limit: 2, window: "60 seconds" } as const;
      const clients = yield* Effect.forEach([1, 2, 3], () =>
        make({ token: Redacted.make(freshToken()), baseUrl, rateLimit }),
      );
      yield* Effect.forEach(clients, (c) => c.me, { concurrency: "unbounded" });
      expect(stamps).toEqual([stamps[0], stamps[0], stamps[0]]);
    }),
  );
});

describe("RunnClient rate limit and timeouts", () => {
  it.effect("waiting for a permit does not count against the request timeout", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/roles/`, () => {
          calls += 1;
          return HttpResponse.json(
            {
              id: calls,
              name: "R",
              isArchived: false,
              defaultHourCost: 0,
              standardRate: 0,
              references: [],
              createdAt: "2026-01-05T10:00:00.000Z",
              updatedAt: "2026-01-05T10:00:00.000Z",
            },
            { status: 201 },
          );
        }),
      );
      const client = yield* make({
        token: Redacted.make(freshToken()),
        baseUrl,
        rateLimit: { limit: 2, window: "60 seconds" },
        timeout: "5 seconds",
      });
      const fiber = yield* Effect.fork(
        Effect.forEach([1, 2, 3, 4], (i) => client.createRole({ name: `R${i}`, references: [] }), {
          concurrency: "unbounded",
        }),
      );
      const exit = yield* drive(fiber, "1 second", 500);
      expect(Exit.isSuccess(exit)).toBe(true);
      expect(calls).toBe(4);
    }),
  );
});
