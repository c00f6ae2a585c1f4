/**
 * Progress events of a run, for progress bars: the phase, how many units are done and how many there
 * are in total. Hosts provide a layer; the default drops every event.
 */
import { Context, Effect, Layer } from "effect";

/** The phases of a run, in order. */
export type Phase =
  | "lease"
  | "load"
  | "load-old-days"
  | "reconcile"
  | "roles"
  | "clients"
  | "projects"
  | "people"
  | "links"
  | "actuals"
  | "removals"
  | "record";

/** One progress event. `total` is 0 when the phase's size is unknown. */
export interface ProgressEvent {
  readonly runId: string;
  readonly connectionId: string;
  readonly phase: Phase;
  readonly done: number;
  readonly total: number;
}

/** Where progress events go. */
export class Progress extends Context.Tag("@harvest-runn/sync/Progress")<
  Progress,
  { readonly report: (event: ProgressEvent) => Effect.Effect<void> }
>() {}

/** Drops every event. */
export const layerNoop: Layer.Layer<Progress> = Layer.succeed(Progress, { report: () => Effect.void });

/** Calls a plain callback for every event (a throwing callback is logged and ignored). */
export const layerCallback = (onProgress: (event: ProgressEvent) => void): Layer.Layer<Progress> =>
  Layer.succeed(Progress, {
    report: (event) =>
      Effect.try(() => onProgress(event)).pipe(
        Effect.catchAll((e) => Effect.logWarning("progress callback threw", String(e.error))),
      ),
  });

/** Reports an event when a `Progress` service is present, and does nothing otherwise. */
export const report = (event: ProgressEvent): Effect.Effect<void> =>
  Effect.serviceOption(Progress).pipe(
    Effect.flatMap((p) => (p._tag === "Some" ? p.value.report(event) : Effect.void)),
  );
