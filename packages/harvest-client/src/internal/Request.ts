/**
 * The one request executor every HarvestClient call goes through: shared rate limit, per-attempt
 * timeout, status → error mapping, and retries. Idempotent requests are retried on 429, 5xx, resets
 * and timeouts; a non-idempotent one (a create) is retried only when Harvest provably did not act
 * on it (429, refused connection) and otherwise fails with `OutcomeUnknown`, never resent.
 */
import { Duration, Effect, type RateLimiter, type Redacted, Ref, Schedule } from "effect";
import * as Errors from "../HarvestClientError.ts";
import { scrub } from "./Secrets.ts";

type HarvestClientError = Errors.HarvestClientError;

/** How often and how patiently to retry. */
export interface RetrySettings {
  readonly maxAttempts: number;
  readonly baseDelay: Duration.DurationInput;
  readonly maxDelay: Duration.DurationInput;
  /** Wait after a 429 that carries no `Retry-After`. */
  readonly rateLimitedDelay: Duration.DurationInput;
}

/** Defaults: 5 attempts, backoff from 500 ms doubling up to 30 s, 15 s after a bare 429. */
export const defaultRetry: RetrySettings = {
  maxAttempts: 5,
  baseDelay: "500 millis",
  maxDelay: "30 seconds",
  rateLimitedDelay: "15 seconds",
};

/** What openapi-fetch returns for a request made with `parseAs: "text"`. */
export interface Sent {
  readonly response: Response;
  readonly data?: unknown;
  readonly error?: unknown;
}

/** One request: where it goes, whether resending it is harmless, and how to send it. */
export interface RequestSpec {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The path template, for logs and messages (`/users/{userId}`), never with a query string. */
  readonly path: string;
  readonly idempotent: boolean;
  readonly send: (signal: AbortSignal) => Promise<Sent>;
}

/** A 2xx answer: its status and raw body text. */
export interface Exchange {
  readonly status: number;
  readonly body: string;
  /** The server's `Date` response header, when it sent one. */
  readonly date: string | null;
}

/** Everything the executor needs besides the request. */
export interface ExecutorSettings {
  readonly limiter: RateLimiter.RateLimiter;
  readonly retry: RetrySettings;
  readonly timeout: Duration.DurationInput;
  readonly accountId?: number | undefined;
  /** Values that must never appear in an error message (the token). */
  readonly secrets: ReadonlyArray<Redacted.Redacted<string>>;
}

/** Runs requests with the settings' limiter, timeout and retry policy. */
export type Execute = (spec: RequestSpec) => Effect.Effect<Exchange, HarvestClientError>;

/** Error codes of connections that never carried the request, so even a create may be resent. */
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

const causeCode = (cause: unknown): string | undefined => {
  for (let current = cause, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return undefined;
};

const describe = (cause: unknown): string => {
  const code = causeCode(cause);
  const text = cause instanceof Error ? cause.message : String(cause);
  return code === undefined ? text : `${text} (${code})`;
};

/** The readable part of an error body: Harvest's `message`/`error_description`/`error`, or the text. */
const detailOf = (error: unknown): string => {
  if (error !== null && typeof error === "object") {
    const body = error as Record<string, unknown>;
    for (const key of ["message", "error_description", "error"]) {
      if (typeof body[key] === "string") return body[key];
    }
    return JSON.stringify(error).slice(0, 300);
  }
  return typeof error === "string" ? error.slice(0, 300) : "";
};

const retryAfterOf = (response: Response): number | undefined => {
  const raw = response.headers.get("retry-after");
  if (raw === null || raw.trim() === "") return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
};

/** Builds the executor for one client. */
export const makeExecute = (settings: ExecutorSettings): Execute => {
  const timeoutMillis = Duration.toMillis(settings.timeout);
  const schedule = Schedule.exponential(settings.retry.baseDelay, 2).pipe(
    Schedule.union(Schedule.spaced(settings.retry.maxDelay)),
    Schedule.jittered,
    Schedule.intersect(Schedule.identity<HarvestClientError>()),
    Schedule.modifyDelay(([, error], delay) =>
      error.reason === "RateLimited"
        ? error.retryAfterSeconds === undefined
          ? Duration.decode(settings.retry.rateLimitedDelay)
          : Duration.seconds(error.retryAfterSeconds)
        : delay,
    ),
    Schedule.intersect(Schedule.recurs(Math.max(0, settings.retry.maxAttempts - 1))),
    Schedule.whileInput((error: HarvestClientError) => error.retryable),
  );

  return (spec) =>
    Effect.gen(function* () {
      const info = { method: spec.method, path: spec.path, accountId: settings.accountId };
      const attempts = yield* Ref.make(0);

      const classify = (sent: Sent): Effect.Effect<Exchange, HarvestClientError> => {
        const status = sent.response.status;
        if (status >= 200 && status < 300) {
          return Effect.succeed({
            status,
            body: typeof sent.data === "string" ? sent.data : "",
            date: sent.response.headers.get("date"),
          });
        }
        if (status === 429) return Effect.fail(Errors.rateLimited(info, retryAfterOf(sent.response)));
        if (status >= 500 && !spec.idempotent) {
          return Effect.fail(Errors.outcomeUnknown(info, `HTTP ${status}`, status));
        }
        return Effect.fail(Errors.fromStatus(info, status, scrub(detailOf(sent.error), settings.secrets)));
      };

      const attempt = Effect.gen(function* () {
        const n = yield* Ref.updateAndGet(attempts, (k) => k + 1);
        const sent = yield* settings.limiter(
          Effect.tryPromise({
            try: (signal) => spec.send(signal),
            catch: (cause) => {
              const code = causeCode(cause);
              const what = scrub(describe(cause), settings.secrets);
              if (spec.idempotent || (code !== undefined && notSentCodes.has(code))) {
                return Errors.transport(info, what);
              }
              return Errors.outcomeUnknown(info, what);
            },
          }).pipe(
            Effect.timeoutFail({
              duration: timeoutMillis,
              onTimeout: () =>
                spec.idempotent
                  ? Errors.transport(info, `no answer within ${timeoutMillis} ms`)
                  : Errors.outcomeUnknown(info, `no answer within ${timeoutMillis} ms`),
            }),
          ),
        );
        yield* Effect.logDebug("harvest response").pipe(
          Effect.annotateLogs({ status: sent.response.status, attempt: n }),
        );
        return yield* classify(sent);
      }).pipe(
        Effect.tapError((error) =>
          Effect.flatMap(Ref.get(attempts), (attempt) =>
            Effect.logWarning(
              error.retryable ? "harvest request failed, may retry" : "harvest request failed",
            ).pipe(Effect.annotateLogs({ reason: error.reason, status: error.status ?? "none", attempt })),
          ),
        ),
      );

      return yield* attempt.pipe(
        Effect.retry(schedule),
        Effect.catchAll((error) =>
          Effect.flatMap(Ref.get(attempts), (n) =>
            Effect.fail(
              new Errors.HarvestClientError({
                reason: error.reason,
                method: error.method,
                path: error.path,
                retryable: error.retryable,
                attempts: n,
                message: n > 1 ? `${error.message} (gave up after ${n} attempts)` : error.message,
                ...(error.status === undefined ? {} : { status: error.status }),
                ...(error.retryAfterSeconds === undefined
                  ? {}
                  : { retryAfterSeconds: error.retryAfterSeconds }),
              }),
            ),
          ),
        ),
      );
    }).pipe(
      Effect.annotateLogs({ method: spec.method, path: spec.path }),
      Effect.withSpan(`Harvest ${spec.method}`),
    );
};
