/**
 * The key space of actuals: every actual key (person, project, role, day) seen on either side — Harvest
 * time, a Runn actual, a ledger row — gets a number, its code, such that sorting by code puts keys in plan
 * order. A million entries then cost a few flat arrays of numbers instead of per-key objects or strings.
 *
 * Inside the window a key is found without building a string: its (person, project) pair, once its role
 * is resolved, owns a block of one code per window day. Keys outside it (old days, days after today or
 * over ten years back, a Runn actual in another role) go through a string map and sort after the blocks.
 */
import type { PairRole } from "./Slots.ts";

const DAY_MS = 86_400_000;
/** The most days a pair's block covers. */
const MAX_BLOCK_DAYS = 3660;

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

/**
 * A hash map from a pair of numbers to a non-negative integer below 2^31. Pairs of 32-bit integers (every
 * id in practice) live in one Int32Array, open addressing with (key, key, value) per slot, so a lookup
 * touches one cache line and the map holds no per-entry objects; any other pair goes to a string map.
 */
export class PairMap {
  private slots = new Int32Array(3 * 1024).fill(-1);
  private mask = 1023;
  private used = 0;
  private readonly wide = new Map<string, number>();

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    if ((a | 0) !== a || (b | 0) !== b) return this.wide.get(`${a}:${b}`) ?? -1;
    const s = this.slots;
    for (let i = PairMap.hash(a, b) & this.mask; ; i = (i + 1) & this.mask) {
      const v = s[3 * i + 2]!;
      if (v < 0 || (s[3 * i] === a && s[3 * i + 1] === b)) return v;
    }
  }

  /** Stores a value for (a, b), replacing the one stored before. */
  set(a: number, b: number, value: number): void {
    if ((a | 0) !== a || (b | 0) !== b) {
      this.wide.set(`${a}:${b}`, value);
      return;
    }
    const s = this.slots;
    let i = PairMap.hash(a, b) & this.mask;
    for (; s[3 * i + 2]! >= 0; i = (i + 1) & this.mask) {
      if (s[3 * i] === a && s[3 * i + 1] === b) {
        s[3 * i + 2] = value;
        return;
      }
    }
    if (++this.used * 5 > (this.mask + 1) * 3) {
      this.grow();
      this.place(a, b, value);
      return;
    }
    s[3 * i] = a;
    s[3 * i + 1] = b;
    s[3 * i + 2] = value;
  }

  private place(a: number, b: number, value: number): void {
    const s = this.slots;
    let i = PairMap.hash(a, b) & this.mask;
    while (s[3 * i + 2]! >= 0) i = (i + 1) & this.mask;
    s[3 * i] = a;
    s[3 * i + 1] = b;
    s[3 * i + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(3 * (this.mask + 1)).fill(-1);
    for (let i = 2; i < old.length; i += 3) if (old[i]! >= 0) this.place(old[i - 2]!, old[i - 1]!, old[i]!);
  }
}

/** The codes of actual keys. Numbers are Runn ids, or negative numbers for entities the plan creates. */
export class KeySpace {
  /** (person, project) pairs by Runn numbers: their resolved role, or why their time is not written. */
  readonly pairs = new PairMap();
  readonly pairPerson: Array<number> = [];
  readonly pairProject: Array<number> = [];
  readonly pairRole: Array<PairRole> = [];
  /** The resolved role number of each pair (NaN: not resolved), in a flat array for the hot path. */
  readonly pairRoleNum: Array<number> = [];
  /** Keys outside the pairs' blocks, by string; their parts by number. */
  private readonly otherIndex = new Map<string, number>();
  readonly otherPerson: Array<number> = [];
  readonly otherProject: Array<number> = [];
  readonly otherRole: Array<number> = [];
  readonly otherDate: Array<string> = [];
  /** First day number of the pairs' blocks and their dates (index = day − first). */
  readonly firstDay: number;
  readonly days: ReadonlyArray<string>;
  /** After `finalize`: each pair's rank in plan order (-1: role not resolved), each other key's rank. */
  private pairRank = new Int32Array(0);
  private otherRank = new Int32Array(0);
  /** After `finalize`: the pairs (by index) in plan order, and the other keys (by index) in plan order. */
  private pairsInOrder = new Int32Array(0);
  private othersInOrder = new Int32Array(0);

  constructor(windowStart: string, today: string) {
    // Blocks cover the window, a backfill included, up to ten years back; older days, and days after
    // today, go through the string map.
    this.firstDay = Math.max(dayNumber(windowStart), dayNumber(today) - (MAX_BLOCK_DAYS - 1));
    const length = Math.max(0, dayNumber(today) - this.firstDay + 1);
    this.days = Array.from({ length }, (_, i) =>
      new Date((this.firstDay + i) * DAY_MS).toISOString().slice(0, 10),
    );
  }

  /** The index of a pair, registering it with its resolved role (`role` runs only for a new pair). */
  pair(person: number, project: number, role: () => PairRole): number {
    let p = this.pairs.get(person, project);
    if (p < 0) {
      p = this.pairPerson.length;
      this.pairPerson.push(person);
      this.pairProject.push(project);
      const r = role();
      this.pairRole.push(r);
      this.pairRoleNum.push(typeof r === "string" ? Number.NaN : r.num);
      this.pairs.set(person, project, p);
    }
    return p;
  }

  /**
   * The provisional code of a key: `pair × days + day` inside a pair's block, or −(other index + 1) for
   * a key of the string map. `finalize` turns it into a code in plan order.
   */
  code(person: number, project: number, role: number, date: string): number {
    const i = dayNumber(date) - this.firstDay;
    if (i >= 0 && i < this.days.length) {
      const p = this.pairs.get(person, project);
      if (p >= 0 && this.pairRoleNum[p] === role) return p * this.days.length + i;
    }
    const key = `${person}:${project}:${role}:${date}`;
    let o = this.otherIndex.get(key);
    if (o === undefined) {
      o = this.otherPerson.length;
      this.otherPerson.push(person);
      this.otherProject.push(project);
      this.otherRole.push(role);
      this.otherDate.push(date);
      this.otherIndex.set(key, o);
    }
    return -(o + 1);
  }

  /** Ranks pairs by (person, project) and other keys by (person, project, role, date). */
  finalize(): void {
    const n = this.pairPerson.length;
    const { pairPerson: pp, pairProject: pj, otherPerson: op, otherProject: oj, otherRole: or } = this;
    const resolved: Array<number> = [];
    for (let p = 0; p < n; p++) if (typeof this.pairRole[p] !== "string") resolved.push(p);
    resolved.sort((a, b) => pp[a]! - pp[b]! || pj[a]! - pj[b]!);
    this.pairsInOrder = Int32Array.from(resolved);
    this.pairRank = new Int32Array(n).fill(-1);
    for (let r = 0; r < resolved.length; r++) this.pairRank[resolved[r]!] = r;
    const od = this.otherDate;
    const others = Array.from({ length: op.length }, (_, i) => i).sort(
      (a, b) =>
        op[a]! - op[b]! ||
        oj[a]! - oj[b]! ||
        or[a]! - or[b]! ||
        (od[a]! < od[b]! ? -1 : od[a]! > od[b]! ? 1 : 0),
    );
    this.othersInOrder = Int32Array.from(others);
    this.otherRank = new Int32Array(others.length);
    for (let r = 0; r < others.length; r++) this.otherRank[others[r]!] = r;
  }

  /** The code in plan order of a provisional code. */
  final(code: number): number {
    const nDays = this.days.length;
    if (code >= 0) {
      const p = Math.floor(code / nDays);
      return this.pairRank[p]! * nDays + (code - p * nDays);
    }
    return this.pairsInOrder.length * nDays + this.otherRank[-code - 1]!;
  }

  /** One more than the largest final code. */
  get limit(): number {
    return this.pairsInOrder.length * this.days.length + this.othersInOrder.length;
  }

  /** Writes the parts of the key with final code `code` into `out`. */
  key(code: number, out: KeyParts): void {
    const nDays = this.days.length;
    const inBlocks = this.pairsInOrder.length * nDays;
    if (code < inBlocks) {
      const r = Math.floor(code / nDays);
      const p = this.pairsInOrder[r]!;
      out.person = this.pairPerson[p]!;
      out.project = this.pairProject[p]!;
      out.role = this.pairRoleNum[p]!;
      out.date = this.days[code - r * nDays]!;
    } else {
      const o = this.othersInOrder[code - inBlocks]!;
      out.person = this.otherPerson[o]!;
      out.project = this.otherProject[o]!;
      out.role = this.otherRole[o]!;
      out.date = this.otherDate[o]!;
    }
  }
}

/** The parts of one key, filled in place (no allocation per key). */
export interface KeyParts {
  person: number;
  project: number;
  role: number;
  date: string;
}
