/**
 * Harvest time entries in compact columnar arrays (1M entries stay a few tens of MB); JSON objects are
 * materialised per page. The entry id is `idBase + index`, so ids grow with creation order.
 */

/** Seconds of the columnar timestamps are counted from 2000-01-01T00:00:00Z. */
export const STAMP_EPOCH = 946_684_800;

export const F_BILLABLE = 1;
export const F_RUNNING = 2;
export const F_DELETED = 4;
export const F_BILLED = 8;
export const F_LOCKED = 16;
const APPROVAL_SHIFT = 5;

/** Approval states, by their two-bit code. */
export const approvalStates = ["unsubmitted", "submitted", "approved"] as const;

/** One entry's fields, as the generator and the write API supply them. */
export interface EntryInput {
  readonly user: number;
  readonly project: number;
  readonly task: number;
  readonly day: number;
  /** Tracked seconds, excluding the running part of a running timer. */
  readonly seconds: number;
  readonly billable: boolean;
  readonly approval: 0 | 1 | 2;
  readonly billed: boolean;
  /** Epoch seconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Epoch seconds at which the running timer started, or null when stopped. */
  readonly timerStartedAt: number | null;
  readonly notes: number;
}

/** A growable columnar store of time entries. */
export class EntryStore {
  size = 0;
  version = 0;
  user: Int32Array;
  project: Int32Array;
  task: Int32Array;
  day: Int32Array;
  seconds: Int32Array;
  flags: Uint8Array;
  created: Int32Array;
  updated: Int32Array;
  /** Index into the notes pool; -1 when the notes were overwritten (see `notesText`). */
  notes: Int8Array;
  readonly notesText = new Map<number, string | null>();
  readonly timerStart = new Map<number, number>();
  private ordered: Int32Array | null = null;
  private inOrder = true;

  constructor(
    readonly idBase: number,
    capacity: number,
  ) {
    const cap = Math.max(16, capacity);
    this.user = new Int32Array(cap);
    this.project = new Int32Array(cap);
    this.task = new Int32Array(cap);
    this.day = new Int32Array(cap);
    this.seconds = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
    this.created = new Int32Array(cap);
    this.updated = new Int32Array(cap);
    this.notes = new Int8Array(cap);
  }

  /** Appends an entry and returns its index. */
  push(e: EntryInput): number {
    if (this.size === this.user.length) this.grow();
    const i = this.size++;
    this.user[i] = e.user;
    this.project[i] = e.project;
    this.task[i] = e.task;
    this.day[i] = e.day;
    this.seconds[i] = e.seconds;
    let f = (e.billable ? F_BILLABLE : 0) | (e.billed ? F_BILLED : 0) | (e.approval << APPROVAL_SHIFT);
    if (e.approval === 2) f |= F_LOCKED;
    if (e.timerStartedAt !== null) {
      f |= F_RUNNING;
      this.timerStart.set(i, e.timerStartedAt);
    }
    this.flags[i] = f;
    this.created[i] = e.createdAt - STAMP_EPOCH;
    this.updated[i] = e.updatedAt - STAMP_EPOCH;
    this.notes[i] = e.notes;
    if (i > 0 && e.day < (this.day[i - 1] as number)) this.inOrder = false;
    this.touch();
    return i;
  }

  /** Marks the store changed (invalidates cached orderings and queries). */
  touch(): void {
    this.version++;
    this.ordered = null;
  }

  /** Marks the natural order broken (a spent date changed). */
  reorder(): void {
    this.inOrder = false;
    this.touch();
  }

  idOf(i: number): number {
    return this.idBase + i;
  }

  indexOf(id: number): number | null {
    const i = id - this.idBase;
    if (!Number.isInteger(i) || i < 0 || i >= this.size) return null;
    return ((this.flags[i] as number) & F_DELETED) === 0 ? i : null;
  }

  approvalOf(i: number): 0 | 1 | 2 {
    return (((this.flags[i] as number) >> APPROVAL_SHIFT) & 3) as 0 | 1 | 2;
  }

  setApproval(i: number, a: 0 | 1 | 2): void {
    this.flags[i] = ((this.flags[i] as number) & ~(3 << APPROVAL_SHIFT)) | (a << APPROVAL_SHIFT);
  }

  has(i: number, flag: number): boolean {
    return ((this.flags[i] as number) & flag) !== 0;
  }

  set(i: number, flag: number, on: boolean): void {
    this.flags[i] = on ? (this.flags[i] as number) | flag : (this.flags[i] as number) & ~flag;
  }

  createdAt(i: number): number {
    return (this.created[i] as number) + STAMP_EPOCH;
  }

  updatedAt(i: number): number {
    return (this.updated[i] as number) + STAMP_EPOCH;
  }

  setUpdatedAt(i: number, seconds: number): void {
    this.updated[i] = seconds - STAMP_EPOCH;
  }

  /** Live entries in list order: spent date newest first, then newest created first. */
  order(): Int32Array {
    if (this.ordered) return this.ordered;
    let live = 0;
    for (let i = 0; i < this.size; i++) if (((this.flags[i] as number) & F_DELETED) === 0) live++;
    const out = new Int32Array(live);
    let k = 0;
    for (let i = this.size - 1; i >= 0; i--) if (((this.flags[i] as number) & F_DELETED) === 0) out[k++] = i;
    if (!this.inOrder) {
      const day = this.day;
      out.sort((a, b) => (day[b] as number) - (day[a] as number) || b - a);
    }
    this.ordered = out;
    return out;
  }

  private grow(): void {
    const cap = this.user.length * 2;
    const g = <T extends Int32Array | Uint8Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.user = g(this.user, (n) => new Int32Array(n));
    this.project = g(this.project, (n) => new Int32Array(n));
    this.task = g(this.task, (n) => new Int32Array(n));
    this.day = g(this.day, (n) => new Int32Array(n));
    this.seconds = g(this.seconds, (n) => new Int32Array(n));
    this.flags = g(this.flags, (n) => new Uint8Array(n));
    this.created = g(this.created, (n) => new Int32Array(n));
    this.updated = g(this.updated, (n) => new Int32Array(n));
    this.notes = g(this.notes, (n) => new Int8Array(n));
  }
}
