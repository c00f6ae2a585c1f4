/**
 * Drift-free request pacing per API account, shared by every client of that account in the process.
 * Request k is given the slot `start + k × interval` (a limiter built on chained sleeps loses its
 * scheduling overhead on every permit, 10–15 % of the rate under load; fixed slots do not), and before it
 * is sent it also checks the real send times, as the server's sliding window does: the request `limit`
 * places back must be at least `window + slack` old, so timers that fire late together never burst.
 * `slack` (2 % of the window, at least 250 ms) absorbs requests the server sees closer than they were sent
 * (a pause of the server queues them, then handles them together).
 */
import { createHash } from "node:crypto";
import { Duration } from "effect";

/** The time source a schedule reads and waits on; tests pass a virtual one. */
export interface Timer {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Real time: `performance.now()` and `setTimeout`. */
export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(ms)))),
};

/** One account's schedule. */
class Schedule {
  private next = 0;
  private readonly sent: Array<number> = [];
  constructor(
    readonly limit: number,
    readonly spanMs: number,
    private readonly timer: Timer,
  ) {}

  get intervalMs(): number {
    return this.spanMs / this.limit;
  }

  /** Resolves when the caller may send its request, and records it as sent. */
  async wait(): Promise<void> {
    const now = this.timer.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await this.timer.sleep(at - now);
    for (let guard = 0; guard < 1000; guard++) {
      const t = this.timer.now();
      const oldest =
        this.sent.length >= this.limit ? (this.sent[this.sent.length - this.limit] as number) : -Infinity;
      if (t >= oldest + this.spanMs) {
        this.sent.push(t);
        if (this.sent.length > 2 * this.limit) this.sent.splice(0, this.sent.length - this.limit);
        return;
      }
      await this.timer.sleep(oldest + this.spanMs - t);
    }
  }
}

const registry = new Map<string, Schedule>();

/** A budget: `limit` requests per `window`. */
export interface Budget {
  readonly limit: number;
  readonly window: Duration.DurationInput;
}

/** The window plus slack that paced requests keep to. */
export const spanOf = (budget: Budget): number => {
  const window = Duration.toMillis(Duration.decode(budget.window));
  return window + Math.max(250, window * 0.02);
};

/** The spacing between two requests of one account. */
export const intervalOf = (budget: Budget): number => spanOf(budget) / budget.limit;

/** A non-secret key for an account from a secret (a token's SHA-256 prefix). */
export const keyOf = (secret: string): string =>
  createHash("sha256").update(secret).digest("hex").slice(0, 24);

/** Wraps `fetch` so every request of account `key` keeps to `budget` (on `timer`, real time by default). */
export const paced = (
  key: string,
  budget: Budget,
  fetch: (request: Request) => Promise<Response>,
  timer: Timer = realTimer,
): ((request: Request) => Promise<Response>) => {
  const span = spanOf(budget);
  const id = `${key}|${budget.limit}|${span}`;
  let schedule = registry.get(id);
  if (schedule === undefined) {
    schedule = new Schedule(budget.limit, span, timer);
    registry.set(id, schedule);
  }
  const s = schedule;
  return (request) => s.wait().then(() => fetch(request));
};

/** A budget the clients' own limiters never reach, so pacing alone decides the rate. */
export const unbounded: Budget = { limit: 1_000_000, window: "1 second" };
