/**
 * The Promise facade for callers who do not use Effect: `createSync(options)` builds one runtime (store,
 * clients, Sync) and returns every operation as an async function. Failures reject with the
 * `SyncError` itself (`_tag`, `reason`, `message`, a reason from `SyncErrorReason`), never a wrapper or
 * another error. The library writes nothing to stdout: warnings go to stderr unless `logger` or
 * `logLevel` say otherwise. Call `close()` on shutdown.
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
import { Optional, type Settings } from "@harvest-runn/domain";
import { type Clock, Effect, Exit, Fiber, Layer, ManagedRuntime, Redacted } from "effect";
import * as Clients from "./Clients.ts";
import type { ConnectInput, ConnectResult } from "./internal/Connect.ts";
import type { SyncOptions } from "./internal/Env.ts";
import { rejection, type StoreChoice, storeLayer } from "./internal/FacadeStore.ts";
import type * as Start from "./internal/Start.ts";
import type { ConnectionView, RunSummary, Trigger } from "./Output.ts";
import * as Progress from "./Progress.ts";
import * as Sync from "./Sync.ts";
import type * as SyncError from "./SyncError.ts";
import * as SyncLogger from "./SyncLogger.ts";

export type { StoreChoice } from "./internal/FacadeStore.ts";

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
  /** Receives the library's log lines (default: stderr); see `SyncLogger`. */
  readonly logger?: SyncLogger.Options["logger"];
  /** The lowest level logged: `"debug"`, `"info"`, `"warning"` (default), `"error"` or `"none"`. */
  readonly logLevel?: SyncLogger.Options["logLevel"];
}

/** Settings as callers write them: any subset of the settings, each field typed; the rest keep their value. */
export type SettingsInput = typeof Settings.Settings.Encoded;

type WithToken<T> = Omit<T, "token"> & { readonly token: string };

/** `connect` input with tokens as plain strings (wrapped in `Redacted` at once) and typed settings. */
export type ConnectParams = Omit<ConnectInput, "harvest" | "runn" | "settings"> & {
  readonly harvest: WithToken<ConnectInput["harvest"]>;
  readonly runn: WithToken<ConnectInput["runn"]>;
  /** Any subset of the settings (the rest are defaults); an unknown key is refused with `InvalidInput`. */
  readonly settings?: SettingsInput;
};

/** A `Sync` operation as an async function: same arguments, the Effect's value, the `SyncError` as rejection. */
export type Promised<Op> = Op extends (...args: infer A) => Effect.Effect<infer R, SyncError.SyncError>
  ? (...args: A) => Promise<R>
  : Op extends Effect.Effect<infer R, SyncError.SyncError>
    ? () => Promise<R>
    : never;

/** The operations whose facade differs from the service: plain-string tokens, typed settings, started runs, the scheduler. */
type Special = "connect" | "configure" | "start" | "startApply" | "scheduler";

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
  /** Changes some settings (deep-merged over the current ones; `roleMapping` is replaced whole). */
  readonly configure: (connectionId: string, settings: SettingsInput) => Promise<ConnectionView>;
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

/** Builds the Promise facade. */
export const createSync = (options: CreateSyncOptions = {}): SyncClient => {
  const progress = options.onProgress ? Progress.layerCallback(options.onProgress) : Progress.layerNoop;
  const logger = SyncLogger.layer(Optional.fields({ logger: options.logger, logLevel: options.logLevel }));
  const layer = Layer.mergeAll(
    Sync.layer(options.sync).pipe(
      Layer.provide(Layer.merge(storeLayer(options.store), Clients.layer(options.clients))),
    ),
    progress,
    options.clock === undefined ? Layer.empty : Layer.setClock(options.clock),
  ).pipe(Layer.provideMerge(logger));
  const runtime = ManagedRuntime.make(layer);
  const call = <A>(f: (s: Sync.Service) => Effect.Effect<A, SyncError.SyncError>): Promise<A> =>
    runtime.runPromiseExit(Effect.flatMap(Sync.Sync, f)).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value;
      throw rejection(exit.cause);
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
    configure: (id, settings) => call((s) => s.configure(id, settings)),
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
