/**
 * The per-key rule of actuals (SPEC A7, A8, with A5's held days): given what Harvest, Runn and the
 * ledger hold for one key, what the plan does with it. `Ownership.ts` runs it over every key.
 */

/** What the plan does with one key. */
export type Decision =
  /** Nothing: Runn and the ledger already agree with Harvest, or the key is not the sync's to touch. */
  | "leave"
  /** Store only: the ledger takes ownership of (or refreshes) a key whose Runn value is already right. */
  | "record"
  /** Write the computed value to Runn (creating or overwriting the actual). */
  | "write"
  /** Report a manual edit in Runn instead of overwriting or removing it (`protectManualEdits`). */
  | "conflict"
  /** Store only: drop a ledger key whose Runn actual is gone or already reads as removed. */
  | "forget"
  /** Remove the Runn actual of a ledger key that lost its Harvest time (`onRemovedTime`). */
  | "remove";

/** What the three sides hold for one key; the checks that cost are methods, asked only when needed. */
export interface KeyFacts {
  /** Harvest has time on the key (at least one counted entry, A1). */
  readonly hasTime: boolean;
  /** Runn holds an actual on the key (the oldest one when several, A1). */
  readonly inRunn: boolean;
  /** The ledger owns the key: the sync wrote it (A8). */
  readonly owned: boolean;
  /** The Runn actual equals the computed (clamped, A2) Harvest day total. */
  runnHoldsComputed(): boolean;
  /** The Runn actual reads 0 / 0. */
  runnIsZero(): boolean;
  /** The owned key's Runn value is not what the sync last wrote (or the actual is gone). */
  editedInRunn(): boolean;
  /** The ledger row holds the computed minutes, this Runn actual id and exactly these Harvest entry ids. */
  ledgerUpToDate(): boolean;
  /** The key's day has held time (unknown role or conflicting links, A5): its ledger keys are kept. */
  held(): boolean;
}

/** The policies the rule reads. */
export interface Policy {
  readonly protectManualEdits: boolean;
  readonly onRemovedTime: "delete" | "zero";
}

/** Decides one key: SPEC A7 and A8, in the order they read. */
export const decideKey = (k: KeyFacts, p: Policy): Decision => {
  if (!k.hasTime) {
    // A8: only a key the ledger owns is removed; actuals the sync never wrote are left alone.
    if (!k.owned) return "leave";
    // A5: time on that day is held, not gone; keep the key until the hold clears.
    if (k.held()) return "leave";
    // A8: the actual is already gone in Runn; the ledger lets go of the key.
    if (!k.inRunn) return "forget";
    // A8 protectManualEdits: Runn no longer reads what the sync wrote.
    if (p.protectManualEdits && k.editedInRunn()) return "conflict";
    // A8 onRemovedTime "zero": a key that already reads 0 / 0 is done.
    if (p.onRemovedTime === "zero" && k.runnIsZero()) return "forget";
    // A8: deleted by default, or written as 0 / 0.
    return "remove";
  }
  // A7: Runn already holds the value, so nothing is written; the ledger must own the key as it is.
  if (k.runnHoldsComputed()) return k.ledgerUpToDate() ? "leave" : "record";
  // A8 protectManualEdits: an owned key edited in Runn is reported, not overwritten.
  if (p.protectManualEdits && k.owned && k.editedInRunn()) return "conflict";
  // A8: Harvest decides, whether the sync or someone else wrote the actual (Runn's rule).
  return "write";
};
