/**
 * What a worker does with one job. A `sync` job runs `Sync.run`; a run that ends `failed` for a
 * reason worth retrying (or could not start: `Busy`, store or API outages) fails the job so pg-boss
 * retries it with backoff. Held and skipped items, and `partial` runs, are not failures: the next run
 * completes them (SPEC R1, R6). A dead letter is recorded in the connection's run history.
 */
import { type Ids, Optional } from "@harvest-runn/domain";
import type { SyncStore } from "@harvest-runn/storage";
import { Output, type Sync, SyncError } from "@harvest-runn/sync";
import { Data, Effect } from "effect";
import { decode, type JobOutput, type SyncJob } from "./SyncJob.ts";

/** The job must be failed so that pg-boss retries it; `message` becomes the job's output. */
export class RetryLater extends Data.TaggedError("RetryLater")<{
  readonly reason: string;
  readonly message: string;
}> {}

const noRetry: ReadonlyArray<string> = ["ConnectionNotFound", "InvalidInput"];

/** Runs the sync a job asks for and says whether pg-boss should retry it. */
export const syncJob = (sync: Sync.Service, raw: unknown): Effect.Effect<JobOutput, RetryLater> =>
  Effect.gen(function* () {
    const decoded = yield* Effect.either(decode(raw));
    if (decoded._tag === "Left")
      return { runId: null, status: "skipped", reason: "InvalidInput" } satisfies JobOutput;
    const job: SyncJob = decoded.right;
    const result = yield* Effect.either(
      sync.run(job.connectionId, {
        trigger: job.trigger,
        ...Optional.fields({
          scope: job.scope,
          scheduledFor: Optional.map(job.scheduledFor, (at) => new Date(at)),
          requestedRunId: job.runId,
        }),
      }),
    );
    if (result._tag === "Left") {
      const e = result.left;
      if (noRetry.includes(e.reason)) return { runId: null, status: "skipped", reason: e.reason } as const;
      return yield* new RetryLater({ reason: e.reason, message: `${e.reason}: ${e.message}` });
    }
    const summary = result.right;
    if (summary.status === "succeeded" || summary.status === "partial") {
      const done: JobOutput = { runId: summary.id, status: summary.status };
      return done;
    }
    const error = summary.error ?? { reason: "Store" as const, message: "the run failed" };
    if (!SyncError.isRetryable(SyncError.make(error.reason, error.message)))
      return { runId: summary.id, status: "failed", reason: error.reason } as const;
    return yield* new RetryLater({
      reason: error.reason,
      message: `${error.reason}: run ${summary.id} failed: ${error.message}`,
    });
  }).pipe(Effect.withSpan("SyncQueue.syncJob"));

/** What the dead-letter worker knows about a job that used up its retries. */
export interface DeadLetter {
  readonly data: unknown;
  /** The failed job's output (pg-boss stores the last error there). */
  readonly output: unknown;
  readonly attempts: number;
}

const lastError = (output: unknown): { reason: string; message: string } => {
  const text =
    typeof output === "object" &&
    output !== null &&
    typeof (output as { message?: unknown }).message === "string"
      ? (output as { message: string }).message
      : "the job failed";
  const m = /^([A-Za-z]+): (.*)$/s.exec(text);
  return m ? { reason: m[1]!, message: m[2]! } : { reason: "Store", message: text };
};

/**
 * Records a dead letter as a `failed` run of its connection (under the connection's lease, so it is
 * fenced like any run): the run history then says the job gave up and why. A scheduled job's instant
 * is kept, so the scheduler counts that day as served.
 */
export const deadLetter = (
  store: SyncStore.Shape,
  holder: string,
  letter: DeadLetter,
): Effect.Effect<JobOutput, RetryLater> =>
  Effect.gen(function* () {
    const decoded = yield* Effect.either(decode(letter.data));
    if (decoded._tag === "Left") return { runId: null, status: "skipped", reason: "InvalidInput" } as const;
    const job = decoded.right;
    const error = lastError(letter.output);
    const lease = yield* store.leases
      .acquire({ connectionId: job.connectionId as Ids.ConnectionId, holder, ttl: "1 minute" })
      .pipe(Effect.either);
    if (lease._tag === "Left") {
      if (lease.left.reason === "NotFound")
        return { runId: null, status: "skipped", reason: "ConnectionNotFound" } as const;
      return yield* new RetryLater({ reason: "Busy", message: `Busy: ${lease.left.message}` });
    }
    const recorded = Effect.gen(function* () {
      const input = {
        trigger: job.trigger,
        scope: {
          scope: job.scope ?? Output.scopeAll,
          scheduledFor: job.scheduledFor ?? null,
          mode: "run",
          deadLetter: { attempts: letter.attempts, reason: error.reason },
        },
      };
      // The run requested for this job (still queued when no attempt started it) records the give-up.
      const run = yield* job.runId === undefined
        ? store.runs.start(lease.right, input)
        : store.runs.start(lease.right, { ...input, requested: job.runId as Ids.RunId }).pipe(
            Effect.catchIf(
              (e) => e.reason === "NotFound",
              () => store.runs.start(lease.right, input),
            ),
          );
      const text = `${error.reason}: gave up after ${letter.attempts} attempts (dead letter): ${error.message}`;
      yield* store.runs.finish(lease.right, run.id, { status: "failed", error: text });
      return { runId: run.id as string, status: "failed", reason: "DeadLetter" } satisfies JobOutput;
    }).pipe(
      Effect.mapError((e) => new RetryLater({ reason: "Store", message: `Store: ${e.message}` })),
      Effect.ensuring(store.leases.release(lease.right).pipe(Effect.ignore)),
    );
    return yield* recorded;
  }).pipe(Effect.withSpan("SyncQueue.deadLetter"));
