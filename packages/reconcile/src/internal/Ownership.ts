/**
 * Ownership and removals (SPEC A2, A7, A8): per key, compare the Harvest day total with Runn and the
 * ledger, and decide to write, leave, record, remove, or report a manual edit.
 */
import type { Ledger, Plan, ReconcileOptions, Runn } from "@harvest-runn/domain";
import type { Aggregated } from "./Aggregate.ts";
import { type KeyTable, MASK, SHIFT } from "./Keys.ts";

/** Resolves the number of a key column to a plan ref (negative numbers are entities the plan creates). */
export interface NewRefs {
  readonly person: Map<number, Plan.NewRef>;
  readonly project: Map<number, Plan.NewRef>;
  readonly role: Map<number, Plan.NewRef>;
}

/** The actual operations and report items of a plan. */
export interface ActualsPlan {
  readonly upserts: Array<Plan.UpsertActual>;
  readonly removals: Array<Plan.RemoveActual>;
  readonly ledgerOps: Array<Plan.RecordLedger | Plan.ForgetLedger>;
  readonly report: Array<Plan.ReportItem>;
}

const byNumber = (a: number, b: number) => a - b;

/** The Harvest entry ids of a row, sorted. */
const idsOf = (ids: Float64Array, from: number, to: number): Array<number> => {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = ids[i]!;
  return out.length > 1 ? out.sort(byNumber) : out;
};

const sameIds = (ids: Float64Array, from: number, to: number, ledgerIds: ReadonlyArray<number>): boolean => {
  if (to - from !== ledgerIds.length) return false;
  if (to - from === 1) return ids[from] === ledgerIds[0];
  const a = idsOf(ids, from, to);
  const b = [...ledgerIds].sort(byNumber);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const minutes = (billableMinutes: number, nonbillableMinutes: number): Plan.Minutes => ({
  billableMinutes,
  nonbillableMinutes,
});

/** Decides every key of the table. */
export const decide = (
  keys: KeyTable,
  agg: Aggregated,
  actuals: ReadonlyArray<Runn.Actual>,
  ledger: ReadonlyArray<Ledger.LedgerEntry>,
  settings: ReconcileOptions.Settings,
  refs: NewRefs,
): ActualsPlan => {
  const out: ActualsPlan = { upserts: [], removals: [], ledgerOps: [], report: [] };
  const perDay = settings.rounding.mode === "day";
  const protect = settings.protectManualEdits;
  const toMinutes = (v: number) => (perDay ? (v >= 0 ? Math.round(v / 60) : -Math.round(-v / 60)) : v);
  const ref = (map: Map<number, Plan.NewRef>, num: number) => (num >= 0 ? num : map.get(num)!);
  const order = keys.order();

  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const c = k >>> SHIFT;
    const j = k & MASK;
    const r = keys.runn[c]![j]!;
    const l = keys.ledger[c]![j]!;
    const t = keys.tri[c]![j]!;
    const personNum = keys.person[t]!;
    const projectNum = keys.project[t]!;
    const roleNum = keys.role[t]!;
    const actual = r >= 0 ? actuals[r]! : null;
    const owned = l >= 0 ? ledger[l]! : null;
    const date = keys.date[k]! as Ledger.ActualKey["date"];
    // A8 protectManualEdits: the Runn value of a ledger key is not what the sync last wrote.
    const edited =
      protect &&
      owned !== null &&
      (actual === null ||
        actual.billableMinutes !== owned.billableMinutes ||
        actual.nonbillableMinutes !== owned.nonbillableMinutes);

    if (keys.count[c]![j]! === 0) {
      // No Harvest time: only ledger keys are touched (A8); foreign actuals are left alone.
      if (owned === null) continue;
      if (agg.heldDays.size > 0) {
        if (agg.heldDays.has(`${personNum}:${projectNum}:${date}`)) continue;
        if (agg.heldDays.has(`${personNum}:*:${date}`)) continue;
      }
      if (actual === null) out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      else if (edited) {
        out.report.push({
          _tag: "ManualEditConflict",
          key: owned.key,
          written: minutes(owned.billableMinutes, owned.nonbillableMinutes),
          inRunn: minutes(actual.billableMinutes, actual.nonbillableMinutes),
          computed: null,
        });
      } else if (
        settings.onRemovedTime === "zero" &&
        actual.billableMinutes === 0 &&
        actual.nonbillableMinutes === 0
      ) {
        out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      } else {
        out.removals.push({
          _tag: "RemoveActual",
          mode: settings.onRemovedTime,
          key: owned.key,
          runnActualId: actual.id,
          previous: minutes(actual.billableMinutes, actual.nonbillableMinutes),
        });
      }
      continue;
    }

    const rawB = toMinutes(keys.billable[c]![j]!);
    const rawN = toMinutes(keys.nonbillable[c]![j]!);
    const billableMinutes = Math.max(rawB, 0);
    const nonbillableMinutes = Math.max(rawN, 0);
    if (rawB < 0 || rawN < 0) {
      out.report.push({
        _tag: "NegativeDayClamped",
        person: ref(refs.person, personNum),
        project: ref(refs.project, projectNum),
        role: ref(refs.role, roleNum),
        date,
        billableMinutes: rawB,
        nonbillableMinutes: rawN,
      });
    }
    const from = agg.start[k]!;
    const to = agg.start[k + 1]!;
    if (
      actual !== null &&
      actual.billableMinutes === billableMinutes &&
      actual.nonbillableMinutes === nonbillableMinutes
    ) {
      // Runn already holds the value (A7): nothing to write; make sure the ledger owns the key.
      if (
        owned === null ||
        owned.billableMinutes !== billableMinutes ||
        owned.nonbillableMinutes !== nonbillableMinutes ||
        owned.runnActualId !== actual.id ||
        !sameIds(agg.ids, from, to, owned.harvestEntryIds)
      ) {
        out.ledgerOps.push({
          _tag: "RecordLedger",
          key: { personId: actual.personId, projectId: actual.projectId, roleId: actual.roleId, date },
          billableMinutes,
          nonbillableMinutes,
          runnActualId: actual.id,
          harvestEntryIds: idsOf(agg.ids, from, to),
        });
      }
      continue;
    }
    if (edited) {
      out.report.push({
        _tag: "ManualEditConflict",
        key: owned!.key,
        written: minutes(owned!.billableMinutes, owned!.nonbillableMinutes),
        inRunn: actual === null ? null : minutes(actual.billableMinutes, actual.nonbillableMinutes),
        computed: minutes(billableMinutes, nonbillableMinutes),
      });
      continue;
    }
    out.upserts.push({
      _tag: "UpsertActual",
      personId: ref(refs.person, personNum) as Plan.PersonRef,
      projectId: ref(refs.project, projectNum) as Plan.ProjectRef,
      roleId: ref(refs.role, roleNum) as Plan.RoleRef,
      date,
      billableMinutes,
      nonbillableMinutes,
      harvestEntryIds: idsOf(agg.ids, from, to),
      runnActualId: actual === null ? null : actual.id,
      previous: actual === null ? null : minutes(actual.billableMinutes, actual.nonbillableMinutes),
    });
  }
  return out;
};
