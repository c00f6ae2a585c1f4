/**
 * Sends one Runn call: through the account's rate limiter, with a timeout, mapping every outcome to a
 * `RunnClientError` reason, and retrying what is safe to retry (429 always; 5xx, resets and timeouts
 * only for idempotent calls). A create that may have reached the server is never sent twice.
 */
import { Duration, Effect, type RateLimiter, Schedule } from "effect";
import { RunnClientError } from "../RunnClientError.ts";

/** Retry and timeout settings of one client. */
export interface HttpSettings {
  readonly limiter: RateLimiter.RateLimiter;
  readonly maxAttempts: number;
  readonly baseDelay: Duration.Duration;
  readonly maxDelay: Duration.Duration;
  readonly timeout: Duration.Duration;
  /** Removes secrets from text that ends up in errors (an echoed token, say). */
  readonly redact: (text: string) => string;
}

/** One request as the client describes it; `send` performs it with openapi-fetch. */
export interface Call {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The OpenAPI path template, used in logs and error messages. */
  readonly path: string;
  /** Whether sending it twice is harmless (reads, upserts, patches, deletes). */
  readonly idempotent: boolean;
  readonly send: (signal: AbortSignal) => Promise<{ response: Response; data?: unknown; error?: unknown }>;
}

/** A successful reply: status and the parsed JSON body (undefined when empty). */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** The server's `Date` response header, when it sent one. */
  readonly date: string | null;
}

/** Seconds to wait after a 429 when Runn names no figure (its documented block time). */
export const defaultRateLimitWait = 60;

/** Longest 429 wait the client sits out itself; a longer one is returned to the caller to schedule. */
export const maxRateLimitWait = 600;

const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** True when a fetch failure proves the request never left the machine. */
const neverSent = (error: unknown): boolean => {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" && notSentCodes.has(cause.code);
};

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Runn's `message` from an error body, or a short excerpt of a non-JSON body. */
export const runnMessage = (body: unknown): string | undefined => {
  if (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { message?: unknown }).message === "string"
  ) {
    return (body as { message: string }).message;
  }
  if (typeof body === "string" && body.length > 0) return body.slice(0, 200);
  return undefined;
};

/** Seconds from `Retry-After` (seconds or an HTTP date), else `x-ratelimit-reset`, else undefined. */
export const retryAfterSeconds = (headers: Headers, nowMs: number): number | undefined => {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  const reset = Number(headers.get("x-ratelimit-reset") ?? Number.NaN);
  return Number.isFinite(reset) && reset >= 0 ? reset : undefined;
};

const shouldRetry = (e: RunnClientError): boolean =>
  (e.reason === "RateLimited" && (e.retryAfter ?? defaultRateLimitWait) <= maxRateLimitWait) ||
  e.reason === "Transport" ||
  (e.reason === "Status" && (e.status ?? 0) >= 500);

/** Waits: the server's figure after a 429 (else 60 s); jittered exponential backoff otherwise. */
const retrySchedule = (settings: HttpSettings) =>
  Schedule.identity<RunnClientError>().pipe(
    Schedule.whileInput(shouldRetry),
    Schedule.zipLeft(Schedule.recurs(Math.max(0, settings.maxAttempts - 1))),
    Schedule.intersect(Schedule.exponential(settings.baseDelay).pipe(Schedule.jittered)),
    Schedule.modifyDelay(([error], backoff) =>
      error.reason === "RateLimited"
        ? Duration.seconds(error.retryAfter ?? defaultRateLimitWait)
        : Duration.min(backoff, settings.maxDelay),
    ),
  );

/** Sends a call with rate limiting, timeout, error mapping and bounded retries. */
export const execute = (settings: HttpSettings, call: Call): Effect.Effect<Reply, RunnClientError> =>
  Effect.suspend(() => executeFresh(settings, call));

const executeFresh = (settings: HttpSettings, call: Call): Effect.Effect<Reply, RunnClientError> => {
  const fail = (
    reason: RunnClientError["reason"],
    message: string,
    extra: { status?: number; retryAfter?: number } = {},
  ) =>
    new RunnClientError({
      reason,
      message: settings.redact(`${call.method} ${call.path}: ${message}`),
      method: call.method,
      path: call.path,
      ...extra,
    });
  const ambiguous = (what: string) =>
    call.idempotent
      ? fail("Transport", what)
      : fail(
          "OutcomeUnknown",
          `${what}; the request may have been applied, so it was not resent: look the record up before creating it again`,
        );

  let attempt = 0;
  const once = Effect.gen(function* () {
    attempt += 1;
    // The timeout covers the request only, not the wait for a rate-limit permit.
    const result = yield* settings.limiter(
      Effect.tryPromise({
        try: (signal) => call.send(signal),
        catch: (error) =>
          neverSent(error)
            ? fail("Transport", `could not connect (${describe(error)}); check the base URL and network`)
            : ambiguous(`network error (${describe(error)})`),
      }).pipe(
        Effect.timeoutFail({
          duration: settings.timeout,
          onTimeout: () => ambiguous(`no response within ${Duration.format(settings.timeout)}`),
        }),
      ),
    );
    const status = result.response.status;
    yield* Effect.logDebug("runn request").pipe(
      Effect.annotateLogs({ method: call.method, path: call.path, status, attempt }),
    );
    if (result.response.ok) {
      const text = typeof result.data === "string" ? result.data : "";
      const date = result.response.headers.get("date");
      if (text.trim() === "") return { status, body: undefined, date } satisfies Reply;
      return yield* Effect.try({
        try: () => ({ status, body: JSON.parse(text) as unknown, date }) satisfies Reply,
        catch: () => fail("Decode", `response body is not JSON (status ${status})`, { status }),
      });
    }
    const detail = runnMessage(result.error);
    const suffix = detail === undefined ? "" : `: ${detail}`;
    if (status === 429) {
      const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis);
      const retryAfter = retryAfterSeconds(result.response.headers, now);
      return yield* fail(
        "RateLimited",
        `rate limited (429); Runn asked to wait ${retryAfter ?? defaultRateLimitWait} s`,
        retryAfter === undefined ? { status } : { status, retryAfter },
      );
    }
    if (status === 401 || status === 403) {
      return yield* fail(
        "Unauthorized",
        `Runn refused the token (${status}); check RUNN_TOKEN is a current API token of this account with the needed scope`,
        { status },
      );
    }
    if (status === 404) return yield* fail("NotFound", `not found (404)${suffix}`, { status });
    if (status === 409) return yield* fail("Conflict", `conflict (409)${suffix}`, { status });
    if (status === 400 || status === 422) {
      return yield* fail("Validation", `Runn rejected the request (${status})${suffix}`, { status });
    }
    if (status >= 500 && !call.idempotent) {
      return yield* Effect.fail(
        fail(
          "OutcomeUnknown",
          `server error (${status})${suffix}; the request may have been applied, so it was not resent: look the record up before creating it again`,
          { status },
        ),
      );
    }
    return yield* fail("Status", `unexpected status ${status}${suffix}`, { status });
  });

  return once.pipe(
    Effect.tapError((error) =>
      shouldRetry(error)
        ? Effect.logWarning("runn request failed").pipe(
            Effect.annotateLogs({ method: call.method, path: call.path, reason: error.reason, attempt }),
          )
        : Effect.void,
    ),
    Effect.retry(retrySchedule(settings)),
    Effect.withSpan(`RunnClient ${call.method} ${call.path}`),
  );
};
