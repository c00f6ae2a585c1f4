/**
 * The one error the queue fails with. Messages never carry a secret: a connection string is never
 * part of one.
 */
import { Schema } from "effect";

/** Why a queue operation failed. */
export const QueueErrorReason = Schema.Literal(
  /** Postgres could not be reached, or pg-boss could not start or create its queues. */
  "Unavailable",
  /** The caller's input is invalid (empty connection id, bad schema name, bad option). */
  "InvalidInput",
  /** pg-boss refused or failed an operation on a started queue. */
  "Queue",
  /** The due connections could not be read from the store. */
  "Store",
).annotations({ identifier: "QueueErrorReason" });
export type QueueErrorReason = typeof QueueErrorReason.Type;

/** A failed queue operation: `reason` says what to fix, `message` says it in words. */
export class QueueError extends Schema.TaggedError<QueueError>()("QueueError", {
  reason: QueueErrorReason,
  message: Schema.String,
}) {}

/** Builds a `QueueError`. */
export const make = (reason: QueueErrorReason, message: string): QueueError =>
  new QueueError({ reason, message });

/** A driver failure as a `QueueError`, with the driver's message but never a connection string. */
export const fromUnknown =
  (reason: QueueErrorReason, what: string) =>
  (cause: unknown): QueueError =>
    make(reason, `${what}: ${scrub(cause instanceof Error ? cause.message : String(cause))}`);

/** Removes anything that looks like a connection URL (it may hold a password). */
export const scrub = (text: string): string => text.replace(/postgres(ql)?:\/\/\S+/gi, "postgres://…");
