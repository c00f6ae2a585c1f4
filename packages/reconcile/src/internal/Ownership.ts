/**
 * Ownership and removals (SPEC A2, A7, A8): per key, compare the Harvest day total with Runn and the
 * ledger, and decide to write, leave, record, remove, or report a manual edit.
 */
import type { Ledger, Plan, ReconcileOptions, Runn } from "@harvest-runn/domain";
import type { Aggregated } from "./Aggregate.ts";
import type { KeyTable } from "./Keys.ts";

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

const sameIds = (ids: Float64Array, from: number, to: number, ledgerIds: ReadonlyArray<number>): boolean => {
  if (to - from !== ledgerIds.length) return false;
  const a = Array.from(ids.subarray(from, to)).sort((x, y) => x - y);
  const b = [...ledgerIds].sort((x, y) => x - y);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

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
  const order = new Int32Array(keys.n);
  for (let k = 0; k < keys.n; k++) order[k] = k;
  order.sort(keys.compare);
  const ref = (map: Map<number, Plan.NewRef>, num: number) => (num >= 0 ? num : map.get(num)!);

  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const r = keys.runn[k]!;
    const l = keys.ledger[k]!;
    const actual = r >= 0 ? actuals[r]! : null;
    const owned = l >= 0 ? ledger[l]! : null;
    const date = keys.date[k]! as Ledger.ActualKey["date"];
    const key = () =>
      ({
        personId: keys.person[k]!,
        projectId: keys.project[k]!,
        roleId: keys.role[k]!,
        date,
      }) as Ledger.ActualKey;
    const inRunn = actual && {
      billableMinutes: actual.billableMinutes,
      nonbillableMinutes: actual.nonbillableMinutes,
    };
    const written = owned && {
      billableMinutes: owned.billableMinutes,
      nonbillableMinutes: owned.nonbillableMinutes,
    };
    const edited =
      protect &&
      written !== null &&
      (inRunn === null ||
        inRunn.billableMinutes !== written.billableMinutes ||
        inRunn.nonbillableMinutes !== written.nonbillableMinutes);

    if (keys.count[k]! === 0) {
      // No Harvest time: only ledger keys are touched (A8); foreign actuals are left alone.
      if (owned === null) continue;
      if (agg.heldDays.has(`${keys.person[k]}:${keys.project[k]}:${date}`)) continue;
      if (agg.heldDays.has(`${keys.person[k]}:*:${date}`)) continue;
      if (actual === null) out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      else if (edited)
        out.report.push({
          _tag: "ManualEditConflict",
          key: owned.key,
          written: written!,
          inRunn,
          computed: null,
        });
      else if (
        settings.onRemovedTime === "zero" &&
        inRunn!.billableMinutes === 0 &&
        inRunn!.nonbillableMinutes === 0
      )
        out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      else
        out.removals.push({
          _tag: "RemoveActual",
          mode: settings.onRemovedTime,
          key: owned.key,
          runnActualId: actual.id,
          previous: inRunn!,
        });
      continue;
    }

    const rawB = toMinutes(keys.billable[k]!);
    const rawN = toMinutes(keys.nonbillable[k]!);
    const billableMinutes = Math.max(0, rawB);
    const nonbillableMinutes = Math.max(0, rawN);
    const person = ref(refs.person, keys.person[k]!);
    const project = ref(refs.project, keys.project[k]!);
    const role = ref(refs.role, keys.role[k]!);
    if (rawB < 0 || rawN < 0) {
      out.report.push({
        _tag: "NegativeDayClamped",
        person,
        project,
        role,
        date,
        billableMinutes: rawB,
        nonbillableMinutes: rawN,
      });
    }
    const from = agg.start[k]!;
    const to = agg.start[k + 1]!;
    if (
      inRunn !== null &&
      inRunn.billableMinutes === billableMinutes &&
      inRunn.nonbillableMinutes === nonbillableMinutes
    ) {
      // Runn already holds the value (A7): nothing to write; make sure the ledger owns the key.
      if (
        owned === null ||
        owned.billableMinutes !== billableMinutes ||
        owned.nonbillableMinutes !== nonbillableMinutes ||
        owned.runnActualId !== actual!.id ||
        !sameIds(agg.ids, from, to, owned.harvestEntryIds)
      ) {
        out.ledgerOps.push({
          _tag: "RecordLedger",
          key: key(),
          billableMinutes,
          nonbillableMinutes,
          runnActualId: actual!.id,
          harvestEntryIds: Array.from(agg.ids.subarray(from, to)).sort((a, b) => a - b),
        });
      }
      continue;
    }
    if (edited) {
      out.report.push({
        _tag: "ManualEditConflict",
        key: owned!.key,
        written: written!,
        inRunn,
        computed: { billableMinutes, nonbillableMinutes },
      });
      continue;
    }
    out.upserts.push({
      _tag: "UpsertActual",
      personId: person as Plan.PersonRef,
      projectId: project as Plan.ProjectRef,
      roleId: role as Plan.RoleRef,
      date,
      billableMinutes,
      nonbillableMinutes,
      harvestEntryIds: Array.from(agg.ids.subarray(from, to)).sort((a, b) => a - b),
      runnActualId: actual === null ? null : actual.id,
      previous: inRunn,
    });
  }
  return out;
};
