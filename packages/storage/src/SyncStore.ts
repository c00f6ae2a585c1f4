/**
 * The `SyncStore` port: everything the sync remembers between runs, per connection (DESIGN decision 7).
 * Adapters: `layerMemory` here (tests, dry runs); SQLite and Postgres in `@harvest-runn/storage-sql`.
 * Every adapter passes the contract suite in `@harvest-runn/storage/testing`.
 *
 * @example
 * const program = Effect.gen(function* () {
 *   const store = yield* SyncStore.SyncStore;
 *   const lease = yield* store.leases.acquire({ connectionId, holder: "worker-1", ttl: "1 minute" });
 *   const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
 *   yield* store.runs.finish(lease, run.id, { status: "succeeded", succeeded: ["people"] });
 * });
 */
import type { Ids, Ledger, ReconcileOptions, Settings } from "@harvest-runn/domain";
import { Context, type Duration, type Effect, Layer, type Option } from "effect";
import type { Connection, ConnectionPatch, NewConnection, Secrets } from "./Connection.ts";
import * as Memory from "./internal/Memory.ts";
import type { Lease, LeaseState } from "./Lease.ts";
import type { AuditEntry, DoNotImport, ImportKind, NewAuditEntry, NewDoNotImport } from "./Links.ts";
import type { RecordedStore } from "./Recorded.ts";
import type * as Run from "./Run.ts";
import type { ProgressWrite, RunProgress } from "./RunProgress.ts";
import type { SavedPlanStore } from "./SavedPlans.ts";
import type { SessionStore } from "./Sessions.ts";
import type { SyncStoreError } from "./SyncStoreError.ts";

export { SyncStoreError, SyncStoreErrorReason } from "./SyncStoreError.ts";

/** What an adapter can do, declared as data so tests and hosts never find out by failing. */
export interface Capabilities {
  /** Data survives closing and reopening the store. */
  readonly persistent: boolean;
  /** Several OS processes can share one store; leases fence across them. */
  readonly multiProcess: boolean;
  /** Tokens are encrypted in the bytes the store persists. */
  readonly encryptedAtRest: boolean;
}

/** Connections and their secrets (SPEC C1, C3, R9). */
export interface Connections {
  /** Saves a new connection; fails with `AlreadyExists` when its id is taken. */
  readonly create: (input: NewConnection) => Effect.Effect<Connection, SyncStoreError>;
  /** Changes some fields of a connection; fails with `NotFound`. */
  readonly update: (
    id: Ids.ConnectionId,
    patch: ConnectionPatch,
  ) => Effect.Effect<Connection, SyncStoreError>;
  /** One connection without its secrets; fails with `NotFound`. */
  readonly get: (id: Ids.ConnectionId) => Effect.Effect<Connection, SyncStoreError>;
  /** Every connection, without secrets, ordered by id. */
  readonly list: Effect.Effect<ReadonlyArray<Connection>, SyncStoreError>;
  /** The decrypted tokens, for the orchestrator only; fails with `NotFound` or `Corrupt`. */
  readonly getSecrets: (id: Ids.ConnectionId) => Effect.Effect<Secrets, SyncStoreError>;
  /** Removes the connection and all it owns: secrets, settings, lease, cursors, runs, ledger, lists. */
  readonly delete: (id: Ids.ConnectionId) => Effect.Effect<void, SyncStoreError>;
}

/** Settings per connection, defaults filled in. */
export interface SettingsStore {
  /** The connection's settings (the defaults when never saved); fails with `NotFound`. */
  readonly get: (id: Ids.ConnectionId) => Effect.Effect<Settings.Settings, SyncStoreError>;
  /** Replaces the connection's settings; fails with `NotFound`, or `Corrupt` on invalid settings. */
  readonly put: (
    id: Ids.ConnectionId,
    settings: Settings.Settings,
  ) => Effect.Effect<Settings.Settings, SyncStoreError>;
}

/** Sync cursors per stream, e.g. Harvest `updated_since` (SPEC A6). */
export interface Cursors {
  /** The cursor of one stream. */
  readonly get: (
    id: Ids.ConnectionId,
    stream: string,
  ) => Effect.Effect<Option.Option<string>, SyncStoreError>;
  /** Every cursor of a connection. */
  readonly list: (id: Ids.ConnectionId) => Effect.Effect<Readonly<Record<string, string>>, SyncStoreError>;
  /** Advances a cursor under the run's lease; fails with `Fenced` for a stale lease. */
  readonly set: (lease: Lease, stream: string, value: string) => Effect.Effect<void, SyncStoreError>;
}

/** The one-run-at-a-time lease per connection (SPEC R3). */
export interface Leases {
  /**
   * Takes the lease when it is free, released or expired, with a generation higher than any before;
   * fails with `LeaseHeld` while another holder's lease is live, `NotFound` for an unknown connection.
   */
  readonly acquire: (input: {
    readonly connectionId: Ids.ConnectionId;
    readonly holder: string;
    readonly ttl: Duration.DurationInput;
  }) => Effect.Effect<Lease, SyncStoreError>;
  /** Extends the lease from now; fails with `LeaseLost` once a newer holder took it. */
  readonly renew: (lease: Lease, ttl: Duration.DurationInput) => Effect.Effect<Lease, SyncStoreError>;
  /** Gives the lease up; does nothing when it was already lost. */
  readonly release: (lease: Lease) => Effect.Effect<void, SyncStoreError>;
  /** The current lease of a connection, live or expired. */
  readonly get: (id: Ids.ConnectionId) => Effect.Effect<Option.Option<LeaseState>, SyncStoreError>;
}

/** Runs and their item outcomes (SPEC R1, R5, R9). */
export interface Runs {
  /**
   * Records a new `running` run under the lease, or with `requested` turns that `queued` run of the
   * connection into the running one (keeping its id and number; `NotFound` when it is not queued);
   * fails with `Fenced` for a stale lease.
   */
  readonly start: (
    lease: Lease,
    input: {
      readonly trigger: ReconcileOptions.Trigger;
      readonly scope: unknown;
      readonly requested?: Ids.RunId;
    },
  ) => Effect.Effect<Run.Run, SyncStoreError>;
  /**
   * Records a `queued` run, so a run requested for a worker has an id at once (no lease: nothing is
   * written for it until `start` adopts it); fails with `NotFound` for an unknown connection.
   */
  readonly request: (
    connectionId: Ids.ConnectionId,
    input: { readonly trigger: ReconcileOptions.Trigger; readonly scope: unknown },
  ) => Effect.Effect<Run.Run, SyncStoreError>;
  /** Removes a run that is still `queued` (its request was refused); any other run is left alone. */
  readonly discard: (runId: Ids.RunId) => Effect.Effect<void, SyncStoreError>;
  /** Appends item outcomes in one batch; fails with `Fenced`, or `NotFound` for an unknown run. */
  readonly append: (
    lease: Lease,
    runId: Ids.RunId,
    items: ReadonlyArray<Run.ItemInput>,
  ) => Effect.Effect<void, SyncStoreError>;
  /** Ends a run: status, error, counts from its items, last success per entity type; fenced. */
  readonly finish: (
    lease: Lease,
    runId: Ids.RunId,
    finish: Run.Finish,
  ) => Effect.Effect<Run.Run, SyncStoreError>;
  /** Runs of a connection, newest first; `before` is a run number from a previous page. */
  readonly list: (
    id: Ids.ConnectionId,
    page?: { readonly limit?: number; readonly before?: number },
  ) => Effect.Effect<Run.Page, SyncStoreError>;
  /** One run with a page of its items, filtered by outcome and reason; fails with `NotFound`. */
  readonly get: (runId: Ids.RunId, filter?: Run.ItemFilter) => Effect.Effect<Run.Detail, SyncStoreError>;
  /** When each entity type last synced successfully (SPEC R5); absent types never did. */
  readonly lastSuccess: (
    id: Ids.ConnectionId,
  ) => Effect.Effect<Partial<Record<ReconcileOptions.EntityType, Run.LastSuccess>>, SyncStoreError>;
  /**
   * Deletes run items recorded longer ago than `olderThan` (of one connection when `connectionId` is
   * given, else across connections; SPEC R9); returns how many.
   */
  readonly pruneItems: (
    olderThan: Duration.DurationInput,
    connectionId?: Ids.ConnectionId,
  ) => Effect.Effect<number, SyncStoreError>;
}

/** A ledger row to write; the store stamps `writtenAt`. */
export type LedgerWrite = Omit<Ledger.LedgerEntry, "writtenAt">;

/** The actuals ledger: which actual keys the sync owns (SPEC A6, A8). */
export interface LedgerStore {
  /** Inserts or replaces rows by key, in one transaction, under the lease; fenced. */
  readonly upsert: (lease: Lease, entries: ReadonlyArray<LedgerWrite>) => Effect.Effect<void, SyncStoreError>;
  /** Removes rows by key under the lease; unknown keys are ignored; fenced. */
  readonly remove: (
    lease: Lease,
    keys: ReadonlyArray<Ledger.ActualKey>,
  ) => Effect.Effect<void, SyncStoreError>;
  /** Rows of a connection, optionally with `from <= date <= to`. */
  readonly load: (
    id: Ids.ConnectionId,
    range?: { readonly from?: Ids.IsoDate; readonly to?: Ids.IsoDate },
  ) => Effect.Effect<ReadonlyArray<Ledger.LedgerEntry>, SyncStoreError>;
}

/** The per-connection do-not-import list (SPEC E10, E11). */
export interface DoNotImportStore {
  /** Adds entries; an entry already listed keeps its first note and time. */
  readonly add: (
    id: Ids.ConnectionId,
    entries: ReadonlyArray<NewDoNotImport>,
  ) => Effect.Effect<void, SyncStoreError>;
  /** Removes entries by (kind, Harvest id). */
  readonly remove: (
    id: Ids.ConnectionId,
    keys: ReadonlyArray<{ readonly kind: ImportKind; readonly harvestId: number }>,
  ) => Effect.Effect<void, SyncStoreError>;
  /** Every entry, ordered by kind then Harvest id. */
  readonly list: (id: Ids.ConnectionId) => Effect.Effect<ReadonlyArray<DoNotImport>, SyncStoreError>;
}

/** The audit log of link changes (SPEC E10). */
export interface AuditLog {
  /** Appends one entry. */
  readonly record: (id: Ids.ConnectionId, entry: NewAuditEntry) => Effect.Effect<AuditEntry, SyncStoreError>;
  /** Entries, newest first; `before` is a `seq` from a previous page. */
  readonly list: (
    id: Ids.ConnectionId,
    page?: { readonly limit?: number; readonly before?: number },
  ) => Effect.Effect<ReadonlyArray<AuditEntry>, SyncStoreError>;
}

/** The progress record of each connection's latest run, readable from any process. */
export interface ProgressStore {
  /** Saves the run's progress under its lease, replacing the connection's previous record; fenced. */
  readonly put: (lease: Lease, progress: ProgressWrite) => Effect.Effect<RunProgress, SyncStoreError>;
  /** The connection's latest record (it stays after the run ends; compare `runId` with the run's). */
  readonly get: (id: Ids.ConnectionId) => Effect.Effect<Option.Option<RunProgress>, SyncStoreError>;
}

/** The store as services see it. */
export interface Shape {
  readonly supports: Capabilities;
  readonly connections: Connections;
  readonly settings: SettingsStore;
  readonly cursors: Cursors;
  readonly leases: Leases;
  readonly runs: Runs;
  readonly ledger: LedgerStore;
  readonly doNotImport: DoNotImportStore;
  readonly audit: AuditLog;
  /** Sign-in sessions of a host's pages (survive a restart, expire). */
  readonly sessions: SessionStore;
  /** Dry runs saved for applying later (survive a restart, expire). */
  readonly savedPlans: SavedPlanStore;
  /** What runs recorded from the APIs for hosts to show without calling them. */
  readonly recorded: RecordedStore;
  /** How far the latest run of each connection has got, readable from any process. */
  readonly progress: ProgressStore;
}

/** The `SyncStore` service tag. */
export class SyncStore extends Context.Tag("@harvest-runn/storage/SyncStore")<SyncStore, Shape>() {}

/** Capabilities of the in-memory adapter. */
export const memoryCapabilities: Capabilities = Memory.capabilities;

/** An in-memory store for tests and dry runs; each build starts empty. */
export const layerMemory: Layer.Layer<SyncStore> = Layer.effect(SyncStore, Memory.make);
