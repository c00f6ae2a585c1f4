/** Day arithmetic on UTC calendar days (days since 1970-01-01) and wire formatting. */
import { Ids } from "@harvest-runn/domain";

const DAY_MS = 86_400_000;

/** Days since the epoch of a `YYYY-MM-DD` date. */
export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const dayText = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 UTC timestamp without milliseconds (`2024-05-01T10:00:00Z`) of epoch seconds. */
export const isoSeconds = (seconds: number): string => {
  const s = Math.floor(seconds);
  const day = Math.floor(s / 86_400);
  let date = dayText.get(day);
  if (date === undefined) {
    date = isoDay(day);
    if (dayText.size > 100_000) dayText.clear();
    dayText.set(day, date);
  }
  const r = s - day * 86_400;
  return `${date}T${two(Math.floor(r / 3600))}:${two(Math.floor((r % 3600) / 60))}:${two(r % 60)}Z`;
};

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number): number => (day + 4) % 7;

/** True when `text` is a valid `YYYY-MM-DD` (the domain's one date pattern). */
export const isIsoDate = Ids.isIsoDate;

/** Parses an ISO date or date-time (`…T…Z` or with offset) into epoch seconds, or null. */
export const parseInstant = (text: string): number | null => {
  if (Ids.isIsoDate(text)) return Date.parse(`${text}T00:00:00Z`) / 1000;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
};

/** Today's UTC date of a clock reading. */
export const todayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
