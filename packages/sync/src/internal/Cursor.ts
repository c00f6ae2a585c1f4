/**
 * The Harvest `updated_since` cursor of SPEC A6, as pure arithmetic. It lives in Harvest's own time:
 * the first run seeds it from Harvest's clock as the run began loading (the earliest `Date` header among
 * the load's answers, so it costs no request of its own), later runs advance it to the newest
 * `updated_at` they read; both minus an overlap. This machine's clock never
 * enters: when it runs ahead of Harvest's by more than the overlap, a cursor taken from it would skip
 * every edit stamped in between, silently.
 */

/** What the next cursor is computed from. */
export interface CursorInput {
  /** The stored cursor (ISO date-time), or null before the first run that completed its actuals. */
  readonly previous: string | null;
  /** The newest Harvest `updated_at` among the entries the run read, or null when it read none. */
  readonly newestSeen: string | null;
  /** Harvest's clock when the run began loading (the earliest `Date` header it answered with), or null. */
  readonly harvestNow: Date | null;
  /** How far the cursor stays behind the instant it is taken from, in milliseconds. */
  readonly overlapMs: number;
}

/** An instant as Harvest's `updated_since` takes it: ISO 8601 in whole seconds, UTC. */
export const format = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The cursor after a run whose actuals completed, or null when there is nothing in Harvest's time to
 * seed it from (the next run tries again). It never moves backwards.
 */
export const next = (input: CursorInput): string | null => {
  const seen = input.newestSeen === null ? null : Date.parse(input.newestSeen) - input.overlapMs;
  if (input.previous !== null) {
    const previous = Date.parse(input.previous);
    return format(seen === null ? previous : Math.max(previous, seen));
  }
  // First run: Harvest's clock at load time covers edits made while loading; the newest change seen is
  // the fallback when Harvest sent no `Date` header.
  if (input.harvestNow !== null) return format(input.harvestNow.getTime() - input.overlapMs);
  return seen === null ? null : format(seen);
};

/** Harvest's clock minus this machine's, in seconds (positive when Harvest is ahead). */
export const skewSeconds = (harvestNow: Date, localNow: Date): number =>
  (harvestNow.getTime() - localNow.getTime()) / 1000;
