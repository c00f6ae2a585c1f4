/** Builds clients against the msw server, each on its own account so rate limiters never mix. */
import { Pacer } from "@harvest-runn/http";
import { Effect, Redacted } from "effect";
import { HarvestClient } from "../../src/index.ts";

export const base = "https://harvest.test/v2";
export const idBase = "https://id.harvest.test/api/v2";
export const TOKEN = "pat-secret-0123456789abcdef";
export const USER_AGENT = "harvest-runn tests (dev@example.com)";

let nextAccount = 700_000 + Math.floor(Math.random() * 100_000);

/** A fresh account id (one rate-limit budget per test). */
export const freshAccount = () => nextAccount++;

/** The pacer every client of a test file shares, as a host's clients share one. */
export const pacer = Pacer.unsafeMake();

/** A client on a fresh account unless one is given; `options` override the defaults. */
export const makeClient = (options: Partial<HarvestClient.Options> = {}) =>
  HarvestClient.make({
    token: Redacted.make(TOKEN),
    accountId: freshAccount(),
    userAgent: USER_AGENT,
    baseUrl: base,
    idBaseUrl: idBase,
    ...options,
  }).pipe(Effect.provideService(Pacer.Pacer, pacer));

/** Records the TestClock time of every request the client sends, then passes it to msw. */
export const recordingFetch = Effect.gen(function* () {
  const clock = yield* Effect.clock;
  const sent: Array<{ readonly at: number; readonly url: URL; readonly method: string }> = [];
  const fetch = (request: Request) => {
    sent.push({ at: clock.unsafeCurrentTimeMillis(), url: new URL(request.url), method: request.method });
    return globalThis.fetch(request);
  };
  return { sent, fetch };
});
