/**
 * Run routes: start a sync (`202 {runId}`, or `202 {jobId, status: "queued"}` through the queue; 409
 * while a run holds the lease or the connection's job is queued or running), one project's actuals
 * (SPEC A10), the run history (paged), one run with its items (filtered), undo (SPEC E11), and dry runs
 * (`202 {planId}`, polled, then appliable).
 */
import { Ids, Optional, Reason, ReconcileOptions } from "@harvest-runn/domain";
import { Dispatch } from "@harvest-runn/queue";
import { Run } from "@harvest-runn/storage";
import { Output, Sync, SyncError } from "@harvest-runn/sync";
import { Effect, Schema } from "effect";
import type { Router } from "express";
import type { HostRuntime } from "../Runtime.ts";
import { decode, Id, IntString } from "./Decode.ts";
import { encoded, json } from "./Handler.ts";
import * as HttpError from "./HttpError.ts";

/** The body of `POST .../sync` and `POST .../plans`: entity types (default all) or a backfill date. */
export const SyncBody = Schema.Struct({
  types: Schema.optional(Schema.NonEmptyArray(ReconcileOptions.EntityType)),
  backfillFrom: Schema.optional(Ids.IsoDate),
});

/** `202` of a started run: `{runId}` in process, `{runId, jobId, status: "queued"}` through the queue. */
const Started = Schema.Union(
  Schema.Struct({ runId: Schema.String, jobId: Schema.String, status: Schema.Literal("queued") }),
  Schema.Struct({ runId: Schema.String }),
);
const startedBody = (s: Dispatch.Started): typeof Started.Type =>
  s._tag === "Started" ? { runId: s.runId } : { runId: s.runId, jobId: s.jobId, status: "queued" };
const PlanStarted = Schema.Struct({ planId: Schema.String });
const IdParams = Schema.Struct({ id: Id });
const RunParams = Schema.Struct({ id: Id, runId: Id });
const PlanParams = Schema.Struct({ id: Id, planId: Id });
const ProjectParams = Schema.Struct({ id: Id, harvestProjectId: IntString });

const PageQuery = Schema.Struct({
  limit: Schema.optional(IntString.pipe(Schema.lessThanOrEqualTo(200))),
  before: Schema.optional(IntString),
});

const list = <A, I>(item: Schema.Schema<A, I, never>) =>
  Schema.transform(Schema.String, Schema.NonEmptyArray(item), {
    strict: false,
    decode: (s) => s.split(",").map((x) => x.trim()),
    encode: (xs) => xs.join(","),
  });

const ItemsQuery = Schema.Struct({
  outcome: Schema.optional(list(Run.Outcome)),
  reason: Schema.optional(list(Reason.ReasonCode)),
  after: Schema.optional(IntString),
  limit: Schema.optional(IntString.pipe(Schema.lessThanOrEqualTo(100_000))),
});

const UndoBody = Schema.Struct({ dryRun: Schema.optional(Schema.Boolean) });

const PlanView = Schema.Struct({
  id: Schema.String,
  connectionId: Schema.String,
  status: Schema.Literal("running", "done", "failed"),
  createdAt: Schema.String,
  result: Schema.NullOr(Output.PlanResult),
  error: Schema.NullOr(Schema.Struct({ reason: Schema.String, message: Schema.String })),
});

/** Fails `RunNotFound` unless the run belongs to the connection. */
const ownRun = (connectionId: string, runId: string) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const detail = yield* sync.runDetail(runId, { limit: 1 });
    if (detail.summary.connectionId !== connectionId)
      return yield* SyncError.make("RunNotFound", `no run ${runId} for connection ${connectionId}`);
    return detail.summary;
  });

/** Adds the run routes to an authenticated router. */
export const routes = (router: Router, runtime: HostRuntime) => {
  router.post(
    "/connections/:id/sync",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(SyncBody, req.body, "body");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startRun(
          id,
          body.backfillFrom !== undefined
            ? { _tag: "Backfill", fromDate: body.backfillFrom }
            : {
                _tag: "Run",
                ...Optional.fields({
                  scope: Optional.map(body.types, (types) => ({ kind: "entities", types })),
                }),
              },
        );
        return encoded(202, Started, startedBody(started));
      }),
    ),
  );

  router.post(
    "/connections/:id/projects/:harvestProjectId/sync-actuals",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id, harvestProjectId } = yield* decode(ProjectParams, req.params, "params");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startRun(id, {
          _tag: "Run",
          scope: { kind: "project", harvestProjectId },
        });
        return encoded(202, Started, startedBody(started));
      }),
    ),
  );

  router.get(
    "/connections/:id/runs",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const page = yield* decode(PageQuery, req.query, "query");
        const sync = yield* Sync.Sync;
        yield* sync.status(id);
        const result = yield* sync.runs(id, {
          limit: page.limit ?? 20,
          ...Optional.fields({ before: page.before }),
        });
        return encoded(200, Output.RunsPage, result);
      }),
    ),
  );

  router.get(
    "/connections/:id/runs/:runId",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id, runId } = yield* decode(RunParams, req.params, "params");
        const q = yield* decode(ItemsQuery, req.query, "query");
        yield* ownRun(id, runId);
        const sync = yield* Sync.Sync;
        const detail = yield* sync.runDetail(runId, {
          ...Optional.fields({ outcome: q.outcome, reason: q.reason, after: q.after }),
          limit: q.limit ?? 1000,
        });
        return encoded(200, Output.RunDetail, detail);
      }),
    ),
  );

  router.post(
    "/connections/:id/runs/:runId/undo",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id, runId } = yield* decode(RunParams, req.params, "params");
        const body = yield* decode(UndoBody, req.body, "body");
        yield* ownRun(id, runId);
        const sync = yield* Sync.Sync;
        const report = yield* sync.undo(runId, { dryRun: body.dryRun ?? false });
        return encoded(200, Output.UndoReport, report);
      }),
    ),
  );

  router.post(
    "/connections/:id/plans",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(SyncBody, req.body, "body");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startPlan(id, {
          ...Optional.fields({
            scope: Optional.map(body.types, (types) => ({ kind: "entities", types })),
            backfillFrom: body.backfillFrom,
          }),
        });
        return encoded(202, PlanStarted, started);
      }),
    ),
  );

  router.get(
    "/connections/:id/plans/:planId",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id, planId } = yield* decode(PlanParams, req.params, "params");
        const dispatch = yield* Dispatch.Dispatch;
        return encoded(200, PlanView, yield* dispatch.plan(id, planId));
      }),
    ),
  );

  router.post(
    "/connections/:id/plans/:planId/apply",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id, planId } = yield* decode(PlanParams, req.params, "params");
        const dispatch = yield* Dispatch.Dispatch;
        const job = yield* dispatch.plan(id, planId);
        if (job.result === null)
          return yield* HttpError.make("Conflict", `plan ${planId} is ${job.status}, not ready to apply`);
        const started = yield* dispatch.startRun(id, { _tag: "Apply", plan: job.result.plan });
        return encoded(202, Started, startedBody(started));
      }),
    ),
  );
};
