/**
 * The key table: one row per actual key (person, project, role, day) seen on either side — Harvest time,
 * a Runn actual, or a ledger row — in flat typed arrays, so a million entries cost no per-key objects.
 */

/** Rows of actual keys. Numbers are Runn ids, or negative numbers for entities the plan creates. */
export class KeyTable {
  n = 0;
  readonly index = new Map<string, number>();
  readonly person: Float64Array;
  readonly project: Float64Array;
  readonly role: Float64Array;
  readonly date: Array<string> = [];
  /** Harvest entries counted into the key (0: no Harvest time). */
  readonly count: Int32Array;
  /** Harvest billable and non-billable totals (minutes, or seconds under per-day rounding). */
  readonly billable: Float64Array;
  readonly nonbillable: Float64Array;
  /** Index of the key's Runn actual and ledger row (-1: none). */
  readonly runn: Int32Array;
  readonly ledger: Int32Array;

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.person = new Float64Array(size);
    this.project = new Float64Array(size);
    this.role = new Float64Array(size);
    this.count = new Int32Array(size);
    this.billable = new Float64Array(size);
    this.nonbillable = new Float64Array(size);
    this.runn = new Int32Array(size).fill(-1);
    this.ledger = new Int32Array(size).fill(-1);
  }

  /** The row of a key, added when new; `key` must be `person:project:role:date`. */
  row(key: string, person: number, project: number, role: number, date: string): number {
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.n++;
      this.index.set(key, k);
      this.person[k] = person;
      this.project[k] = project;
      this.role[k] = role;
      this.date.push(date);
    }
    return k;
  }

  /** Compares two rows by person, project, role, then date: the plan's deterministic order. */
  compare = (a: number, b: number): number =>
    this.person[a]! - this.person[b]! ||
    this.project[a]! - this.project[b]! ||
    this.role[a]! - this.role[b]! ||
    (this.date[a]! < this.date[b]! ? -1 : this.date[a]! > this.date[b]! ? 1 : 0);
}
