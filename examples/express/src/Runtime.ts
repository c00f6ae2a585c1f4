/**
 * The host's one `ManagedRuntime`: a store (SQLite by default, Postgres with `DATABASE_URL`), the API
 * clients, the `Sync` service, the dispatch of background work and, optionally, the in-process daily
 * scheduler. With `DATABASE_URL` manual runs go through the pg-boss queue (unless
 * `HARVEST_RUNN_DISPATCH=inprocess`) and the scheduler stays off: the workers' tick owns the schedule.
 * Built once at start and disposed on shutdown.
 */
import { join, resolve } from "node:path";
import { Dispatch, type QueueError } from "@harvest-runn/queue";
import { KeyFile, type SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Sync } from "@harvest-runn/sync";
import { type Clock, Effect, Layer, ManagedRuntime, Option } from "effect";
import type { HostConfig } from "./Config.ts";

/** The services every route reaches. */
export type Services = Sync.Sync | SyncStore.SyncStore | Dispatch.Dispatch;

/** What building the runtime can fail with: the store or the queue could not open. */
export type StartError = SyncStore.SyncStoreError | QueueError.QueueError;

/** The runtime `createApp` takes. */
export type HostRuntime = ManagedRuntime.ManagedRuntime<Services, StartError>;

/** Where manual runs go: forked in this process, or queued on pg-boss for the workers. */
export type DispatchChoice =
  | { readonly _tag: "InProcess" }
  | { readonly _tag: "Queue"; readonly options: Dispatch.QueueOptions };

/** What the layer is built from: a store layer plus the options of the clients and `Sync`. */
export interface HostLayerOptions {
  readonly store: Layer.Layer<SyncStore.SyncStore, SyncStore.SyncStoreError>;
  readonly clients?: Clients.Options;
  readonly sync?: Sync.SyncOptions;
  /** The clock of the whole host (default the machine's); see `SyncClock`. */
  readonly clock?: Clock.Clock;
  /** Fork the in-process daily scheduler (with catch-up after a restart); ignored with the queue. */
  readonly scheduler: boolean;
  /** Default in process. */
  readonly dispatch?: DispatchChoice;
}

/** Forks `Sync`'s scheduler for the lifetime of the runtime. */
const layerScheduler = Layer.scopedDiscard(
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    yield* Effect.logInfo("in-process daily scheduler started");
    yield* Effect.forkScoped(sync.scheduler);
  }),
);

/** The host's layer. */
export const layer = (options: HostLayerOptions): Layer.Layer<Services, StartError> => {
  const base = Sync.layer(options.sync ?? {}).pipe(
    Layer.provideMerge(Layer.merge(options.store, Clients.layer(options.clients ?? {}))),
    Layer.provideMerge(options.clock === undefined ? Layer.empty : Layer.setClock(options.clock)),
  );
  const queued = options.dispatch?._tag === "Queue";
  const dispatch = (
    options.dispatch?._tag === "Queue"
      ? Dispatch.layerQueue(options.dispatch.options)
      : Dispatch.layerInProcess()
  ).pipe(Layer.provideMerge(base));
  // With the queue the workers' tick schedules; a second scheduler here would run connections twice.
  return options.scheduler && !queued
    ? Layer.merge(dispatch, layerScheduler.pipe(Layer.provide(base)))
    : dispatch;
};

/**
 * The secret key: `HARVEST_RUNN_SECRET_KEY`, or for the embedded store a key file `secret.key` beside
 * it (created with mode 0600 on first start), so a local install works without setup.
 */
const secretKeyFor = (config: HostConfig, filename: string) =>
  Option.isSome(config.secretKey)
    ? Effect.succeed(config.secretKey.value)
    : Effect.map(KeyFile.loadOrCreate(KeyFile.besideDatabase(filename)), (file) => file.key);

/** The store the configuration asks for. */
export const storeLayer = (
  config: HostConfig,
): Layer.Layer<SyncStore.SyncStore, SyncStore.SyncStoreError> => {
  if (Option.isSome(config.databaseUrl)) {
    // The workers share this store; `make` picks the queue dispatch for it unless told otherwise.
    return SyncStoreSql.layerPg({
      url: config.databaseUrl.value,
      ...(Option.isSome(config.storeSchema) ? { schema: config.storeSchema.value } : {}),
      ...(Option.isSome(config.secretKey) ? { secretKey: config.secretKey.value } : {}),
    });
  }
  const dir = resolve(Option.getOrElse(config.stateDir, () => ".harvest-runn"));
  const filename = join(dir, "state.db");
  return Layer.unwrapEffect(
    secretKeyFor(config, filename).pipe(
      Effect.map((secretKey) => SyncStoreSql.layerSqlite({ filename, secretKey })),
    ),
  );
};

/** Builds the runtime from the configuration (the store opens when the runtime is first used). */
export const make = (config: HostConfig): HostRuntime =>
  ManagedRuntime.make(
    layer({
      store: storeLayer(config),
      scheduler: config.scheduler,
      dispatch:
        config.dispatch === "queue"
          ? {
              _tag: "Queue",
              options: {
                ...(Option.isSome(config.databaseUrl) ? { url: config.databaseUrl.value } : {}),
                ...(Option.isSome(config.queueSchema) ? { schema: config.queueSchema.value } : {}),
              },
            }
          : { _tag: "InProcess" },
      clients: {
        ...(Option.isSome(config.harvestBaseUrl) ? { harvestBaseUrl: config.harvestBaseUrl.value } : {}),
        ...(Option.isSome(config.harvestIdBaseUrl)
          ? { harvestIdBaseUrl: config.harvestIdBaseUrl.value }
          : {}),
      },
    }),
  );
