/**
 * What every `Sync` operation shares: the store, the client factory, the layer's options, and helpers
 * to read a connection, its settings and the reconcile options of a run.
 */
import { type Ids, type ReconcileOptions, Settings } from "@harvest-runn/domain";
import type { SyncStore } from "@harvest-runn/storage";
import { Clock, type Duration, Effect } from "effect";
import * as Clients from "../Clients.ts";
import { localDateOf } from "../Scheduler.ts";
import * as SyncError from "../SyncError.ts";

/** Options of the `Sync` layer. */
export interface SyncOptions {
  /** Who holds leases taken by this process (default `hostname:pid:random`). */
  readonly holder?: string;
  /** Lease time-to-live; renewed every third of it (default 60 seconds). */
  readonly leaseTtl?: Duration.DurationInput;
  /** Concurrent single-entity creates within one phase (default 8: enough to keep the request pacer busy). */
  readonly concurrency?: number;
  /** How far the Harvest `updated_since` cursor stays behind the newest change seen (default 10 minutes). */
  readonly cursorOverlapMs?: number;
  /** Webhook timeout (default 10 seconds). */
  readonly webhookTimeout?: Duration.DurationInput;
  /** `fetch` used for webhooks (default the global one). */
  readonly webhookFetch?: typeof globalThis.fetch;
}

/** The shared environment of the operations. */
export interface Env {
  readonly store: SyncStore.Shape;
  readonly clients: Clients.Clients["Type"];
  readonly options: SyncOptions;
  readonly holder: string;
}

/** The name of the Harvest `updated_since` cursor (SPEC A6). */
export const updatedSinceCursor = "harvest.timeEntries.updatedSince";

/** The current instant, from Effect's `Clock` (a host fixes it with `SyncClock.layer`). */
export const now: Effect.Effect<Date> = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms));

/** A connection with its settings and its clients' input; fails with `ConnectionNotFound`. */
export const loadConnection = (env: Env, connectionId: string) =>
  Effect.gen(function* () {
    const id = connectionId as Ids.ConnectionId;
    const [connection, settings, secrets] = yield* Effect.all(
      [env.store.connections.get(id), env.store.settings.get(id), env.store.connections.getSecrets(id)],
      { concurrency: 3 },
    ).pipe(Effect.mapError(SyncError.fromStore));
    return { id, connection, settings, input: Clients.inputOf(connection, secrets) };
  });

/** What a run reads Harvest by: its parts (switches ∧ scope) and its window's first day. */
export type HarvestReads = Pick<
  ReconcileOptions.Settings,
  "scope" | "switches" | "today" | "windowDays" | "backfillFrom"
>;

/** A run's settings from the stored ones alone, at `at`: all its Harvest load depends on (no store read). */
export const harvestReads = (
  settings: Settings.Settings,
  at: Date,
  extra: { readonly scope: ReconcileOptions.Scope; readonly backfillFrom: string | null },
) => ({
  ...Settings.policyOf(settings),
  today: localDateOf(at, settings.schedule.timeZone) as Ids.IsoDate,
  backfillFrom: extra.backfillFrom as Ids.IsoDate | null,
  scope: extra.scope,
});

/** The reconcile options of a run: stored settings, scope, ledger and do-not-import list. */
export const reconcileOptions = (
  env: Env,
  id: Ids.ConnectionId,
  settings: Settings.Settings,
  at: Date,
  extra: { readonly scope: ReconcileOptions.Scope; readonly backfillFrom: string | null },
) =>
  Effect.gen(function* () {
    const [ledger, doNotImport] = yield* Effect.all(
      [env.store.ledger.load(id), env.store.doNotImport.list(id)],
      { concurrency: 2 },
    ).pipe(Effect.mapError(SyncError.fromStore));
    const options: ReconcileOptions.Options = {
      ...harvestReads(settings, at, extra),
      doNotImport: doNotImport.map((d) => ({ kind: d.kind, harvestId: d.harvestId })),
      connectionId: id,
      now: at.toISOString() as Ids.IsoDateTime,
      ledger,
    };
    return options;
  });
