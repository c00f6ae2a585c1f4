/**
 * Waiting for a connection's lease (`RunOptions.waitForLease`). A run that finds the lease held (a run in
 * progress, or a process that died and whose lease has not expired yet) tries again every `pollMs` until
 * the wait is over, and meanwhile reads Harvest: reading the source needs no lease, because nothing is
 * written before the lease is held, and Runn and the ledger are read only once it is. The run uses what
 * it read when its Harvest reads are still the same (parts, window, `updated_since` cursor:
 * `Load.harvestKey`); when they changed (the holder's run moved the cursor), it reads Harvest again.
 */
import type { Ids, ReconcileOptions, Settings, Snapshot } from "@harvest-runn/domain";
import { Clock, Duration, Effect, Fiber, Option } from "effect";
import type * as Clients from "../Clients.ts";
import * as Progress from "../Progress.ts";
import * as SyncError from "../SyncError.ts";
import { type Env, harvestReads, now, updatedSinceCursor } from "./Env.ts";
import { harvestKey, loadHarvest } from "./Load.ts";

/** Harvest read while the run waited: when the read began, what it reads, and the read itself. */
export interface Prefetched {
  /** The instant the read began: the run's time when it uses the read. */
  readonly at: Date;
  /** `Load.harvestKey` of the read. */
  readonly key: string;
  /**
   * Waits for the read and lets go of it: the snapshot is then held only by its one user, and is garbage
   * once the plan is made, not kept for the hours of writes. A second `take` dies.
   */
  readonly take: Effect.Effect<Snapshot.HarvestSnapshot, SyncError.SyncError>;
  /** Stops the read when nobody took it. */
  readonly discard: Effect.Effect<void>;
}

/** Starts reading a run's Harvest snapshot in the background (the old days' load stays for later). */
export const prefetch = (
  env: Env,
  clients: Clients.Pair,
  connection: { readonly id: Ids.ConnectionId; readonly settings: Settings.Settings },
  request: { readonly scope: ReconcileOptions.Scope; readonly backfillFrom: string | null },
): Effect.Effect<Prefetched, SyncError.SyncError> =>
  Effect.gen(function* () {
    const at = yield* now;
    const cursor = yield* env.store.cursors
      .get(connection.id, updatedSinceCursor)
      .pipe(Effect.mapError(SyncError.fromStore));
    const input = {
      options: harvestReads(connection.settings, at, request),
      updatedSince: Option.getOrNull(cursor),
      urls: { harvest: clients.urls.harvest, runn: clients.urls.runn },
    };
    let reading: Fiber.Fiber<Snapshot.HarvestSnapshot, SyncError.SyncError> | null = yield* Effect.fork(
      loadHarvest(clients.harvest, input),
    );
    const letGo = () => {
      const fiber = reading;
      reading = null;
      return fiber;
    };
    return {
      at,
      key: harvestKey(input),
      take: Effect.suspend(() => {
        const fiber = letGo();
        // A taker interrupted while it waits (the Runn load failed beside it) stops the read too.
        return fiber === null
          ? Effect.dieMessage("the Harvest read ahead was taken twice")
          : Fiber.join(fiber).pipe(Effect.onInterrupt(() => Fiber.interrupt(fiber)));
      }),
      discard: Effect.suspend(() => {
        const fiber = letGo();
        return fiber === null ? Effect.void : Fiber.interrupt(fiber);
      }),
    };
  });

/** How often a waiting run asks for the lease: 1/80 of its TTL, between 50 ms and a second. */
export const pollMillis = (ttl: Duration.DurationInput): number =>
  Math.min(1_000, Math.max(50, Math.round(Duration.toMillis(Duration.decode(ttl)) / 80)));

const elapsedMillis = (since: bigint) =>
  Effect.map(Clock.currentTimeNanos, (t) => Number(t - since) / 1_000_000);

/**
 * Runs `attempt` until it does not fail with `Busy`, for at most `wait`; from the first `Busy` on, later
 * attempts get Harvest read in the background (`prefetch`, when given). A read no attempt used is
 * interrupted when the wait ends.
 */
export const waiting = <A>(
  attempt: (prefetched: Prefetched | undefined) => Effect.Effect<A, SyncError.SyncError>,
  options: {
    readonly connectionId: string;
    readonly wait: Duration.DurationInput;
    readonly pollMs: number;
    readonly prefetch: Effect.Effect<Prefetched, SyncError.SyncError> | null;
  },
): Effect.Effect<A, SyncError.SyncError> => {
  let prefetched: Prefetched | undefined;
  let asked = false;
  return Effect.gen(function* () {
    const waitMs = Duration.toMillis(Duration.decode(options.wait));
    const started = yield* Clock.currentTimeNanos;
    const attempts = Math.ceil(waitMs / options.pollMs) + 2;
    for (let i = 0; ; i++) {
      const result = yield* Effect.either(attempt(prefetched));
      if (result._tag === "Right") return result.right;
      const elapsed = yield* elapsedMillis(started);
      if (result.left.reason !== "Busy" || elapsed >= waitMs || i >= attempts)
        return yield* Effect.fail(result.left);
      if (!asked && options.prefetch !== null) {
        asked = true;
        const begun = yield* Effect.either(options.prefetch);
        if (begun._tag === "Right") prefetched = begun.right;
        const what = `waiting up to ${Duration.format(Duration.millis(waitMs))} for the run in progress${begun._tag === "Right" ? ", reading Harvest meanwhile" : ""}`;
        yield* Effect.logInfo(`another run holds the lease: ${what}`);
        // The run has no id before it holds the lease: the event says so with an empty one.
        yield* Progress.report({
          runId: "",
          connectionId: options.connectionId,
          phase: "lease",
          done: 0,
          total: 1,
          note: what,
        });
      }
      yield* Effect.sleep(Duration.millis(Math.min(options.pollMs, waitMs - elapsed)));
    }
  }).pipe(Effect.ensuring(Effect.suspend(() => (prefetched ? prefetched.discard : Effect.void))));
};
