/**
 * Records what pages show from the APIs, from the snapshots a run already loaded (see `Recorded`):
 * the linked projects after an entity run, and each run's names and skipped time. Best effort: a
 * failed write is logged and never fails the run.
 */
import type { Ids, Plan, Runn, Snapshot } from "@harvest-runn/domain";
import type { SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import type { LinkedProject, RunItem, Scope } from "../Output.ts";
import * as Recorded from "../Recorded.ts";

/** At most this many skipped-time rows are kept per run. */
export const skippedCap = 5000;

const harvestIdOf = (text: string): number | null => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

/** The Runn projects carrying a Harvest reference of `referenceName`, sorted by name. */
export const linkedProjects = (
  projects: ReadonlyArray<Runn.Project>,
  referenceName: string,
): ReadonlyArray<LinkedProject> => {
  const linked: Array<LinkedProject> = [];
  for (const p of projects)
    for (const ref of p.references) {
      const harvestId = ref.referenceName === referenceName ? harvestIdOf(ref.externalId) : null;
      if (harvestId !== null) linked.push({ harvestId, runnId: p.id, name: p.name, archived: p.isArchived });
    }
  return linked.sort((a, b) => a.name.localeCompare(b.name) || a.harvestId - b.harvestId);
};

/**
 * What a run keeps from its snapshots for the pages, computed before the writes begin so the snapshots
 * themselves can be dropped (the hours of an xl import hold neither): the run's names and skipped time,
 * the projects already linked, and the names of the projects the run may create or link.
 */
export interface PagesBasis {
  readonly names: Recorded.RunNames;
  readonly linked: ReadonlyArray<LinkedProject>;
  /** Harvest names of the Harvest projects not yet linked; Runn names of the Runn projects not yet linked. */
  readonly harvestNames: ReadonlyMap<number, string>;
  readonly runnNames: ReadonlyMap<number, string>;
}

/** The pages' basis of a run, from its snapshots and its plan's report. */
export const pagesBasis = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  referenceName: string,
  report: ReadonlyArray<Plan.ReportItem>,
): PagesBasis => {
  const linked = linkedProjects(runn.projects, referenceName);
  const linkedHarvest = new Set(linked.map((p) => p.harvestId));
  const linkedRunn = new Set(linked.map((p) => p.runnId as number));
  const harvestNames = new Map<number, string>();
  for (const p of harvest.projects) if (!linkedHarvest.has(p.id)) harvestNames.set(p.id, p.name);
  const runnNames = new Map<number, string>();
  for (const p of runn.projects) if (!linkedRunn.has(p.id)) runnNames.set(p.id, p.name);
  return { names: runNames(harvest, report), linked, harvestNames, runnNames };
};

/**
 * The linked projects once a run has applied: those its Runn snapshot showed linked, plus the projects
 * it created or linked (named as in Harvest, or as in Runn for a link).
 */
export const linkedAfterRun = (
  basis: PagesBasis,
  applied: ReadonlyArray<RunItem>,
): ReadonlyArray<LinkedProject> => {
  const byHarvestId = new Map(basis.linked.map((p) => [p.harvestId, p]));
  for (const i of applied)
    if (i.kind === "project" && (i.outcome === "created" || i.outcome === "linked"))
      if (i.harvestId !== null && i.runnId !== null && !byHarvestId.has(i.harvestId))
        byHarvestId.set(i.harvestId, {
          harvestId: i.harvestId,
          runnId: i.runnId,
          name:
            basis.runnNames.get(i.runnId) ??
            basis.harvestNames.get(i.harvestId) ??
            `Harvest project ${i.harvestId}`,
          archived: false,
        });
  return [...byHarvestId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.harvestId - b.harvestId);
};

/** Whether a run item changes the linked projects (kept while a run writes; everything else is not). */
export const isProjectLink = (i: RunItem): boolean =>
  i.kind === "project" && (i.outcome === "created" || i.outcome === "linked");

/** A run's names and skipped time, from its Harvest snapshot and its plan's report. */
export const runNames = (
  harvest: Snapshot.HarvestSnapshot,
  report: ReadonlyArray<Plan.ReportItem>,
): Recorded.RunNames => {
  const skipped: Array<Recorded.SkippedTime> = [];
  let omitted = 0;
  for (const r of report)
    if (r._tag === "Skipped") {
      const s = r;
      if (skipped.length < skippedCap)
        skipped.push({
          reason: s.reason,
          harvestUserId: s.harvestUserId,
          harvestProjectId: s.harvestProjectId,
          date: s.date,
          minutes: s.minutes,
          entryCount: s.entryCount,
        });
      else omitted += 1;
    }
  const userIds = new Set(skipped.map((s) => s.harvestUserId));
  const projectIds = new Set(skipped.map((s) => s.harvestProjectId));
  const people: Record<string, string> = {};
  for (const u of harvest.users)
    if (userIds.has(u.id)) people[String(u.id)] = `${u.first_name} ${u.last_name}`.trim();
  const projects: Record<string, string> = {};
  for (const p of harvest.projects) if (projectIds.has(p.id)) projects[String(p.id)] = p.name;
  return { people, projects, skipped, omitted };
};

/** Writes the run's documents once it has applied; never fails. */
export const recordForPages = (
  store: SyncStore.Shape,
  input: {
    readonly connectionId: Ids.ConnectionId;
    readonly runId: string;
    readonly scope: Scope;
    readonly basis: PagesBasis;
    /** The run's items that created or linked a project (`isProjectLink`). */
    readonly applied: ReadonlyArray<RunItem>;
  },
): Effect.Effect<void> =>
  Effect.all(
    [
      store.recorded.put(input.connectionId, Recorded.runDoc(input.runId), input.basis.names),
      // A one-project run reads only that project: it must not replace the full list.
      input.scope.kind === "entities"
        ? store.recorded.put(
            input.connectionId,
            Recorded.projectsDoc,
            linkedAfterRun(input.basis, input.applied),
          )
        : Effect.void,
    ],
    { discard: true },
  ).pipe(
    Effect.catchAll((e) => Effect.logWarning("could not record what the pages show", { reason: e.reason })),
    Effect.withSpan("Sync.recordForPages"),
  );
