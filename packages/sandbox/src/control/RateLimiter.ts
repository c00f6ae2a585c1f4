/** Sliding-window request limits per account, with an optional block after the limit is hit. */

/** A limit: `requests` per `windowMs` (before time compression). */
export interface Limit {
  readonly requests: number;
  readonly windowMs: number;
  /** When > 0, exceeding the limit blocks the account for this long (Runn's v0-era behaviour). */
  readonly blockMs?: number;
}

/** Outcome of asking for one request slot. */
export type Admission =
  | {
      readonly ok: true;
      readonly inWindow: number;
      /**
       * With a full window: how much older than the window the request `requests` places back was
       * (how close this request came to a 429); `null` while the window has room.
       */
      readonly marginMs: number | null;
    }
  | { readonly ok: false; readonly retryAfterMs: number };

/** One account's sliding window: the times of the last `requests` accepted requests. */
export class SlidingWindow {
  private readonly times: Float64Array;
  private head = 0;
  private count = 0;
  private blockedUntil = 0;

  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
    private readonly blockMs: number,
  ) {
    this.times = new Float64Array(Math.max(1, requests));
  }

  admit(now: number): Admission {
    if (now < this.blockedUntil) return { ok: false, retryAfterMs: this.blockedUntil - now };
    let marginMs: number | null = null;
    if (this.count >= this.requests) {
      const oldest = this.times[this.head] as number;
      marginMs = now - this.windowMs - oldest;
      if (oldest > now - this.windowMs) {
        if (this.blockMs > 0) {
          this.blockedUntil = now + this.blockMs;
          return { ok: false, retryAfterMs: this.blockMs };
        }
        return { ok: false, retryAfterMs: oldest + this.windowMs - now };
      }
    }
    this.times[this.head] = now;
    this.head = (this.head + 1) % this.times.length;
    if (this.count < this.requests) this.count++;
    let inWindow = 0;
    for (let k = 0; k < this.count; k++) if ((this.times[k] as number) > now - this.windowMs) inWindow++;
    return { ok: true, inWindow, marginMs };
  }
}

/** Limits for many accounts sharing one configuration. */
export class RateLimiter {
  private readonly windows = new Map<string, SlidingWindow>();
  constructor(
    readonly limit: Limit,
    readonly timeScale: number,
  ) {}

  get windowMs(): number {
    return this.limit.windowMs / this.timeScale;
  }

  admit(account: string, now: number): Admission {
    let w = this.windows.get(account);
    if (!w) {
      w = new SlidingWindow(this.limit.requests, this.windowMs, (this.limit.blockMs ?? 0) / this.timeScale);
      this.windows.set(account, w);
    }
    return w.admit(now);
  }
}

/** The `Retry-After` value: whole seconds at real speed, fractional seconds when time is compressed. */
export const retryAfterHeader = (ms: number, timeScale: number): string =>
  timeScale === 1 ? String(Math.max(1, Math.ceil(ms / 1000))) : String(Math.max(0.001, Math.ceil(ms) / 1000));
