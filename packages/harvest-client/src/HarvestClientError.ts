/**
 * The one error a HarvestClient call can fail with. `reason` tells the caller what happened and
 * `retryable` whether trying the same call again later can help; the message says what to fix and
 * never contains the token.
 */

import { Optional } from "@harvest-runn/domain";
import { Schema } from "effect";

/** Why a Harvest call failed. */
export const Reason = Schema.Literal(
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "RateLimited",
  "Status",
  "Transport",
  "Decode",
);
export type Reason = typeof Reason.Type;

/** A failed Harvest API call. */
export class HarvestClientError extends Schema.TaggedError<HarvestClientError>()("HarvestClientError", {
  reason: Reason,
  message: Schema.String,
  method: Schema.String,
  path: Schema.String,
  status: Schema.optional(Schema.Number),
  retryable: Schema.Boolean,
  retryAfterSeconds: Schema.optional(Schema.Number),
  attempts: Schema.optional(Schema.Number),
}) {}

/** Endpoints whose 403 means "administrator rights needed" rather than a per-record permission. */
const adminOnly = new Set(["/users", "/roles", "/company"]);

/** The fields every error of one request shares. */
export interface RequestInfo {
  readonly method: string;
  readonly path: string;
  readonly accountId?: number | undefined;
}

const at = (info: RequestInfo) => `${info.method} ${info.path}`;

/** The error for a non-2xx status that is not a throttle, with a message that says what to fix. */
export const fromStatus = (info: RequestInfo, status: number, detail: string): HarvestClientError => {
  const suffix = detail ? ` Harvest said: ${detail}` : "";
  const base = { method: info.method, path: info.path, status };
  switch (status) {
    case 401:
      return new HarvestClientError({
        ...base,
        reason: "Unauthorized",
        retryable: false,
        message:
          `Harvest refused the credentials (401) for ${at(info)}. Check that the token is valid and not ` +
          `expired or revoked, and that the account id${info.accountId === undefined ? "" : ` ${info.accountId}`} ` +
          "is one this token reaches: HarvestClient.accounts() lists the accounts it can use " +
          `(pick one whose product is "harvest").${suffix}`,
      });
    case 403:
      return new HarvestClientError({
        ...base,
        reason: "Forbidden",
        retryable: false,
        message: adminOnly.has(info.path)
          ? `Harvest refused ${at(info)} (403): it needs administrator rights. The token belongs to a user ` +
            "who is not an administrator (see me().access_roles); use a token of a Harvest administrator."
          : `Harvest refused ${at(info)} (403): the token's user lacks permission for it.${suffix}`,
      });
    case 404:
      return new HarvestClientError({
        ...base,
        reason: "NotFound",
        retryable: false,
        message:
          `Harvest found nothing at ${at(info)} (404). If every call answers 404, check the account id ` +
          `and the base URL.${suffix}`,
      });
    case 400:
      return new HarvestClientError({
        ...base,
        reason: "Status",
        retryable: false,
        message:
          `Harvest rejected ${at(info)} as malformed (400). Check the User-Agent (an application name and ` +
          `a contact) and the parameters (dates as YYYY-MM-DD, instants as YYYY-MM-DDTHH:MM:SSZ).${suffix}`,
      });
    default:
      return new HarvestClientError({
        ...base,
        reason: "Status",
        retryable: status >= 500,
        message:
          status >= 500
            ? `Harvest failed on ${at(info)} (HTTP ${status}).${suffix}`
            : `Harvest rejected ${at(info)} (HTTP ${status}).${suffix}`,
      });
  }
};

/** The error for a 429: Harvest refused the request, so it is safe to send again after the wait. */
export const rateLimited = (info: RequestInfo, retryAfterSeconds: number | undefined): HarvestClientError =>
  new HarvestClientError({
    method: info.method,
    path: info.path,
    status: 429,
    reason: "RateLimited",
    retryable: true,
    ...Optional.fields({ retryAfterSeconds }),
    message:
      `Harvest is throttling ${at(info)} (429, ` +
      `${retryAfterSeconds === undefined ? "no Retry-After" : `Retry-After ${retryAfterSeconds} s`}). ` +
      "Every client of one account shares 100 requests per 15 seconds; run fewer syncs of this account at once.",
  });

/** The error for a request that never got an answer (reset, refused connection, timeout). */
export const transport = (info: RequestInfo, cause: string): HarvestClientError =>
  new HarvestClientError({
    method: info.method,
    path: info.path,
    reason: "Transport",
    retryable: true,
    message: `Could not reach Harvest for ${at(info)}: ${cause}. Check the network and the base URL.`,
  });

/** The error for a response whose body does not have the documented shape. */
export const decode = (info: RequestInfo, where: string, detail: string): HarvestClientError =>
  new HarvestClientError({
    method: info.method,
    path: info.path,
    reason: "Decode",
    retryable: false,
    message: `Harvest's response to ${at(info)} is malformed at ${where}: ${detail}`,
  });
