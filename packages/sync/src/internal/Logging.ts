/**
 * Structured log annotations (SPEC R8): every log line of a run carries its run and connection ids.
 * Tokens never reach a log: they are `Redacted` everywhere and no message formats them.
 */
import { Effect } from "effect";

/** Annotates every log line of `self` with the run's and the connection's ids, and spans it. */
export const withRun =
  (runId: string, connectionId: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    self.pipe(Effect.annotateLogs({ runId, connectionId }), Effect.annotateSpans({ runId, connectionId }));

/** Annotates every log line of `self` with the connection's id. */
export const withConnection =
  (connectionId: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    self.pipe(Effect.annotateLogs({ connectionId }), Effect.annotateSpans({ connectionId }));
