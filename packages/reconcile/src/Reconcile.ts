/**
 * `reconcile`: Harvest and Runn snapshots, settings and the ledger in; a `Plan` out. Synchronous and
 * total: no clock, no I/O, no Effect — time, windows, policies and tables are parameters (STYLE "The pure core").
 */
import { type Plan, ReconcileOptions, type Snapshot } from "@harvest-runn/domain";
import * as Actuals from "./internal/Actuals.ts";
import * as Entities from "./internal/Entities.ts";
import * as Fingerprints from "./internal/Fingerprints.ts";
import * as Identity from "./internal/Identity.ts";
import { sortReport } from "./internal/Report.ts";
import * as Roles from "./internal/Roles.ts";

export { windowStart } from "./internal/Dates.ts";
export { oldDays } from "./internal/OldDays.ts";

/** Which parts of the integration a run under these settings handles (switches ∧ scope, SPEC C4, R4). */
export const parts = (s: Pick<ReconcileOptions.Settings, "scope" | "switches">) => {
  const types = s.scope.kind === "entities" ? s.scope.types : [];
  const projects = s.switches.clientsAndProjects && types.includes("projects");
  return {
    clients: s.switches.clientsAndProjects && (types.includes("clients") || projects),
    projects,
    people: s.switches.people && types.includes("people"),
    actuals: s.switches.actuals && (s.scope.kind === "project" || types.includes("actuals")),
  };
};

/** Fingerprints of fresh snapshots: a saved plan is stale when they differ from `plan.fingerprints`. */
export const fingerprints = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  options: ReconcileOptions.Options,
): Record<string, string> => {
  const settings = ReconcileOptions.settingsOf(options);
  return Fingerprints.compute(harvest, runn, settings, options.ledger, parts(settings));
};

/**
 * Decides everything one run writes, and why it writes nothing else (SPEC E1–E10, A1–A10).
 *
 * @example
 * const plan = Reconcile.reconcile(harvest, runn, ReconcileOptions.make({ today, connectionId, now }));
 * for (const op of plan.operations) console.log(op._tag);
 */
export const reconcile = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  options: ReconcileOptions.Options,
): Plan.Plan => {
  const settings = ReconcileOptions.settingsOf(options);
  const on = parts(settings);
  const identities = Identity.index(runn, settings.referenceName);
  const roles = Roles.make(runn, settings.roleMapping);
  const entities = Entities.plan(harvest, runn, settings, identities, roles);
  const report: Array<Plan.ReportItem> = [...entities.report];
  const actuals = on.actuals
    ? Actuals.plan(harvest, runn, options.ledger, settings, entities, roles)
    : { upserts: [], removals: [], ledgerOps: [], report: [] };
  for (const item of actuals.report) report.push(item);
  for (const m of harvest.malformed) report.push({ _tag: "Malformed", record: m });
  for (const m of runn.malformed) report.push({ _tag: "Malformed", record: m });

  const byHarvestId = (a: { harvestId: number }, b: { harvestId: number }) => a.harvestId - b.harvestId;
  const kindOrder = { client: 0, project: 1, person: 2 } as const;
  const entityOps: Array<Plan.Operation> = [
    ...roles.created
      .map((r): Plan.CreateRole => ({ _tag: "CreateRole", ref: r.ref, name: r.name }))
      .sort((a, b) => (a.ref < b.ref ? -1 : 1)),
    ...entities.clients.sort(byHarvestId),
    ...entities.projects.sort(byHarvestId),
    ...entities.people.sort(byHarvestId),
    ...entities.links.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.harvestId - b.harvestId),
  ];
  // concat copies the large lists in one step each.
  const operations = entityOps.concat(actuals.upserts, actuals.removals, actuals.ledgerOps);
  return {
    version: 1,
    connectionId: options.connectionId,
    createdAt: options.now,
    options: settings,
    fingerprints: Fingerprints.compute(harvest, runn, settings, options.ledger, on),
    operations,
    report: sortReport(report),
  };
};
