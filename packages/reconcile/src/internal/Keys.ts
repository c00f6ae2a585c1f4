/**
 * The key table: one row per actual key (person, project, role, day) seen on either side — Harvest time,
 * a Runn actual, or a ledger row — in chunked typed-array columns, so a million entries cost no per-key
 * objects and the table holds no more memory than its rows need (a large spare capacity would make the
 * engine trigger a full garbage collection of the caller's heap).
 *
 * Inside the window a key is found without building a string: each (person, project) pair holds its
 * role and a small array of rows indexed by day. Keys outside it (old days, future days, a Runn actual in
 * another role) go through a string map.
 */
import type { PairRole } from "./Slots.ts";

/** One (person, project) pair of Runn numbers, its resolved role, and its rows by window day. */
export interface Pair {
  readonly person: number;
  readonly project: number;
  readonly role: PairRole;
  /** The pair's (person, project, role) triple, once its role is resolved (-1 otherwise). */
  readonly tri: number;
  /** Row per window day (-1: no row), allocated on first use. */
  rows: Array<number> | null;
}

const DAY_MS = 86_400_000;
/** Rows per column chunk: row k lives in chunk `k >>> SHIFT` at `k & MASK`. */
export const SHIFT = 16;
export const MASK = (1 << SHIFT) - 1;

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
  /** Distinct (person, project, role) triples; a row names its triple. */
  readonly person: Array<number> = [];
  readonly project: Array<number> = [];
  readonly role: Array<number> = [];
  private readonly triples = new Map<string, number>();
  /**
   * Columns in chunks of `1 << SHIFT` rows: the row's triple, Harvest entry count, billable and
   * non-billable totals (minutes, or seconds under per-day rounding), and the indexes of the key's Runn
   * actual and ledger row (-1: none).
   */
  readonly tri: Array<Int32Array> = [];
  readonly count: Array<Int32Array> = [];
  readonly billable: Array<Float64Array> = [];
  readonly nonbillable: Array<Float64Array> = [];
  readonly runn: Array<Int32Array> = [];
  readonly ledger: Array<Int32Array> = [];
  readonly date: Array<string> = [];
  /** First day number of the window and the window's dates (index = day − first). */
  readonly firstDay: number;
  readonly days: ReadonlyArray<string>;

  constructor(windowStart: string, today: string) {
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
    const resolved = typeof role !== "string";
    const tri = resolved ? this.triple(person, project, role.num) : -1;
    const pair: Pair = { person, project, role, tri, rows: null };
    into.set(project, pair);
    if (resolved) this.pairList.push(pair);
    return pair;
  }

  /** The index of a (person, project, role) triple. */
  triple(person: number, project: number, role: number): number {
    const key = `${person}:${project}:${role}`;
    let t = this.triples.get(key);
    if (t === undefined) {
      t = this.person.length;
      this.person.push(person);
      this.project.push(project);
      this.role.push(role);
      this.triples.set(key, t);
    }
    return t;
  }

  /** Adds a row (no lookup: the caller knows the key is new). */
  add(tri: number, date: string): number {
    const k = this.n++;
    const j = k & MASK;
    if (j === 0) {
      const size = 1 << SHIFT;
      this.tri.push(new Int32Array(size));
      this.count.push(new Int32Array(size));
      this.billable.push(new Float64Array(size));
      this.nonbillable.push(new Float64Array(size));
      this.runn.push(new Int32Array(size).fill(-1));
      this.ledger.push(new Int32Array(size).fill(-1));
    }
    this.tri[k >>> SHIFT]![j] = tri;
    this.date.push(date);
    return k;
  }

  /** The rows of a pair by window day, allocated on first use; the pair's role must be resolved. */
  rowsOf(pair: Pair): Array<number> {
    if (pair.rows === null) pair.rows = new Array<number>(this.days.length).fill(-1);
    return pair.rows;
  }

  /** The row of a pair's key on window day `i` (0 ≤ i < days.length); the pair's role must be resolved. */
  pairRow(pair: Pair, i: number): number {
    const rows = this.rowsOf(pair);
    let k = rows[i]!;
    if (k < 0) {
      k = this.add(pair.tri, this.days[i]!);
      rows[i] = k;
    }
    return k;
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
      k = this.add(this.triple(person, project, role), date);
      this.other.set(key, k);
    }
    return k;
  }

  /** Reads an Int32 column at row k. */
  static at(col: ReadonlyArray<Int32Array | Float64Array>, k: number): number {
    return col[k >>> SHIFT]![k & MASK]!;
  }

  /** Writes an Int32 column at row k. */
  static put(col: ReadonlyArray<Int32Array | Float64Array>, k: number, v: number): void {
    col[k >>> SHIFT]![k & MASK] = v;
  }

  /** Every row in a deterministic order: pairs by (person, project) then day, then the other rows sorted. */
  order(): Int32Array {
    const out = new Int32Array(this.n);
    let o = 0;
    const pairs = [...this.pairList].sort((a, b) => a.person - b.person || a.project - b.project);
    for (const pair of pairs) {
      const rows = pair.rows;
      if (rows === null) continue;
      for (let i = 0; i < rows.length; i++) if (rows[i]! >= 0) out[o++] = rows[i]!;
    }
    const rest = Int32Array.from(this.other.values()).sort(this.compare);
    out.set(rest, o);
    return out;
  }

  /** Compares two rows by person, project, role, then date. */
  compare = (a: number, b: number): number => {
    const ta = KeyTable.at(this.tri, a);
    const tb = KeyTable.at(this.tri, b);
    return (
      this.person[ta]! - this.person[tb]! ||
      this.project[ta]! - this.project[tb]! ||
      this.role[ta]! - this.role[tb]! ||
      (this.date[a]! < this.date[b]! ? -1 : this.date[a]! > this.date[b]! ? 1 : 0)
    );
  };
}
