/**
 * The `SyncQueue` service: runs of many connections spread over any number of worker processes on
 * pg-boss (DESIGN decisions 8, 10). A periodic tick enqueues the connections the `Sync` scheduler
 * says are due (one job per connection and local date); the `sync` queue's `stately` policy keeps one
 * job per connection in flight; the store's lease stays the real guard; failed runs retry with
 * backoff; jobs that use up their retries are recorded in the run history.
 *
 * @example
 * const program = Effect.gen(function* () {
 *   const queue = yield* SyncQueue.SyncQueue;
 *   yield* queue.work({ workers: 2 }); // until the scope closes
 *   yield* queue.enqueue("acme", { trigger: "manual" });
 *   yield* Effect.never;
 * });
 */
import { Optional } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { type Output, Sync } from "@harvest-runn/sync";
import { Config, Context, Effect, Layer, type Redacted, type Scope } from "effect";
import * as Boss from "./Boss.ts";
import { type Enqueued, enqueueDue, send, type TickReport } from "./Enqueue.ts";
import { type Options, resolve } from "./Options.ts";
import * as QueueError from "./QueueError.ts";
import * as Workers from "./Workers.ts";

export type { Enqueued, TickReport } from "./Enqueue.ts";
export type { Options } from "./Options.ts";
export type { WorkerEvent, WorkOptions } from "./Workers.ts";

/** Options of `enqueue`. */
export interface EnqueueOptions {
  /** Entity types or one project's actuals (default: every type the switches allow). */
  readonly scope?: Output.Scope;
  /** Default `manual`. */
  readonly trigger?: Output.Trigger;
}

/** The `SyncQueue` service shape. */
export interface Service {
  /** Queues a run of one connection, unless it already has a job queued, retrying or running. */
  readonly enqueue: (
    connectionId: string,
    options?: EnqueueOptions,
  ) => Effect.Effect<Enqueued, QueueError.QueueError>;
  /** Enqueues every connection due at `at` (default now), one job per connection and local date. */
  readonly tick: (at?: Date) => Effect.Effect<TickReport, QueueError.QueueError>;
  /** Starts this process's workers; they stop gracefully when the scope closes. */
  readonly work: (options?: Workers.WorkOptions) => Effect.Effect<void, QueueError.QueueError, Scope.Scope>;
}

/** The `SyncQueue` service tag. */
export class SyncQueue extends Context.Tag("@harvest-runn/queue/SyncQueue")<SyncQueue, Service>() {}

/** The Postgres URL: the option, else `DATABASE_URL`. */
export const databaseUrl = (
  url: Redacted.Redacted<string> | undefined,
): Effect.Effect<Redacted.Redacted<string>, QueueError.QueueError> =>
  url !== undefined
    ? Effect.succeed(url)
    : Config.redacted("DATABASE_URL").pipe(
        Effect.mapError(() => QueueError.make("Unavailable", "DATABASE_URL is not set")),
      );

/** Starts pg-boss, creates the queues and builds the service; pg-boss stops with the scope. */
export const make = (
  options: Options = {},
): Effect.Effect<Service, QueueError.QueueError, Sync.Sync | SyncStore.SyncStore | Scope.Scope> =>
  Effect.gen(function* () {
    const config = resolve(options);
    if (config instanceof QueueError.QueueError) return yield* config;
    const url = yield* databaseUrl(options.url);
    const sync = yield* Sync.Sync;
    const store = yield* SyncStore.SyncStore;
    const boss = yield* Boss.start(url, config);
    const tick = Effect.fn("SyncQueue.tick")(function* (at?: Date) {
      const when = at ?? new Date();
      const due = yield* sync
        .due(when)
        .pipe(
          Effect.mapError((e) => QueueError.make("Store", `could not read due connections: ${e.message}`)),
        );
      return yield* enqueueDue(boss, config.schema, due, when);
    });
    const enqueue = Effect.fn("SyncQueue.enqueue")(function* (connectionId: string, o: EnqueueOptions = {}) {
      if (connectionId.trim() === "") return yield* QueueError.make("InvalidInput", "connectionId is empty");
      return yield* send(boss, config.schema, {
        connectionId,
        trigger: o.trigger ?? "manual",
        ...Optional.fields({ scope: o.scope }),
      });
    });
    const service: Service = {
      enqueue,
      tick,
      work: (o) => Workers.work(boss, config, { sync, store, tick }, o),
    };
    return service;
  });

/** The queue over the `Sync` and `SyncStore` in context; pg-boss lives as long as the layer. */
export const layer = (
  options: Options = {},
): Layer.Layer<SyncQueue, QueueError.QueueError, Sync.Sync | SyncStore.SyncStore> =>
  Layer.scoped(SyncQueue, make(options));
