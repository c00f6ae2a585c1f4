/**
 * Ownership and removals (SPEC A2, A7, A8): per key, gather the Harvest day total, the Runn actual and
 * the ledger row, and act on the key's `Decision.ts` rule: write, leave, record, remove, or report.
 *
 * Keys arrive grouped and in plan order. The pass reads flat columns (`Columns`) and touches the
 * snapshot's objects only for what it writes, so a million keys cost no random walk through the heap.
 */
import type { Ids, Ledger, Plan, ReconcileOptions } from "@harvest-runn/domain";
import { type Aggregated, entryAmount, entryBillable, entryId } from "./Aggregate.ts";
import { decideKey, type KeyFacts } from "./Decision.ts";
import type { KeyParts, KeySpace } from "./Keys.ts";
import { dayMinutes } from "./Rounding.ts";

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

/** Fields per Runn actual in `Columns.actual`: id, billable minutes, non-billable minutes. */
export const ACTUAL_STRIDE = 3;
/**
 * Fields per ledger row in `Columns.ledger`: billable minutes, non-billable minutes, Runn actual id (NaN:
 * none), and the range [from, to) of its sorted Harvest entry ids in `ledgerIds`.
 */
export const LEDGER_STRIDE = 5;
/** Offsets of a ledger row's fields (written by `Actuals.ts`, read through the accessors below). */
export const LEDGER_BILLABLE = 0;
export const LEDGER_NONBILLABLE = 1;
export const LEDGER_ACTUAL_ID = 2;
export const LEDGER_IDS_FROM = 3;
export const LEDGER_IDS_TO = 4;

/** The fields of Runn actuals and ledger rows the decisions compare, by index, read in snapshot order. */
export interface Columns {
  /** Per Runn actual i, `ACTUAL_STRIDE` fields at `ACTUAL_STRIDE * i`. */
  readonly actual: Array<number>;
  /** Per ledger row i, `LEDGER_STRIDE` fields at `LEDGER_STRIDE * i`. */
  readonly ledger: Array<number>;
  readonly ledgerIds: Array<number>;
}

const actualId = (c: Columns, r: number) => c.actual[ACTUAL_STRIDE * r]!;
const actualBillable = (c: Columns, r: number) => c.actual[ACTUAL_STRIDE * r + 1]!;
const actualNonbillable = (c: Columns, r: number) => c.actual[ACTUAL_STRIDE * r + 2]!;
const ledgerBillable = (c: Columns, l: number) => c.ledger[LEDGER_STRIDE * l + LEDGER_BILLABLE]!;
const ledgerNonbillable = (c: Columns, l: number) => c.ledger[LEDGER_STRIDE * l + LEDGER_NONBILLABLE]!;
const ledgerActualId = (c: Columns, l: number) => c.ledger[LEDGER_STRIDE * l + LEDGER_ACTUAL_ID]!;
const ledgerIdsFrom = (c: Columns, l: number) => c.ledger[LEDGER_STRIDE * l + LEDGER_IDS_FROM]!;
const ledgerIdsTo = (c: Columns, l: number) => c.ledger[LEDGER_STRIDE * l + LEDGER_IDS_TO]!;

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

const minutes = (billableMinutes: number, nonbillableMinutes: number): Plan.Minutes => ({
  billableMinutes,
  nonbillableMinutes,
});

/**
 * The facts of the current key, over the columns: one instance, refilled key by key by `decide`, so the
 * pass allocates nothing per key it leaves alone.
 */
class KeyState implements KeyFacts {
  /** The key's code; `parts` holds it decoded once `decode` ran. */
  code = 0;
  /** Counted Harvest entries; their ids in `ids[0, count)`. */
  count = 0;
  ids: Float64Array = new Float64Array(64);
  /** The Runn actual's index in the columns (the oldest of the key's), or -1. */
  r = -1;
  /** The ledger row's index, or -1. */
  l = -1;
  /** The clamped Harvest day total (A2). */
  billable = 0;
  nonbillable = 0;
  readonly parts: KeyParts = { person: 0, project: 0, role: 0, date: "" };

  constructor(
    private readonly c: Columns,
    private readonly keys: KeySpace,
    private readonly heldDays: ReadonlySet<string>,
  ) {}

  get hasTime() {
    return this.count > 0;
  }
  get inRunn() {
    return this.r >= 0;
  }
  get owned() {
    return this.l >= 0;
  }
  /** Runn's minutes (NaN when no actual). */
  get runnBillable() {
    return this.r >= 0 ? actualBillable(this.c, this.r) : Number.NaN;
  }
  get runnNonbillable() {
    return this.r >= 0 ? actualNonbillable(this.c, this.r) : Number.NaN;
  }
  get runnId() {
    return this.r >= 0 ? actualId(this.c, this.r) : Number.NaN;
  }
  runnHoldsComputed() {
    return this.runnBillable === this.billable && this.runnNonbillable === this.nonbillable;
  }
  runnIsZero() {
    return this.runnBillable === 0 && this.runnNonbillable === 0;
  }
  editedInRunn() {
    const { c, l } = this;
    return (
      this.r < 0 ||
      this.runnBillable !== ledgerBillable(c, l) ||
      this.runnNonbillable !== ledgerNonbillable(c, l)
    );
  }
  ledgerUpToDate() {
    const { c, l } = this;
    return (
      l >= 0 &&
      ledgerBillable(c, l) === this.billable &&
      ledgerNonbillable(c, l) === this.nonbillable &&
      ledgerActualId(c, l) === this.runnId &&
      this.ledgerHasIds()
    );
  }
  /** Whether the key's entry ids are the ones the ledger row recorded (in any order). */
  private ledgerHasIds(): boolean {
    const { c, l, ids, count } = this;
    const from = ledgerIdsFrom(c, l);
    if (count !== ledgerIdsTo(c, l) - from) return false;
    if (count === 1) return ids[0] === c.ledgerIds[from];
    const sorted = idsOf(ids, count);
    for (let i = 0; i < count; i++) if (sorted[i] !== c.ledgerIds[from + i]) return false;
    return true;
  }
  held() {
    if (this.heldDays.size === 0) return false;
    const k = this.decode();
    return (
      this.heldDays.has(`${k.person}:${k.project}:${k.date}`) || this.heldDays.has(`${k.person}:*:${k.date}`)
    );
  }
  /** The key's person, project, role and date. */
  decode(): KeyParts {
    this.keys.key(this.code, this.parts);
    return this.parts;
  }
  /** Doubles the id buffer, keeping its contents; returns the new buffer. */
  grow(): Float64Array {
    const grown = new Float64Array(this.ids.length * 2);
    grown.set(this.ids);
    this.ids = grown;
    return grown;
  }
}

/** Decides every key, in code order (plan order): groups each key's items, then applies `decideKey`. */
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
  const ref = (map: Map<number, Plan.NewRef>, num: number) => (num >= 0 ? num : map.get(num)!);
  const { codes, payload, n, agg } = groups;
  const { slots, entries } = agg;
  const ledgerFrom = slots + c.actual.length / ACTUAL_STRIDE;
  const k = new KeyState(c, keys, agg.heldDays);

  for (let g = 0; g < n; ) {
    // Gather the key's items (its Harvest entries, its Runn actuals, its ledger row) in locals.
    const code = codes[g]!;
    let ids = k.ids;
    let count = 0;
    let r = -1;
    let l = -1;
    let sumB = 0;
    let sumN = 0;
    for (; g < n && codes[g] === code; g++) {
      const x = payload[g]!;
      if (x < slots) {
        if (count === ids.length) ids = k.grow();
        ids[count++] = entryId(entries, x);
        const amount = entryAmount(entries, x);
        if (entryBillable(entries, x)) sumB += amount;
        else sumN += amount;
      } else if (x < ledgerFrom) {
        // A1: several Runn actuals on one key: the oldest (lowest id) is the one the sync works with.
        if (r < 0 || actualId(c, r) > actualId(c, x - slots)) r = x - slots;
      } else l = x - ledgerFrom;
    }
    k.code = code;
    k.count = count;
    k.r = r;
    k.l = l;
    // A2: per-day rounding sums seconds and rounds the day once; a day total below zero is written as zero.
    const rawB = perDay ? dayMinutes(sumB) : sumB;
    const rawN = perDay ? dayMinutes(sumN) : sumN;
    k.billable = Math.max(rawB, 0);
    k.nonbillable = Math.max(rawN, 0);
    if (k.hasTime && (rawB < 0 || rawN < 0)) out.report.push(clamped(k.decode(), refs, ref, rawB, rawN));

    switch (decideKey(k, settings)) {
      case "leave":
        break;
      case "record": {
        const p = k.decode();
        out.ledgerOps.push({
          _tag: "RecordLedger",
          key: {
            personId: p.person as Ledger.ActualKey["personId"],
            projectId: p.project as Ledger.ActualKey["projectId"],
            roleId: p.role as Ledger.ActualKey["roleId"],
            date: p.date as Ledger.ActualKey["date"],
          },
          billableMinutes: k.billable,
          nonbillableMinutes: k.nonbillable,
          runnActualId: k.runnId as Ids.RunnActualId,
          harvestEntryIds: idsOf(k.ids, k.count),
        });
        break;
      }
      case "write": {
        const p = k.decode();
        out.upserts.push({
          _tag: "UpsertActual",
          personId: ref(refs.person, p.person) as Plan.PersonRef,
          projectId: ref(refs.project, p.project) as Plan.ProjectRef,
          roleId: ref(refs.role, p.role) as Plan.RoleRef,
          date: p.date as Ledger.ActualKey["date"],
          billableMinutes: k.billable,
          nonbillableMinutes: k.nonbillable,
          harvestEntryIds: idsOf(k.ids, k.count),
          runnActualId: k.inRunn ? (k.runnId as Ids.RunnActualId) : null,
          previous: k.inRunn ? minutes(k.runnBillable, k.runnNonbillable) : null,
        });
        break;
      }
      case "conflict": {
        const owned = ledger[k.l]!;
        out.report.push({
          _tag: "ManualEditConflict",
          key: owned.key,
          written: minutes(owned.billableMinutes, owned.nonbillableMinutes),
          inRunn: k.inRunn ? minutes(k.runnBillable, k.runnNonbillable) : null,
          computed: k.hasTime ? minutes(k.billable, k.nonbillable) : null,
        });
        break;
      }
      case "forget":
        out.ledgerOps.push({ _tag: "ForgetLedger", key: ledger[k.l]!.key });
        break;
      case "remove":
        out.removals.push({
          _tag: "RemoveActual",
          mode: settings.onRemovedTime,
          key: ledger[k.l]!.key,
          runnActualId: k.runnId as Ids.RunnActualId,
          previous: minutes(k.runnBillable, k.runnNonbillable),
        });
        break;
    }
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
