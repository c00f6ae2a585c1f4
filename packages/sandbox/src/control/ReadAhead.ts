/**
 * Read-ahead for page-numbered lists (Harvest's `/time_entries`): after answering page N the sandbox
 * builds page N+1 in the background, while the client is still decoding page N, so a paging client
 * waits on the rate limit and its own decoding, not on the sandbox (bench:sync at xl reads 500 pages
 * of 2,000 entries). Requests are still counted and rate-limited one by one; a page is served from
 * here only when nothing was written and the data clock did not move since it was built.
 */
import type { Reply, SimRequest } from "../Http.ts";

/** A page built ahead, with what it was built from. */
interface Ahead {
  readonly writes: number;
  readonly advancedMs: number;
  readonly reply: Reply;
  readonly body: string | null;
}

/** At most this many pages are kept (one per list a client is walking). */
const maxKept = 8;

/** The page `r` names next, when it is a page-numbered list reply; else null. */
const nextPage = (r: Reply): number | null => {
  const json = r.json as { next_page?: unknown } | undefined;
  return r.status === 200 && json !== null && typeof json === "object" && typeof json.next_page === "number"
    ? json.next_page
    : null;
};

/** The key of a request: who asks (its credentials) and exactly what. */
const keyOf = (req: SimRequest, path: string) =>
  `${req.headers.authorization ?? ""}|${req.headers["harvest-account-id"] ?? ""}|${path}?${req.url.searchParams.toString()}`;

/** Pages built ahead for one API. */
export class ReadAhead {
  readonly #pages = new Map<string, Ahead>();
  /** Write requests seen; a page built before a write is stale. */
  #writes = 0;

  constructor(
    private readonly advancedMs: () => number,
    /** JSON text of a reply (the sandbox's serialisation). */
    private readonly text: (r: Reply) => string | null,
  ) {}

  /** Marks the data changed. */
  wrote(): void {
    this.#writes++;
    this.#pages.clear();
  }

  /** The page built ahead for `req`, if one is fresh; it is served once. */
  take(req: SimRequest, path: string): { readonly reply: Reply; readonly body: string | null } | null {
    if (req.method !== "GET") return null;
    const key = keyOf(req, path);
    const a = this.#pages.get(key);
    if (a === undefined) return null;
    this.#pages.delete(key);
    return a.writes === this.#writes && a.advancedMs === this.advancedMs() ? a : null;
  }

  /** After answering `req` with `r`, builds the next page in the background with `route`. */
  after(req: SimRequest, path: string, r: Reply, route: (next: SimRequest) => Reply): void {
    const page = req.method === "GET" ? nextPage(r) : null;
    if (page === null) return;
    const url = new URL(req.url);
    url.searchParams.set("page", String(page));
    const next: SimRequest = { ...req, url };
    const writes = this.#writes;
    const advancedMs = this.advancedMs();
    setImmediate(() => {
      if (writes !== this.#writes || advancedMs !== this.advancedMs()) return;
      const reply = route(next);
      if (this.#pages.size >= maxKept) this.#pages.clear();
      this.#pages.set(keyOf(next, path), { writes, advancedMs, reply, body: this.text(reply) });
    });
  }
}
