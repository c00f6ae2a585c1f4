/**
 * The queue's knobs and their defaults: job expiry (longer than the longest run; the store's lease is
 * the real guard), retries with exponential backoff, the tick's period, polling, shutdown grace.
 */
import { Duration, type Redacted } from "effect";
import * as QueueError from "./QueueError.ts";

/** Options of the `SyncQueue` layers. */
export interface Options {
  /** Postgres URL (default `DATABASE_URL`). */
  readonly url?: Redacted.Redacted<string>;
  /** pg-boss schema (default `pgboss`); one per test file or tenant isolates its queues. */
  readonly schema?: string;
  /** How long a job may stay active before pg-boss hands it to another worker (default 1 hour). */
  readonly expireIn?: Duration.DurationInput;
  /** Retries of a failed run (default 4). */
  readonly retryLimit?: number;
  /** First retry delay; doubles with jitter on every retry (default 1 minute). */
  readonly retryDelay?: Duration.DurationInput;
  /** Retries of recording a dead letter when the connection is busy (default 10). */
  readonly deadLetterRetryLimit?: number;
  /** Minutes between ticks of the pg-boss cron (default 5; 1–59). */
  readonly tickMinutes?: number;
  /** How often an idle worker polls (default 2 seconds, at least 0.5). */
  readonly pollingInterval?: Duration.DurationInput;
  /** How often pg-boss expires and archives jobs (default 30 seconds, at least 1). */
  readonly maintenanceInterval?: Duration.DurationInput;
  /** How long a stopping worker lets its job finish before releasing it (default 30 seconds). */
  readonly shutdownGrace?: Duration.DurationInput;
  /** pg-boss pool size per process (default 4). */
  readonly maxConnections?: number;
  /** Lease holder name for dead-letter records (default `queue:<pid>`). */
  readonly holder?: string;
}

/** Options with defaults applied, in the units pg-boss takes. */
export interface Resolved {
  readonly schema: string;
  readonly expireInSeconds: number;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  readonly deadLetterRetryLimit: number;
  readonly tickMinutes: number;
  readonly pollingIntervalSeconds: number;
  readonly maintenanceIntervalSeconds: number;
  readonly shutdownGraceMs: number;
  readonly maxConnections: number;
  readonly holder: string;
}

const seconds = (d: Duration.DurationInput) => Duration.toMillis(Duration.decode(d)) / 1000;

/** Applies defaults and checks ranges; fails with `InvalidInput`. */
export const resolve = (o: Options): Resolved | QueueError.QueueError => {
  const schema = o.schema ?? "pgboss";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    return QueueError.make("InvalidInput", `invalid pg-boss schema name "${schema}"`);
  const r: Resolved = {
    schema,
    expireInSeconds: Math.ceil(seconds(o.expireIn ?? "1 hour")),
    retryLimit: o.retryLimit ?? 4,
    retryDelaySeconds: Math.max(1, Math.round(seconds(o.retryDelay ?? "1 minute"))),
    deadLetterRetryLimit: o.deadLetterRetryLimit ?? 10,
    tickMinutes: o.tickMinutes ?? 5,
    pollingIntervalSeconds: seconds(o.pollingInterval ?? "2 seconds"),
    maintenanceIntervalSeconds: Math.max(1, Math.round(seconds(o.maintenanceInterval ?? "30 seconds"))),
    shutdownGraceMs: Duration.toMillis(Duration.decode(o.shutdownGrace ?? "30 seconds")),
    maxConnections: o.maxConnections ?? 4,
    holder: o.holder ?? `queue:${process.pid}`,
  };
  if (r.expireInSeconds < 1) return QueueError.make("InvalidInput", "expireIn must be at least 1 second");
  if (!Number.isInteger(r.retryLimit) || r.retryLimit < 0)
    return QueueError.make("InvalidInput", "retryLimit must be a whole number ≥ 0");
  if (!Number.isInteger(r.tickMinutes) || r.tickMinutes < 1 || r.tickMinutes > 59)
    return QueueError.make("InvalidInput", "tickMinutes must be a whole number from 1 to 59");
  if (r.pollingIntervalSeconds < 0.5)
    return QueueError.make("InvalidInput", "pollingInterval must be at least 500 milliseconds");
  return r;
};
