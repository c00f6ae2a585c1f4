/**
 * A `Sync` test layer: the real service over an in-memory store (so `due` is the real scheduler),
 * with `run` and `start` replaced by a script per connection, and dry runs failing. No API is called.
 */

import { SyncStore } from "@harvest-runn/storage";
import { Fixtures } from "@harvest-runn/storage/testing";
import { Clients, Output, Sync, SyncError } from "@harvest-runn/sync";
import { Effect, Exit, Fiber, Layer, Option } from "effect";

/** What a scripted run does for one call. */
export type Step =
  | {
      readonly status: "succeeded" | "partial" | "failed";
      readonly held?: number;
      readonly reason?: SyncError.SyncErrorReason;
    }
  | { readonly error: SyncError.SyncErrorReason }
  | { readonly hang: true };

/** Calls seen by the scripted `run`, in order. */
export interface Call {
  readonly connectionId: string;
  readonly trigger: string | undefined;
  readonly scheduledFor: string | undefined;
  readonly scope: Output.Scope | undefined;
  /** The queued run the call was asked to adopt (a job enqueued through `Dispatch`). */
  readonly requestedRunId: string | undefined;
  readonly at: number;
  interrupted: boolean;
}

const counts = (held: number): Output.Counts => ({
  created: 0,
  linked: 0,
  unlinked: 0,
  written: 1,
  deleted: 0,
  archived: 0,
  skipped: 0,
  held,
  failed: 0,
});

/** Builds the layer; `script(connectionId, attempt)` says what each run does. */
export const make = (script: (connectionId: string, attempt: number) => Step) => {
  const calls: Array<Call> = [];
  const sync = Layer.effect(
    Sync.Sync,
    Effect.gen(function* () {
      const real = yield* Sync.make({});
      /** Records the call and returns what the script says it does. */
      const scripted = (connectionId: string, o: Sync.RunOptions) => {
        const call: Call = {
          connectionId,
          trigger: o.trigger,
          scheduledFor: o.scheduledFor?.toISOString(),
          scope: o.scope,
          requestedRunId: o.requestedRunId,
          at: Date.now(),
          interrupted: false,
        };
        calls.push(call);
        const id = `run-${calls.length}`;
        const step = script(connectionId, calls.filter((c) => c.connectionId === connectionId).length);
        if ("hang" in step)
          return Effect.never.pipe(
            Effect.onInterrupt(() =>
              Effect.sync(() => {
                call.interrupted = true;
              }),
            ),
          );
        if ("error" in step) return Effect.fail(SyncError.make(step.error, `scripted ${step.error}`));
        const summary: Output.RunSummary = {
          id,
          connectionId,
          trigger: o.trigger ?? "manual",
          scope: Output.scopeAll,
          status: step.status,
          startedAt: new Date().toISOString(),
          endedAt: new Date().toISOString(),
          counts: counts(step.held ?? 0),
          error:
            step.status === "failed" ? { reason: step.reason ?? "Runn", message: "scripted failure" } : null,
          dryRun: false,
        };
        return Effect.succeed(summary);
      };
      const run: Sync.Service["run"] = (connectionId, o = {}) =>
        Effect.suspend(() => scripted(connectionId, o));
      // A scripted error fails `start` at once (as `Busy` does); anything else runs in a daemon fiber.
      const start: Sync.Service["start"] = (connectionId, o = {}) =>
        Effect.suspend(() => {
          const step = scripted(connectionId, o);
          const runId = `run-${calls.length}`;
          return Effect.gen(function* () {
            const fiber = yield* Effect.forkDaemon(step);
            yield* Effect.yieldNow();
            const polled = yield* Fiber.poll(fiber);
            if (Option.isSome(polled) && Exit.isFailure(polled.value))
              return yield* Effect.failCause(polled.value.cause);
            const started: Sync.Started = { runId, done: Fiber.join(fiber), fiber };
            return started;
          });
        });
      const plan: Sync.Service["plan"] = (connectionId) =>
        Effect.fail(SyncError.make("Harvest", `scripted dry run of ${connectionId}`));
      return { ...real, run, start, plan } satisfies Sync.Service;
    }),
  );
  const layer = Layer.provideMerge(sync, Layer.merge(SyncStore.layerMemory, Clients.layer()));
  return { layer, calls };
};

/** Creates a connection in the store; returns its id. */
export const connect = Effect.flatMap(SyncStore.SyncStore, (s) =>
  s.connections.create(Fixtures.connection()),
).pipe(Effect.map((c) => c.id as string));
