/** Names the last failure of a Harvest request as a `HarvestClientError`, with the token scrubbed. */

import { Optional } from "@harvest-runn/domain";
import type { Exchange } from "@harvest-runn/http";
import { Duration, type Redacted } from "effect";
import * as Errors from "../HarvestClientError.ts";
import { scrub } from "./Secrets.ts";

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

/** The error of a request of `accountId` that failed with `failure` after `attempts` attempts. */
export const errorOf =
  (accountId: number, secrets: ReadonlyArray<Redacted.Redacted<string>>) =>
  (failure: Exchange.Failure, request: Exchange.Request, attempts: number): Errors.HarvestClientError => {
    const info = { method: request.method, path: request.path, accountId };
    const error =
      failure._tag === "RateLimited"
        ? Errors.rateLimited(
            info,
            failure.retryAfter === undefined ? undefined : Math.ceil(failure.retryAfter),
          )
        : failure._tag === "Status"
          ? Errors.fromStatus(info, failure.status, scrub(detailOf(failure.body), secrets))
          : failure._tag === "Transport"
            ? Errors.transport(info, scrub(failure.cause, secrets))
            : Errors.transport(info, `no answer within ${Duration.toMillis(failure.timeout)} ms`);
    return new Errors.HarvestClientError({
      reason: error.reason,
      method: error.method,
      path: error.path,
      retryable: error.retryable,
      attempts,
      message: attempts > 1 ? `${error.message} (gave up after ${attempts} attempts)` : error.message,
      ...Optional.fields({ status: error.status, retryAfterSeconds: error.retryAfterSeconds }),
    });
  };
