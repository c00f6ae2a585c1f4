/**
 * Drift-free request pacing per API account, shared by every client of that account that uses the
 * same `Pacer` (one per process in a host: the clients' layers provide one, `Clients` in sync holds one).
 *
 * Request k is given the slot `start + k × interval` (a limiter built on chained sleeps loses its
 * scheduling overhead on every permit, 10–15 % of the rate under load; fixed slots do not), and before it
 * is sent it also checks the real send times, as the server's sliding window does: the request `limit`
 * places back must be at least `window + slack` old, so timers that fire late together never burst.
 * `slack` (by default 2 % of the window, at least 250 ms) is a margin for servers that count otherwise
 * than one sliding window on one clock (several nodes, each with its own clock; a clock that steps).
 *
 * A send time is what the caller reports (`Permit.sent`), not the moment its slot was granted: other
 * fibers may run in between. `Exchange` reports it when the exchange ends (the answer arrived or it
 * failed), the latest instant the server can have counted the request. Until then a granted request
 * counts as sending at every instant, so no other request can be let through on the assumption that it
 * went early.
 *
 * Waiting for a slot is not part of a request: the caller starts its timeout after `take` returns, and a
 * caller interrupted while it waits gives its slot back, so abandoned requests never use up the budget.
 */
import { Context, Duration, Effect, Layer } from "effect";

/** A budget: `limit` requests per `window`. */
export interface Budget {
  readonly limit: number;
  readonly window: Duration.DurationInput;
  /**
   * Time kept beyond `window` between a request and the one `limit` places back (default: 2 % of the
   * window, at least 250 ms). A time-compressed sandbox, one process on this machine, wants only
   * rounding: see `compressed`.
   */
  readonly slack?: Duration.DurationInput;
}

/** The slack of `budget`, in milliseconds. */
export const slackOf = (budget: Budget): number => {
  if (budget.slack !== undefined) return Duration.toMillis(Duration.decode(budget.slack));
  return Math.max(250, Duration.toMillis(Duration.decode(budget.window)) * 0.02);
};

/** The window plus slack that paced requests keep to, in milliseconds. */
export const spanOf = (budget: Budget): number =>
  Duration.toMillis(Duration.decode(budget.window)) + slackOf(budget);

/**
 * `budget` against a server whose time runs `scale` times faster than real time (the sandbox): the
 * window divided by `scale`, and a slack of `pauseMs` real milliseconds (default 2: the sandbox counts
 * whole milliseconds of its own clock). That is all such a server needs: a request is counted as sent
 * when its exchange ends, after the server counted it, and the next one goes after the server counted
 * it too, so pauses of either side only widen the gap the server sees (see `Exchange`). A margin
 * scaled from the default would cost 2 % of the compressed rate and cover nothing.
 */
export const compressed = (budget: Budget, scale: number, pauseMs = 2): Budget => {
  const window = Duration.toMillis(Duration.decode(budget.window));
  return { limit: budget.limit, window: Duration.millis(window / scale), slack: Duration.millis(pauseMs) };
};

/** The spacing between two requests of one account, in milliseconds. */
export const intervalOf = (budget: Budget): number => spanOf(budget) / budget.limit;

/** One account's schedule: reserved slots, slots given back, granted requests and real send times. */
class Schedule {
  private next = Number.NEGATIVE_INFINITY;
  private readonly returned: Array<number> = [];
  /** Real send times, ascending. */
  private readonly sent: Array<number> = [];
  /** Requests granted but not yet handed to `fetch`. */
  private granted = 0;
  /** Requests from `reserve` until they are sent or give their slot back. */
  private waiting = 0;
  constructor(
    readonly limit: number,
    readonly spanMs: number,
  ) {}

  get intervalMs(): number {
    return this.spanMs / this.limit;
  }

  /**
   * How far back a slot nobody took in time can still be used while the account is busy: an eighth of
   * the span (15 slots of Runn's 120). See `reserve`.
   */
  get catchUpMs(): number {
    return this.spanMs / 8;
  }

  /**
   * The slot of a new request: a slot given back by an abandoned one first, else the next free one.
   *
   * While other requests of the account wait or are in flight, a slot that came up with no request
   * waiting for it (the process was held by a collection or a long synchronous write, so the request
   * meant for it reserved late) is still given, up to `catchUpMs` late, and the request goes at once:
   * without that, every such pause moved the whole schedule back for good (slots lost so summed to
   * 0.4 % of an xl import's project creates at ×70). The window check in `tryGrant` still holds every
   * send to the server's limit. An account that was idle starts afresh from now, so a pause in the work
   * (nothing to send) does not turn into a burst.
   */
  reserve(now: number): number {
    const busy = this.waiting > 0;
    this.waiting++;
    if (this.next <= now) this.returned.length = 0; // every reserved slot has passed: nothing to reuse
    const given = this.returned.shift();
    if (given !== undefined) return Math.max(now, given);
    const at = busy ? Math.max(now - this.catchUpMs, this.next) : Math.max(now, this.next);
    this.next = at + this.intervalMs;
    return at;
  }

  /** Gives back the slot `at` of a request that will not be sent. */
  release(at: number): void {
    this.waiting--;
    if (Math.abs(at + this.intervalMs - this.next) < 1e-6) this.next = at;
    else {
      this.returned.push(at);
      this.returned.sort((a, b) => a - b);
    }
  }

  /**
   * Grants a send at `now` and returns 0, or returns how long to wait until the window allows it
   * (`force` grants it anyway: the last resort of a caller that has waited too often). Granted requests
   * not yet sent may go out at any moment, so they count as sent `now`.
   */
  tryGrant(now: number, force = false): number {
    const back = this.limit - this.granted;
    const oldest =
      back <= 0
        ? now
        : this.sent.length >= back
          ? (this.sent[this.sent.length - back] as number)
          : Number.NEGATIVE_INFINITY;
    if (!force && now < oldest + this.spanMs) return oldest + this.spanMs - now;
    this.granted++;
    return 0;
  }

  /** Records a granted request as handed to `fetch` at `now`. */
  send(now: number): void {
    this.granted--;
    this.waiting--;
    let i = this.sent.length;
    while (i > 0 && (this.sent[i - 1] as number) > now) i--;
    this.sent.splice(i, 0, now);
    if (this.sent.length > 2 * this.limit) this.sent.splice(0, this.sent.length - this.limit);
  }

  /** A granted request that was never sent: it gives its slot `at` back. */
  cancel(at: number): void {
    this.granted--;
    this.release(at);
  }

  /** True when nobody waits and the last send is a span old: a fresh schedule would act the same. */
  idle(now: number): boolean {
    const last = this.sent.at(-1) ?? Number.NEGATIVE_INFINITY;
    return this.waiting === 0 && now >= this.next && now >= last + this.spanMs;
  }
}

/** A granted slot of one request. */
export interface Permit {
  /**
   * Records the request as sent now: call it no earlier than the server can have counted the request
   * (`Exchange` calls it when the answer arrives). Only the first call of `sent` or `cancel` counts.
   */
  readonly sent: () => void;
  /** Gives the slot back when the request never reached `fetch`; does nothing after `sent`. */
  readonly cancel: () => void;
}

/** What a pacer offers. */
export interface Service {
  /**
   * Waits for the next slot of account `key` under `budget` and grants it; the caller reports the send
   * (or that there was none) on the permit. Interrupting the wait gives the slot back.
   */
  readonly take: (key: string, budget: Budget) => Effect.Effect<Permit>;
}

/** The pacer: per-account schedules, shared by every client that reads it from the context. */
export class Pacer extends Context.Tag("@harvest-runn/http/Pacer")<Pacer, Service>() {}

const sleep = (ms: number) => Effect.sleep(Duration.millis(Math.max(1, Math.ceil(ms))));

/** A new pacer with no schedules; prefer `layer`, which hosts build once per process. */
export const unsafeMake = (): Service => {
  const schedules = new Map<string, Schedule>();
  const scheduleOf = (key: string, budget: Budget, now: number): Schedule => {
    const span = spanOf(budget);
    const id = `${key}|${budget.limit}|${span}`;
    const found = schedules.get(id);
    if (found !== undefined) return found;
    for (const [other, s] of schedules) if (s.idle(now)) schedules.delete(other);
    const made = new Schedule(budget.limit, span);
    schedules.set(id, made);
    return made;
  };
  return Pacer.of({
    take: (key, budget) =>
      Effect.clockWith((clock) => {
        const now = () => Number(clock.unsafeCurrentTimeNanos()) / 1e6;
        return Effect.uninterruptibleMask((restore) => {
          const schedule = scheduleOf(key, budget, now());
          const at = schedule.reserve(now());
          let granted = false;
          const wait = Effect.gen(function* () {
            // A timer cannot wait less than a millisecond: such a slot is due now.
            if (at - now() >= 1) yield* sleep(at - now());
            for (let guard = 0; guard < 1000; guard++) {
              const more = schedule.tryGrant(now());
              if (more === 0) {
                granted = true;
                return;
              }
              yield* sleep(more);
            }
            schedule.tryGrant(now(), true);
            granted = true;
          });
          let done = false;
          const permit: Permit = {
            sent: () => {
              if (done) return;
              done = true;
              schedule.send(now());
            },
            cancel: () => {
              if (done) return;
              done = true;
              schedule.cancel(at);
            },
          };
          return restore(wait).pipe(
            Effect.onInterrupt(() => Effect.sync(() => (granted ? permit.cancel() : schedule.release(at)))),
            Effect.as(permit),
          );
        });
      }),
  });
};

/** A new pacer with no schedules. */
export const make: Effect.Effect<Service> = Effect.sync(unsafeMake);

/** One pacer for everything built from this layer (layers are shared within one build). */
export const layer: Layer.Layer<Pacer> = Layer.effect(Pacer, make);
