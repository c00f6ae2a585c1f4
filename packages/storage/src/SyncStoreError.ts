/**
 * The one error the `SyncStore` port fails with. Adapters map every driver failure into it, so no
 * `SqlError` or driver code ever crosses the port, and no secret ever appears in its message.
 */
import { Schema } from "effect";

/** Why a store operation failed. */
export const SyncStoreErrorReason = Schema.Literal(
  /** The connection or run does not exist. */
  "NotFound",
  /** A connection with that id exists already. */
  "AlreadyExists",
  /** Another holder owns an unexpired lease on the connection. */
  "LeaseHeld",
  /** The lease was taken over by a newer holder; it can no longer be renewed. */
  "LeaseLost",
  /** A write carried a lease generation older than the current one (SPEC R3). */
  "Fenced",
  /** The secret key is missing or malformed. */
  "SecretKey",
  /** Stored data could not be decoded or decrypted (wrong key, tampering, bad input). */
  "Corrupt",
  /** The database could not be reached or a statement failed. */
  "Unavailable",
  /** The schema migrations failed. */
  "Migration",
  /** The database driver package the store needs is not installed; the message names it. */
  "Driver",
);
export type SyncStoreErrorReason = typeof SyncStoreErrorReason.Type;

/** A failed store operation, with a reason the orchestrator can act on. */
export class SyncStoreError extends Schema.TaggedError<SyncStoreError>()("SyncStoreError", {
  reason: SyncStoreErrorReason,
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
}) {
  /** Whether retrying the same operation later can succeed. */
  get retryable(): boolean {
    return this.reason === "Unavailable" || this.reason === "LeaseHeld";
  }
}

/** Builds a `SyncStoreError` with a reason and a message. */
export const fail = (reason: SyncStoreErrorReason, message: string, cause?: unknown): SyncStoreError =>
  new SyncStoreError(cause === undefined ? { reason, message } : { reason, message, cause });
