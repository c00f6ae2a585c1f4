/**
 * The one msw server of this test project, plus helpers that drive `TestClock` while real promises
 * (msw handlers) settle, and that build clients with a unique token per test (the rate limiter is
 * shared per token in the process).
 */

import { Pacer } from "@harvest-runn/http";
import { Clock, Duration, Effect, type Exit, Fiber, Option, Redacted, TestClock } from "effect";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { RunnClient } from "../../src/index.ts";

/** Base URL the tests intercept. */
export const baseUrl = "https://api.runn.test";

/** The shared server; unhandled requests fail the test. */
export const server = setupServer();

/** Starts the server for a test file. */
export const useServer = (): void => {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
};

let counter = 0;
/** A fresh, recognisable token per client so no two tests share a limiter. */
export const freshToken = (): string => {
  counter += 1;
  return `TEST_secret${counter}x${Math.random().toString(36).slice(2, 10)}`;
};

/** The pacer every client of a test file shares, as a host's clients share one. */
export const pacer = Pacer.unsafeMake();

/** `RunnClient.make` with the test file's shared pacer. */
export const make = (options: RunnClient.Options) =>
  RunnClient.make(options).pipe(Effect.provideService(Pacer.Pacer, pacer));

/** A budget no test reaches, for tests about something else than pacing (the test clock stands still). */
export const unpaced = { limit: 1_000_000_000, window: "1 second" } as const;

/**
 * A client for the test server with a fresh token (returned too, for header and leak checks), unpaced
 * unless `overrides` give a `rateLimit`.
 */
export const makeClient = (overrides: Partial<RunnClient.Options> = {}) =>
  Effect.gen(function* () {
    const token = freshToken();
    const client = yield* make({ token: Redacted.make(token), baseUrl, rateLimit: unpaced, ...overrides });
    return { client, token };
  });

/** Lets real timers and promises (msw) run for a moment. */
export const realTick = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 2)));

/** The test clock's current time, readable from msw handlers (plain callbacks). */
export const testNow = Effect.map(Effect.clock, (clock) => () => clock.unsafeCurrentTimeMillis());

/**
 * Runs `fiber` to completion, advancing the test clock by `step` between real ticks; bounded.
 */
export const drive = <A, E>(
  fiber: Fiber.RuntimeFiber<A, E>,
  step: Duration.DurationInput = "1 second",
  maxSteps = 2_000,
): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.gen(function* () {
    for (let i = 0; i < maxSteps; i++) {
      yield* realTick;
      const done = yield* Fiber.poll(fiber);
      if (Option.isSome(done)) return done.value;
      yield* TestClock.adjust(step);
    }
    const now = yield* Clock.currentTimeMillis;
    return yield* Effect.dieMessage(`fiber still running after ${maxSteps} steps (${Duration.format(now)})`);
  });
