/**
 * The `Sync` service: everything hosts offer is a call here (SPEC C*, E*, A*, R*). Hosts parse input,
 * call one operation and print its result (`Output` schemas) or its `SyncError`.
 *
 * @example
 * const program = Effect.gen(function* () {
 *   const sync = yield* Sync.Sync;
 *   const summary = yield* sync.run("acme", { trigger: "manual" });
 *   console.log(summary.status, summary.counts);
 * });
 */
import { hostname } from "node:os";
import { Ids, Optional, Plan } from "@harvest-runn/domain";
import { type Run, SyncStore } from "@harvest-runn/storage";
import { Context, type Duration, Effect, Layer, Schema } from "effect";
import { Clients } from "./Clients.ts";
import * as Configure from "./internal/Configure.ts";
import type { ConnectInput, ConnectResult } from "./internal/Connect.ts";
import * as Connect from "./internal/Connect.ts";
import * as DryRun from "./internal/DryRun.ts";
import { type Env, loadConnection, type SyncOptions } from "./internal/Env.ts";
import { execute } from "./internal/Execute.ts";
import * as History from "./internal/History.ts";
import * as Links from "./internal/Linking.ts";
import * as Projects from "./internal/Projects.ts";
import * as Start from "./internal/Start.ts";
import type { UndoReport } from "./internal/Undo.ts";
import * as Undo from "./internal/Undo.ts";
import type {
  ConnectionView,
  DoctorCheck,
  LinkedProject,
  LinkSuggestion,
  RunDetail,
  RunItem,
  RunSummary,
  Scope,
  SettingsView,
  Status,
  Trigger,
} from "./Output.ts";
import { scopeAll } from "./Output.ts";
import * as Scheduler from "./Scheduler.ts";
import * as SyncError from "./SyncError.ts";

export type { SyncOptions } from "./internal/Env.ts";

/** Options of `run`. */
export interface RunOptions {
  /** Entity types or one project's actuals (default: every type the switches allow). */
  readonly scope?: Scope;
  /** Default `manual`. */
  readonly trigger?: Trigger;
  /** For scheduled runs: the instant the run was due. */
  readonly scheduledFor?: Date;
  /**
   * The `queued` run recorded when this run was requested (`SyncStore.runs.request`, e.g. by a queue):
   * the run keeps that id. When it is no longer queued, the run gets a new id.
   */
  readonly requestedRunId?: string;
  /**
   * When another holder has the connection's lease (a run in progress, or a process that died before its
   * lease expired), wait up to this long for it instead of failing with `Busy` at once, and read Harvest
   * meanwhile: nothing is written and Runn is not read until the lease is held, so a process restarted
   * after a crash spends the old lease's remaining TTL loading. Default: no wait.
   */
  readonly waitForLease?: Duration.DurationInput;
}

/** Options of `start`: a run's, or a backfill's when `backfillFrom` is given. */
export interface StartOptions extends RunOptions {
  /** Recompute every day from this date (SPEC A6), `YYYY-MM-DD`. */
  readonly backfillFrom?: string;
}

export type { PlanOptions, PlanResult } from "./internal/DryRun.ts";
export type { Started } from "./internal/Start.ts";

/** The `Sync` service shape. */
export interface Service {
  /** Validates both sides (SPEC C2) and saves the connection; warnings say what the token cannot see. */
  readonly connect: (input: ConnectInput) => Effect.Effect<ConnectResult, SyncError.SyncError>;
  /** A connection's full settings (defaults filled in); the webhook as its origin only. */
  readonly settings: (connectionId: string) => Effect.Effect<SettingsView, SyncError.SyncError>;
  /** Changes some settings (JSON, deep-merged over the current ones; `roleMapping` is replaced whole). */
  readonly configure: (
    connectionId: string,
    settings: unknown,
  ) => Effect.Effect<ConnectionView, SyncError.SyncError>;
  /** Deletes a connection with its secrets, ledger, cursors and runs (SPEC R9). */
  readonly disconnect: (connectionId: string) => Effect.Effect<void, SyncError.SyncError>;
  /** Every connection, without secrets. */
  readonly connections: Effect.Effect<ReadonlyArray<ConnectionView>, SyncError.SyncError>;
  /** Checks tokens, access role, region and write scope of a saved connection. */
  readonly doctor: (connectionId: string) => Effect.Effect<ReadonlyArray<DoctorCheck>, SyncError.SyncError>;
  /** Computes what a run would write and writes nothing (SPEC R2). */
  readonly plan: (
    connectionId: string,
    options?: DryRun.PlanOptions,
  ) => Effect.Effect<DryRun.PlanResult, SyncError.SyncError>;
  /** Runs the sync; fails only when no run could start (`Busy`, `ConnectionNotFound`) or the lease was lost. */
  readonly run: (
    connectionId: string,
    options?: RunOptions,
  ) => Effect.Effect<RunSummary, SyncError.SyncError>;
  /**
   * Starts a run (a backfill with `backfillFrom`) and returns as soon as it holds the lease and is
   * recorded: its id, and `done` for its summary. Fails at once with `Busy` or `ConnectionNotFound`.
   */
  readonly start: (
    connectionId: string,
    options?: StartOptions,
  ) => Effect.Effect<Start.Started, SyncError.SyncError>;
  /** `start` for a saved plan (see `apply`). */
  readonly startApply: (
    plan: unknown,
    options?: { readonly trigger?: Trigger },
  ) => Effect.Effect<Start.Started, SyncError.SyncError>;
  /** The Runn projects linked to a Harvest project (for per-project "Sync Actuals"). */
  readonly projects: (
    connectionId: string,
  ) => Effect.Effect<ReadonlyArray<LinkedProject>, SyncError.SyncError>;
  /** Applies a saved plan; the run fails with `StalePlan` when what it depends on changed. */
  readonly apply: (
    plan: unknown,
    options?: { readonly trigger?: Trigger },
  ) => Effect.Effect<RunSummary, SyncError.SyncError>;
  /** Recomputes every day from `fromDate` (SPEC A6). */
  readonly backfill: (
    connectionId: string,
    fromDate: string,
    options?: { readonly trigger?: Trigger },
  ) => Effect.Effect<RunSummary, SyncError.SyncError>;
  /** Links a Runn entity to a Harvest id (SPEC E10). */
  readonly link: (
    connectionId: string,
    input: Links.LinkInput,
  ) => Effect.Effect<RunItem, SyncError.SyncError>;
  /** Removes a Runn entity's link to a Harvest id. */
  readonly unlink: (
    connectionId: string,
    input: Links.LinkInput,
  ) => Effect.Effect<RunItem, SyncError.SyncError>;
  /** Puts a Harvest id on the do-not-import list (`ignored: false` takes it off). */
  readonly ignore: (
    connectionId: string,
    input: Links.IgnoreInput,
    ignored?: boolean,
  ) => Effect.Effect<void, SyncError.SyncError>;
  /** Suggested links from possible duplicates and adoptable references (SPEC E8, E10). */
  readonly suggestLinks: (
    connectionId: string,
  ) => Effect.Effect<ReadonlyArray<LinkSuggestion>, SyncError.SyncError>;
  /** Links every given suggestion; one item per suggestion. */
  readonly applyLinks: (
    connectionId: string,
    suggestions: ReadonlyArray<Links.LinkInput>,
  ) => Effect.Effect<ReadonlyArray<RunItem>, SyncError.SyncError>;
  /** Removes what a run created (SPEC E11); `dryRun` lists it and changes nothing. */
  readonly undo: (
    runId: string,
    options?: { readonly dryRun?: boolean },
  ) => Effect.Effect<UndoReport, SyncError.SyncError>;
  /** A connection's status (SPEC R5). */
  readonly status: (connectionId: string) => Effect.Effect<Status, SyncError.SyncError>;
  /** A page of a connection's runs, newest first. */
  readonly runs: (
    connectionId: string,
    page?: { readonly limit?: number; readonly before?: number },
  ) => Effect.Effect<
    { readonly runs: ReadonlyArray<RunSummary>; readonly next: number | null },
    SyncError.SyncError
  >;
  /** One run with its items. */
  readonly runDetail: (
    runId: string,
    filter?: Run.ItemFilter,
  ) => Effect.Effect<RunDetail, SyncError.SyncError>;
  /** The connections due at `now` (the queue's tick uses it; DESIGN decision 10). */
  readonly due: (now: Date) => Effect.Effect<ReadonlyArray<Scheduler.Due>, SyncError.SyncError>;
  /** The in-process scheduler: runs each connection at its local time, forever. Hosts fork it. */
  readonly scheduler: Effect.Effect<never>;
}

/** The `Sync` service tag. */
export class Sync extends Context.Tag("@harvest-runn/sync/Sync")<Sync, Service>() {}

/** Builds the service over a store and a client factory. */
export const make = (options: SyncOptions = {}) =>
  Effect.gen(function* () {
    const store = yield* SyncStore.SyncStore;
    const clients = yield* Clients;
    const env: Env = {
      store,
      clients,
      options,
      holder: options.holder ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    };
    type OnStart = (runId: string) => Effect.Effect<void>;
    const runWith = (connectionId: string, o: StartOptions, onStart?: OnStart) =>
      o.backfillFrom !== undefined && !Ids.isIsoDate(o.backfillFrom)
        ? Effect.fail(SyncError.make("InvalidInput", `fromDate "${o.backfillFrom}" is not YYYY-MM-DD`))
        : execute(env, connectionId, {
            scope: o.backfillFrom === undefined ? (o.scope ?? scopeAll) : scopeAll,
            trigger: o.trigger ?? "manual",
            mode: o.backfillFrom === undefined ? "run" : "backfill",
            backfillFrom: o.backfillFrom ?? null,
            scheduledFor: o.scheduledFor ?? null,
            ...Optional.fields({ onStart, requestedRunId: o.requestedRunId, waitForLease: o.waitForLease }),
          });
    const applyWith = (raw: unknown, o: { readonly trigger?: Trigger }, onStart?: OnStart) =>
      Effect.gen(function* () {
        const saved = yield* Schema.decodeUnknown(Plan.Plan)(raw).pipe(
          Effect.mapError((e) => SyncError.make("InvalidInput", `not a saved plan: ${e.message}`)),
        );
        return yield* execute(env, saved.connectionId, {
          scope: saved.options.scope,
          trigger: o.trigger ?? "manual",
          mode: "apply",
          backfillFrom: saved.options.backfillFrom,
          saved,
          ...Optional.fields({ onStart }),
        });
      }).pipe(Effect.withSpan("Sync.apply"));
    const run: Service["run"] = (connectionId, o = {}) => runWith(connectionId, o);
    const service: Service = {
      connect: (input) => Connect.connect(env, input),
      configure: (connectionId, patch) => Configure.configure(env, connectionId, patch),
      settings: (connectionId) => Configure.settings(env, connectionId),
      disconnect: (connectionId) =>
        loadConnection(env, connectionId).pipe(
          Effect.flatMap((c) => store.connections.delete(c.id).pipe(Effect.mapError(SyncError.fromStore))),
        ),
      connections: History.connections(env),
      doctor: (connectionId) => Connect.doctor(env, connectionId),
      plan: (connectionId, o) => DryRun.plan(env, connectionId, o),
      run,
      start: (connectionId, o = {}) => Start.start((onStart) => runWith(connectionId, o, onStart)),
      startApply: (raw, o = {}) => Start.start((onStart) => applyWith(raw, o, onStart)),
      projects: (connectionId) => Projects.projects(env, connectionId),
      apply: (raw, o = {}) => applyWith(raw, o),
      backfill: (connectionId, fromDate, o = {}) =>
        runWith(connectionId, { backfillFrom: fromDate, ...(o.trigger ? { trigger: o.trigger } : {}) }),
      link: (connectionId, input) => Links.link(env, connectionId, input),
      unlink: (connectionId, input) => Links.unlink(env, connectionId, input),
      ignore: (connectionId, input, ignored) => Links.ignore(env, connectionId, input, ignored ?? true),
      suggestLinks: (connectionId) => Links.suggestLinks(env, connectionId),
      applyLinks: (connectionId, suggestions) => Links.applyLinks(env, connectionId, suggestions),
      undo: (runId, o) => Undo.undo(env, runId, o),
      status: (connectionId) => History.status(env, connectionId),
      runs: (connectionId, page) => History.runs(env, connectionId, page),
      runDetail: (runId, filter) => History.runDetail(env, runId, filter),
      due: (at) => History.scheduled(env).pipe(Effect.map((list) => Scheduler.due(list, at))),
      scheduler: Scheduler.loop({
        load: History.scheduled(env),
        trigger: (d) =>
          run(d.connectionId, { trigger: "schedule", scheduledFor: d.scheduledFor }).pipe(
            Effect.tap((s) => Effect.logInfo("scheduled run finished", { status: s.status, runId: s.id })),
            Effect.catchAll((e) =>
              Effect.logWarning("scheduled run did not start", { reason: e.reason, message: e.message }),
            ),
            Effect.asVoid,
          ),
      }),
    };
    return service;
  });

/** The `Sync` layer over a `SyncStore` and a `Clients` factory. */
export const layer = (options: SyncOptions = {}): Layer.Layer<Sync, never, SyncStore.SyncStore | Clients> =>
  Layer.effect(Sync, make(options));
