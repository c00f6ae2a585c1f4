/**
 * Putting runs on the queue. One rule keeps the `stately` queue flowing: a connection gets a new job
 * only when it has none queued, retrying or active (pg-boss would otherwise try to activate a second
 * job of that connection, hit the policy's unique index and stall every fetch until the first ends).
 */
import { Optional } from "@harvest-runn/domain";
import type { Scheduler } from "@harvest-runn/sync";
import { Effect } from "effect";
import type PgBoss from "pg-boss";
import { pendingJob } from "./Boss.ts";
import * as QueueError from "./QueueError.ts";
import { type SyncJob, scheduledJobId, syncQueue } from "./SyncJob.ts";

/** What `enqueue` did: queued a new job, or found the connection's job already queued or running. */
export type Enqueued =
  | { readonly _tag: "Enqueued"; readonly jobId: string }
  | {
      readonly _tag: "AlreadyQueued";
      /** The job that is queued, retrying or active for the connection (null when only the day's id matched). */
      readonly jobId: string | null;
      readonly state: string | null;
    };

/** Sends one `sync` job unless the connection already has one in the queue. */
export const send = (
  boss: PgBoss,
  schema: string,
  job: SyncJob,
  id?: string,
): Effect.Effect<Enqueued, QueueError.QueueError> =>
  Effect.gen(function* () {
    const pending = yield* pendingJob(boss, schema, job.connectionId);
    if (pending !== null) return { _tag: "AlreadyQueued", jobId: pending.id, state: pending.state } as const;
    const jobId = yield* Effect.tryPromise({
      try: () =>
        boss.send(syncQueue, job as object, {
          singletonKey: job.connectionId,
          ...Optional.fields({ id }),
        }),
      catch: QueueError.fromUnknown("Queue", "could not enqueue the run"),
    });
    const result: Enqueued =
      jobId === null
        ? { _tag: "AlreadyQueued", jobId: id ?? null, state: null }
        : { _tag: "Enqueued", jobId };
    return result;
  });

/** What one tick did. */
export interface TickReport {
  /** When the tick looked. */
  readonly at: string;
  /** Connections due at `at`. */
  readonly due: number;
  /** Jobs queued by this tick. */
  readonly enqueued: ReadonlyArray<{ readonly connectionId: string; readonly jobId: string }>;
  /** Due connections whose job for the day, or another job, was already queued or running. */
  readonly alreadyQueued: ReadonlyArray<string>;
}

/** Enqueues every due connection as a scheduled job, one per connection and local date. */
export const enqueueDue = (
  boss: PgBoss,
  schema: string,
  due: ReadonlyArray<Scheduler.Due>,
  at: Date,
): Effect.Effect<TickReport, QueueError.QueueError> =>
  Effect.gen(function* () {
    const enqueued: Array<{ connectionId: string; jobId: string }> = [];
    const alreadyQueued: Array<string> = [];
    for (const d of due) {
      const job: SyncJob = {
        connectionId: d.connectionId,
        trigger: "schedule",
        scheduledFor: d.scheduledFor.toISOString(),
        localDate: d.localDate,
      };
      const r = yield* send(boss, schema, job, scheduledJobId(d.connectionId, d.localDate));
      if (r._tag === "Enqueued") enqueued.push({ connectionId: d.connectionId, jobId: r.jobId });
      else alreadyQueued.push(d.connectionId);
    }
    return { at: at.toISOString(), due: due.length, enqueued, alreadyQueued };
  });
