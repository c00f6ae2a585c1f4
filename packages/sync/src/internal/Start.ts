/**
 * Starting a run without waiting for it: the caller gets the run id as soon as the run holds the lease
 * and is recorded, and a handle on its summary. A run that cannot start fails the call at once.
 */
import { Deferred, Effect, Exit, Fiber } from "effect";
import type { RunSummary } from "../Output.ts";
import type * as SyncError from "../SyncError.ts";

/** A started run: its id, and its summary once it ends. */
export interface Started {
  /** The run's id, already in the store (status `running`). */
  readonly runId: string;
  /** Waits for the run and returns its summary (fails only with `LeaseLost`). */
  readonly done: Effect.Effect<RunSummary, SyncError.SyncError>;
  /** The fiber running it: hosts that own background work add it to their set, or interrupt it. */
  readonly fiber: Fiber.RuntimeFiber<RunSummary, SyncError.SyncError>;
}

/**
 * Forks `run` (detached from the caller, so it outlives a request) and waits until it calls `onStart`;
 * fails as the run does when it ends before that (`Busy`, `ConnectionNotFound`).
 */
export const start = (
  run: (onStart: (runId: string) => Effect.Effect<void>) => Effect.Effect<RunSummary, SyncError.SyncError>,
): Effect.Effect<Started, SyncError.SyncError> =>
  Effect.gen(function* () {
    const began = yield* Deferred.make<string, SyncError.SyncError>();
    const fiber = yield* run((runId) => Deferred.succeed(began, runId).pipe(Effect.asVoid)).pipe(
      // A run that ends before it started settles `began` with its outcome (a no-op once started).
      Effect.onExit((exit) =>
        Exit.isFailure(exit) ? Deferred.failCause(began, exit.cause) : Deferred.succeed(began, exit.value.id),
      ),
      Effect.forkDaemon,
    );
    const runId = yield* Deferred.await(began);
    const started: Started = { runId, done: Fiber.join(fiber), fiber };
    return started;
  }).pipe(Effect.withSpan("Sync.start"));
