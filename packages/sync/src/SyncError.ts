/**
 * The one error the `Sync` service fails with. Hosts print it as is (`_tag`, `reason`, `message`) and
 * map `reason` to an exit code or an HTTP status once, at the edge. Messages never carry a secret.
 */
import type { SyncStore } from "@harvest-runn/storage";
import { Schema } from "effect";

/** Why a `Sync` operation failed. */
export const SyncErrorReason = Schema.Literal(
  /** No connection with that id in the store. */
  "ConnectionNotFound",
  /** No run with that id for the connection. */
  "RunNotFound",
  /** The caller's input is invalid (bad date, bad URL, unknown scope). */
  "InvalidInput",
  /** The Harvest token is rejected (401). */
  "HarvestAuth",
  /** The Harvest token works but not for that account id. */
  "HarvestAccount",
  /** Harvest could not be reached at all (DNS, refused connection, TLS); the message names the URL tried. */
  "HarvestUnreachable",
  /** The Runn token is rejected (401). */
  "RunnAuth",
  /** `GET /me/` answered 404: most likely the other region's base URL. */
  "RunnRegion",
  /** Runn could not be reached at all; the message names the base URL tried. */
  "RunnUnreachable",
  /** The Runn token cannot write. */
  "RunnReadOnly",
  /** A connection already syncs this Harvest account into this Runn account; the message names it. */
  "AlreadyConnected",
  /** Another run holds the connection's lease, or a connection of the same account pair runs (SPEC R3). */
  "Busy",
  /** The run lost its lease while it was running and stopped writing (SPEC R3). */
  "LeaseLost",
  /** The run was stopped (a signal, a host shutting down) before it finished; what it wrote is recorded. */
  "Interrupted",
  /** A response envelope from either API did not decode: nothing was written (SPEC R7). */
  "MalformedResponse",
  /** A saved plan depends on records that changed since it was made (SPEC R2). */
  "StalePlan",
  /** Harvest failed after retries (unavailable, rate limited, forbidden). */
  "Harvest",
  /** Runn failed after retries. */
  "Runn",
  /** The store failed. */
  "Store",
  /**
   * The facade's options cannot work: a database driver package is not installed, or the secret key is
   * missing or malformed; the message names the option or the package.
   */
  "Setup",
  /** A defect inside the library (a bug, not the caller's input): the message says what broke. */
  "Internal",
).annotations({ identifier: "SyncErrorReason" });
export type SyncErrorReason = typeof SyncErrorReason.Type;

/** A failed `Sync` operation: `reason` says what to fix, `message` says it in words. */
export class SyncError extends Schema.TaggedError<SyncError>()("SyncError", {
  reason: SyncErrorReason,
  message: Schema.String,
}) {}

/** Builds a `SyncError`. */
export const make = (reason: SyncErrorReason, message: string): SyncError =>
  new SyncError({ reason, message });

/** Whether retrying the same call later may succeed. */
export const isRetryable = (e: SyncError): boolean =>
  e.reason === "Busy" ||
  e.reason === "HarvestUnreachable" ||
  e.reason === "RunnUnreachable" ||
  e.reason === "Harvest" ||
  e.reason === "Runn" ||
  e.reason === "Store" ||
  e.reason === "LeaseLost";

/** A store failure as a `SyncError`: a missing connection, a held or lost lease, or a store fault. */
export const fromStore = (e: SyncStore.SyncStoreError): SyncError =>
  e.reason === "NotFound"
    ? make("ConnectionNotFound", e.message)
    : e.reason === "LeaseHeld"
      ? make("Busy", "another run of this connection is in progress; try again when it ends")
      : e.reason === "LeaseLost" || e.reason === "Fenced"
        ? make("LeaseLost", "the run lost its lease to another holder and stopped writing")
        : make("Store", e.message);
