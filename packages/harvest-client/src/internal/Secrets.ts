/** Keeps secrets (the token) out of every message the client produces, whatever the server sends. */

import { Optional } from "@harvest-runn/domain";
import { Redacted } from "effect";
import { HarvestClientError } from "../HarvestClientError.ts";

/** Replaces each secret's value in `text` with `[redacted]`. */
export const scrub = (text: string, secrets: ReadonlyArray<Redacted.Redacted<string>>): string =>
  secrets.reduce((acc, secret) => {
    const value = Redacted.value(secret);
    return value.length > 0 ? acc.split(value).join("[redacted]") : acc;
  }, text);

/** The same error with its message scrubbed (the error itself when there was nothing to hide). */
export const scrubError =
  (secrets: ReadonlyArray<Redacted.Redacted<string>>) =>
  (error: HarvestClientError): HarvestClientError => {
    const message = scrub(error.message, secrets);
    return message === error.message ? error : new HarvestClientError({ ...fields(error), message });
  };

const fields = (error: HarvestClientError) => ({
  reason: error.reason,
  message: error.message,
  method: error.method,
  path: error.path,
  retryable: error.retryable,
  ...Optional.fields({
    status: error.status,
    retryAfterSeconds: error.retryAfterSeconds,
    attempts: error.attempts,
  }),
});
