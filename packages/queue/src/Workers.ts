/**
 * pg-boss workers in this process: N on the `sync` queue, one on dead letters, one on the tick. Each
 * job's run is a fiber; stopping (the scope closing, e.g. on SIGTERM) stops fetching, lets jobs in
 * hand finish within the grace period, then interrupts the rest, which releases their store leases
 * and fails their jobs so another worker retries them.
 */
import type { SyncStore } from "@harvest-runn/storage";
import type { Sync } from "@harvest-runn/sync";
import { Duration, Effect, Exit, Fiber, Runtime, type Scope } from "effect";
import type PgBoss from "pg-boss";
import type { TickReport } from "./Enqueue.ts";
import { deadLetter, RetryLater, syncJob } from "./Handle.ts";
import type { Resolved } from "./Options.ts";
import * as QueueError from "./QueueError.ts";
import { deadLetterQueue, type JobOutput, syncQueue, tickQueue } from "./SyncJob.ts";

/** Something a worker did, for logs and tests. */
export type WorkerEvent =
  | { readonly type: "ready"; readonly workers: number }
  | {
      readonly type: "job-started";
      readonly jobId: string;
      readonly connectionId: string;
      readonly attempt: number;
    }
  | {
      readonly type: "job-completed";
      readonly jobId: string;
      readonly connectionId: string;
      readonly output: JobOutput;
    }
  | {
      readonly type: "job-failed";
      readonly jobId: string;
      readonly connectionId: string;
      readonly message: string;
    }
  | {
      readonly type: "dead-letter";
      readonly jobId: string;
      readonly connectionId: string;
      readonly output: JobOutput;
    }
  | { readonly type: "tick"; readonly report: TickReport }
  | { readonly type: "stopping"; readonly inHand: number }
  | { readonly type: "released"; readonly jobId: string };

/** Options of `work`. */
export interface WorkOptions {
  /** Concurrent `sync` workers in this process (default 1). */
  readonly workers?: number;
  /** Schedule the periodic tick and handle it here (default true; the cluster runs one per slot). */
  readonly tick?: boolean;
  /** Called for every event (default: nothing). */
  readonly onEvent?: (event: WorkerEvent) => void;
}

/** What the workers call. */
export interface Deps {
  readonly sync: Sync.Service;
  readonly store: SyncStore.Shape;
  readonly tick: (at: Date) => Effect.Effect<TickReport, QueueError.QueueError>;
}

const connectionOf = (data: unknown): string =>
  typeof data === "object" &&
  data !== null &&
  typeof (data as { connectionId?: unknown }).connectionId === "string"
    ? (data as { connectionId: string }).connectionId
    : "";

/** Starts the workers; they stop (gracefully) when the scope closes. */
export const work = (
  boss: PgBoss,
  config: Resolved,
  deps: Deps,
  options: WorkOptions = {},
): Effect.Effect<void, QueueError.QueueError, Scope.Scope> =>
  Effect.gen(function* () {
    const runtime = yield* Effect.runtime<never>();
    const emit = options.onEvent ?? (() => {});
    const inHand = new Map<string, Fiber.RuntimeFiber<JobOutput, RetryLater>>();
    const released = new Set<string>();
    const limit = Duration.millis(Math.max(1000, config.expireInSeconds * 1000 - 1000));

    /** Runs one job's effect as a tracked fiber; the promise settles the pg-boss job. */
    const track = async (jobId: string, effect: Effect.Effect<JobOutput, RetryLater>): Promise<JobOutput> => {
      const fiber = Runtime.runFork(runtime)(
        effect.pipe(
          // pg-boss gives up on the job at its expiry; stop the run first so its lease is released.
          Effect.timeoutFail({ duration: limit, onTimeout: () => timeoutError() }),
        ),
      );
      inHand.set(jobId, fiber);
      const exit = await Runtime.runPromise(runtime)(Fiber.await(fiber));
      inHand.delete(jobId);
      if (Exit.isSuccess(exit)) return exit.value;
      if (Exit.isInterrupted(exit) || released.has(jobId)) {
        emit({ type: "released", jobId });
        throw new Error("Busy: the worker stopped before the run finished; the job is released for retry");
      }
      const failure = exit.cause._tag === "Fail" ? exit.cause.error : null;
      throw new Error(failure?.message ?? "Store: the job's run died unexpectedly");
    };

    const syncHandler = async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
      if (job === undefined) return;
      const connectionId = connectionOf(job.data);
      emit({ type: "job-started", jobId: job.id, connectionId, attempt: job.retryCount + 1 });
      try {
        const output = await track(job.id, syncJob(deps.sync, job.data));
        emit({ type: "job-completed", jobId: job.id, connectionId, output });
        return output;
      } catch (e) {
        emit({ type: "job-failed", jobId: job.id, connectionId, message: (e as Error).message });
        throw e;
      }
    };

    const deadHandler = async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
      if (job === undefined) return;
      const output = await track(
        job.id,
        deadLetter(deps.store, config.holder, {
          data: job.data,
          output: job.output,
          attempts: config.retryLimit + 1,
        }),
      );
      emit({ type: "dead-letter", jobId: job.id, connectionId: connectionOf(job.data), output });
      return output;
    };

    const tickHandler = async () => {
      const report = await Runtime.runPromise(runtime)(deps.tick(new Date()));
      emit({ type: "tick", report });
      return report;
    };

    const count = Math.max(1, options.workers ?? 1);
    const poll = { pollingIntervalSeconds: config.pollingIntervalSeconds, includeMetadata: true as const };
    yield* Effect.tryPromise({
      try: async () => {
        for (let i = 0; i < count; i++) await boss.work(syncQueue, { ...poll, batchSize: 1 }, syncHandler);
        await boss.work(deadLetterQueue, { ...poll, batchSize: 1 }, deadHandler);
        if (options.tick ?? true) {
          await boss.schedule(tickQueue, `*/${config.tickMinutes} * * * *`, {}, { tz: "UTC" });
          await boss.work(tickQueue, { pollingIntervalSeconds: config.pollingIntervalSeconds }, tickHandler);
        }
      },
      catch: QueueError.fromUnknown("Queue", "could not start the workers"),
    });
    emit({ type: "ready", workers: count });

    yield* Effect.addFinalizer(() =>
      Effect.gen(function* () {
        emit({ type: "stopping", inHand: inHand.size });
        yield* Effect.promise(async () => {
          await Promise.all(
            [syncQueue, deadLetterQueue, tickQueue].map((q) => boss.offWork(q).catch(() => {})),
          );
        });
        // Finish what is in hand within the grace period …
        const deadline = Date.now() + config.shutdownGraceMs;
        while (inHand.size > 0 && Date.now() < deadline) yield* Effect.sleep("100 millis");
        // … then release the rest: interrupting a run releases its lease; its job fails and is retried.
        const rest = [...inHand.entries()];
        for (const [id] of rest) released.add(id);
        yield* Fiber.interruptAll(rest.map(([, f]) => f));
        for (let i = 0; i < 250 && inHand.size > 0; i++) yield* Effect.sleep("20 millis");
        // Let pg-boss record the failures before it stops.
        if (rest.length > 0) yield* Effect.sleep("300 millis");
      }),
    );
  });

const timeoutError = (): RetryLater =>
  new RetryLater({
    reason: "Busy",
    message: "Busy: the run reached the job's expiry and was stopped; the job will be retried",
  });
