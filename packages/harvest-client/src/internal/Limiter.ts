/**
 * One rate limiter per Harvest account in the process, shared by every client of that account.
 *
 * Harvest allows `limit` requests per `window` (100 per 15 s). A token bucket that starts full lets
 * a burst of `limit` through and then keeps refilling, so some windows would hold almost twice the
 * limit. Spacing requests `window / limit` apart (a bucket of one token refilled at that pace) is the
 * only bucket setting under which no window of that length ever holds more than `limit` requests,
 * while still reaching the full rate over any longer run.
 */
import { Duration, Effect, RateLimiter, Scope } from "effect";

/** How many requests one account may send per window. */
export interface RateLimitSettings {
  readonly limit: number;
  readonly window: Duration.DurationInput;
}

/** Harvest's documented budget: 100 requests per 15 seconds. */
export const harvestBudget: RateLimitSettings = { limit: 100, window: "15 seconds" };

/** Lives as long as the process: the shared limiters' refill fibers run in it. */
const processScope = Effect.runSync(Scope.make());

const registry = new Map<string, Effect.Effect<RateLimiter.RateLimiter>>();

const build = (settings: RateLimitSettings): Effect.Effect<RateLimiter.RateLimiter> =>
  RateLimiter.make({
    algorithm: "token-bucket",
    limit: 1,
    interval: Duration.millis(Math.ceil(Duration.toMillis(settings.window) / settings.limit)),
  }).pipe(Scope.extend(processScope));

/**
 * The limiter shared by every client of `account` with these settings. The limiter is built on the
 * first use, in the calling fiber's context (so tests drive it with `TestClock`).
 */
export const shared = (
  account: string,
  settings: RateLimitSettings,
): Effect.Effect<RateLimiter.RateLimiter> =>
  Effect.suspend(() => {
    const key = `${account}|${settings.limit}|${Duration.toMillis(settings.window)}`;
    let limiter = registry.get(key);
    if (limiter === undefined) {
      limiter = Effect.runSync(Effect.cached(build(settings)));
      registry.set(key, limiter);
    }
    return limiter;
  });
