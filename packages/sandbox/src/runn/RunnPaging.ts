/** Runn's cursor pagination: `{values, nextCursor}`, a per-endpoint default and maximum `limit`. */
import { decodeCursor, encodeCursor, type Reply, reply } from "../Http.ts";
import { runnError } from "./RunnJson.ts";

/** Default and maximum page size of one list endpoint. */
export interface PageSize {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

export const small: PageSize = { defaultLimit: 50, maxLimit: 200 };
export const large: PageSize = { defaultLimit: 100, maxLimit: 500 };

/** One page of `count` records in list order; the cursor is the offset after the page. */
export const runnPage = (
  url: URL,
  size: PageSize,
  count: number,
  toJson: (position: number) => unknown,
): Reply => {
  const limitText = url.searchParams.get("limit");
  let limit = size.defaultLimit;
  if (limitText !== null) {
    const n = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > size.maxLimit)
      return runnError(400, `querystring/limit must be an integer from 1 to ${size.maxLimit}`);
    limit = n;
  }
  let start = 0;
  const cursorText = url.searchParams.get("cursor");
  if (cursorText !== null && cursorText !== "") {
    const c = decodeCursor(cursorText);
    if (!c || typeof c.offset !== "number" || c.offset < 0) return runnError(400, "Invalid cursor");
    start = Math.min(count, c.offset);
  }
  const end = Math.min(count, start + limit);
  const values: unknown[] = [];
  for (let k = start; k < end; k++) values.push(toJson(k));
  const nextCursor = end - start === limit ? encodeCursor({ offset: end }) : null;
  return reply(200, { values, nextCursor }, undefined, "values");
};
