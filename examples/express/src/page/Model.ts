/**
 * What the status page shows per connection, read through `Sync` only: status (last success per entity
 * type), recent runs, the held and skipped items of the latest finished run covering each entity type,
 * and the projects linked to Harvest (`Sync.projects`, for the per-project "Sync Actuals" buttons).
 */
import type { ReconcileOptions } from "@harvest-runn/domain";
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect } from "effect";

/** The entity types, in the order Runn's settings page lists them. */
export const entityTypes: ReadonlyArray<ReconcileOptions.EntityType> = [
  "clients",
  "projects",
  "people",
  "actuals",
];

const kindsOf: Record<ReconcileOptions.EntityType, ReadonlyArray<Output.ItemKind>> = {
  clients: ["client"],
  projects: ["project"],
  people: ["person", "role"],
  actuals: ["actual"],
};

/** A Harvest project the page offers "Sync Actuals" for. */
export interface ProjectChoice {
  readonly harvestId: number;
  readonly label: string;
}

/** One connection's part of the page. */
export interface ConnectionModel {
  readonly status: Output.Status;
  readonly runs: ReadonlyArray<Output.RunSummary>;
  /** Held and skipped items of the latest finished run covering each type, with that run's id. */
  readonly items: ReadonlyArray<Output.RunItem & { readonly runId: string }>;
  readonly projects: ReadonlyArray<ProjectChoice>;
}

const covers = (run: Output.RunSummary, type: ReconcileOptions.EntityType) =>
  !run.dryRun &&
  run.status !== "running" &&
  (run.scope.kind === "entities" ? run.scope.types.includes(type) : type === "actuals");

/** Reads one connection's model. */
export const load = (connectionId: string) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const status = yield* sync.status(connectionId);
    const page = yield* sync.runs(connectionId, { limit: 20 });
    const latest = new Map<string, Array<ReconcileOptions.EntityType>>();
    for (const type of entityTypes) {
      const run = page.runs.find((r) => covers(r, type));
      if (run) latest.set(run.id, [...(latest.get(run.id) ?? []), type]);
    }
    const details = yield* Effect.forEach(
      [...latest],
      ([runId, types]) =>
        sync.runDetail(runId, { outcome: ["held", "skipped"], limit: 1000 }).pipe(
          Effect.map((d) => {
            const kinds = new Set(types.flatMap((t) => kindsOf[t]));
            return d.items.filter((i) => kinds.has(i.kind)).map((i) => ({ ...i, runId }));
          }),
        ),
      { concurrency: 4 },
    );
    // Linked projects come from a light read of Runn: when it fails, the page still shows the rest.
    const projects = yield* sync.projects(connectionId).pipe(
      Effect.map((all) =>
        all.filter((p) => !p.archived).map((p) => ({ harvestId: p.harvestId, label: p.name })),
      ),
      Effect.tapError((e) => Effect.logWarning("linked projects unavailable", { reason: e.reason })),
      Effect.orElseSucceed((): ReadonlyArray<ProjectChoice> => []),
    );
    const model: ConnectionModel = {
      status,
      runs: page.runs.slice(0, 10),
      items: details.flat(),
      projects: projects.slice(0, 100),
    };
    return model;
  });

/** Every connection's model. */
export const loadAll = Effect.gen(function* () {
  const sync = yield* Sync.Sync;
  const connections = yield* sync.connections;
  return yield* Effect.forEach(connections, (c) => load(c.id), { concurrency: 4 });
});
