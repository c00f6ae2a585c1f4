/**
 * The key table: one row per actual key (person, project, role, day) seen on either side — Harvest time,
 * a Runn actual, or a ledger row — in flat typed arrays, so a million entries cost no per-key objects.
 *
 * Inside the window a key is found without building a string: each (person, project) pair holds its
 * role and a small array of rows indexed by day. Keys outside it (old days, future days, a Runn actual in
 * another role) go through a string map.
 */
import type { PairRole } from "./Slots.ts";

/** One (person, project) pair of Runn numbers, its resolved role, and where its rows by window day start. */
export interface Pair {
  readonly person: number;
  readonly project: number;
  readonly role: PairRole;
  /** Offset of the pair's block in `KeyTable.pairRows` (-1: no rows yet). */
  base: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, from its characters (no Date, no allocation). */
export const dayNumber = (s: string): number => {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    s.charCodeAt(3) -
    48;
  const m = (s.charCodeAt(5) - 48) * 10 + s.charCodeAt(6) - 48;
  const d = (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48;
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Rows of actual keys. Numbers are Runn ids, or negative numbers for entities the plan creates. */
export class KeyTable {
  n = 0;
  /** Rows found by string key (outside the window, or not on a pair's role). */
  readonly other = new Map<string, number>();
  readonly pairs = new Map<number, Map<number, Pair>>();
  readonly pairList: Array<Pair> = [];
  /** Per pair with rows, one block of `days.length` row numbers (-1: no row). */
  pairRows: Int32Array = new Int32Array(0);
  private pairRowsUsed = 0;
  readonly person: Float64Array;
  readonly project: Float64Array;
  readonly role: Float64Array;
  readonly date: Array<string>;
  /** Harvest entries counted into the key (0: no Harvest time). */
  readonly count: Int32Array;
  /** Harvest billable and non-billable totals (minutes, or seconds under per-day rounding). */
  readonly billable: Float64Array;
  readonly nonbillable: Float64Array;
  /** Index of the key's Runn actual and ledger row (-1: none). */
  readonly runn: Int32Array;
  readonly ledger: Int32Array;
  /** First day number of the window and the window's dates (index = day − first). */
  readonly firstDay: number;
  readonly days: ReadonlyArray<string>;

  constructor(capacity: number, windowStart: string, today: string) {
    const size = Math.max(1, capacity);
    this.date = new Array<string>(size);
    this.person = new Float64Array(size);
    this.project = new Float64Array(size);
    this.role = new Float64Array(size);
    this.count = new Int32Array(size);
    this.billable = new Float64Array(size);
    this.nonbillable = new Float64Array(size);
    this.runn = new Int32Array(size).fill(-1);
    this.ledger = new Int32Array(size).fill(-1);
    // Day-indexed rows cover at most the last 92 days; a longer backfill goes through the string map.
    this.firstDay = Math.max(dayNumber(windowStart), dayNumber(today) - 91);
    const length = Math.max(0, dayNumber(today) - this.firstDay + 1);
    this.days = Array.from({ length }, (_, i) =>
      new Date((this.firstDay + i) * DAY_MS).toISOString().slice(0, 10),
    );
  }

  /** The pairs of one person, keyed by project number. */
  pairsOf(person: number): Map<number, Pair> {
    let m = this.pairs.get(person);
    if (m === undefined) {
      m = new Map();
      this.pairs.set(person, m);
    }
    return m;
  }

  /** Registers a pair with its resolved role. */
  addPair(person: number, project: number, role: PairRole, into: Map<number, Pair>): Pair {
    const pair: Pair = { person, project, role, base: -1 };
    into.set(project, pair);
    if (typeof role !== "string") this.pairList.push(pair);
    return pair;
  }

  /** Adds a row (no lookup: the caller knows the key is new). */
  add(person: number, project: number, role: number, date: string): number {
    const k = this.n++;
    this.person[k] = person;
    this.project[k] = project;
    this.role[k] = role;
    this.date[k] = date;
    return k;
  }

  /** The block offset of a pair's rows, allocated on first use; the pair's role must be resolved. */
  baseOf(pair: Pair): number {
    return pair.base >= 0 ? pair.base : this.allocate(pair);
  }

  /** The row of a pair's key on window day `i` (0 ≤ i < days.length); the pair's role must be resolved. */
  pairRow(pair: Pair, i: number): number {
    const at = this.baseOf(pair) + i;
    let k = this.pairRows[at]!;
    if (k < 0) {
      k = this.add(pair.person, pair.project, (pair.role as { num: number }).num, this.days[i]!);
      this.pairRows[at] = k;
    }
    return k;
  }

  private allocate(pair: Pair): number {
    const width = this.days.length;
    if (this.pairRowsUsed + width > this.pairRows.length) {
      const grown = new Int32Array(Math.max(1024, (this.pairRowsUsed + width) * 2)).fill(-1);
      grown.set(this.pairRows.subarray(0, this.pairRowsUsed));
      this.pairRows = grown;
    }
    pair.base = this.pairRowsUsed;
    this.pairRowsUsed += width;
    return pair.base;
  }

  /** The row of any key, by its parts. */
  row(person: number, project: number, role: number, date: string): number {
    const i = dayNumber(date) - this.firstDay;
    if (i >= 0 && i < this.days.length) {
      const pair = this.pairs.get(person)?.get(project);
      if (pair !== undefined && typeof pair.role !== "string" && pair.role.num === role)
        return this.pairRow(pair, i);
    }
    const key = `${person}:${project}:${role}:${date}`;
    let k = this.other.get(key);
    if (k === undefined) {
      k = this.add(person, project, role, date);
      this.other.set(key, k);
    }
    return k;
  }

  /** Every row in a deterministic order: pairs by (person, project) then day, then the other rows sorted. */
  order(): Int32Array {
    const out = new Int32Array(this.n);
    let o = 0;
    const pairs = [...this.pairList].sort((a, b) => a.person - b.person || a.project - b.project);
    const width = this.days.length;
    for (const pair of pairs) {
      if (pair.base < 0) continue;
      for (let i = pair.base; i < pair.base + width; i++)
        if (this.pairRows[i]! >= 0) out[o++] = this.pairRows[i]!;
    }
    const rest = Int32Array.from(this.other.values()).sort(this.compare);
    out.set(rest, o);
    return out;
  }

  /** Compares two rows by person, project, role, then date. */
  compare = (a: number, b: number): number =>
    this.person[a]! - this.person[b]! ||
    this.project[a]! - this.project[b]! ||
    this.role[a]! - this.role[b]! ||
    (this.date[a]! < this.date[b]! ? -1 : this.date[a]! > this.date[b]! ? 1 : 0);
}
