import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { HttpResponse, http } from "msw";
import { base, freshAccount, makeClient, recordingFetch } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

const WINDOW = 15_000;
const LIMIT = 100;

/** The most requests any half-open window [t, t + length) holds, over sorted timestamps. */
const busiestWindow = (times: ReadonlyArray<number>, length: number) => {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + length) j++;
    best = Math.max(best, j - i);
  }
  return best;
};

describe("rate limit", () => {
  it.effect(
    "two clients of one account share one budget: never more than 100 requests in any 15 s",
    () =>
      Effect.gen(function* () {
        server.use(http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))));
        const { sent, fetch } = yield* recordingFetch;
        const account = freshAccount();
        const first = yield* makeClient({ accountId: account, fetch });
        const second = yield* makeClient({ accountId: account, fetch });
        const burst = (client: typeof first) =>
          Effect.all(
            Array.from({ length: 130 }, () => client.me()),
            { concurrency: 10 },
          );
        yield* drive(Effect.all([burst(first), burst(second)], { concurrency: 2 }), { step: "1 second" });

        const times = sent.map((s) => s.at).sort((a, b) => a - b);
        expect(times).toHaveLength(260);
        expect(busiestWindow(times, WINDOW)).toBeLessThanOrEqual(LIMIT);
        // …and the budget is used, not wasted: 260 requests take about 2.6 windows.
        expect(times.at(-1)! - times[0]!).toBeLessThan(2.7 * WINDOW);
      }),
    60_000,
  );

  it.effect(
    "clients of different accounts do not slow each other down",
    () =>
      Effect.gen(function* () {
        server.use(http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))));
        const { sent, fetch } = yield* recordingFetch;
        const first = yield* makeClient({ fetch });
        const second = yield* makeClient({ fetch });
        const burst = (client: typeof first) =>
          Effect.all(
            Array.from({ length: 100 }, () => client.me()),
            { concurrency: 10 },
          );
        yield* drive(Effect.all([burst(first), burst(second)], { concurrency: 2 }), { step: "1 second" });
        const times = sent.map((s) => s.at).sort((a, b) => a - b);
        expect(times).toHaveLength(200);
        expect(busiestWindow(times, WINDOW)).toBeGreaterThan(LIMIT);
      }),
    60_000,
  );

  it.effect(
    "a smaller configured budget is honoured",
    () =>
      Effect.gen(function* () {
        server.use(http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))));
        const { sent, fetch } = yield* recordingFetch;
        const client = yield* makeClient({ fetch, rateLimit: { limit: 10, window: "1 second" } });
        yield* drive(
          Effect.all(
            Array.from({ length: 35 }, () => client.me()),
            { concurrency: 35 },
          ),
          {
            step: "50 millis",
          },
        );
        const times = sent.map((s) => s.at).sort((a, b) => a - b);
        expect(times).toHaveLength(35);
        // One request per (1 s + 250 ms slack) / 10 = 125 ms: 8 in any second, 10 in any 1.25 s.
        expect(busiestWindow(times, 1_000)).toBe(8);
        expect(busiestWindow(times, 1_250)).toBe(10);
      }),
    60_000,
  );
});
