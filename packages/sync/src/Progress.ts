/**
 * Progress events of a run, for progress bars: the phase, how many units are done and how many there
 * are in total. Hosts provide a layer; the default drops every event. A run also saves its progress in
 * the store, and `describe` turns that record into the line a status view shows from any process.
 */
import type { RunProgress } from "@harvest-runn/storage";
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
  /** The run's id; empty while the run waits for its lease (`RunOptions.waitForLease`). */
  readonly runId: string;
  readonly connectionId: string;
  readonly phase: Phase;
  readonly done: number;
  readonly total: number;
  /** What a phase without steps is doing, in words, e.g. "5 of 13 lists, 48,210 records read" (load). */
  readonly note?: string;
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

/** "3 h 40 min", "12 min", "less than a minute". */
export const formatDuration = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/**
 * Time left of a run at `now`, from its write rate so far (requests left × time per request since the
 * first write, less the time since the record was saved); null before anything was written.
 */
export const estimateLeftMs = (p: RunProgress.RunProgress, now: Date): number | null => {
  if (p.writesStartedAt === null || p.requests.done === 0) return null;
  const elapsed = Date.parse(p.updatedAt) - Date.parse(p.writesStartedAt);
  if (!(elapsed > 0)) return null;
  const left = ((p.requests.total - p.requests.done) * elapsed) / p.requests.done;
  return Math.max(0, left - Math.max(0, now.getTime() - Date.parse(p.updatedAt)));
};

const count = (n: number) => n.toLocaleString("en-US");

/**
 * The line a status view shows for a running run's saved progress, e.g.
 * "importing: 31,204 of 58,945 entities, about 3 h 40 min left".
 *
 * @example
 * const p = yield* store.progress.get(connectionId);
 * if (Option.isSome(p) && status.running) console.log(Progress.describe(p.value, new Date()));
 */
export const describe = (p: RunProgress.RunProgress, now: Date): string => {
  switch (p.phase) {
    case "lease":
    case "load":
    case "load-old-days":
      return "loading Harvest and Runn";
    case "reconcile":
      return "planning what to write";
    case "record":
      return "recording the run";
  }
  const entities = `${count(p.entities.done)} of ${count(p.entities.total)} entities`;
  const actuals =
    p.actuals.total > 0 && (p.phase === "actuals" || p.phase === "removals")
      ? `, ${count(p.actuals.done)} of ${count(p.actuals.total)} actuals`
      : "";
  const left = estimateLeftMs(p, now);
  const eta = left === null ? "time left not known yet" : `about ${formatDuration(left)} left`;
  return `importing: ${entities}${actuals}, ${eta}`;
};
