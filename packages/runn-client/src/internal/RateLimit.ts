/**
 * One rate limiter per Runn account (token) in the process, shared by every client of that account.
 * Built on Effect's token bucket so that no window of the configured length ever holds more than
 * `limit` requests: the bucket holds half the budget and refills the other half evenly over the window.
 */
import { createHash } from "node:crypto";
import { Duration, Effect, RateLimiter, Scope } from "effect";

/** How many requests one account may make per window. */
export interface RateLimitSettings {
  readonly limit: number;
  readonly window: Duration.DurationInput;
}

/** Runn's budget as far as it is known: 120 requests per minute per account (unconfirmed). */
export const defaultRateLimit: RateLimitSettings = { limit: 120, window: "60 seconds" };

const registry = new Map<string, RateLimiter.RateLimiter>();
let registryScope: Scope.CloseableScope | undefined;

/** A stable, non-secret key for an account: the token's SHA-256, never the token itself. */
export const accountKey = (token: string): string =>
  `runn:${createHash("sha256").update(token).digest("hex").slice(0, 32)}`;

/**
 * Token-bucket parameters that keep every window under the limit: a burst of `capacity`, then one
 * request per `window / (limit - capacity)`. Burst plus refills within one window is at most `limit`.
 */
export const bucketFor = (settings: RateLimitSettings): { capacity: number; interval: Duration.Duration } => {
  const limit = Math.max(1, Math.floor(settings.limit));
  const windowMs = Duration.toMillis(Duration.decode(settings.window));
  const capacity = Math.max(1, Math.floor(limit / 2));
  const refills = Math.max(1, limit - capacity);
  // Effect refills one token every ceil(interval / capacity) ms; pick interval so that is window / refills.
  const perToken = Math.ceil(windowMs / refills);
  return { capacity, interval: Duration.millis(perToken * capacity) };
};

/**
 * The shared limiter of an account, created on first use. Its refill fiber lives in a process-wide
 * scope and inherits the creating fiber's clock (so `TestClock` drives it in tests).
 */
export const limiterFor = (
  key: string,
  settings: RateLimitSettings,
): Effect.Effect<RateLimiter.RateLimiter> =>
  Effect.suspend(() => {
    const id = `${key}|${settings.limit}|${Duration.toMillis(Duration.decode(settings.window))}`;
    const existing = registry.get(id);
    if (existing !== undefined) return Effect.succeed(existing);
    registryScope ??= Effect.runSync(Scope.make());
    const { capacity, interval } = bucketFor(settings);
    return RateLimiter.make({ limit: capacity, interval, algorithm: "token-bucket" }).pipe(
      Scope.extend(registryScope),
      Effect.map((limiter) => {
        const raced = registry.get(id);
        if (raced !== undefined) return raced;
        registry.set(id, limiter);
        return limiter;
      }),
    );
  });
