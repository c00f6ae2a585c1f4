/** The in-memory adapter's state and the small helpers its parts share. */
import type { Ids, Ledger, ReconcileOptions } from "@harvest-runn/domain";
import { Clock, Effect } from "effect";
import type { Connection } from "../Connection.ts";
import type { AuditEntry, DoNotImport } from "../Links.ts";
import type * as Run from "../Run.ts";
import type { RunProgress } from "../RunProgress.ts";
import type { SecretBox } from "../SecretBox.ts";
import { fail, type SyncStoreError } from "../SyncStoreError.ts";

export interface LeaseRow {
  holder: string;
  generation: number;
  acquiredAt: number;
  expiresAt: number;
}

export interface ConnectionRow {
  view: Connection;
  harvestToken: string;
  runnToken: string;
  settings: unknown;
  cursors: Map<string, string>;
  ledger: Map<string, Ledger.LedgerEntry>;
  doNotImport: Map<string, DoNotImport>;
  audit: Array<AuditEntry>;
  lastSuccess: Map<ReconcileOptions.EntityType, Run.LastSuccess>;
  runCount: number;
  /** The latest run's progress record, if a run saved one. */
  progress?: RunProgress;
}

export interface RunRow {
  run: Run.Run;
  items: Array<Run.Item>;
}

export interface State {
  readonly box: SecretBox;
  readonly connections: Map<Ids.ConnectionId, ConnectionRow>;
  readonly leases: Map<Ids.ConnectionId, LeaseRow>;
  readonly runs: Map<Ids.RunId, RunRow>;
  auditSeq: number;
}

/** Current time from Effect's `Clock` as epoch milliseconds and ISO text. */
export const now = Effect.map(Clock.currentTimeMillis, (ms) => ({ ms, iso: new Date(ms).toISOString() }));

/** The connection's row or `NotFound`. */
export const row = (state: State, id: Ids.ConnectionId): Effect.Effect<ConnectionRow, SyncStoreError> => {
  const found = state.connections.get(id);
  return found ? Effect.succeed(found) : Effect.fail(fail("NotFound", `no connection ${id}`));
};

/** Passes when the lease's generation is still the connection's current one (SPEC R3). */
export const fence = (state: State, lease: { connectionId: Ids.ConnectionId; generation: number }) => {
  const current = state.leases.get(lease.connectionId);
  return current !== undefined && current.generation === lease.generation
    ? Effect.void
    : Effect.fail(
        fail("Fenced", `lease generation ${lease.generation} of ${lease.connectionId} is no longer current`),
      );
};

/** A deep copy through JSON, so stored values never alias what callers hold. */
export const json = <A>(value: A): A => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** A page size within bounds. */
export const clampLimit = (limit: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));
