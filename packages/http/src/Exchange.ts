/**
 * The one HTTP exchange both API clients send through: a slot from the account's `Pacer`, then the
 * request under a timeout (the wait for the slot does not count), recorded as sent by the `fetch` it is
 * handed to (not when its slot came up: other fibers run in between), then the outcome sorted into a
 * reply or a `Failure`, and bounded retries of what is safe to resend. A 429 is always safe (the server
 * did not act); a 5xx, a reset or a timeout only for an idempotent request; a refused connection always
 * (the request never left). The client turns the last `Failure` into its own error.
 */
import { Duration, Effect, Schedule } from "effect";
import * as Pacer from "./Pacer.ts";

/** What openapi-fetch returns for a request made with `parseAs: "text"`. */
export interface Sent {
  readonly response: Response;
  readonly data?: unknown;
  readonly error?: unknown;
}

/** How a request reaches the network (openapi-fetch's `fetch` option). */
export type Fetch = (request: globalThis.Request) => Promise<Response>;

/**
 * What one attempt is sent with; spread it into openapi-fetch's request options. Its `fetch` records
 * the send with the account's pacer at the moment the request is handed over, then sends it.
 */
export interface SendInit {
  readonly signal: AbortSignal;
  readonly fetch: Fetch;
}

/**
 * The base `fetch` of an openapi-fetch client whose requests all go through an exchange: it refuses, so
 * a request sent without its `SendInit` fails loudly instead of going out unpaced.
 */
export const unpaced: Fetch = (request) =>
  Promise.reject(new Error(`${request.method} ${new URL(request.url).pathname}: sent around the exchange`));

/** One request: where it goes, whether resending it is harmless, and how to send it. */
export interface Request {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The path template, for logs and messages (`/users/{userId}`), never with a query string. */
  readonly path: string;
  readonly idempotent: boolean;
  /** Sends the request through `init.fetch`, which is the only way it may reach the network. */
  readonly send: (init: SendInit) => Promise<Sent>;
}

/** A 2xx answer: its status, raw body text, and the server's `Date` header (null when absent). */
export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly date: string | null;
}

/** Why an attempt failed, before the client names it. */
export type Failure =
  /** A 429; `retryAfter` is the server's figure in seconds, undefined when it sent none. */
  | { readonly _tag: "RateLimited"; readonly status: 429; readonly retryAfter: number | undefined }
  /** Any other non-2xx answer, with openapi-fetch's parsed error body. */
  | { readonly _tag: "Status"; readonly status: number; readonly body: unknown }
  /** No answer: `neverSent` when the connection was refused, so the server cannot have acted. */
  | { readonly _tag: "Transport"; readonly cause: string; readonly neverSent: boolean }
  /** No answer within the timeout (the request may have been acted on). */
  | { readonly _tag: "Timeout"; readonly timeout: Duration.Duration };

/** How often and how patiently to retry. */
export interface RetrySettings {
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  /** First backoff after a 5xx, reset or timeout; doubles per attempt, jittered. */
  readonly baseDelay: Duration.DurationInput;
  /** Longest single backoff. */
  readonly maxDelay: Duration.DurationInput;
  /** Wait after a 429 that names no figure (no `Retry-After`, no `x-ratelimit-reset`). */
  readonly rateLimitedWait: Duration.DurationInput;
  /** Longest 429 wait sat out here; a longer one is returned to the caller to schedule. */
  readonly maxRateLimitWait: Duration.DurationInput;
}

/** Everything an exchange needs besides the request. */
export interface Settings<E> {
  /** The API's name in logs and spans (`harvest`, `runn`). */
  readonly api: string;
  /** The pacer key of the account (never a secret). */
  readonly account: string;
  readonly budget: Pacer.Budget;
  /** Time one exchange may take, from sending to the whole answer; the wait for a slot is not in it. */
  readonly timeout: Duration.DurationInput;
  readonly retry: RetrySettings;
  /** The client's error for the last failure of a request after `attempts` attempts. */
  readonly error: (failure: Failure, request: Request, attempts: number) => E;
  /** Sends a request on the network (default `globalThis.fetch`, looked up at each send). */
  readonly fetch?: Fetch;
}

/** Sends requests of one client. */
export type Execute<E> = (request: Request) => Effect.Effect<Reply, E>;

const neverSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

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

/** Starts `request` now; its promise never counts as unhandled while nobody awaits it yet. */
const sendNow = (request: Request, init: SendInit): Promise<Sent> => {
  let pending: Promise<Sent>;
  try {
    pending = request.send(init);
  } catch (cause) {
    pending = Promise.reject(cause);
  }
  pending.catch(() => undefined);
  return pending;
};

/** Seconds from `Retry-After` (seconds or an HTTP date), else `x-ratelimit-reset`, else undefined. */
export const retryAfterOf = (headers: Headers, nowMs: number): number | undefined => {
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

/** The wait a 429 asks for: the server's figure, else the settings' default. */
const rateLimitWait = (
  failure: Failure & { _tag: "RateLimited" },
  retry: RetrySettings,
): Duration.Duration =>
  failure.retryAfter === undefined
    ? Duration.decode(retry.rateLimitedWait)
    : Duration.seconds(failure.retryAfter);

/** True when sending the request again may succeed and cannot apply it twice. */
export const retryable = (failure: Failure, request: Request, retry: RetrySettings): boolean => {
  switch (failure._tag) {
    case "RateLimited":
      return Duration.lessThanOrEqualTo(
        rateLimitWait(failure, retry),
        Duration.decode(retry.maxRateLimitWait),
      );
    case "Status":
      return failure.status >= 500 && request.idempotent;
    case "Transport":
      return request.idempotent || failure.neverSent;
    case "Timeout":
      return request.idempotent;
  }
};

/** Builds the exchange of one client; clients of one account share the `Pacer`'s schedule. */
export const make = <E>(settings: Settings<E>): Effect.Effect<Execute<E>, never, Pacer.Pacer> =>
  Effect.map(Pacer.Pacer, (pacer) => {
    const timeout = Duration.decode(settings.timeout);
    const maxDelay = Duration.decode(settings.retry.maxDelay);
    const network: Fetch = settings.fetch ?? ((wire) => globalThis.fetch(wire));
    const schedule = (request: Request) =>
      Schedule.identity<Failure>().pipe(
        Schedule.whileInput((failure: Failure) => retryable(failure, request, settings.retry)),
        Schedule.zipLeft(Schedule.recurs(Math.max(0, settings.retry.maxAttempts - 1))),
        Schedule.intersect(Schedule.exponential(settings.retry.baseDelay, 2).pipe(Schedule.jittered)),
        Schedule.modifyDelay(([failure], backoff) =>
          failure._tag === "RateLimited"
            ? rateLimitWait(failure, settings.retry)
            : Duration.min(backoff, maxDelay),
        ),
      );

    return (request) =>
      Effect.suspend(() => {
        let attempts = 0;
        /**
         * One attempt with a granted slot; the timeout starts here, after the wait for the slot. The
         * pacer is told the request was sent when its exchange ends (the answer came, or it failed):
         * the latest instant the server can have counted it, so pauses of either side (a collection
         * between `fetch` and the socket, a server busy before it reads the request) can never make the
         * server see two requests closer together than the pacer spaced them.
         */
        const attempt = (permit: Pacer.Permit, handed: { value: boolean }) =>
          Effect.gen(function* () {
            attempts += 1;
            const controller = new AbortController();
            const init: SendInit = {
              signal: controller.signal,
              fetch: (wire) => {
                handed.value = true;
                return network(wire).finally(permit.sent);
              },
            };
            return yield* Effect.tryPromise({
              try: () => sendNow(request, init),
              catch: (cause): Failure => ({
                _tag: "Transport",
                cause: describe(cause),
                neverSent: neverSentCodes.has(causeCode(cause) ?? ""),
              }),
            }).pipe(
              Effect.onInterrupt(() => Effect.sync(() => controller.abort())),
              Effect.timeoutFail({
                duration: timeout,
                onTimeout: (): Failure => ({ _tag: "Timeout", timeout }),
              }),
            );
          });
        const once: Effect.Effect<Reply, Failure> = Effect.gen(function* () {
          // A request that never reached `fetch` (it failed before, or was abandoned) gives its slot back;
          // one abandoned after `fetch` counts as sent when abandoned (the server may have it).
          const sent = yield* Effect.uninterruptibleMask((restore) =>
            Effect.flatMap(restore(pacer.take(settings.account, settings.budget)), (permit) => {
              const handed = { value: false };
              return restore(attempt(permit, handed)).pipe(
                Effect.ensuring(Effect.sync(() => (handed.value ? permit.sent() : permit.cancel()))),
              );
            }),
          );
          const status = sent.response.status;
          yield* Effect.logDebug(`${settings.api} response`).pipe(
            Effect.annotateLogs({ status, attempt: attempts }),
          );
          if (status >= 200 && status < 300) {
            const body = typeof sent.data === "string" ? sent.data : "";
            return { status, body, date: sent.response.headers.get("date") } satisfies Reply;
          }
          if (status === 429) {
            const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis);
            const retryAfter = retryAfterOf(sent.response.headers, now);
            return yield* Effect.fail<Failure>({ _tag: "RateLimited", status, retryAfter });
          }
          return yield* Effect.fail<Failure>({ _tag: "Status", status, body: sent.error });
        });
        return once.pipe(
          Effect.tapError((failure) =>
            Effect.logWarning(
              retryable(failure, request, settings.retry)
                ? `${settings.api} request failed, may retry`
                : `${settings.api} request failed`,
            ).pipe(Effect.annotateLogs({ failure: failure._tag, attempt: attempts })),
          ),
          Effect.retry(schedule(request)),
          Effect.mapError((failure) => settings.error(failure, request, attempts)),
        );
      }).pipe(
        Effect.annotateLogs({ method: request.method, path: request.path }),
        Effect.withSpan(`${settings.api} ${request.method} ${request.path}`),
      );
  });
