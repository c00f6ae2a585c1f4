/**
 * Dry runs (SPEC R2): load, reconcile and report what a run would write, writing nothing. The plan
 * comes back in its JSON form so a host can save it and `apply` it later.
 */
import { Ids, Plan } from "@harvest-runn/domain";
import { Effect, Schema } from "effect";
import { countItems, type Scope, scopeAll } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import { type Env, loadConnection, now } from "./Env.ts";
import { prepare } from "./Prepare.ts";
import { plannedItems, reportItems } from "./Report.ts";

/** Options of `plan`. */
export interface PlanOptions {
  readonly scope?: Scope;
  /** Recompute every day from this date (SPEC A6 backfill), `YYYY-MM-DD`. */
  readonly backfillFrom?: string;
}

/** A dry run: the plan (JSON) and what it would do. */
import type { PlanResult } from "../Output.ts";

export type { PlanResult };

/** Computes what a run would write and writes nothing. */
export const plan = (
  env: Env,
  connectionId: string,
  o: PlanOptions = {},
): Effect.Effect<PlanResult, SyncError.SyncError> =>
  Effect.gen(function* () {
    if (o.backfillFrom !== undefined && !Ids.isIsoDate(o.backfillFrom))
      return yield* SyncError.make("InvalidInput", `backfillFrom "${o.backfillFrom}" is not YYYY-MM-DD`);
    const conn = yield* loadConnection(env, connectionId);
    const pair = yield* env.clients.make(conn.input);
    const at = yield* now;
    const prepared = yield* prepare(env, pair, conn, at, "dry-run", {
      scope: o.scope ?? scopeAll,
      backfillFrom: o.backfillFrom ?? null,
    });
    const planned = plannedItems(prepared.plan.operations);
    const items = [...planned, ...reportItems(prepared.plan.report)];
    const result: PlanResult = {
      plan: Schema.encodeSync(Plan.Plan)(prepared.plan),
      items,
      counts: countItems(items),
      writes: planned.length,
    };
    return result;
  }).pipe(Effect.withSpan("Sync.plan"));
