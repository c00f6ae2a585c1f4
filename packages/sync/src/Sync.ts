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
import { Plan } from "@harvest-runn/domain";
import { type Run as StoreRun, SyncStore, Settings as SyncStoreSettings } from "@harvest-runn/storage";
import { Context, Effect, Layer, Schema } from "effect";
import { Clients } from "./Clients.ts";
import type { ConnectInput, ConnectResult } from "./Connect.ts";
import * as Connect from "./Connect.ts";
import { type Env, loadConnection, now, type SyncOptions } from "./Env.ts";
import * as History from "./History.ts";
import { storeError } from "./Lease.ts";
import * as Links from "./Links.ts";
import {
  type ConnectionView,
  type Counts,
  countItems,
  type DoctorCheck,
  type LinkSuggestion,
  type RunDetail,
  type RunItem,
  type RunSummary,
  type Scope,
  type Status,
  scopeAll,
  type Trigger,
} from "./Output.ts";
import { prepare } from "./Prepare.ts";
import { plannedItems, reportItems } from "./Report.ts";
import { execute } from "./Run.ts";
import * as Scheduler from "./Scheduler.ts";
import * as SyncError from "./SyncError.ts";
import type { UndoReport } from "./Undo.ts";
import * as Undo from "./Undo.ts";

export type { SyncOptions } from "./Env.ts";

/** Options of `run`. */
export interface RunOptions {
  /** Entity types or one project's actuals (default: every type the switches allow). */
  readonly scope?: Scope;
  /** Default `manual`. */
  readonly trigger?: Trigger;
  /** For scheduled runs: the instant the run was due. */
  readonly scheduledFor?: Date;
}

/** Options of `plan`. */
export interface PlanOptions {
  readonly scope?: Scope;
  /** Recompute every day from this date (SPEC A6 backfill), `YYYY-MM-DD`. */
  readonly backfillFrom?: string;
}

/** A dry run: the plan (JSON, savable and appliable later) and what it would do. */
export interface PlanResult {
  /** The plan in its JSON form; pass it to `apply` unchanged. */
  readonly plan: Plan.Encoded;
  /** `planned` items for every write, plus held and skipped items of the report. */
  readonly items: ReadonlyArray<RunItem>;
  /** Counts of held and skipped items. */
  readonly counts: Counts;
  /** How many Runn writes (requests aside) the plan holds. */
  readonly writes: number;
}

/** The `Sync` service shape. */
export interface Service {
  /** Validates both sides (SPEC C2) and saves the connection; warnings say what the token cannot see. */
  readonly connect: (input: ConnectInput) => Effect.Effect<ConnectResult, SyncError.SyncError>;
  /** Replaces some settings of a connection (JSON, merged over the current ones). */
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
    options?: PlanOptions,
  ) => Effect.Effect<PlanResult, SyncError.SyncError>;
  /** Runs the sync; fails only when no run could start (`Busy`, `ConnectionNotFound`) or the lease was lost. */
  readonly run: (
    connectionId: string,
    options?: RunOptions,
  ) => Effect.Effect<RunSummary, SyncError.SyncError>;
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
    filter?: StoreRun.ItemFilter,
  ) => Effect.Effect<RunDetail, SyncError.SyncError>;
  /** The connections due at `now` (the queue's tick uses it; DESIGN decision 10). */
  readonly due: (now: Date) => Effect.Effect<ReadonlyArray<Scheduler.Due>, SyncError.SyncError>;
  /** The in-process scheduler: runs each connection at its local time, forever. Hosts fork it. */
  readonly scheduler: Effect.Effect<never>;
}

/** The `Sync` service tag. */
export class Sync extends Context.Tag("@harvest-runn/sync/Sync")<Sync, Service>() {}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
    const run: Service["run"] = (connectionId, o = {}) =>
      execute(env, connectionId, {
        scope: o.scope ?? scopeAll,
        trigger: o.trigger ?? "manual",
        mode: "run",
        backfillFrom: null,
        scheduledFor: o.scheduledFor ?? null,
      });
    const service: Service = {
      connect: (input) => Connect.connect(env, input),
      configure: (connectionId, patch) =>
        Effect.gen(function* () {
          const conn = yield* loadConnection(env, connectionId);
          const current = yield* SyncStoreSettings.encode(conn.settings).pipe(Effect.orDie);
          const merged = yield* SyncStoreSettings.decode({ ...current, ...(patch as object) }).pipe(
            Effect.mapError((e) => SyncError.make("InvalidInput", `invalid settings: ${e.message}`)),
          );
          const saved = yield* store.settings.put(conn.id, merged).pipe(Effect.mapError(storeError));
          return Connect.viewOf(conn.connection, saved);
        }),
      disconnect: (connectionId) =>
        loadConnection(env, connectionId).pipe(
          Effect.flatMap((c) => store.connections.delete(c.id).pipe(Effect.mapError(storeError))),
        ),
      connections: History.connections(env),
      doctor: (connectionId) => Connect.doctor(env, connectionId),
      plan: (connectionId, o = {}) =>
        Effect.gen(function* () {
          if (o.backfillFrom !== undefined && !isoDate.test(o.backfillFrom))
            return yield* SyncError.make(
              "InvalidInput",
              `backfillFrom "${o.backfillFrom}" is not YYYY-MM-DD`,
            );
          const conn = yield* loadConnection(env, connectionId);
          const pair = yield* clients.make(conn.input);
          const at = yield* now(env);
          const prepared = yield* prepare(env, pair, conn, at, "dry-run", {
            scope: o.scope ?? scopeAll,
            backfillFrom: o.backfillFrom ?? null,
          });
          const planned = plannedItems(prepared.plan.operations);
          const items = [...planned, ...reportItems(prepared.plan.report)];
          const result: PlanResult = {
            plan: Schema.encodeSync(Plan.Plan)(prepared.plan),
            items,
            counts: countItems(items),
            writes: planned.length,
          };
          return result;
        }).pipe(Effect.withSpan("Sync.plan")),
      run,
      apply: (raw, o = {}) =>
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
          });
        }).pipe(Effect.withSpan("Sync.apply")),
      backfill: (connectionId, fromDate, o = {}) =>
        isoDate.test(fromDate)
          ? execute(env, connectionId, {
              scope: scopeAll,
              trigger: o.trigger ?? "manual",
              mode: "backfill",
              backfillFrom: fromDate,
            })
          : Effect.fail(SyncError.make("InvalidInput", `fromDate "${fromDate}" is not YYYY-MM-DD`)),
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
