/**
 * Rounding of Harvest hours to Runn minutes (SPEC A2): per entry, each entry's hours to the nearest
 * minute and then summed; per day, each entry's hours to the nearest second, summed, and the day total
 * rounded to the nearest minute once.
 */

/** Rounds to the nearest integer, halves away from zero (so −x rounds as x does), and never yields −0. */
export const roundHalfAway = (x: number): number => (x >= 0 ? Math.round(x) : -Math.round(-x)) || 0;

/** A2 per entry: an entry's hours in whole minutes. */
export const entryMinutes = (hours: number): number => roundHalfAway(hours * 60);

/** A2 per day: an entry's hours in whole seconds, summed per key before `dayMinutes`. */
export const entrySeconds = (hours: number): number => Math.round(hours * 3600) || 0;

/** A2 per day: a key's summed seconds in whole minutes. */
export const dayMinutes = (seconds: number): number => roundHalfAway(seconds / 60);
