/**
 * Run bookkeeping in the store: run items to and from the store's form, the store as the run's
 * `Recorder` (every write fenced by the lease), and stored runs as the summaries hosts print.
 */
import { type Ids, type Ledger, Reason } from "@harvest-runn/domain";
import type { Lease, Run, SyncStore } from "@harvest-runn/storage";
import { Schema } from "effect";
import { type RunItem, type RunSummary, type Scope, scopeAll } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import type { Recorder } from "./Writer.ts";

const isReason = Schema.is(Reason.ReasonCode);

/** What the sync keeps in a run's opaque `scope` column. */
export interface StoredScope {
  readonly scope: Scope;
  readonly dryRun?: boolean;
  /** For scheduled runs: the scheduled instant (ISO), so the scheduler knows it was served. */
  readonly scheduledFor?: string | null;
  /** Runs applying a saved plan or a backfill say so. */
  readonly mode?: "run" | "apply" | "backfill" | "undo";
  readonly backfillFrom?: string | null;
}

/** A run item in the store's form (planned items are never stored). */
export const toInput = (i: RunItem): Run.ItemInput => ({
  outcome: i.outcome === "planned" ? "skipped" : i.outcome,
  kind: i.kind,
  harvestId: i.harvestId,
  runnId: i.runnId,
  actualKey: null,
  reason: i.reason !== null && isReason(i.reason) ? i.reason : null,
  message: i.error,
  detail: { label: i.label, reason: i.reason },
});

/** A stored item in the form hosts print. */
export const fromItem = (i: Run.Item): RunItem => {
  const detail = (i.detail ?? {}) as { label?: unknown; reason?: unknown };
  return {
    kind: i.kind,
    outcome: i.outcome,
    harvestId: i.harvestId,
    runnId: i.runnId,
    label: typeof detail.label === "string" ? detail.label : "",
    reason: i.reason ?? (typeof detail.reason === "string" ? detail.reason : null),
    error: i.message,
  };
};

/** The error a stored run ended with, parsed back from `reason: message`. */
const parseError = (error: string | null): RunSummary["error"] => {
  if (error === null) return null;
  const m = /^([A-Za-z]+): (.*)$/s.exec(error);
  const reasons: ReadonlyArray<string> = SyncError.SyncErrorReason.literals;
  return m && reasons.includes(m[1]!)
    ? { reason: m[1] as SyncError.SyncErrorReason, message: m[2]! }
    : { reason: "Runn", message: error };
};

/** The stored `scope` column, tolerant of anything. */
export const storedScope = (raw: unknown): StoredScope => {
  const s = (raw ?? {}) as Partial<StoredScope>;
  return { ...s, scope: s.scope ?? scopeAll };
};

/** A stored run as a summary. */
export const toSummary = (run: Run.Run): RunSummary => {
  const s = storedScope(run.scope);
  return {
    id: run.id,
    connectionId: run.connectionId,
    trigger: run.trigger,
    scope: s.scope,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.finishedAt,
    counts: run.counts,
    error: parseError(run.error),
    dryRun: s.dryRun ?? false,
  };
};

/** The error text a run is finished with. */
export const errorText = (e: SyncError.SyncError): string => `${e.reason}: ${e.message}`;

/** The store as a run's recorder: every write carries the lease (fenced). */
export const storeRecorder = (
  store: SyncStore.Shape,
  lease: Lease.Lease,
  runId: Ids.RunId,
): Recorder<SyncStore.SyncStoreError> => ({
  items: (items) =>
    store.runs.append(lease, runId, items.filter((i) => i.outcome !== "planned").map(toInput)),
  ledgerPut: (entries) =>
    store.ledger.upsert(
      lease,
      entries.map(({ writtenAt: _w, ...e }) => e),
    ),
  ledgerRemove: (keys: ReadonlyArray<Ledger.ActualKey>) => store.ledger.remove(lease, keys),
});

/** Type helper for timestamps produced by `Date#toISOString`. */
export const iso = (d: Date): Ids.IsoDateTime => d.toISOString() as Ids.IsoDateTime;
