/**
 * What the worker reads from its environment: Postgres, how many workers, the queue's knobs, and the
 * same API overrides as the CLI (sandboxes, tests). Nothing here talks to a network.
 */
import type { SyncQueue } from "@harvest-runn/queue";
import { Clients } from "@harvest-runn/sync";
import { Config, Effect, Option, Redacted } from "effect";

/** The worker's environment, resolved once at start. */
export interface WorkerConfig {
  readonly databaseUrl: Redacted.Redacted<string>;
  /** Concurrent `sync` workers in this process (`HARVEST_RUNN_WORKERS`, default 1). */
  readonly workers: number;
  /** Whether this process schedules and handles the periodic tick (`HARVEST_RUNN_TICK_MINUTES=0` turns it off). */
  readonly tick: boolean;
  /** The store's Postgres schema (`HARVEST_RUNN_STORE_SCHEMA`, default the search path). */
  readonly storeSchema: Option.Option<string>;
  readonly secretKey: Option.Option<Redacted.Redacted<string>>;
  readonly queue: SyncQueue.Options;
  readonly clients: Clients.Options;
  /** Lease time-to-live of runs (`HARVEST_RUNN_LEASE_TTL_SECONDS`, default 60). */
  readonly leaseTtlSeconds: number;
  /** A pinned clock (`HARVEST_RUNN_NOW`), for sandboxes with an anchored date. */
  readonly now: Option.Option<Date>;
}

const text = (name: string) =>
  Config.option(Config.string(name)).pipe(
    Effect.map(Option.filter((s) => s.trim() !== "")),
    Effect.orElseSucceed(() => Option.none<string>()),
  );

const number = (name: string, fallback: number) =>
  Effect.map(text(name), (o) => {
    const n = Option.isSome(o) ? Number(o.value) : fallback;
    return Number.isFinite(n) ? n : fallback;
  });

/** Reads the worker's environment; fails when `DATABASE_URL` is missing. */
export const load = Effect.gen(function* () {
  const url = yield* text("DATABASE_URL");
  if (Option.isNone(url)) return yield* Effect.fail("DATABASE_URL is not set: the worker needs Postgres");
  const tickMinutes = yield* number("HARVEST_RUNN_TICK_MINUTES", 5);
  const scale = yield* number("HARVEST_RUNN_RATE_SCALE", 1);
  const harvestBaseUrl = yield* text("HARVEST_BASE_URL");
  const harvestIdBaseUrl = yield* text("HARVEST_ID_BASE_URL");
  const now = Option.flatMap(yield* text("HARVEST_RUNN_NOW"), (s) => {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? Option.none() : Option.some(d);
  });
  const config: WorkerConfig = {
    databaseUrl: Redacted.make(url.value),
    workers: Math.max(1, Math.floor(yield* number("HARVEST_RUNN_WORKERS", 1))),
    tick: tickMinutes > 0,
    storeSchema: yield* text("HARVEST_RUNN_STORE_SCHEMA"),
    secretKey: Option.map(yield* text("HARVEST_RUNN_SECRET_KEY"), Redacted.make),
    queue: {
      url: Redacted.make(url.value),
      schema: Option.getOrElse(yield* text("HARVEST_RUNN_QUEUE_SCHEMA"), () => "pgboss"),
      tickMinutes: tickMinutes > 0 ? tickMinutes : 5,
      expireIn: `${yield* number("HARVEST_RUNN_JOB_EXPIRE_SECONDS", 3600)} seconds`,
      retryLimit: yield* number("HARVEST_RUNN_RETRY_LIMIT", 4),
      retryDelay: `${yield* number("HARVEST_RUNN_RETRY_DELAY_SECONDS", 60)} seconds`,
      pollingInterval: `${yield* number("HARVEST_RUNN_POLL_SECONDS", 2)} seconds`,
      maintenanceInterval: `${yield* number("HARVEST_RUNN_MAINTENANCE_SECONDS", 30)} seconds`,
      shutdownGrace: `${yield* number("HARVEST_RUNN_SHUTDOWN_GRACE_SECONDS", 30)} seconds`,
    },
    clients: {
      ...Option.match(harvestBaseUrl, { onNone: () => ({}), onSome: (u) => ({ harvestBaseUrl: u }) }),
      ...Option.match(harvestIdBaseUrl, { onNone: () => ({}), onSome: (u) => ({ harvestIdBaseUrl: u }) }),
      ...(scale > 1 ? Clients.compressed(scale) : {}),
    },
    leaseTtlSeconds: yield* number("HARVEST_RUNN_LEASE_TTL_SECONDS", 60),
    now,
  };
  return config;
});
