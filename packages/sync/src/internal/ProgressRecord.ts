/**
 * The run's progress, saved in the store as it goes (one record per connection, replaced), so that a
 * status command or a page in another process can show how far a run of hours has got and how long is
 * left (`Progress.describe`). Events still reach the host's own `Progress` service unchanged.
 */
import type { Ids, Plan } from "@harvest-runn/domain";
import type { Lease, RunProgress, SyncStore } from "@harvest-runn/storage";
import { Clock, Effect } from "effect";
import * as Progress from "../Progress.ts";

/** Phases whose units are Runn entities (one request each, clients 100 to a request). */
const entityPhases: ReadonlyArray<Progress.Phase> = ["roles", "clients", "projects", "people", "links"];
/** Items per request of the bulk endpoints. */
const bulk = 100;

/** What a plan will write, as the progress record counts it. */
export interface Totals {
  readonly roles: number;
  readonly clients: number;
  readonly projects: number;
  readonly people: number;
  readonly links: number;
  readonly actuals: number;
  readonly removals: number;
}

/** The writes a plan holds, by phase. */
export const totalsOf = (plan: Plan.Plan): Totals => {
  const t = { roles: 0, clients: 0, projects: 0, people: 0, links: 0, actuals: 0, removals: 0 };
  for (const op of plan.operations) {
    if (op._tag === "CreateRole") t.roles++;
    else if (op._tag === "CreateClient") t.clients++;
    else if (op._tag === "CreateProject") t.projects++;
    else if (op._tag === "CreatePerson") t.people++;
    else if (op._tag === "LinkEntity") t.links++;
    else if (op._tag === "UpsertActual") t.actuals++;
    else if (op._tag === "RemoveActual") t.removals++;
  }
  return t;
};

/** Write requests for `n` units of a phase. */
const requestsFor = (phase: Progress.Phase, n: number) =>
  phase === "clients" || phase === "actuals" ? Math.ceil(n / bulk) : n;

/** The record for the units done so far of each phase, against the plan's totals. */
export const recordOf = (
  base: { readonly runId: string; readonly connectionId: string; readonly writesStartedAt: string | null },
  phase: Progress.Phase,
  totals: Totals,
  done: ReadonlyMap<Progress.Phase, number>,
): RunProgress.ProgressWrite => {
  const of = (p: Progress.Phase) => done.get(p) ?? 0;
  const total = (p: Progress.Phase) => (p in totals ? totals[p as keyof Totals] : 0);
  const phases: ReadonlyArray<Progress.Phase> = [...entityPhases, "actuals", "removals"];
  let entitiesDone = 0;
  let entitiesTotal = 0;
  for (const p of entityPhases) {
    entitiesDone += of(p);
    entitiesTotal += total(p);
  }
  let requestsDone = 0;
  let requestsTotal = 0;
  for (const p of phases) {
    requestsDone += requestsFor(p, of(p));
    requestsTotal += requestsFor(p, total(p));
  }
  return {
    runId: base.runId as Ids.RunId,
    connectionId: base.connectionId as Ids.ConnectionId,
    phase,
    entities: { done: entitiesDone, total: entitiesTotal },
    actuals: { done: of("actuals"), total: totals.actuals },
    requests: { done: requestsDone, total: requestsTotal },
    writesStartedAt: base.writesStartedAt as Ids.IsoDateTime | null,
  };
};

/** Options of `recording`. */
export interface RecordingOptions {
  readonly runId: string;
  readonly connectionId: string;
  /** Least time between two saves within a phase (a phase change always saves). */
  readonly everyMs?: number;
}

/**
 * Runs `body` with a `Progress` service that forwards every event to the host's and saves the record
 * in the store (at a phase change, and at most every `everyMs` within a phase). `body` receives a
 * function that sets the plan's totals once it is known. A failed save is logged, never fatal.
 */
export const recording = <A, E, R>(
  store: SyncStore.Shape,
  lease: Lease.Lease,
  options: RecordingOptions,
  body: (setPlan: (plan: Plan.Plan) => void) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E, R> =>
  Effect.gen(function* () {
    const host = yield* Effect.serviceOption(Progress.Progress);
    const everyMs = options.everyMs ?? 2_000;
    const done = new Map<Progress.Phase, number>();
    let totals: Totals = { roles: 0, clients: 0, projects: 0, people: 0, links: 0, actuals: 0, removals: 0 };
    let phase: Progress.Phase | null = null;
    let savedAt = Number.NEGATIVE_INFINITY;
    let writesStartedAt: string | null = null;
    const save = (now: number) =>
      store.progress
        .put(
          lease,
          recordOf(
            { runId: options.runId, connectionId: options.connectionId, writesStartedAt },
            phase ?? "lease",
            totals,
            done,
          ),
        )
        .pipe(
          Effect.tap(() =>
            Effect.sync(() => {
              savedAt = now;
            }),
          ),
          Effect.catchAll((e) => Effect.logWarning("could not save the run's progress", e.reason)),
        );
    const service = {
      report: (event: Progress.ProgressEvent) =>
        Effect.gen(function* () {
          if (host._tag === "Some") yield* host.value.report(event);
          const now = yield* Clock.currentTimeMillis;
          const changed = event.phase !== phase;
          phase = event.phase;
          done.set(event.phase, event.done);
          if (writesStartedAt === null && (entityPhases.includes(event.phase) || event.phase === "actuals"))
            writesStartedAt = new Date(now).toISOString();
          if (changed || now - savedAt >= everyMs) yield* save(now);
        }),
    };
    return yield* body((plan) => {
      totals = totalsOf(plan);
    }).pipe(Effect.provideService(Progress.Progress, service));
  });
