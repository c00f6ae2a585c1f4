/**
 * Fixtures for store tests: connections with unique ids and tokens, ledger rows and run items.
 * Tests isolate by unique keys, never by clearing the store.
 */
import { randomUUID } from "node:crypto";
import type { Ids, Ledger } from "@harvest-runn/domain";
import { Redacted } from "effect";
import type { NewConnection } from "../Connection.ts";
import type * as Run from "../Run.ts";
import type { LedgerWrite } from "../SyncStore.ts";

/** A fresh connection id. */
export const connectionId = (): Ids.ConnectionId => `conn-${randomUUID()}` as Ids.ConnectionId;

/** A new connection with unique, recognisable tokens (`hv-secret-…`, `rn-secret-…`). */
export const connection = (overrides: Partial<NewConnection> = {}): NewConnection => ({
  id: connectionId(),
  name: "Acme",
  harvest: {
    accountId: 123456 as Ids.HarvestAccountId,
    userAgent: "harvest-runn tests (ops@example.com)",
    token: Redacted.make(`hv-secret-${randomUUID()}`),
  },
  runn: { baseUrl: "https://api.runn.io", token: Redacted.make(`rn-secret-${randomUUID()}`) },
  ...overrides,
});

/** The day `offset` days after 2026-01-01. */
export const day = (offset: number): Ids.IsoDate => {
  const cached = days.get(offset);
  if (cached !== undefined) return cached;
  const text = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10) as Ids.IsoDate;
  days.set(offset, text);
  return text;
};
const days = new Map<number, Ids.IsoDate>();

/** An actual key. */
export const key = (person: number, project: number, role: number, date: Ids.IsoDate): Ledger.ActualKey => ({
  personId: person as Ids.RunnPersonId,
  projectId: project as Ids.RunnProjectId,
  roleId: role as Ids.RunnRoleId,
  date,
});

/** A ledger row for a key. */
export const ledgerWrite = (
  k: Ledger.ActualKey,
  minutes: { billable?: number; nonbillable?: number } = {},
  entryIds: ReadonlyArray<number> = [],
  runnActualId: number | null = null,
): LedgerWrite => ({
  key: k,
  billableMinutes: minutes.billable ?? 60,
  nonbillableMinutes: minutes.nonbillable ?? 0,
  runnActualId: runnActualId as Ids.RunnActualId | null,
  harvestEntryIds: entryIds as ReadonlyArray<Ids.HarvestTimeEntryId>,
});

/** `n` distinct ledger rows: 50 people × 20 projects per day, one entry id each, ids from `firstEntryId`. */
export const ledgerRows = (n: number, firstEntryId = 1): Array<LedgerWrite> =>
  Array.from({ length: n }, (_, i) =>
    ledgerWrite(
      key(1 + (i % 50), 1 + (Math.floor(i / 50) % 20), 7, day(Math.floor(i / 1000))),
      { billable: i % 480, nonbillable: i % 7 },
      [firstEntryId + i],
      i % 3 === 0 ? null : 10_000_000 + i,
    ),
  );

/** A run item with every field set. */
export const item = (overrides: Partial<Run.ItemInput> = {}): Run.ItemInput => ({
  outcome: "created",
  kind: "person",
  harvestId: 42,
  runnId: 4242,
  actualKey: null,
  reason: null,
  message: null,
  detail: null,
  ...overrides,
});
