/**
 * Harvest's two pagination styles: keyset cursors in `links.next` (newest first, so "after id X" means
 * ids below X) and page numbers on `/time_entries`. A full page always carries a next cursor, as a
 * keyset API does, so a list of exactly 2000 records takes two requests.
 */
import { decodeCursor, encodeCursor, type Reply, reply } from "../Http.ts";

export const MAX_PER_PAGE = 2000;

/** Parses `per_page`: a 422 reply when it is not an integer in 1..2000. */
export const perPageOf = (url: URL): number | Reply => {
  const raw = url.searchParams.get("per_page");
  if (raw === null || raw === "") return MAX_PER_PAGE;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PER_PAGE)
    return reply(422, { message: `per_page must be an integer from 1 to ${MAX_PER_PAGE}` });
  return n;
};

const linkBase = (url: URL, publicBase: string): { base: string; filters: string } => {
  const q = new URLSearchParams();
  for (const [k, v] of url.searchParams)
    if (
      k !== "page" &&
      k !== "cursor" &&
      k !== "per_page" &&
      k !== "ref" &&
      k !== "access_token" &&
      k !== "account_id"
    )
      q.append(k, v);
  const filters = q.toString();
  return {
    base: `${publicBase}${url.pathname.replace(/^.*?\/v2/, "")}`,
    filters: filters ? `${filters}&` : "",
  };
};

/** A page of a cursor-capable list. `ids` are in list order (descending). */
export const cursorPage = (
  url: URL,
  publicBase: string,
  key: string,
  perPage: number,
  ids: ArrayLike<number>,
  toJson: (position: number) => unknown,
): Reply => {
  const { base, filters } = linkBase(url, publicBase);
  const total = ids.length;
  const totalPages = Math.ceil(total / perPage);
  const cursorText = url.searchParams.get("cursor");
  const pageText = url.searchParams.get("page");
  const link = (q: string) => `${base}?${filters}${q}`;
  const first = link(`page=1&per_page=${perPage}&ref=first`);
  const last = link(`page=${Math.max(1, totalPages)}&per_page=${perPage}&ref=last`);
  let start: number;
  let end: number;
  let numbered: number | null = null;
  if (cursorText !== null) {
    const c = decodeCursor(cursorText);
    const after = (c?.after as { id?: unknown } | undefined)?.id;
    const before = (c?.before as { id?: unknown } | undefined)?.id;
    if (typeof after === "number") {
      start = lowerBound(ids, after);
      end = Math.min(total, start + perPage);
    } else if (typeof before === "number") {
      end = lowerBound(ids, before + 1);
      while (end > 0 && (ids[end - 1] as number) <= before) end--;
      start = Math.max(0, end - perPage);
    } else return reply(422, { message: "invalid cursor" });
  } else {
    numbered = pageText !== null && /^\d+$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
    start = Math.min(total, (numbered - 1) * perPage);
    end = Math.min(total, start + perPage);
  }
  const records: unknown[] = [];
  for (let k = start; k < end; k++) records.push(toJson(k));
  const full = end - start === perPage;
  const next = full
    ? link(`cursor=${encodeCursor({ after: { id: ids[end - 1] } })}&per_page=${perPage}&ref=next_cursor`)
    : null;
  const previous =
    start > 0
      ? link(`cursor=${encodeCursor({ before: { id: ids[start] } })}&per_page=${perPage}&ref=previous_cursor`)
      : null;
  return reply(
    200,
    {
      [key]: records,
      per_page: perPage,
      total_pages: totalPages,
      total_entries: total,
      page: numbered,
      next_page: numbered !== null && numbered < totalPages ? numbered + 1 : null,
      previous_page: numbered !== null && numbered > 1 ? numbered - 1 : null,
      links: { first, next, previous, last },
    },
    undefined,
    key,
  );
};

/** First position whose id is below `id` in a descending list. */
const lowerBound = (ids: ArrayLike<number>, id: number): number => {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] as number) >= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** A page of a page-numbered list (`/time_entries`). */
export const numberedPage = (
  url: URL,
  publicBase: string,
  key: string,
  perPage: number,
  count: number,
  toJson: (position: number) => unknown,
): Reply => {
  const pageText = url.searchParams.get("page");
  if (pageText !== null && !/^\d+$/.test(pageText))
    return reply(422, { message: "page must be a positive integer" });
  const page = pageText === null ? 1 : Math.max(1, Number(pageText));
  const { base, filters } = linkBase(url, publicBase);
  const totalPages = Math.ceil(count / perPage);
  const link = (p: number, ref: string) => `${base}?${filters}page=${p}&per_page=${perPage}&ref=${ref}`;
  const start = Math.min(count, (page - 1) * perPage);
  const end = Math.min(count, start + perPage);
  const records: unknown[] = [];
  for (let k = start; k < end; k++) records.push(toJson(k));
  return reply(
    200,
    {
      [key]: records,
      per_page: perPage,
      total_pages: totalPages,
      total_entries: count,
      page,
      next_page: page < totalPages ? page + 1 : null,
      previous_page: page > 1 ? page - 1 : null,
      links: {
        first: link(1, "first"),
        next: page < totalPages ? link(page + 1, "next") : null,
        previous: page > 1 ? link(page - 1, "previous") : null,
        last: link(Math.max(1, totalPages), "last"),
      },
    },
    undefined,
    key,
  );
};
