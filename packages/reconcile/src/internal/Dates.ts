/** Calendar arithmetic on `YYYY-MM-DD` strings (UTC, no time zone: days are Harvest's `spent_date`). */
import type { Ids, ReconcileOptions } from "@harvest-runn/domain";

const DAY_MS = 86_400_000;

/** Adds `days` (possibly negative) to a date. */
export const addDays = (date: string, days: number): Ids.IsoDate => {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10) as Ids.IsoDate;
};

/**
 * The first day of the window (SPEC A6): the last `windowDays` days up to and including `today`, or
 * `backfillFrom` when that is earlier. Entries dated after `today` are inside the window too.
 */
export const windowStart = (
  settings: Pick<ReconcileOptions.Settings, "today" | "windowDays" | "backfillFrom">,
) => {
  const start = addDays(settings.today, -(settings.windowDays - 1));
  return settings.backfillFrom !== null && settings.backfillFrom < start ? settings.backfillFrom : start;
};
