import { describe, expect, it } from "@effect/vitest";
import { type Duration, Effect, Fiber, Option, TestClock } from "effect";
import { Exchange, Pacer } from "../src/index.ts";

/** Moves the test clock in steps, letting real promises settle between them, until `effect` ends. */
const drive = <A, E>(effect: Effect.Effect<A, E>, step: Duration.DurationInput = "100 millis") =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect);
    for (let i = 0; i < 20_000; i++) {
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)));
      const exit = yield* Fiber.poll(fiber);
      if (Option.isSome(exit)) return yield* exit.value;
      yield* TestClock.adjust(step);
    }
    return yield* Effect.dieMessage("drive: the effect did not finish");
  });

const retry: Exchange.RetrySettings = {
  maxAttempts: 5,
  baseDelay: "1 second",
  maxDelay: "30 seconds",
  rateLimitedWait: "60 seconds",
  maxRateLimitWait: "600 seconds",
};

let accounts = 0;
/** An exchange on a fresh account whose errors are the failure and the attempt count. */
type Failed = { failure: Exchange.Failure; attempts: number };
const exchange = (overrides: Partial<Exchange.Settings<Failed>> = {}) =>
  Exchange.make<Failed>({
    api: "test",
    account: `account-${++accounts}`,
    budget: { limit: 120, window: "60 seconds" },
    timeout: "30 seconds",
    retry,
    error: (failure, _request, attempts) => ({ failure, attempts }),
    fetch: () => Promise.resolve(new Response("{}")),
    ...overrides,
  }).pipe(Effect.provideService(Pacer.Pacer, Pacer.unsafeMake()));

/** Hands a request for `/things` to the exchange's `fetch`, as openapi-fetch does. */
const handOver = (init: Exchange.SendInit) =>
  init.fetch(new Request("http://127.0.0.1/things", { signal: init.signal }));

/** A request whose answers come from `answer`, recording the test-clock time of every send. */
const scripted = (answer: (n: number) => Promise<Exchange.Sent>, idempotent = true) => {
  const sends: Array<number> = [];
  const request = (now: () => number): Exchange.Request => ({
    method: idempotent ? "GET" : "POST",
    path: "/things",
    idempotent,
    send: (init) =>
      handOver(init).then(() => {
        sends.push(now());
        return answer(sends.length);
      }),
  });
  return { sends, request };
};

const ok = (): Promise<Exchange.Sent> => Promise.resolve({ response: new Response("{}"), data: "{}" });
const status = (code: number, headers: Record<string, string> = {}): Promise<Exchange.Sent> =>
  Promise.resolve({ response: new Response(null, { status: code, headers }), error: "" });
const testNow = Effect.map(Effect.clock, (clock) => () => clock.unsafeCurrentTimeMillis());

describe("Exchange", () => {
  it.effect(
    "a burst of 150 readers on one account all succeed, each sent once: the wait is not in the timeout",
    () =>
      Effect.gen(function* () {
        const now = yield* testNow;
        const execute = yield* exchange();
        const { sends, request } = scripted(ok);
        // 120 per minute: the last of 150 readers waits about 76 s for its slot, well past the 30 s timeout.
        const replies = yield* drive(
          Effect.forEach(Array.from({ length: 150 }), () => execute(request(now)), {
            concurrency: "unbounded",
          }),
          "500 millis",
        );
        expect(replies).toHaveLength(150);
        expect(sends).toHaveLength(150);
        expect(sends.at(-1)! - sends[0]!).toBeGreaterThan(30_000);
        // A read after the burst still succeeds.
        const after = yield* drive(execute(request(now)));
        expect(after.status).toBe(200);
      }),
    60_000,
  );

  it.effect("waits the server's Retry-After after a 429, and the default wait when it names none", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const execute = yield* exchange();
      const named = scripted((n) => (n === 1 ? status(429, { "Retry-After": "3" }) : ok()));
      yield* drive(execute(named.request(now)));
      expect(named.sends[1]! - named.sends[0]!).toBeGreaterThanOrEqual(3_000);
      expect(named.sends[1]! - named.sends[0]!).toBeLessThan(3_600);
      const bare = scripted((n) => (n === 1 ? status(429) : ok()));
      yield* drive(execute(bare.request(now)), "1 second");
      expect(bare.sends[1]! - bare.sends[0]!).toBeGreaterThanOrEqual(60_000);
      expect(bare.sends[1]! - bare.sends[0]!).toBeLessThan(61_600);
    }),
  );

  it.effect("retries a read on 5xx and a reset; a create only when the connection was refused", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const execute = yield* exchange();
      const read = scripted((n) => (n < 3 ? status(503) : ok()));
      expect((yield* drive(execute(read.request(now)))).status).toBe(200);
      expect(read.sends).toHaveLength(3);

      const create5xx = scripted(() => status(500), false);
      const e1 = yield* drive(Effect.flip(execute(create5xx.request(now))));
      expect(e1).toEqual({ failure: { _tag: "Status", status: 500, body: "" }, attempts: 1 });

      const reset = scripted(() => Promise.reject(new TypeError("fetch failed")), false);
      const e2 = yield* drive(Effect.flip(execute(reset.request(now))));
      expect(e2.failure).toMatchObject({ _tag: "Transport", neverSent: false });
      expect(reset.sends).toHaveLength(1);

      const refused = scripted(
        (n) =>
          n === 1
            ? Promise.reject(
                new TypeError("fetch failed", {
                  cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
                }),
              )
            : ok(),
        false,
      );
      expect((yield* drive(execute(refused.request(now)))).status).toBe(200);
      expect(refused.sends).toHaveLength(2);
    }),
  );

  it.effect("times out a hanging exchange: a read is retried up to maxAttempts, a create is not resent", () =>
    Effect.gen(function* () {
      const now = yield* testNow;
      const execute = yield* exchange({ timeout: "5 seconds", retry: { ...retry, maxAttempts: 2 } });
      const hang = () => new Promise<Exchange.Sent>(() => {});
      const read = scripted(hang);
      const e1 = yield* drive(Effect.flip(execute(read.request(now))), "1 second");
      expect(e1.failure._tag).toBe("Timeout");
      expect(e1.attempts).toBe(2);
      expect(read.sends).toHaveLength(2);
      const create = scripted(hang, false);
      const e2 = yield* drive(Effect.flip(execute(create.request(now))), "1 second");
      expect(e2).toMatchObject({ failure: { _tag: "Timeout" }, attempts: 1 });
      expect(create.sends).toHaveLength(1);
    }),
  );

  it.effect(
    "hands a 429 that asks for more than maxRateLimitWait to the caller instead of sitting it out",
    () =>
      Effect.gen(function* () {
        const now = yield* testNow;
        const execute = yield* exchange();
        const long = scripted(() => status(429, { "x-ratelimit-reset": "3600" }));
        const error = yield* drive(Effect.flip(execute(long.request(now))));
        expect(error.failure).toEqual({ _tag: "RateLimited", status: 429, retryAfter: 3600 });
        expect(long.sends).toHaveLength(1);
      }),
  );

  it.effect(
    "the server sees requests as far apart as the pacer recorded them, although one reached fetch late",
    () =>
      Effect.gen(function* () {
        const now = yield* testNow;
        const arrivals: Array<number> = [];
        // Two per window: span 1 250 ms, slots 625 ms apart.
        const execute = yield* exchange({
          budget: { limit: 2, window: "1 second" },
          fetch: () => {
            arrivals.push(now());
            return Promise.resolve(new Response("{}"));
          },
        });
        const read = (delayMs: number): Exchange.Request => ({
          method: "GET",
          path: "/things",
          idempotent: true,
          // The first request is held 1 s between its slot and fetch (a busy event loop, a slow
          // serializer); the server only sees it arrive then.
          send: async (init) => {
            const due = now() + delayMs;
            while (now() < due) await new Promise((resolve) => setImmediate(resolve));
            const response = await handOver(init);
            return { response, data: "{}" };
          },
        });
        yield* drive(
          Effect.forEach([1_000, 0, 0], (delayMs) => execute(read(delayMs)), { concurrency: "unbounded" }),
          "125 millis",
        );
        arrivals.sort((a, b) => a - b);
        expect(arrivals).toEqual([625, 1_000, 1_875]);
        // No 1 250 ms window of the server holds more than two of them.
        expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(1_250);
      }),
  );
});
