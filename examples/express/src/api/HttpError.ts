/**
 * The host's own failures (bad input, missing key, bad CSRF token, unknown route or plan) and the one
 * place where every failure becomes an HTTP status and a JSON body.
 */
import { Optional } from "@harvest-runn/domain";
import { SyncError } from "@harvest-runn/sync";
import { Cause, Option, Schema } from "effect";

/** Why the host refused a request before or around a `Sync` call. */
export const HttpErrorReason = Schema.Literal(
  "BadRequest",
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Conflict",
);
export type HttpErrorReason = typeof HttpErrorReason.Type;

/** A refused request; `field` names the input that failed decoding (400). */
export class HttpError extends Schema.TaggedError<HttpError>()("HttpError", {
  reason: HttpErrorReason,
  message: Schema.String,
  field: Schema.optional(Schema.String),
}) {}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly _tag: string;
    readonly reason: string;
    readonly message: string;
    readonly field?: string;
    /** `AlreadyQueued`: the connection's job that is queued or running (when known). */
    readonly jobId?: string;
  };
}

const syncStatus: Record<SyncError.SyncErrorReason, number> = {
  ConnectionNotFound: 404,
  RunNotFound: 404,
  InvalidInput: 400,
  HarvestAuth: 422,
  HarvestAccount: 422,
  HarvestUnreachable: 502,
  RunnUnreachable: 502,
  RunnAuth: 422,
  RunnRegion: 422,
  RunnReadOnly: 422,
  AlreadyConnected: 409,
  Busy: 409,
  LeaseLost: 409,
  Interrupted: 503,
  StalePlan: 409,
  MalformedResponse: 502,
  Harvest: 502,
  Runn: 502,
  Store: 503,
  Setup: 500,
  Internal: 500,
};

const httpStatus: Record<HttpErrorReason, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
};

/** A failure as the host answers it: status and body. */
export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
}

type Tagged = { _tag: string; reason: string; message: string; field?: string; jobId?: string | null };

const tagged = (e: unknown): Tagged | null =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as { _tag?: unknown })._tag === "string" &&
  typeof (e as { reason?: unknown }).reason === "string" &&
  typeof (e as { message?: unknown }).message === "string"
    ? (e as Tagged)
    : null;

/** Maps any failure to a status and body; defects become a bare 500 (details go to the log only). */
export const toResponse = (cause: Cause.Cause<unknown>): ErrorResponse => {
  const failure = Option.getOrNull(Cause.failureOption(cause));
  const e = tagged(failure);
  if (e === null) {
    return {
      status: Cause.isInterruptedOnly(cause) ? 503 : 500,
      body: { error: { _tag: "InternalError", reason: "Internal", message: "internal error" } },
    };
  }
  const status =
    e._tag === "SyncError"
      ? (syncStatus[e.reason as SyncError.SyncErrorReason] ?? 500)
      : e._tag === "HttpError"
        ? (httpStatus[e.reason as HttpErrorReason] ?? 500)
        : e._tag === "PlanNotFound"
          ? 404
          : e._tag === "AlreadyQueued"
            ? 409
            : e._tag === "SyncStoreError" || e._tag === "QueueError"
              ? 503
              : 500;
  return {
    status,
    body: {
      error: {
        _tag: e._tag,
        reason: e.reason,
        message: e.message,
        ...Optional.fields({ field: e.field }),
        ...(typeof e.jobId === "string" ? { jobId: e.jobId } : {}),
      },
    },
  };
};

/** Builds an `HttpError`. */
export const make = (reason: HttpErrorReason, message: string, field?: string): HttpError =>
  new HttpError({ reason, message, ...Optional.fields({ field }) });

/** Whether a failure is retryable later (sent as `Retry-After` on 409 Busy and 503). */
export const retryAfter = (cause: Cause.Cause<unknown>): number | null => {
  const failure = Option.getOrNull(Cause.failureOption(cause));
  return failure instanceof SyncError.SyncError && SyncError.isRetryable(failure) ? 5 : null;
};
