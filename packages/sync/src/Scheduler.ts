/**
 * The one scheduler (DESIGN decision 10): daily runs at each connection's local time and time zone,
 * built on Effect's `Cron`. The "which connections are due" logic is pure and shared: hosts run
 * `loop` in process, and the queue's periodic tick calls `due` to enqueue the same connections.
 */
import { Settings } from "@harvest-runn/domain";
import { Clock, Cron, DateTime, Duration, Effect, Either, Schema } from "effect";

/** When a connection's daily automatic run happens: a local wall-clock time in an IANA time zone. */
export const DailySchedule = Settings.Schedule;
export type DailySchedule = Settings.Schedule;

/** The default schedule (the settings' default): daily at 02:00 UTC. */
export const defaultSchedule: DailySchedule = Settings.defaults.schedule;

/** What the scheduler needs to know about one connection. */
export interface Scheduled {
  readonly connectionId: string;
  readonly schedule: DailySchedule;
  /** The scheduled instant of the last automatic run started for it, if any. */
  readonly lastScheduledFor: Date | null;
  /** When the connection was created: nothing scheduled before it is owed. */
  readonly createdAt: Date;
}

/** A connection whose scheduled time has come, with the instant it was due and its local date. */
export interface Due {
  readonly connectionId: string;
  readonly scheduledFor: Date;
  /** The connection's local calendar date of `scheduledFor` (the queue's singleton key uses it). */
  readonly localDate: string;
}

/** A schedule names a time zone that does not exist. */
export class ScheduleError extends Schema.TaggedError<ScheduleError>()("ScheduleError", {
  reason: Schema.Literal("InvalidTimeZone", "InvalidTime"),
  message: Schema.String,
}) {}

/** The cron expression of a daily schedule, in its time zone. */
export const cronOf = (schedule: DailySchedule): Either.Either<Cron.Cron, ScheduleError> => {
  const zone = DateTime.zoneMakeNamed(schedule.timeZone);
  if (zone._tag === "None") {
    return Either.left(
      new ScheduleError({
        reason: "InvalidTimeZone",
        message: `schedule.timeZone "${schedule.timeZone}" is not an IANA time zone (e.g. "Europe/Berlin")`,
      }),
    );
  }
  const [h, m] = schedule.timeOfDay.split(":").map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) {
    return Either.left(
      new ScheduleError({
        reason: "InvalidTime",
        message: `schedule.timeOfDay "${schedule.timeOfDay}" is not HH:MM`,
      }),
    );
  }
  return Either.right(
    Cron.make({ minutes: [m], hours: [h], days: [], months: [], weekdays: [], tz: zone.value }),
  );
};

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDateOf = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );

/**
 * The connections due at `now`: those whose most recent scheduled instant is at or before `now` and
 * later than both their last scheduled run and their creation. A run missed while the process was down
 * is therefore caught up once (the latest missed day, not one run per missed day).
 */
export const due = (connections: ReadonlyArray<Scheduled>, now: Date): ReadonlyArray<Due> => {
  const out: Array<Due> = [];
  for (const c of connections) {
    if (!c.schedule.enabled) continue;
    const cron = cronOf(c.schedule);
    if (Either.isLeft(cron)) continue;
    // `prev` works in whole seconds and excludes its start: start at the next second to include `now` itself.
    const last = Cron.prev(cron.right, new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000));
    const floor = Math.max(c.createdAt.getTime(), c.lastScheduledFor?.getTime() ?? Number.NEGATIVE_INFINITY);
    if (last.getTime() > floor) {
      out.push({
        connectionId: c.connectionId,
        scheduledFor: last,
        localDate: localDateOf(last, c.schedule.timeZone),
      });
    }
  }
  return out;
};

/** The next instant after `now` at which any enabled connection becomes due, if any. */
export const nextWake = (connections: ReadonlyArray<Scheduled>, now: Date): Date | null => {
  let best: number | null = null;
  for (const c of connections) {
    if (!c.schedule.enabled) continue;
    const cron = cronOf(c.schedule);
    if (Either.isLeft(cron)) continue;
    const t = Cron.next(cron.right, now).getTime();
    if (best === null || t < best) best = t;
  }
  return best === null ? null : new Date(best);
};

/** Options of the in-process scheduler loop. */
export interface LoopOptions<E, R> {
  /** Reads the connections and their schedules (called on every wake-up, so changes apply). */
  readonly load: Effect.Effect<ReadonlyArray<Scheduled>, E, R>;
  /** Starts the run of one due connection; it must record `scheduledFor` so it is not due again. */
  readonly trigger: (due: Due) => Effect.Effect<void, never, R>;
  /** Upper bound on one sleep, so schedule changes are noticed (default 5 minutes). */
  readonly maxSleep?: Duration.DurationInput;
}

/**
 * Runs forever: wakes at the next scheduled instant (or after `maxSleep`), triggers every due
 * connection, and sleeps again. Load failures are logged and retried at the next wake-up.
 */
export const loop = <E, R>(options: LoopOptions<E, R>): Effect.Effect<never, never, R> => {
  const maxSleep = Duration.toMillis(Duration.decode(options.maxSleep ?? "5 minutes"));
  const tick = Effect.gen(function* () {
    const now = new Date(yield* Clock.currentTimeMillis);
    const connections = yield* options.load.pipe(
      Effect.tapError((e) => Effect.logWarning("scheduler: could not read connections", e)),
      Effect.orElseSucceed(() => [] as ReadonlyArray<Scheduled>),
    );
    for (const d of due(connections, now)) {
      yield* options.trigger(d).pipe(Effect.annotateLogs({ connectionId: d.connectionId }));
    }
    const wake = nextWake(connections, now);
    const wait = wake === null ? maxSleep : Math.min(maxSleep, Math.max(1, wake.getTime() - now.getTime()));
    yield* Effect.sleep(Duration.millis(wait));
  });
  return Effect.forever(tick);
};
