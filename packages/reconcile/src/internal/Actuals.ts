/**
 * The actuals part of a plan (SPEC A1–A10): every key from Harvest time, Runn actuals and the ledger gets
 * a code in plan order; one radix sort groups the three sides by key; one pass over the groups decides.
 */
import { type Ledger, Plan, type ReconcileOptions, type Snapshot } from "@harvest-runn/domain";
import { aggregate, type Items } from "./Aggregate.ts";
import { windowStart } from "./Dates.ts";
import type { EntityPlan } from "./Entities.ts";
import { KeySpace } from "./Keys.ts";
import {
  ACTUAL_STRIDE,
  type ActualsPlan,
  type Columns,
  decide,
  LEDGER_ACTUAL_ID,
  LEDGER_BILLABLE,
  LEDGER_IDS_FROM,
  LEDGER_IDS_TO,
  LEDGER_NONBILLABLE,
  LEDGER_STRIDE,
  type NewRefs,
} from "./Ownership.ts";
import { radixSort } from "./Radix.ts";
import type { Roles } from "./Roles.ts";
import { doubles, ints } from "./Scratch.ts";
import { SkipLog } from "./SkipLog.ts";

/** Plans the actuals of the snapshots; skipped time goes to the report as `Skipped` items. */
export const plan = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  ledger: ReadonlyArray<Ledger.LedgerEntry>,
  settings: ReconcileOptions.Settings,
  entities: EntityPlan,
  roles: Roles,
): ActualsPlan => {
  const start = windowStart(settings);
  const keys = new KeySpace(start, settings.today);
  // Runn-side keys count only on fully loaded days, and only for the scoped project (A6, A10).
  const oldPersonDays = new Set<string>();
  for (const d of harvest.oldDays) {
    const slot = entities.user(d.userId);
    for (const id of slot.skip === null ? (slot.isNew ? [] : [slot.num]) : slot.conflictIds) {
      oldPersonDays.add(`${id}:${d.date}`);
    }
  }
  let scopeProject = Number.NaN;
  if (settings.scope.kind === "project") {
    const slot = entities.project(settings.scope.harvestProjectId);
    if (slot.skip === null && !slot.isNew) scopeProject = slot.num;
  }
  const scoped = settings.scope.kind === "project";
  const relevant = (personId: number, projectId: number, date: string) =>
    (!scoped || projectId === scopeProject) && (date >= start || oldPersonDays.has(`${personId}:${date}`));

  const { actuals } = runn;
  const capacity =
    harvest.timeEntries.length +
    harvest.updatedEntries.length +
    harvest.oldDayEntries.length +
    harvest.runningEntries.length +
    actuals.length +
    ledger.length;
  const items: Items = { codes: ints(capacity), payload: ints(capacity), n: 0 };
  const skips = new SkipLog();
  const agg = aggregate(harvest, settings, start, entities, roles, keys, skips, items);
  // Runn-side keys join after the Harvest pass, when every pair's role is known.
  const { codes, payload } = items;
  let n = items.n;
  // Per Runn actual: id, billable, non-billable minutes (one cache line for what a key reads).
  const actual = doubles(ACTUAL_STRIDE * actuals.length);
  for (let i = 0; i < actuals.length; i++) {
    const a = actuals[i]!;
    if (a.workstreamId !== null || !relevant(a.personId, a.projectId, a.date)) continue;
    codes[n] = keys.code(a.personId, a.projectId, a.roleId, a.date);
    payload[n++] = agg.slots + i;
    actual[ACTUAL_STRIDE * i] = a.id;
    actual[ACTUAL_STRIDE * i + 1] = a.billableMinutes;
    actual[ACTUAL_STRIDE * i + 2] = a.nonbillableMinutes;
  }
  // Per ledger row: billable, non-billable minutes, Runn actual id (NaN: none), and its range of sorted
  // Harvest entry ids in `ledgerIds`.
  const ledgerFrom = agg.slots + actuals.length;
  const rows = doubles(LEDGER_STRIDE * ledger.length);
  const ledgerIds: Array<number> = [];
  for (let i = 0; i < ledger.length; i++) {
    const row = ledger[i]!;
    const k = row.key;
    if (!relevant(k.personId, k.projectId, k.date)) continue;
    codes[n] = keys.code(k.personId, k.projectId, k.roleId, k.date);
    payload[n++] = ledgerFrom + i;
    const at = LEDGER_STRIDE * i;
    rows[at + LEDGER_BILLABLE] = row.billableMinutes;
    rows[at + LEDGER_NONBILLABLE] = row.nonbillableMinutes;
    rows[at + LEDGER_ACTUAL_ID] = row.runnActualId ?? Number.NaN;
    rows[at + LEDGER_IDS_FROM] = ledgerIds.length;
    const ids = row.harvestEntryIds;
    let sorted = true;
    for (let j = 0; j < ids.length; j++) {
      ledgerIds.push(ids[j]!);
      if (j > 0 && ids[j]! < ids[j - 1]!) sorted = false;
    }
    if (!sorted) {
      const from = rows[at + LEDGER_IDS_FROM]!;
      const part = ledgerIds.slice(from).sort((x, y) => x - y);
      for (let j = 0; j < part.length; j++) ledgerIds[from + j] = part[j]!;
    }
    rows[at + LEDGER_IDS_TO] = ledgerIds.length;
  }
  const columns: Columns = { actual, ledger: rows, ledgerIds };

  keys.finalize();
  for (let i = 0; i < n; i++) codes[i] = keys.final(codes[i]!);
  const sorted = radixSort(codes, payload, ints(n), ints(n), n, Math.max(1, keys.limit));
  const refs: NewRefs = { person: new Map(), project: new Map(), role: new Map() };
  for (const p of entities.people) refs.person.set(-(p.harvestId + 1), p.ref);
  for (const p of entities.projects) refs.project.set(-(p.harvestId + 1), p.ref);
  for (const [i, r] of roles.created.entries()) refs.role.set(-(i + 1), r.ref);
  const out = decide(keys, { ...sorted, n, agg }, ledger, columns, settings, refs);
  for (const item of skips.items(Plan.skippedEntryIdsCap)) out.report.push(item);
  return out;
};
