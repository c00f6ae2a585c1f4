/**
 * The run's lease (SPEC R3): taken before anything else, renewed every TTL/3 while the run lasts, and
 * released at the end. When a renewal fails the run is interrupted at once, so it stops writing to
 * Runn; its store writes are fenced by the lease's generation anyway.
 */
import type { Ids } from "@harvest-runn/domain";
import type { Lease, SyncStore } from "@harvest-runn/storage";
import { Duration, Effect, Fiber } from "effect";
import * as SyncError from "../SyncError.ts";

/** Options of `withLease`. */
export interface LeaseOptions {
  readonly connectionId: Ids.ConnectionId;
  /** Who holds it (host, process, random suffix): shown on status pages. */
  readonly holder: string;
  /** How long the lease lives without renewal (default 60 seconds). */
  readonly ttl?: Duration.DurationInput;
}

/**
 * Runs `effect` in a child fiber and, when interrupted, waits until it and the fibers it forked (the
 * race of the run and its renewals) have stopped. Without this an interrupted race leaves its sides to
 * finish after the caller's own finalizers, e.g. after the host closed the store the run records its
 * interruption in.
 */
const settled = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.fork(restore(effect)), (fiber) =>
      restore(Fiber.join(fiber)).pipe(Effect.onInterrupt(() => Fiber.interrupt(fiber))),
    ),
  );

/**
 * Runs `body` under the connection's lease: fails with `Busy` when another holder has it, with
 * `LeaseLost` (interrupting `body`) when a renewal fails, and always releases it.
 */
export const withLease = <A, E, R>(
  store: SyncStore.Shape,
  options: LeaseOptions,
  body: (lease: Lease.Lease) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | SyncError.SyncError, R> =>
  Effect.gen(function* () {
    const ttl = Duration.decode(options.ttl ?? "60 seconds");
    const acquire = store.leases
      .acquire({ connectionId: options.connectionId, holder: options.holder, ttl })
      .pipe(Effect.mapError(SyncError.fromStore));
    return yield* Effect.acquireUseRelease(
      acquire,
      (lease) => {
        const third = Duration.millis(Math.max(1, Math.floor(Duration.toMillis(ttl) / 3)));
        const renewing = Effect.sleep(third).pipe(
          Effect.zipRight(
            Effect.suspend(() => store.leases.renew(lease, ttl)).pipe(Effect.retry({ times: 1 })),
          ),
          Effect.forever,
          Effect.catchAll((e) =>
            Effect.logWarning("lease renewal failed: stopping the run", e.reason).pipe(
              Effect.zipRight(
                Effect.fail(SyncError.make("LeaseLost", "the run lost its lease and stopped writing")),
              ),
            ),
          ),
        );
        return settled(Effect.raceFirst(body(lease), renewing));
      },
      (lease) => store.leases.release(lease).pipe(Effect.ignore),
    );
  });
