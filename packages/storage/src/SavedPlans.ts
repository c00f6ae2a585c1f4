/**
 * Dry runs a host started and may apply later (SPEC R2), kept in the store with an expiry so they
 * survive a restart and are shared by every process of the host. The result is the orchestrator's
 * JSON (opaque here); expired plans are never returned and are removed by `prune`.
 */
import type { Ids } from "@harvest-runn/domain";
import type { Duration, Effect, Option } from "effect";
import type { SyncStoreError } from "./SyncStoreError.ts";

/** Where a dry run is. */
export type SavedPlanStatus = "running" | "done" | "failed";

/** One dry run as saved. */
export interface SavedPlan {
  readonly id: string;
  readonly connectionId: Ids.ConnectionId;
  readonly status: SavedPlanStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** The dry run's result (JSON) once done. */
  readonly result: unknown;
  readonly error: { readonly reason: string; readonly message: string } | null;
}

/** What `put` saves: the plan without its times; it expires `ttl` after it was first saved. */
export interface SavedPlanInput {
  readonly id: string;
  readonly connectionId: Ids.ConnectionId;
  readonly status: SavedPlanStatus;
  readonly result: unknown;
  readonly error: { readonly reason: string; readonly message: string } | null;
  readonly ttl: Duration.DurationInput;
}

/** The saved-plan part of the store. */
export interface SavedPlanStore {
  /**
   * Saves a plan, or replaces its status, result and error when its id exists (keeping its first
   * `createdAt` and `expiresAt`); fails with `NotFound` for an unknown connection.
   */
  readonly put: (input: SavedPlanInput) => Effect.Effect<SavedPlan, SyncStoreError>;
  /** A live plan of the connection; none when unknown, of another connection, or expired. */
  readonly get: (
    connectionId: Ids.ConnectionId,
    id: string,
  ) => Effect.Effect<Option.Option<SavedPlan>, SyncStoreError>;
  /** Removes every expired plan; returns how many. */
  readonly prune: Effect.Effect<number, SyncStoreError>;
}
