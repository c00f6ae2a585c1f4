/**
 * pg-boss, started and stopped as a scoped resource, with the queues this package needs: `sync`
 * (policy `stately`, expiry, retries with backoff, dead letters) and its dead-letter queue.
 */
import { Effect, Redacted, Runtime, type Scope } from "effect";
import PgBoss from "pg-boss";
import type { Resolved } from "./Options.ts";
import * as QueueError from "./QueueError.ts";
import { deadLetterQueue, syncQueue, tickQueue } from "./SyncJob.ts";

/**
 * Starts pg-boss on `url` (migrating its schema) and stops it when the scope closes. `enqueueOnly`
 * processes neither supervise (expire, archive) nor run the cron: the workers do.
 */
export const start = (
  url: Redacted.Redacted<string>,
  config: Resolved,
  enqueueOnly = false,
): Effect.Effect<PgBoss, QueueError.QueueError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.flatMap(Effect.runtime<never>(), (runtime) =>
      Effect.tryPromise({
        try: async () => {
          const boss = new PgBoss({
            connectionString: Redacted.value(url),
            schema: config.schema,
            max: config.maxConnections,
            application_name: "harvest-runn-queue",
            maintenanceIntervalSeconds: config.maintenanceIntervalSeconds,
            // Completed jobs stay long enough that a scheduled job's id still dedupes the whole local day.
            archiveCompletedAfterSeconds: 3 * 24 * 3600,
            ...(enqueueOnly ? { supervise: false, schedule: false } : {}),
          });
          boss.on("error", (e: Error) =>
            Runtime.runFork(runtime)(
              Effect.logWarning("pg-boss error", QueueError.scrub(e.message ?? String(e))),
            ),
          );
          await boss.start();
          await createQueues(boss, config);
          return boss;
        },
        catch: QueueError.fromUnknown("Unavailable", "pg-boss could not start"),
      }),
    ),
    (boss) => Effect.promise(() => boss.stop({ graceful: true, timeout: 1000, wait: true }).catch(() => {})),
  );

const createQueues = async (boss: PgBoss, config: Resolved) => {
  const upsert = async (name: string, options: Omit<PgBoss.Queue, "name">) => {
    const existing = await boss.getQueue(name);
    if (existing === null) await boss.createQueue(name, { name, ...options });
    else await boss.updateQueue(name, { name, ...options });
  };
  await upsert(deadLetterQueue, {
    policy: "standard",
    retryLimit: config.deadLetterRetryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await upsert(syncQueue, {
    policy: "stately",
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: config.expireInSeconds,
    deadLetter: deadLetterQueue,
  });
  await upsert(tickQueue, { policy: "short", retryLimit: 0, expireInSeconds: 300 });
};

/** The job of a connection that is queued, retrying or active on `sync`, if any. */
export const pendingJob = (
  boss: PgBoss,
  schema: string,
  connectionId: string,
): Effect.Effect<{ readonly id: string; readonly state: string } | null, QueueError.QueueError> =>
  Effect.tryPromise({
    try: async () => {
      const { rows } = await boss
        .getDb()
        .executeSql(
          `SELECT id, state FROM ${schema}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' ORDER BY created_on LIMIT 1`,
          [syncQueue, connectionId],
        );
      const row = rows[0] as { id: string; state: string } | undefined;
      return row === undefined ? null : { id: row.id, state: row.state };
    },
    catch: QueueError.fromUnknown("Queue", "could not read the queue"),
  });
