/** Names the last failure of a Runn request as a `RunnClientError`, with the token redacted. */
import { Optional } from "@harvest-runn/domain";
import type { Exchange } from "@harvest-runn/http";
import { Duration } from "effect";
import { RunnClientError } from "../RunnClientError.ts";

/** Seconds to wait after a 429 when Runn names no figure (its documented block time). */
export const defaultRateLimitWait = 60;

/** Longest 429 wait the client sits out itself; a longer one is returned to the caller to schedule. */
export const maxRateLimitWait = 600;

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

const unknownOutcome =
  "the request may have been applied, so it was not resent: look the record up before creating it again";

/** The error of a request that failed with `failure`; `redact` removes the token from the message. */
export const errorOf =
  (redact: (text: string) => string) =>
  (failure: Exchange.Failure, call: Exchange.Request): RunnClientError => {
    const fail = (
      reason: RunnClientError["reason"],
      message: string,
      extra: { status?: number; retryAfter?: number } = {},
    ) =>
      new RunnClientError({
        reason,
        message: redact(`${call.method} ${call.path}: ${message}`),
        method: call.method,
        path: call.path,
        ...extra,
      });
    const ambiguous = (what: string) =>
      call.idempotent ? fail("Transport", what) : fail("OutcomeUnknown", `${what}; ${unknownOutcome}`);
    switch (failure._tag) {
      case "Transport":
        return failure.neverSent
          ? fail("Transport", `could not connect (${failure.cause}); check the base URL and network`)
          : ambiguous(`network error (${failure.cause})`);
      case "Timeout":
        return ambiguous(`no response within ${Duration.format(failure.timeout)}`);
      case "RateLimited":
        return fail(
          "RateLimited",
          failure.retryAfter === undefined
            ? `rate limited (429) without a wait time; Runn blocks for ${defaultRateLimitWait} s`
            : `rate limited (429); Runn asked to wait ${failure.retryAfter} s`,
          { status: 429, ...Optional.fields({ retryAfter: failure.retryAfter }) },
        );
      case "Status":
        break;
    }
    const status = failure.status;
    const detail = runnMessage(failure.body);
    const suffix = detail === undefined ? "" : `: ${detail}`;
    if (status === 401 || status === 403) {
      return fail(
        "Unauthorized",
        `Runn refused the token (${status}); check the Runn token is a current API token of this account with the needed scope`,
        { status },
      );
    }
    if (status === 404) return fail("NotFound", `not found (404)${suffix}`, { status });
    if (status === 409) return fail("Conflict", `conflict (409)${suffix}`, { status });
    if (status === 400 || status === 422) {
      return fail("Validation", `Runn rejected the request (${status})${suffix}`, { status });
    }
    if (status >= 500 && !call.idempotent) {
      return fail("OutcomeUnknown", `server error (${status})${suffix}; ${unknownOutcome}`, { status });
    }
    return fail("Status", `unexpected status ${status}${suffix}`, { status });
  };
