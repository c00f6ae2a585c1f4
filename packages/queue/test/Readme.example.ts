/** The README's usage, typechecked: a worker process and a host that only enqueues. */
import { Enqueuer, SyncQueue } from "@harvest-runn/queue";
import type { SyncStore } from "@harvest-runn/storage";
import { Clients, Sync } from "@harvest-runn/sync";
import { Effect, Layer } from "effect";

// A worker process: 2 workers plus the 5-minute tick, until the program is interrupted (SIGTERM).
// `store` is the shared Postgres store, e.g. `SyncStoreSql.layerPg()` from @harvest-runn/storage-sql.
export const worker = (store: Layer.Layer<SyncStore.SyncStore>) => {
  const app = Layer.provideMerge(
    SyncQueue.layer({ expireIn: "1 hour", retryLimit: 4, retryDelay: "1 minute" }), // DATABASE_URL
    Layer.provideMerge(Sync.layer(), Layer.merge(store, Clients.layer())),
  );
  return Effect.gen(function* () {
    const queue = yield* SyncQueue.SyncQueue;
    yield* queue.work({ workers: 2, onEvent: (e) => console.log(JSON.stringify(e)) });
    return yield* Effect.never;
  }).pipe(Effect.scoped, Effect.provide(app));
};

// A host that only enqueues (no Sync, no store): manual runs go through the same queue.
export const manual = async () => {
  const queue = await Enqueuer.createEnqueuer(); // DATABASE_URL, schema "pgboss"
  const r = await queue.enqueueSync("acme", { kind: "entities", types: ["people"] }, "manual");
  await queue.close();
  return r._tag === "Enqueued" ? r.jobId : "already queued or running";
};
