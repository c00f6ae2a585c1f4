/**
 * Skipped time entries aggregated per (reason, user, project, day) with capped entry ids (SPEC A4).
 */
import type { Harvest, Plan, Reason } from "@harvest-runn/domain";

interface Acc {
  reason: Reason.ReasonCode;
  user: number;
  project: number;
  date: string;
  count: number;
  ids: Array<number>;
  amount: number;
}

/** A log of skipped entries. */
export class SkipLog {
  private readonly byKey = new Map<string, Acc>();

  /** Records one skipped entry; `amount` is minutes, or seconds when `perDay`. */
  add(reason: Reason.ReasonCode, e: Harvest.TimeEntry, amount: number, perDay: boolean): void {
    const key = `${reason}|${e.user.id}|${e.project.id}|${e.spent_date}`;
    let acc = this.byKey.get(key);
    if (acc === undefined) {
      acc = {
        reason,
        user: e.user.id,
        project: e.project.id,
        date: e.spent_date,
        count: 0,
        ids: [],
        amount: 0,
      };
      this.byKey.set(key, acc);
    }
    acc.count++;
    acc.ids.push(e.id);
    acc.amount += perDay ? amount / 60 : amount;
  }

  /** The report items, entry ids sorted and capped. */
  items(cap: number): Array<Plan.Skipped> {
    const out: Array<Plan.Skipped> = [];
    for (const acc of this.byKey.values()) {
      acc.ids.sort((a, b) => a - b);
      out.push({
        _tag: "Skipped",
        reason: acc.reason,
        harvestUserId: acc.user,
        harvestProjectId: acc.project,
        date: acc.date as Plan.Skipped["date"],
        entryCount: acc.count,
        entryIds: acc.ids.slice(0, cap),
        minutes: Math.round(acc.amount) || 0,
      });
    }
    return out;
  }
}
