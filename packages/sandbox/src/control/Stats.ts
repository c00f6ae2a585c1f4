/** Request counters per API, served by `GET /_sandbox/stats`. */

/** Counters of one API. */
export interface ApiStats {
  /** Requests per `METHOD /path` (ids replaced by `{id}`). */
  readonly requests: Record<string, number>;
  total: number;
  writes: number;
  /** 429 responses served (limit and injected). */
  throttled: number;
  /** The most requests admitted within one rate-limit window, over all accounts. */
  maxInWindow: number;
  /**
   * The closest an admitted request came to a 429, in (compressed) milliseconds: the least margin by
   * which the request `limit` places back had left the window; null until a window was full.
   */
  closestMarginMs: number | null;
  /** The longest `Retry-After` of a 429 served by the limit, in (compressed) milliseconds: how far inside the window it came. */
  deepestRefusalMs: number | null;
  readonly faults: Record<string, number>;
}

/** Counters of both APIs. */
export interface Stats {
  readonly harvest: ApiStats;
  readonly runn: ApiStats;
}

const empty = (): ApiStats => ({
  requests: {},
  total: 0,
  writes: 0,
  throttled: 0,
  maxInWindow: 0,
  closestMarginMs: null,
  deepestRefusalMs: null,
  faults: {},
});

/** Fresh counters. */
export const makeStats = (): Stats => ({ harvest: empty(), runn: empty() });

/** A path with numeric segments replaced by `{id}`, for grouping. */
export const routeOf = (method: string, path: string): string =>
  `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/{id}")}`;

/** Counts one request. */
export const countRequest = (s: ApiStats, method: string, path: string, write: boolean): void => {
  const key = routeOf(method, path);
  s.requests[key] = (s.requests[key] ?? 0) + 1;
  s.total++;
  if (write) s.writes++;
};

/** Counts one injected fault. */
export const countFault = (s: ApiStats, kind: string): void => {
  s.faults[kind] = (s.faults[kind] ?? 0) + 1;
};
