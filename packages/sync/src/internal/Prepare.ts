/**
 * Everything a run does before it writes (DESIGN "Data flow", steps 2–5): the reconcile options, both
 * snapshots loaded concurrently, the second load for old days, and the plan — or, for a saved plan,
 * the check that it is still fresh (SPEC R2). Nothing here writes; `plan` (the dry run) stops here.
 */
import type { Ids, Plan, ReconcileOptions, Settings, Snapshot } from "@harvest-runn/domain";
import { Reconcile } from "@harvest-runn/reconcile";
import { Effect, Option } from "effect";
import type * as Clients from "../Clients.ts";
import * as Progress from "../Progress.ts";
import * as SyncError from "../SyncError.ts";
import { type Env, reconcileOptions, updatedSinceCursor } from "./Env.ts";
import type { Prefetched } from "./LeaseWait.ts";
import { harvestKey, loadHarvest, loadOldDays, loadRunn, reading } from "./Load.ts";

/** What to prepare. */
export interface PrepareRequest {
  readonly scope: ReconcileOptions.Scope;
  readonly backfillFrom: string | null;
  /** A saved plan to apply instead of a fresh one; refused when stale. */
  readonly saved?: Plan.Plan;
  /** Harvest read while the run waited for its lease: used when it read what this run reads. */
  readonly prefetched?: Prefetched;
}

/** A prepared run: its plan and what it was computed from. */
export interface Prepared {
  readonly plan: Plan.Plan;
  readonly options: ReconcileOptions.Options;
  readonly harvest: Snapshot.HarvestSnapshot;
  readonly runn: Snapshot.RunnSnapshot;
  /** The newest Harvest `updated_at` seen (for the cursor), or null. */
  readonly newestUpdate: string | null;
}

const newest = (h: Snapshot.HarvestSnapshot): string | null => {
  let best: string | null = null;
  for (const list of [h.timeEntries, h.updatedEntries, h.oldDayEntries])
    for (const e of list) if (best === null || e.updated_at > best) best = e.updated_at;
  return best;
};

/** Names the fingerprint sections that differ. */
const staleSections = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();

/** Loads, reconciles, and returns the plan; writes nothing. */
export const prepare = (
  env: Env,
  clients: Clients.Pair,
  connection: { readonly id: Ids.ConnectionId; readonly settings: Settings.Settings },
  at: Date,
  runId: string,
  request: PrepareRequest,
) =>
  Effect.gen(function* () {
    const fresh = yield* reconcileOptions(env, connection.id, connection.settings, at, request);
    // A saved plan is checked against the settings it was made with, and today's data.
    const options: ReconcileOptions.Options = request.saved
      ? {
          ...fresh,
          ...request.saved.options,
          connectionId: fresh.connectionId,
          now: fresh.now,
          ledger: fresh.ledger,
        }
      : fresh;
    const cursor = yield* env.store.cursors
      .get(connection.id, updatedSinceCursor)
      .pipe(Effect.mapError(SyncError.fromStore));
    const input = {
      options,
      updatedSince: Option.getOrNull(cursor),
      runId,
      connectionId: connection.id,
      urls: { harvest: clients.urls.harvest, runn: clients.urls.runn },
      reading: reading(runId, connection.id),
    };
    const progress = (phase: Progress.Phase, done: number) =>
      Progress.report({ runId, connectionId: connection.id, phase, done, total: 1 });
    yield* progress("load", 0);
    const early = request.prefetched;
    const harvest =
      early === undefined
        ? loadHarvest(clients.harvest, input)
        : early.key === harvestKey(input)
          ? early.take
          : Effect.zipRight(early.discard, loadHarvest(clients.harvest, input));
    const [h, r] = yield* Effect.all([harvest, loadRunn(clients.runn, input)], { concurrency: 2 });
    yield* progress("load", 1);
    const full = yield* loadOldDays(clients.harvest, clients.runn, { harvest: h, runn: r }, input);
    yield* progress("reconcile", 0);
    let plan: Plan.Plan;
    if (request.saved) {
      const now = Reconcile.fingerprints(full.harvest, full.runn, options);
      const changed = staleSections(request.saved.fingerprints, now);
      if (changed.length > 0)
        return yield* SyncError.make(
          "StalePlan",
          `the saved plan is stale: ${changed.join(", ")} changed since it was made; make a new plan`,
        );
      plan = request.saved;
    } else {
      plan = Reconcile.reconcile(full.harvest, full.runn, options);
    }
    yield* progress("reconcile", 1);
    const prepared: Prepared = {
      plan,
      options,
      harvest: full.harvest,
      runn: full.runn,
      newestUpdate: newest(full.harvest),
    };
    return prepared;
  });
