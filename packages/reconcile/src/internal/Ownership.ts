/**
 * Ownership and removals (SPEC A2, A7, A8): per key, compare the Harvest day total with Runn and the
 * ledger, and decide to write, leave, record, remove, or report a manual edit.
 *
 * Keys arrive grouped and in plan order. The pass reads flat columns (`Columns`) and touches the
 * snapshot's objects only for what it writes, so a million keys cost no random walk through the heap.
 */
import type { Ledger, Plan, ReconcileOptions, RunnActualId } from "@harvest-runn/domain";
import type { Aggregated } from "./Aggregate.ts";
import type { KeyParts, KeySpace } from "./Keys.ts";

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

/** Fields per ledger row in `Columns.ledger`. */
export const LEDGER_STRIDE = 5;

/** The fields of Runn actuals and ledger rows the decisions compare, by index, read in snapshot order. */
export interface Columns {
  /** Per Runn actual i at 3i: id, billable minutes, non-billable minutes. */
  readonly actual: Array<number>;
  /**
   * Per ledger row i at 5i: billable minutes, non-billable minutes, Runn actual id (NaN: none), and the
   * range [from, to) of its sorted Harvest entry ids in `ledgerIds`.
   */
  readonly ledger: Array<number>;
  readonly ledgerIds: Array<number>;
}

/** The sorted items of every key, and what they point at. */
export interface Groups {
  readonly codes: Array<number>;
  readonly payload: Array<number>;
  readonly n: number;
  /** Payload ranges: entry slots below `agg.slots`, then Runn actuals, then ledger rows. */
  readonly agg: Aggregated;
}

const byNumber = (a: number, b: number) => a - b;

/** The first `count` Harvest entry ids of a key, sorted. */
const idsOf = (ids: Float64Array, count: number): Array<number> => {
  if (count === 1) return [ids[0]!];
  const out = new Array<number>(count);
  let sorted = true;
  for (let i = 0; i < count; i++) {
    out[i] = ids[i]!;
    if (i > 0 && ids[i]! < ids[i - 1]!) sorted = false;
  }
  return sorted ? out : out.sort(byNumber);
};

/** Whether a key's entry ids are the ones ledger row `l` recorded. */
const sameIds = (ids: Float64Array, count: number, c: Columns, l: number): boolean => {
  const from = c.ledger[LEDGER_STRIDE * l + 3]!;
  if (count !== c.ledger[LEDGER_STRIDE * l + 4]! - from) return false;
  if (count === 1) return ids[0] === c.ledgerIds[from];
  const a = idsOf(ids, count);
  for (let i = 0; i < count; i++) if (a[i] !== c.ledgerIds[from + i]) return false;
  return true;
};

const minutes = (billableMinutes: number, nonbillableMinutes: number): Plan.Minutes => ({
  billableMinutes,
  nonbillableMinutes,
});

/** Decides every key, in code order (plan order). */
export const decide = (
  keys: KeySpace,
  groups: Groups,
  ledger: ReadonlyArray<Ledger.LedgerEntry>,
  c: Columns,
  settings: ReconcileOptions.Settings,
  refs: NewRefs,
): ActualsPlan => {
  const out: ActualsPlan = { upserts: [], removals: [], ledgerOps: [], report: [] };
  const perDay = settings.rounding.mode === "day";
  const protect = settings.protectManualEdits;
  const toMinutes = (v: number) => (perDay ? (v >= 0 ? Math.round(v / 60) : -Math.round(-v / 60)) : v);
  const ref = (map: Map<number, Plan.NewRef>, num: number) => (num >= 0 ? num : map.get(num)!);
  const { codes, payload, n, agg } = groups;
  const { slots, entries } = agg;
  const ledgerFrom = slots + c.actual.length / 3;
  const key: KeyParts = { person: 0, project: 0, role: 0, date: "" };
  // The Harvest entry ids of the current key, reused from key to key.
  let ids = new Float64Array(64);

  for (let g = 0; g < n; ) {
    const code = codes[g]!;
    let end = g;
    let count = 0;
    let sumB = 0;
    let sumN = 0;
    let r = -1;
    let l = -1;
    for (; end < n && codes[end] === code; end++) {
      const x = payload[end]!;
      if (x < slots) {
        if (count === ids.length) {
          const grown = new Float64Array(ids.length * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[count++] = entries[2 * x]!;
        const v = entries[2 * x + 1]!;
        const billable = v - 2 * Math.floor(v / 2);
        if (billable === 1) sumB += (v - 1) / 2;
        else sumN += v / 2;
      } else if (x < ledgerFrom) {
        // Several Runn actuals on one key: the oldest (lowest id) is the one the sync works with.
        if (r < 0 || c.actual[3 * r]! > c.actual[3 * (x - slots)]!) r = x - slots;
      } else l = x - ledgerFrom;
    }
    g = end;
    const aId = r >= 0 ? c.actual[3 * r]! : Number.NaN;
    const aB = r >= 0 ? c.actual[3 * r + 1]! : Number.NaN;
    const aN = r >= 0 ? c.actual[3 * r + 2]! : Number.NaN;
    const lB = l >= 0 ? c.ledger[LEDGER_STRIDE * l]! : Number.NaN;
    const lN = l >= 0 ? c.ledger[LEDGER_STRIDE * l + 1]! : Number.NaN;
    // A8 protectManualEdits: the Runn value of a ledger key is not what the sync last wrote.
    const edited = protect && l >= 0 && (r < 0 || aB !== lB || aN !== lN);

    if (count === 0) {
      // No Harvest time: only ledger keys are touched (A8); foreign actuals are left alone.
      if (l < 0) continue;
      keys.key(code, key);
      if (agg.heldDays.size > 0) {
        if (agg.heldDays.has(`${key.person}:${key.project}:${key.date}`)) continue;
        if (agg.heldDays.has(`${key.person}:*:${key.date}`)) continue;
      }
      const owned = ledger[l]!;
      if (r < 0) out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      else if (edited) {
        out.report.push({
          _tag: "ManualEditConflict",
          key: owned.key,
          written: minutes(owned.billableMinutes, owned.nonbillableMinutes),
          inRunn: minutes(aB, aN),
          computed: null,
        });
      } else if (settings.onRemovedTime === "zero" && aB === 0 && aN === 0) {
        out.ledgerOps.push({ _tag: "ForgetLedger", key: owned.key });
      } else {
        out.removals.push({
          _tag: "RemoveActual",
          mode: settings.onRemovedTime,
          key: owned.key,
          runnActualId: aId as RunnActualId,
          previous: minutes(aB, aN),
        });
      }
      continue;
    }

    const rawB = toMinutes(sumB);
    const rawN = toMinutes(sumN);
    const billableMinutes = Math.max(rawB, 0);
    const nonbillableMinutes = Math.max(rawN, 0);
    if (aB === billableMinutes && aN === nonbillableMinutes) {
      if (rawB < 0 || rawN < 0) {
        keys.key(code, key);
        out.report.push(clamped(key, refs, ref, rawB, rawN));
      }
      // Runn already holds the value (A7): nothing to write; make sure the ledger owns the key.
      if (
        l < 0 ||
        lB !== billableMinutes ||
        lN !== nonbillableMinutes ||
        c.ledger[LEDGER_STRIDE * l + 2] !== aId ||
        !sameIds(ids, count, c, l)
      ) {
        keys.key(code, key);
        out.ledgerOps.push({
          _tag: "RecordLedger",
          key: {
            personId: key.person as Ledger.ActualKey["personId"],
            projectId: key.project as Ledger.ActualKey["projectId"],
            roleId: key.role as Ledger.ActualKey["roleId"],
            date: key.date as Ledger.ActualKey["date"],
          },
          billableMinutes,
          nonbillableMinutes,
          runnActualId: aId as RunnActualId,
          harvestEntryIds: idsOf(ids, count),
        });
      }
      continue;
    }
    keys.key(code, key);
    if (rawB < 0 || rawN < 0) out.report.push(clamped(key, refs, ref, rawB, rawN));
    if (edited) {
      const owned = ledger[l]!;
      out.report.push({
        _tag: "ManualEditConflict",
        key: owned.key,
        written: minutes(owned.billableMinutes, owned.nonbillableMinutes),
        inRunn: r < 0 ? null : minutes(aB, aN),
        computed: minutes(billableMinutes, nonbillableMinutes),
      });
      continue;
    }
    out.upserts.push({
      _tag: "UpsertActual",
      personId: ref(refs.person, key.person) as Plan.PersonRef,
      projectId: ref(refs.project, key.project) as Plan.ProjectRef,
      roleId: ref(refs.role, key.role) as Plan.RoleRef,
      date: key.date as Ledger.ActualKey["date"],
      billableMinutes,
      nonbillableMinutes,
      harvestEntryIds: idsOf(ids, count),
      runnActualId: r < 0 ? null : (aId as RunnActualId),
      previous: r < 0 ? null : minutes(aB, aN),
    });
  }
  return out;
};

/** A `NegativeDayClamped` item for a key whose day total is negative (A2). */
const clamped = (
  key: KeyParts,
  refs: NewRefs,
  ref: (map: Map<number, Plan.NewRef>, num: number) => number | Plan.NewRef,
  billableMinutes: number,
  nonbillableMinutes: number,
): Plan.NegativeDayClamped => ({
  _tag: "NegativeDayClamped",
  person: ref(refs.person, key.person),
  project: ref(refs.project, key.project),
  role: ref(refs.role, key.role),
  date: key.date as Ledger.ActualKey["date"],
  billableMinutes,
  nonbillableMinutes,
});
