/**
 * The `Sync` reads the time only from Effect's `Clock` (run timestamps, the local "today" of a run, due
 * schedules). A host or a test that runs it at another time than the machine's, such as the sandbox's
 * anchor date, provides a clock built here; the store and the clients then see the same time.
 *
 * @example
 * const at = SyncClock.startingAt(new Date("2026-11-27T18:00:00Z"));
 * const app = Layer.mergeAll(Sync.layer().pipe(Layer.provide(deps)), SyncClock.layer(at));
 */
import { Clock, Effect, Layer } from "effect";

/** Milliseconds since the epoch, as a clock reads them. */
export type TimeSource = () => number;

/**
 * A `Clock` whose time of day (milliseconds) comes from `source`. Its nanoseconds and its sleeps stay the
 * default clock's, which is monotonic: request pacing measures intervals by them, so moving the time of
 * day (or running one call under another clock) never makes a paced request wait for that jump.
 */
export const make = (source: TimeSource): Clock.Clock => {
  const base = Clock.make();
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: source,
    unsafeCurrentTimeNanos: () => base.unsafeCurrentTimeNanos(),
    currentTimeMillis: Effect.sync(source),
    currentTimeNanos: base.currentTimeNanos,
    sleep: (duration) => base.sleep(duration),
  };
};

/** A layer that makes `make(source)` the clock of everything built with it. */
export const layer = (source: TimeSource): Layer.Layer<never> => Layer.setClock(make(source));

/**
 * A time source that follows `from` (its jumps forward included) and runs at wall speed in between,
 * so leases expire and rate windows pass while the time stays where `from` puts it.
 */
export const runningFrom = (from: TimeSource): TimeSource => {
  const started = Date.now();
  return () => from() + (Date.now() - started);
};

/** A time source that starts at `at` and runs at wall speed. */
export const startingAt = (at: Date): TimeSource => runningFrom(() => at.getTime());
