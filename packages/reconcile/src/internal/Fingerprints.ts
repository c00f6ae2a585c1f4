/**
 * The fingerprints of a plan (SPEC R2, A9): one per snapshot section the plan's operations depend on.
 * Each is the count, an order-independent hash of ids (and minutes where the plan reads them) and the
 * newest update stamp: an added, removed or edited record changes it. Running entries are left out, so
 * a growing timer does not make a saved plan stale.
 */
import type { Harvest, Ledger, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import { windowStart } from "./Dates.ts";
import { Accumulator, hashString, mix, ofList } from "./Fingerprint.ts";
import { dayNumber } from "./Keys.ts";

const stamped = <A>(
  items: ReadonlyArray<A>,
  id: (a: A) => number,
  stamp: (a: A) => string,
  extra?: (a: A) => number,
): string => {
  const acc = new Accumulator();
  let newest = "";
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const s = stamp(item);
    if (s > newest) newest = s;
    acc.add(extra === undefined ? mix(id(item)) : mix(id(item) ^ mix(extra(item))));
  }
  return `${acc.digest()}-${newest}`;
};

const entries = (
  lists: ReadonlyArray<ReadonlyArray<Harvest.TimeEntry>>,
  settings: ReconcileOptions.Settings,
  oldDays: ReadonlyArray<Snapshot.OldDay>,
): string => {
  const start = windowStart(settings);
  const old = new Set(oldDays.map((d) => `${d.userId}:${d.date}`));
  const scopeProject = settings.scope.kind === "project" ? settings.scope.harvestProjectId : null;
  const acc = new Accumulator();
  let newest = "";
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.is_running) continue;
      if (e.spent_date < start && (old.size === 0 || !old.has(`${e.user.id}:${e.spent_date}`))) continue;
      if (scopeProject !== null && e.project.id !== scopeProject) continue;
      if (e.updated_at > newest) newest = e.updated_at;
      acc.add(mix(e.id));
    }
  }
  return `${acc.digest()}-${newest}`;
};

/**
 * The order in which the settings fingerprint has always listed the settings. It is fixed here, not taken
 * from the schema's field order, so that reordering or deriving the schema never marks saved plans stale;
 * a setting added later follows these, in name order.
 */
const settingsOrder: ReadonlyArray<string> = [
  "today",
  "windowDays",
  "backfillFrom",
  "scope",
  "switches",
  "referenceName",
  "rounding",
  "onPossibleDuplicate",
  "onRemovedTime",
  "roleMapping",
  "includeArchived",
  "protectManualEdits",
  "approvedOnly",
  "doNotImport",
];

const canonical = (settings: ReconcileOptions.Settings): string => {
  const values: Record<string, unknown> = {
    ...settings,
    roleMapping: Object.entries(settings.roleMapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    doNotImport: settings.doNotImport.map((d) => `${d.kind}:${d.harvestId}`).sort(),
  };
  const later = Object.keys(values)
    .filter((k) => !settingsOrder.includes(k))
    .sort();
  const ordered: Record<string, unknown> = {};
  for (const k of [...settingsOrder, ...later]) if (k in values) ordered[k] = values[k];
  return JSON.stringify(ordered);
};

const ledgerHash = (l: Ledger.LedgerEntry): number => {
  const k = l.key;
  let sum = 0;
  for (const id of l.harvestEntryIds) sum = (sum + mix(id)) | 0;
  return (
    mix(
      k.projectId ^
        mix(k.roleId ^ mix(dayNumber(k.date) ^ mix(l.billableMinutes ^ mix(l.nonbillableMinutes)))),
    ) ^ mix(sum ^ mix(l.runnActualId ?? -1))
  );
};

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
  const id = (r: { readonly id: number }) => r.id;
  const runnStamp = (r: { readonly updatedAt: string }) => r.updatedAt;
  const harvestStamp = (r: { readonly updated_at: string }) => r.updated_at;
  const out: Record<string, string> = {
    settings: hashString(canonical(settings)).toString(16),
    "runn.clients": stamped(runn.clients, id, runnStamp),
    "runn.projects": stamped(runn.projects, id, runnStamp),
    "runn.people": stamped(runn.people, id, runnStamp),
    "runn.roles": stamped(runn.roles, id, runnStamp),
    "runn.identityOnly": ofList(
      runn.identityOnly,
      (r) => `${r.kind}:${r.id}:${JSON.stringify(r.references)}`,
    ),
    "runn.unreadableKinds": [...runn.unreadableKinds].sort().join(","),
  };
  if (parts.clients || parts.projects) out["harvest.clients"] = stamped(harvest.clients, id, harvestStamp);
  if (parts.projects) out["harvest.projects"] = stamped(harvest.projects, id, harvestStamp);
  if (parts.people) out["harvest.users"] = stamped(harvest.users, id, harvestStamp);
  if (parts.actuals) {
    out["harvest.timeEntries"] = entries(
      [harvest.timeEntries, harvest.updatedEntries, harvest.oldDayEntries],
      settings,
      harvest.oldDays,
    );
    out["runn.contracts"] = stamped(runn.contracts, id, runnStamp);
    out["runn.projectMembers"] = stamped(runn.projectMembers, id, runnStamp);
    out["runn.assignments"] = stamped(runn.assignments, id, runnStamp);
    out["runn.actuals"] = stamped(
      runn.actuals,
      id,
      runnStamp,
      (a) => a.billableMinutes * 65_537 + a.nonbillableMinutes,
    );
    out.ledger = stamped(
      ledger,
      (l) => l.key.personId,
      (l) => l.writtenAt,
      ledgerHash,
    );
  }
  return out;
};
