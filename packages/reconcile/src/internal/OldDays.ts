/**
 * The "old days" of SPEC A6: (user, day) pairs outside the window whose entries changed since the cursor,
 * found from the entries updated since the cursor and from the ledger (the day an entry moved away from).
 */
import type { Ids, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import { windowStart } from "./Dates.ts";

/**
 * Computes the old days to load in the second pass: the orchestrator fetches every Harvest entry of these
 * pairs (into `oldDayEntries`) and the Runn actuals of those days, then calls `reconcile`.
 */
export const oldDays = (
  harvest: Pick<Snapshot.HarvestSnapshot, "updatedEntries">,
  runn: Pick<Snapshot.RunnSnapshot, "people" | "identityOnly">,
  options: ReconcileOptions.Options,
): Array<Snapshot.OldDay> => {
  const start = windowStart(options);
  const pairs = new Map<string, Snapshot.OldDay>();
  const add = (userId: number, date: string) =>
    pairs.set(`${userId}:${date}`, { userId: userId as Ids.HarvestUserId, date: date as Ids.IsoDate });
  const updated = new Set<number>();
  for (const e of options.ledger.length > 0 ? harvest.updatedEntries : []) updated.add(e.id);
  for (const e of harvest.updatedEntries) if (e.spent_date < start) add(e.user.id, e.spent_date);
  if (updated.size > 0) {
    const usersOf = new Map<number, Array<number>>();
    const visit = (id: number, refs: ReadonlyArray<{ referenceName: string; externalId: string }>) => {
      for (const r of refs) {
        const userId = Number(r.externalId);
        if (r.referenceName !== options.referenceName || !Number.isSafeInteger(userId)) continue;
        const list = usersOf.get(id) ?? [];
        list.push(userId);
        usersOf.set(id, list);
      }
    };
    for (const p of runn.people) visit(p.id, p.references);
    for (const p of runn.identityOnly) if (p.kind === "person") visit(p.id, p.references);
    for (const l of options.ledger) {
      if (l.key.date >= start || !l.harvestEntryIds.some((id) => updated.has(id))) continue;
      for (const userId of usersOf.get(l.key.personId) ?? []) add(userId, l.key.date);
    }
  }
  return [...pairs.values()].sort(
    (a, b) => a.userId - b.userId || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
};
