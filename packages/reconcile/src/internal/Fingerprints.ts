/**
 * The fingerprints of a plan (SPEC R2, A9): one per snapshot section the plan's operations depend on.
 * Running entries are left out, so a growing timer does not make a saved plan stale.
 */
import type { Harvest, Ledger, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import { windowStart } from "./Dates.ts";
import { Accumulator, hashString, mix, ofList } from "./Fingerprint.ts";

const entries = (
  lists: ReadonlyArray<ReadonlyArray<Harvest.TimeEntry>>,
  settings: ReconcileOptions.Settings,
  oldDays: ReadonlyArray<Snapshot.OldDay>,
): string => {
  const start = windowStart(settings);
  const old = new Set(oldDays.map((d) => `${d.userId}:${d.date}`));
  const scopeProject = settings.scope.kind === "project" ? settings.scope.harvestProjectId : null;
  const acc = new Accumulator();
  const seen = new Set<number>();
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.is_running) continue;
      if (e.spent_date < start && (old.size === 0 || !old.has(`${e.user.id}:${e.spent_date}`))) continue;
      if (scopeProject !== null && e.project.id !== scopeProject) continue;
      if (list !== lists[0]) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
      }
      acc.add(hashString(e.updated_at, mix(e.id)));
    }
  }
  return acc.digest();
};

const canonical = (settings: ReconcileOptions.Settings): string =>
  JSON.stringify({
    ...settings,
    roleMapping: Object.entries(settings.roleMapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    doNotImport: settings.doNotImport.map((d) => `${d.kind}:${d.harvestId}`).sort(),
  });

/** Computes the fingerprints of the sections a plan under these settings depends on. */
export const compute = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  settings: ReconcileOptions.Settings,
  ledger: ReadonlyArray<Ledger.LedgerEntry>,
  parts: {
    readonly clients: boolean;
    readonly projects: boolean;
    readonly people: boolean;
    readonly actuals: boolean;
  },
): Record<string, string> => {
  const stamp = (r: { readonly id: number; readonly updatedAt: string }) => `${r.id}@${r.updatedAt}`;
  const out: Record<string, string> = {
    settings: hashString(canonical(settings)).toString(16),
    "runn.clients": ofList(runn.clients, stamp),
    "runn.projects": ofList(runn.projects, stamp),
    "runn.people": ofList(runn.people, stamp),
    "runn.roles": ofList(runn.roles, stamp),
    "runn.identityOnly": ofList(
      runn.identityOnly,
      (r) => `${r.kind}:${r.id}:${JSON.stringify(r.references)}`,
    ),
  };
  const hstamp = (r: { readonly id: number; readonly updated_at: string }) => `${r.id}@${r.updated_at}`;
  if (parts.clients || parts.projects) out["harvest.clients"] = ofList(harvest.clients, hstamp);
  if (parts.projects) out["harvest.projects"] = ofList(harvest.projects, hstamp);
  if (parts.people) out["harvest.users"] = ofList(harvest.users, hstamp);
  if (parts.actuals) {
    out["harvest.timeEntries"] = entries(
      [harvest.timeEntries, harvest.updatedEntries, harvest.oldDayEntries],
      settings,
      harvest.oldDays,
    );
    out["runn.contracts"] = ofList(runn.contracts, stamp);
    out["runn.projectMembers"] = ofList(runn.projectMembers, stamp);
    out["runn.assignments"] = ofList(runn.assignments, stamp);
    out["runn.actuals"] = ofList(
      runn.actuals,
      (a) => `${stamp(a)}:${a.billableMinutes}:${a.nonbillableMinutes}`,
    );
    out.ledger = ofList(ledger, (l) => {
      let sum = 0;
      for (const id of l.harvestEntryIds) sum += id;
      const k = l.key;
      return `${k.personId}:${k.projectId}:${k.roleId}:${k.date}:${l.billableMinutes}:${l.nonbillableMinutes}:${l.runnActualId}:${l.harvestEntryIds.length}:${sum}`;
    });
  }
  return out;
};
