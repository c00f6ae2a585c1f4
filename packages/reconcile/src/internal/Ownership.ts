/**
 * Ownership and removals (SPEC A2, A7, A8): per key, compare the Harvest day total with Runn and the
 * ledger, and decide to write, leave, record, remove, or report a manual edit.
 */
import type { Ledger, Plan, ReconcileOptions, Runn } from "@harvest-runn/domain";
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

const byNumber = (a: number, b: number) => a - b;

/** The first `count` Harvest entry ids of a key, sorted. */
const idsOf = (ids: Float64Array, count: number): Array<number> => {
  const out = new Array<number>(count);
  let sorted = true;
  for (let i = 0; i < count; i++) {
    out[i] = ids[i]!;
    if (i > 0 && ids[i]! < ids[i - 1]!) sorted = false;
  }
  return sorted ? out : out.sort(byNumber);
};

const sameIds = (ids: Float64Array, count: number, ledgerIds: ReadonlyArray<number>): boolean => {
  if (count !== ledgerIds.length) return false;
  if (count === 1) return ids[0] === ledgerIds[0];
  const a = idsOf(ids, count);
  const b = [...ledgerIds].sort(byNumber);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const minutes = (billableMinutes: number, nonbillableMinutes: number): Plan.Minutes => ({
  billableMinutes,
  nonbillableMinutes,
});

/** The sorted items of every key, and what they point at. */
export interface Groups {
  readonly codes: Int32Array;
  readonly payload: Int32Array;
  readonly n: number;
  /** Payload ranges: entry slots below `agg.slots`, then Runn actuals, then ledger rows. */
  readonly agg: Aggregated;
}

/** Decides every key, in code order (plan order). */
export const decide = (
  keys: KeySpace,
  groups: Groups,
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
  const { codes, payload, n, agg } = groups;
  const slots = agg.slots;
  const ledgerFrom = slots + actuals.length;
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
        ids[count++] = agg.ids[x]!;
        if (agg.billable[x] === 1) sumB += agg.amount[x]!;
        else sumN += agg.amount[x]!;
      } else if (x < ledgerFrom) {
        // Several Runn actuals on one key: the oldest (lowest id) is the one the sync works with.
        if (r < 0 || actuals[r]!.id > actuals[x - slots]!.id) r = x - slots;
      } else l = x - ledgerFrom;
    }
    g = end;
    keys.key(code, key);
    const personNum = key.person;
    const projectNum = key.project;
    const roleNum = key.role;
    const actual = r >= 0 ? actuals[r]! : null;
    const owned = l >= 0 ? ledger[l]! : null;
    const date = key.date as Ledger.ActualKey["date"];
    // A8 protectManualEdits: the Runn value of a ledger key is not what the sync last wrote.
    const edited =
      protect &&
      owned !== null &&
      (actual === null ||
        actual.billableMinutes !== owned.billableMinutes ||
        actual.nonbillableMinutes !== owned.nonbillableMinutes);

    if (count === 0) {
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

    const rawB = toMinutes(sumB);
    const rawN = toMinutes(sumN);
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
        !sameIds(ids, count, owned.harvestEntryIds)
      ) {
        out.ledgerOps.push({
          _tag: "RecordLedger",
          key: { personId: actual.personId, projectId: actual.projectId, roleId: actual.roleId, date },
          billableMinutes,
          nonbillableMinutes,
          runnActualId: actual.id,
          harvestEntryIds: idsOf(ids, count),
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
      harvestEntryIds: idsOf(ids, count),
      runnActualId: actual === null ? null : actual.id,
      previous: actual === null ? null : minutes(actual.billableMinutes, actual.nonbillableMinutes),
    });
  }
  return out;
};
