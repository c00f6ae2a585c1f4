/** Runn actuals in compact columnar arrays (400k in the xl preset); JSON is built per page. */

/** Runn actuals in columnar arrays; index order is id order. Deleted rows keep their slot. */
export class ActualStore {
  size = 0;
  version = 0;
  id: Float64Array;
  day: Int32Array;
  person: Int32Array;
  project: Int32Array;
  role: Int32Array;
  /** -1 for none. */
  workstream: Int32Array;
  phase: Int32Array;
  billable: Float64Array;
  nonbillable: Float64Array;
  /** Epoch seconds. */
  created: Float64Array;
  updated: Float64Array;
  deleted: Uint8Array;
  readonly billableNote = new Map<number, string | null>();
  readonly nonbillableNote = new Map<number, string | null>();
  private byKey: Map<string, number> | null = null;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.id = new Float64Array(cap);
    this.day = new Int32Array(cap);
    this.person = new Int32Array(cap);
    this.project = new Int32Array(cap);
    this.role = new Int32Array(cap);
    this.workstream = new Int32Array(cap);
    this.phase = new Int32Array(cap);
    this.billable = new Float64Array(cap);
    this.nonbillable = new Float64Array(cap);
    this.created = new Float64Array(cap);
    this.updated = new Float64Array(cap);
    this.deleted = new Uint8Array(cap);
  }

  static key(day: number, person: number, project: number, role: number, workstream: number): string {
    return `${day}|${person}|${project}|${role}|${workstream}`;
  }

  /** The overwrite key of row i. */
  private keyAt(i: number): string {
    return ActualStore.key(
      this.day[i] as number,
      this.person[i] as number,
      this.project[i] as number,
      this.role[i] as number,
      this.workstream[i] as number,
    );
  }

  /** Index of the live actual with this overwrite key, or null. */
  find(day: number, person: number, project: number, role: number, workstream: number): number | null {
    if (!this.byKey) {
      this.byKey = new Map();
      for (let i = 0; i < this.size; i++) {
        if (this.deleted[i]) continue;
        this.byKey.set(this.keyAt(i), i);
      }
    }
    return this.byKey.get(ActualStore.key(day, person, project, role, workstream)) ?? null;
  }

  push(a: {
    id: number;
    day: number;
    person: number;
    project: number;
    role: number;
    workstream: number;
    phase: number;
    billable: number;
    nonbillable: number;
    at: number;
  }): number {
    if (this.size === this.id.length) this.grow();
    const i = this.size++;
    this.id[i] = a.id;
    this.day[i] = a.day;
    this.person[i] = a.person;
    this.project[i] = a.project;
    this.role[i] = a.role;
    this.workstream[i] = a.workstream;
    this.phase[i] = a.phase;
    this.billable[i] = a.billable;
    this.nonbillable[i] = a.nonbillable;
    this.created[i] = a.at;
    this.updated[i] = a.at;
    this.byKey?.set(ActualStore.key(a.day, a.person, a.project, a.role, a.workstream), i);
    this.version++;
    return i;
  }

  remove(i: number): void {
    this.deleted[i] = 1;
    this.byKey?.delete(this.keyAt(i));
    this.version++;
  }

  /** Index of the live actual with this id (binary search), or null. */
  indexOfId(id: number): number | null {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.id[mid] as number;
      if (v === id) return this.deleted[mid] ? null : mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  private grow(): void {
    const cap = this.id.length * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const n = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.id = f(this.id);
    this.day = n(this.day);
    this.person = n(this.person);
    this.project = n(this.project);
    this.role = n(this.role);
    this.workstream = n(this.workstream);
    this.phase = n(this.phase);
    this.billable = f(this.billable);
    this.nonbillable = f(this.nonbillable);
    this.created = f(this.created);
    this.updated = f(this.updated);
    const d = new Uint8Array(cap);
    d.set(this.deleted);
    this.deleted = d;
  }
}
