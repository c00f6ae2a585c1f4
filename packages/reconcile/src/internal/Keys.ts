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

/** Field offsets of a row record in `KeyTable.data` (row k starts at `k * STRIDE`). */
export const F = {
  person: 0,
  project: 1,
  role: 2,
  count: 3,
  billable: 4,
  nonbillable: 5,
  runn: 6,
  ledger: 7,
} as const;
/** Size of a row record. */
export const STRIDE = 8;

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
  /**
   * One 64-byte record per row, so the hot loop touches one cache line per key: person, project, role,
   * Harvest entry count, billable and non-billable totals (minutes, or seconds under per-day rounding),
   * and the indexes of the key's Runn actual and ledger row (-1: none). Read with the `F` offsets.
   */
  readonly data: Float64Array;
  readonly date: Array<string>;
  /** First day number of the window and the window's dates (index = day − first). */
  readonly firstDay: number;
  readonly days: ReadonlyArray<string>;

  constructor(capacity: number, windowStart: string, today: string) {
    const size = Math.max(1, capacity);
    this.date = new Array<string>(size);
    this.data = new Float64Array(size * STRIDE);
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
    const at = k * STRIDE;
    this.data[at] = person;
    this.data[at + 1] = project;
    this.data[at + 2] = role;
    this.data[at + 6] = -1;
    this.data[at + 7] = -1;
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
    this.data[a * STRIDE]! - this.data[b * STRIDE]! ||
    this.data[a * STRIDE + 1]! - this.data[b * STRIDE + 1]! ||
    this.data[a * STRIDE + 2]! - this.data[b * STRIDE + 2]! ||
    (this.date[a]! < this.date[b]! ? -1 : this.date[a]! > this.date[b]! ? 1 : 0);
}
