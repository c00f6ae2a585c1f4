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
import { SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Cause, type Clock, Effect, Exit, Fiber, Layer, ManagedRuntime, Redacted } from "effect";
import * as Clients from "./Clients.ts";
import type { ConnectResult } from "./internal/Connect.ts";
import type { SyncOptions } from "./internal/Env.ts";
import type { IgnoreInput, LinkInput } from "./internal/Linking.ts";
import type { RunSummary } from "./Output.ts";
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

/** `connect` input with tokens as plain strings (wrapped in `Redacted` at once). */
export interface ConnectParams {
  readonly id?: string;
  readonly name: string;
  readonly harvest: { readonly accountId: number; readonly userAgent: string; readonly token: string };
  readonly runn: { readonly baseUrl?: string; readonly token: string };
  readonly settings?: unknown;
}

type Async<F> = F extends (...args: infer A) => Effect.Effect<infer R, SyncError.SyncError>
  ? (...args: A) => Promise<R>
  : never;

/** Every `Sync` operation as an async function, plus the scheduler and shutdown. */
export interface SyncClient {
  readonly connect: (input: ConnectParams) => Promise<ConnectResult>;
  readonly configure: Async<Sync.Service["configure"]>;
  readonly settings: Async<Sync.Service["settings"]>;
  readonly projects: Async<Sync.Service["projects"]>;
  /** Starts a run; resolves with its id once it holds the lease, and `done` with its summary. */
  readonly start: (
    connectionId: string,
    options?: Sync.StartOptions,
  ) => Promise<{ readonly runId: string; readonly done: Promise<RunSummary> }>;
  readonly disconnect: Async<Sync.Service["disconnect"]>;
  readonly connections: () => Promise<Effect.Effect.Success<Sync.Service["connections"]>>;
  readonly doctor: Async<Sync.Service["doctor"]>;
  readonly plan: Async<Sync.Service["plan"]>;
  readonly run: Async<Sync.Service["run"]>;
  readonly apply: Async<Sync.Service["apply"]>;
  readonly backfill: Async<Sync.Service["backfill"]>;
  readonly link: (connectionId: string, input: LinkInput) => ReturnType<Async<Sync.Service["link"]>>;
  readonly unlink: (connectionId: string, input: LinkInput) => ReturnType<Async<Sync.Service["unlink"]>>;
  readonly ignore: (connectionId: string, input: IgnoreInput, ignored?: boolean) => Promise<void>;
  readonly suggestLinks: Async<Sync.Service["suggestLinks"]>;
  readonly applyLinks: Async<Sync.Service["applyLinks"]>;
  readonly undo: Async<Sync.Service["undo"]>;
  readonly status: Async<Sync.Service["status"]>;
  readonly runs: Async<Sync.Service["runs"]>;
  readonly runDetail: Async<Sync.Service["runDetail"]>;
  readonly due: Async<Sync.Service["due"]>;
  /** Starts the in-process daily scheduler; the returned function stops it. */
  readonly startScheduler: () => () => Promise<void>;
  /** Stops the scheduler, closes the store and releases everything. */
  readonly close: () => Promise<void>;
}

const storeLayer = (choice: StoreChoice | undefined): Layer.Layer<SyncStore.SyncStore, unknown> => {
  if (choice === undefined || choice === "memory") return SyncStore.layerMemory;
  if (Layer.isLayer(choice)) return choice as Layer.Layer<SyncStore.SyncStore, unknown>;
  if ("sqlite" in choice)
    return SyncStoreSql.layerSqlite({
      ...(choice.sqlite.filename === undefined ? {} : { filename: choice.sqlite.filename }),
      ...(choice.sqlite.secretKey === undefined ? {} : { secretKey: Redacted.make(choice.sqlite.secretKey) }),
    });
  const pg = (choice as { readonly postgres: { url?: string; secretKey?: string; schema?: string } })
    .postgres;
  return SyncStoreSql.layerPg({
    ...(pg.url === undefined ? {} : { url: Redacted.make(pg.url) }),
    ...(pg.secretKey === undefined ? {} : { secretKey: Redacted.make(pg.secretKey) }),
    ...(pg.schema === undefined ? {} : { schema: pg.schema }),
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
  return {
    connect: (input) =>
      call((s) =>
        s.connect({
          ...(input.id === undefined ? {} : { id: input.id }),
          name: input.name,
          harvest: { ...input.harvest, token: Redacted.make(input.harvest.token) },
          runn: { ...input.runn, token: Redacted.make(input.runn.token) },
          ...(input.settings === undefined ? {} : { settings: input.settings }),
        }),
      ),
    configure: (id, settings) => call((s) => s.configure(id, settings)),
    settings: (id) => call((s) => s.settings(id)),
    projects: (id) => call((s) => s.projects(id)),
    start: (id, o) =>
      call((s) => s.start(id, o)).then((started) => ({
        runId: started.runId,
        done: call(() => started.done),
      })),
    disconnect: (id) => call((s) => s.disconnect(id)),
    connections: () => call((s) => s.connections),
    doctor: (id) => call((s) => s.doctor(id)),
    plan: (id, o) => call((s) => s.plan(id, o)),
    run: (id, o) => call((s) => s.run(id, o)),
    apply: (plan, o) => call((s) => s.apply(plan, o)),
    backfill: (id, from, o) => call((s) => s.backfill(id, from, o)),
    link: (id, input) => call((s) => s.link(id, input)),
    unlink: (id, input) => call((s) => s.unlink(id, input)),
    ignore: (id, input, ignored) => call((s) => s.ignore(id, input, ignored)),
    suggestLinks: (id) => call((s) => s.suggestLinks(id)),
    applyLinks: (id, suggestions) => call((s) => s.applyLinks(id, suggestions)),
    undo: (runId, o) => call((s) => s.undo(runId, o)),
    status: (id) => call((s) => s.status(id)),
    runs: (id, page) => call((s) => s.runs(id, page)),
    runDetail: (runId, filter) => call((s) => s.runDetail(runId, filter)),
    due: (now) => call((s) => s.due(now)),
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
