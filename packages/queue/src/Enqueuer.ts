/**
 * A Promise facade for hosts that only put runs on the queue (the Express host with `DATABASE_URL`):
 * no `Sync`, no store, just pg-boss.
 *
 * @example
 * const queue = await Enqueuer.createEnqueuer({ schema: "pgboss" }); // DATABASE_URL
 * const r = await queue.enqueueSync("acme", { kind: "entities", types: ["people"] }, "manual");
 * if (r._tag === "AlreadyQueued") console.log("a run of acme is already queued or running");
 * await queue.close();
 */
import { Optional } from "@harvest-runn/domain";
import type { Output } from "@harvest-runn/sync";
import { Effect, Exit, type Redacted, Scope } from "effect";
import * as Boss from "./Boss.ts";
import { type Enqueued, send } from "./Enqueue.ts";
import { resolve } from "./Options.ts";
import * as QueueError from "./QueueError.ts";
import { databaseUrl } from "./SyncQueue.ts";

/** An open connection to the queue that can enqueue runs. */
export interface Enqueuer {
  /**
   * Queues a run (with `runId`, the `queued` run recorded for it, which the worker's run adopts);
   * resolves `AlreadyQueued` when the connection has a job queued, retrying or running.
   */
  readonly enqueueSync: (
    connectionId: string,
    scope?: Output.Scope,
    trigger?: Output.Trigger,
    runId?: string,
  ) => Promise<Enqueued>;
  /** Stops pg-boss and closes its pool. */
  readonly close: () => Promise<void>;
}

/** Opens the queue (creating its tables and queues when missing); rejects with a `QueueError`. */
export const createEnqueuer = async (
  options: { readonly url?: Redacted.Redacted<string>; readonly schema?: string } = {},
): Promise<Enqueuer> => {
  const config = resolve({ ...options, maxConnections: 2 });
  if (config instanceof QueueError.QueueError) throw config;
  const scope = Effect.runSync(Scope.make());
  const boss = await Effect.runPromise(
    databaseUrl(options.url).pipe(
      Effect.flatMap((url) => Boss.start(url, config, true)),
      Scope.extend(scope),
      Effect.tapError(() => Scope.close(scope, Exit.void)),
    ),
  );
  return {
    enqueueSync: (connectionId, scope, trigger, runId) =>
      connectionId.trim() === ""
        ? Promise.reject(QueueError.make("InvalidInput", "connectionId is empty"))
        : Effect.runPromise(
            send(boss, config.schema, {
              connectionId,
              trigger: trigger ?? "manual",
              ...Optional.fields({ scope, runId }),
            }),
          ),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void)),
  };
};
