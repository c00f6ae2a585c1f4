/**
 * A worker process: N pg-boss workers on the shared queue, over the Postgres store, until SIGTERM or
 * SIGINT, which stops fetching, lets the job in hand finish within the grace period and releases it
 * otherwise. Every event is one JSON line on stdout.
 */
import { SyncQueue } from "@harvest-runn/queue";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Sync, SyncClock } from "@harvest-runn/sync";
import { Cause, Effect, Fiber, Layer, Option } from "effect";
import * as WorkerConfig from "./Config.ts";

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const program = Effect.gen(function* () {
  const c = yield* WorkerConfig.load;
  const store = SyncStoreSql.layerPg({
    url: c.databaseUrl,
    maxConnections: Math.min(10, c.workers + 2),
    ...Option.match(c.storeSchema, { onNone: () => ({}), onSome: (schema) => ({ schema }) }),
    ...Option.match(c.secretKey, { onNone: () => ({}), onSome: (secretKey) => ({ secretKey }) }),
  });
  const sync = Sync.layer({ leaseTtl: `${c.leaseTtlSeconds} seconds`, holder: `worker:${process.pid}` });
  const clock = Option.match(c.now, {
    onNone: () => Layer.empty,
    onSome: (d) => SyncClock.layer(SyncClock.startingAt(d)),
  });
  const app = Layer.provideMerge(
    SyncQueue.layer(c.queue),
    Layer.provideMerge(sync, Layer.mergeAll(store, Clients.layer(c.clients), clock)),
  );
  return yield* Effect.scoped(
    Effect.gen(function* () {
      const queue = yield* SyncQueue.SyncQueue;
      yield* queue.work({
        workers: c.workers,
        tick: c.tick,
        onEvent: (e) => print({ pid: process.pid, ...e }),
      });
      return yield* Effect.never;
    }),
  ).pipe(Effect.provide(app));
});

const fiber = Effect.runFork(program);
const stop = (signal: string) => {
  print({ pid: process.pid, type: "signal", signal });
  Effect.runFork(Fiber.interrupt(fiber));
};
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
fiber.addObserver((exit) => {
  if (exit._tag === "Failure" && !Cause.isInterruptedOnly(exit.cause)) {
    process.stderr.write(`worker failed: ${Cause.pretty(exit.cause)}\n`);
    process.exit(1);
  }
  print({ pid: process.pid, type: "stopped" });
  process.exit(0);
});
