/**
 * The Promise facade for callers who do not use Effect: `createSync(options)` builds one runtime (store,
 * clients, Sync) and returns every operation as an async function. Failures reject with the
 * `SyncError` itself (`_tag`, `reason`, `message`), never a wrapper. Call `close()` on shutdown.
 *
 * @example
 * const sync = createSync({ store: { sqlite: { filename: ".harvest-runn/state.db" } } });
 * const { connection } = await sync.connect({
 *   name: "acme",
 *   harvest: { accountId: 123456, userAgent: "Acme sync (ops@acme.test)", token: process.env.HARVEST_TOKEN! },
 *   runn: { token: process.env.RUNN_TOKEN! },
 *   settings: { switches: { actuals: true } },
 * });
 * const summary = await sync.run(connection.id);
 * await sync.close();
 */
import { Optional } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Cause, type Clock, Effect, Exit, Fiber, Layer, ManagedRuntime, Redacted } from "effect";
import * as Clients from "./Clients.ts";
import type { ConnectInput, ConnectResult } from "./internal/Connect.ts";
import type { SyncOptions } from "./internal/Env.ts";
import type * as Start from "./internal/Start.ts";
import type { RunSummary, Trigger } from "./Output.ts";
import * as Progress from "./Progress.ts";
import * as Sync from "./Sync.ts";
import * as SyncError from "./SyncError.ts";

/** Which store the facade uses. */
export type StoreChoice =
  | "memory"
  | { readonly sqlite: { readonly filename?: string; readonly secretKey?: string } }
  | { readonly postgres: { readonly url?: string; readonly secretKey?: string; readonly schema?: string } }
  | Layer.Layer<SyncStore.SyncStore, unknown>;

/** Options of `createSync`. */
export interface CreateSyncOptions {
  /** Default `"memory"` (nothing persists); SQLite for one machine, Postgres for servers. */
  readonly store?: StoreChoice;
  /** Base URLs, rate limits and retries of the API clients (defaults: the real APIs). */
  readonly clients?: Clients.Options;
  /** Lease and webhook settings of the orchestrator. */
  readonly sync?: SyncOptions;
  /** The clock of everything the facade runs (default the machine's); see `SyncClock`. */
  readonly clock?: Clock.Clock;
  /** Called with every progress event of a run. */
  readonly onProgress?: (event: Progress.ProgressEvent) => void;
}

type WithToken<T> = Omit<T, "token"> & { readonly token: string };

/** `connect` input with tokens as plain strings (wrapped in `Redacted` at once). */
export type ConnectParams = Omit<ConnectInput, "harvest" | "runn"> & {
  readonly harvest: WithToken<ConnectInput["harvest"]>;
  readonly runn: WithToken<ConnectInput["runn"]>;
};

/** A `Sync` operation as an async function: same arguments, the Effect's value, the `SyncError` as rejection. */
export type Promised<Op> = Op extends (...args: infer A) => Effect.Effect<infer R, SyncError.SyncError>
  ? (...args: A) => Promise<R>
  : Op extends Effect.Effect<infer R, SyncError.SyncError>
    ? () => Promise<R>
    : never;

/** The operations whose facade differs from the service: plain-string tokens, started runs, the scheduler. */
type Special = "connect" | "start" | "startApply" | "scheduler";

/** Every operation forwarded unchanged, each with the service's own documentation. */
type Forwarded = { readonly [K in keyof Omit<Sync.Service, Special>]: Promised<Sync.Service[K]> };

/** A started run, as promises: its id once it holds the lease, and `done` with its summary. */
export interface StartedRun {
  readonly runId: string;
  readonly done: Promise<RunSummary>;
}

/** Every `Sync` operation as an async function, plus the scheduler and shutdown. */
export interface SyncClient extends Forwarded {
  /** Validates both sides (SPEC C2) and saves the connection; tokens are given as plain strings. */
  readonly connect: (input: ConnectParams) => Promise<ConnectResult>;
  /** Starts a run; resolves with its id once it holds the lease, and `done` with its summary. */
  readonly start: (connectionId: string, options?: Sync.StartOptions) => Promise<StartedRun>;
  /** `start` for a saved plan (see `apply`). */
  readonly startApply: (plan: unknown, options?: { readonly trigger?: Trigger }) => Promise<StartedRun>;
  /** Starts the in-process daily scheduler; the returned function stops it. */
  readonly startScheduler: () => () => Promise<void>;
  /** Stops the scheduler, closes the store and releases everything. */
  readonly close: () => Promise<void>;
}

/** The forwarded operations by name; `satisfies` makes the compiler refuse a missing or unknown one. */
const forwarded = {
  configure: true,
  settings: true,
  disconnect: true,
  connections: true,
  doctor: true,
  plan: true,
  run: true,
  projects: true,
  apply: true,
  backfill: true,
  link: true,
  unlink: true,
  ignore: true,
  suggestLinks: true,
  applyLinks: true,
  undo: true,
  status: true,
  runs: true,
  runDetail: true,
  due: true,
} as const satisfies Record<keyof Forwarded, true>;

const storeLayer = (choice: StoreChoice | undefined): Layer.Layer<SyncStore.SyncStore, unknown> => {
  if (choice === undefined || choice === "memory") return SyncStore.layerMemory;
  if (Layer.isLayer(choice)) return choice as Layer.Layer<SyncStore.SyncStore, unknown>;
  if ("sqlite" in choice)
    return SyncStoreSql.layerSqlite({
      ...Optional.fields({
        filename: choice.sqlite.filename,
        secretKey: Optional.map(choice.sqlite.secretKey, Redacted.make),
      }),
    });
  const pg = (choice as { readonly postgres: { url?: string; secretKey?: string; schema?: string } })
    .postgres;
  return SyncStoreSql.layerPg({
    ...Optional.fields({
      url: Optional.map(pg.url, Redacted.make),
      secretKey: Optional.map(pg.secretKey, Redacted.make),
      schema: pg.schema,
    }),
  });
};

/** Builds the Promise facade. */
export const createSync = (options: CreateSyncOptions = {}): SyncClient => {
  const progress = options.onProgress ? Progress.layerCallback(options.onProgress) : Progress.layerNoop;
  const layer = Layer.mergeAll(
    Sync.layer(options.sync).pipe(
      Layer.provide(Layer.merge(storeLayer(options.store), Clients.layer(options.clients))),
    ),
    progress,
    options.clock === undefined ? Layer.empty : Layer.setClock(options.clock),
  );
  const runtime = ManagedRuntime.make(layer);
  const call = <A>(f: (s: Sync.Service) => Effect.Effect<A, SyncError.SyncError>): Promise<A> =>
    runtime.runPromiseExit(Effect.flatMap(Sync.Sync, f)).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value;
      const failure = Cause.failureOption(exit.cause);
      if (failure._tag === "Some") throw failure.value;
      throw SyncError.make("Store", `the sync could not start: ${Cause.pretty(exit.cause).split("\n")[0]}`);
    });
  const schedulers = new Set<Fiber.RuntimeFiber<never, unknown>>();
  const forward = (key: keyof Forwarded) => {
    const wrapper = (...args: ReadonlyArray<unknown>) =>
      call((s) => {
        const op: unknown = s[key];
        return (
          Effect.isEffect(op) ? op : (op as (...a: ReadonlyArray<unknown>) => Effect.Effect<unknown>)(...args)
        ) as Effect.Effect<unknown, SyncError.SyncError>;
      });
    return [key, wrapper] as const;
  };
  const promised = (
    f: (s: Sync.Service) => Effect.Effect<Start.Started, SyncError.SyncError>,
  ): Promise<StartedRun> => call(f).then((s) => ({ runId: s.runId, done: call(() => s.done) }));
  return {
    ...(Object.fromEntries(Object.keys(forwarded).map((k) => forward(k as keyof Forwarded))) as Forwarded),
    connect: (input) =>
      call((s) =>
        s.connect({
          ...input,
          harvest: { ...input.harvest, token: Redacted.make(input.harvest.token) },
          runn: { ...input.runn, token: Redacted.make(input.runn.token) },
        }),
      ),
    start: (id, o) => promised((s) => s.start(id, o)),
    startApply: (plan, o) => promised((s) => s.startApply(plan, o)),
    startScheduler: () => {
      const fiber = runtime.runFork(Effect.flatMap(Sync.Sync, (s) => s.scheduler));
      schedulers.add(fiber);
      return async () => {
        schedulers.delete(fiber);
        await runtime.runPromise(Fiber.interrupt(fiber));
      };
    },
    close: async () => {
      for (const f of schedulers) await runtime.runPromise(Fiber.interrupt(f));
      schedulers.clear();
      await runtime.dispose();
    },
  };
};
