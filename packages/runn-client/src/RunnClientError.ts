/**
 * The one error `RunnClient` fails with. The `reason` tells the caller what to do: retry later, fix a
 * setting, look an entity up before creating it again, or report a bad record.
 */
import { Schema } from "effect";

/** Why a Runn call failed. */
export const Reason = Schema.Literal(
  "Unauthorized",
  "NotFound",
  "Conflict",
  "Validation",
  "RateLimited",
  "OutcomeUnknown",
  "Status",
  "Transport",
  "Decode",
);
export type Reason = typeof Reason.Type;

/** A failed Runn call; `message` says what to fix and never contains the token. */
export class RunnClientError extends Schema.TaggedError<RunnClientError>()("RunnClientError", {
  reason: Reason,
  message: Schema.String,
  status: Schema.optional(Schema.Number),
  method: Schema.optional(Schema.String),
  path: Schema.optional(Schema.String),
  /** Seconds Runn asked to wait (429 `Retry-After` or `x-ratelimit-reset`). */
  retryAfter: Schema.optional(Schema.Number),
}) {
  /** True when the same call may succeed later unchanged (rate limit, 5xx, network). */
  get retryable(): boolean {
    return (
      this.reason === "RateLimited" ||
      this.reason === "Transport" ||
      (this.reason === "Status" && (this.status ?? 0) >= 500)
    );
  }
}
