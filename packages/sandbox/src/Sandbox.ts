/**
 * The sandbox core: one world, both simulated APIs, rate limits, faults, stats and the control API,
 * behind a framework-free handler `(method, url, headers, body) → response`.
 */
import { type DataClock, type SandboxClock, systemClock } from "./control/Clock.ts";
import { handleControl } from "./control/Control.ts";
import { type ApiName, corruptRecord, type FaultConfig, Faults } from "./control/Faults.ts";
import { type Limit, RateLimiter, retryAfterHeader } from "./control/RateLimiter.ts";
import { ReadAhead } from "./control/ReadAhead.ts";
import { countFault, countRequest, makeStats, type Stats } from "./control/Stats.ts";
import { dayOf, isoSeconds, todayOf } from "./Dates.ts";
import { generate, type World } from "./generate/Generate.ts";
import type { PresetName } from "./generate/Presets.ts";
import {
  bodyText,
  isWrite,
  lowerHeaders,
  type Reply,
  reply,
  type SimRequest,
  type SimResponse,
  serialise,
} from "./Http.ts";
import { authenticateHarvest, harvestAccounts, routeHarvest } from "./harvest/HarvestApi.ts";
import { autofillActuals } from "./runn/Autofill.ts";
import { authenticateRunn, routeRunn } from "./runn/RunnApi.ts";
import { runnError } from "./runn/RunnJson.ts";

/** Options of a sandbox. */
export interface SandboxOptions {
  readonly seed?: number;
  readonly preset?: PresetName;
  readonly accounts?: number;
  /** The sandbox's today `YYYY-MM-DD` (default: today in UTC). */
  readonly anchorDate?: string;
  readonly runnData?: "empty" | "existing";
  readonly faults?: FaultConfig;
  /** Compresses rate-limit windows and Retry-After (default 1). */
  readonly timeScale?: number;
  /** The wall clock of rate-limit windows and latency (default: the process clock). */
  readonly wallClock?: SandboxClock;
  /** The data clock: `frozen` (default) moves only by control-API advances, `real` also with the wall clock. */
  readonly clock?: DataClock;
  /** Order of `POST /clients/bulk/` results: as requested (default) or reversed (Runn promises no order). */
  readonly runnBulkOrder?: "request" | "reversed";
  /** Runn's "autofill missing actuals" account setting: zero actuals every Sunday (default off). */
  readonly autofillActuals?: boolean;
  readonly limits?: { readonly harvest?: Limit; readonly runn?: Limit };
  /** A world generated earlier (skips generation). */
  readonly world?: World;
  /** Time entries without `approval_status`, approval only as `is_closed` (Harvest's documented object). */
  readonly omitApprovalStatus?: boolean;
}

/** Default limits: Harvest 100 per 15 s, Runn 120 per minute (both per account). */
export const defaultLimits = {
  harvest: { requests: 100, windowMs: 15_000 },
  runn: { requests: 120, windowMs: 60_000 },
} as const;

/** A running sandbox core. */
export interface Sandbox {
  readonly world: World;
  readonly stats: Stats;
  readonly faults: Faults;
  readonly wallClock: SandboxClock;
  readonly clock: DataClock;
  readonly timeScale: number;
  readonly limits: { readonly harvest: Limit; readonly runn: Limit };
  /** Milliseconds the control API has moved time forward. */
  readonly advancedMs: () => number;
  readonly advance: (ms: number) => void;
  /** The data clock (the anchor instant plus advances, plus elapsed wall time when `real`), epoch seconds. */
  readonly nowSeconds: () => number;
  /** Handles a request addressed with the server's prefixes (`/harvest/v2`, `/harvest-id/api/v2`, `/runn`, `/_sandbox`). */
  readonly handle: (
    method: string,
    url: string | URL,
    headers: Iterable<[string, string]> | Record<string, string>,
    body: string | null,
  ) => Promise<SimResponse>;
  readonly harvest: (req: SimRequest, path: string, publicBase: string) => Promise<SimResponse>;
  readonly harvestId: (req: SimRequest) => Promise<SimResponse>;
  readonly runn: (req: SimRequest, path: string) => Promise<SimResponse>;
  /** Clears the counters. */
  readonly resetStats: () => void;
}

/** Builds a sandbox core (generating its world unless one is given). */
export const makeSandbox = (options: SandboxOptions = {}): Sandbox => {
  const clock = options.wallClock ?? systemClock;
  const dataClock = options.clock ?? "frozen";
  if (dataClock !== "frozen" && dataClock !== "real") throw new Error("clock must be frozen or real");
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error("timeScale must be > 0");
  const world =
    options.world ??
    generate({
      seed: options.seed ?? 42,
      preset: options.preset ?? "tiny",
      anchorDate: options.anchorDate ?? todayOf(clock.now()),
      accounts: options.accounts ?? 1,
      ...(options.runnData ? { runnData: options.runnData } : {}),
    });
  const limits = {
    harvest: options.limits?.harvest ?? defaultLimits.harvest,
    runn: options.limits?.runn ?? defaultLimits.runn,
  };
  const limiters = {
    harvest: new RateLimiter(limits.harvest, timeScale),
    runn: new RateLimiter(limits.runn, timeScale),
  };
  const faults = new Faults(world.seed);
  if (options.faults) faults.set(options.faults);
  let stats = makeStats();
  let advanced = 0;
  let lastStamp = 0;
  const startedAt = clock.now();
  const nowSeconds = () =>
    world.anchorInstant +
    Math.floor((advanced + (dataClock === "real" ? (clock.now() - startedAt) * timeScale : 0)) / 1000);
  // A write is stamped strictly after the data clock's "now", so `updated_since=<now>` finds it.
  const stamp = () => {
    lastStamp = Math.max(nowSeconds() + 1, lastStamp + 1);
    return lastStamp;
  };
  // Autofill starts from the anchor: the generated data is what the account holds before any Sunday.
  if (options.autofillActuals)
    for (const a of world.runn) autofillActuals(a, dayOf(world.anchorDate), nowSeconds);
  const wallNow = () => clock.now() + advanced / timeScale;

  const tooMany = (api: ApiName, ms: number, bare = false): Reply => {
    if (bare)
      return api === "runn"
        ? runnError(429, "Too Many Requests")
        : reply(429, { message: "Too many requests" });
    const retry = retryAfterHeader(ms, timeScale);
    const headers: Record<string, string> = {
      "retry-after": retry,
      "x-sandbox-retry-after-ms": String(Math.ceil(ms)),
    };
    if (api === "runn")
      return runnError(429, "Too Many Requests", { ...headers, "x-ratelimit-reset": retry });
    return reply(429, { message: "Too many requests" }, headers);
  };

  // With a frozen data clock a list page depends only on the data, so the next page can be built early.
  const ahead =
    dataClock === "frozen"
      ? { harvest: new ReadAhead(() => advanced, bodyText), runn: new ReadAhead(() => advanced, bodyText) }
      : null;

  const pipeline = async <W>(
    api: ApiName,
    req: SimRequest,
    path: string,
    auth: () => W | Reply,
    accountKey: (who: W) => string,
    route: (who: W, req: SimRequest) => Reply,
  ): Promise<SimResponse> => {
    const s = stats[api];
    const write = isWrite(req.method);
    countRequest(s, req.method, path, write);
    if (write) ahead?.[api].wrote();
    const who = auth();
    if (typeof who === "object" && who !== null && "status" in who) return serialise(who as Reply);
    const w = who as W;
    const stall = faults.stallMs(api, path);
    if (stall > 0) {
      countFault(s, "stall");
      await clock.sleep(stall / timeScale);
    }
    const admission = limiters[api].admit(accountKey(w), wallNow());
    if (!admission.ok) {
      s.throttled++;
      s.deepestRefusalMs = Math.max(s.deepestRefusalMs ?? 0, admission.retryAfterMs);
      return serialise(tooMany(api, admission.retryAfterMs));
    }
    s.maxInWindow = Math.max(s.maxInWindow, admission.inWindow);
    if (admission.marginMs !== null)
      s.closestMarginMs = Math.min(s.closestMarginMs ?? Number.POSITIVE_INFINITY, admission.marginMs);
    const d = faults.decide(api, req.method, `${path}${req.url.search}`, req.body, write);
    if (d.latencyMs > 0) {
      countFault(s, "latency");
      await clock.sleep(d.latencyMs / timeScale);
    }
    if (d.reset) {
      countFault(s, "reset");
      return { kind: "reset" };
    }
    if (d.rateLimit) {
      countFault(s, "rateLimit");
      s.throttled++;
      return serialise(tooMany(api, limiters[api].windowMs / 10, faults.config.rateLimitWithoutHeaders));
    }
    const failure = (status: number, message: string) =>
      serialise(api === "runn" ? runnError(status, message) : reply(status, { message }));
    if (d.serverError) {
      countFault(s, "serverError");
      return failure(500, "Internal server error (injected)");
    }
    if (d.afterWrites === "refuse") {
      countFault(s, "afterWritesRefused");
      return failure(503, "Service unavailable (injected after N writes)");
    }
    const built = ahead?.[api].take(req, path) ?? null;
    const r = built?.reply ?? route(w, req);
    ahead?.[api].after(req, path, r, (next) => route(w, next));
    if (write && r.status < 300) {
      if (d.afterWrites === "commitAndDrop") {
        countFault(s, "afterWritesDropped");
        return { kind: "reset" };
      }
      if (d.commitThenFail) {
        countFault(s, "commitThenFail");
        return d.commitThenFail === "reset"
          ? { kind: "reset" }
          : failure(500, "Internal server error after commit (injected)");
      }
    }
    if (r.json !== undefined && r.status < 300 && (d.malformedEnvelope || d.malformedRecord)) {
      const json = structuredClone(r.json) as Record<string, unknown>;
      const list = r.listKey ? json[r.listKey] : Array.isArray(json) ? json : null;
      if (d.malformedEnvelope) {
        countFault(s, "malformedEnvelope");
        if (r.listKey) json[r.listKey] = "malformed";
        else
          return {
            kind: "response",
            status: r.status,
            headers: { "content-type": "application/json" },
            body: `${JSON.stringify(json).slice(0, 20)}`,
          };
      } else if (Array.isArray(list) && list.length > 0) {
        countFault(s, "malformedRecord");
        corruptRecord(list[Math.floor(d.pick * list.length)] as Record<string, unknown>);
      } else if (!Array.isArray(list) && !r.listKey) {
        countFault(s, "malformedRecord");
        corruptRecord(json);
      }
      return serialise({ ...r, json });
    }
    return serialise(r, built?.body);
  };

  // Every answer carries a `Date` header from the data clock (pinned to the anchor instant), as real
  // servers send theirs; clients read it to measure clock skew.
  const dated = (r: SimResponse): SimResponse =>
    r.kind === "reset"
      ? r
      : { ...r, headers: { ...r.headers, date: new Date(nowSeconds() * 1000).toUTCString() } };

  const harvest = async (req: SimRequest, path: string, publicBase: string) =>
    dated(
      await pipeline(
        "harvest",
        req,
        path,
        () => authenticateHarvest(world.harvest, req),
        (c) => String(c.account.accountId),
        (c, at) =>
          routeHarvest(c, at, path, {
            publicBase,
            nowSeconds: nowSeconds(),
            stamp,
            omitApprovalStatus: options.omitApprovalStatus === true,
          }),
      ),
    );
  const harvestId = async (req: SimRequest) => dated(serialise(harvestAccounts(world.harvest, req)));
  const runn = async (req: SimRequest, path: string) =>
    dated(
      await pipeline(
        "runn",
        req,
        path,
        () => authenticateRunn(world.runn, req),
        (a) => a.token,
        (a) => {
          if (options.autofillActuals) autofillActuals(a, dayOf(todayOf(nowSeconds() * 1000)), nowSeconds);
          return routeRunn(a, req, path, {
            stamp,
            iso: isoSeconds,
            today: todayOf(nowSeconds() * 1000),
            bulkOrder: options.runnBulkOrder ?? "request",
          });
        },
      ),
    );

  const sandbox: Sandbox = {
    world,
    get stats() {
      return stats;
    },
    faults,
    wallClock: clock,
    clock: dataClock,
    timeScale,
    limits,
    advancedMs: () => advanced,
    advance: (ms) => {
      advanced += Math.max(0, ms);
    },
    nowSeconds,
    harvest,
    harvestId,
    runn,
    resetStats: () => {
      stats = makeStats();
    },
    handle: async (method, url, headers, body) => {
      const u = typeof url === "string" ? new URL(url) : url;
      const entries =
        Symbol.iterator in Object(headers)
          ? (headers as Iterable<[string, string]>)
          : Object.entries(headers);
      const req: SimRequest = { method: method.toUpperCase(), url: u, headers: lowerHeaders(entries), body };
      const p = u.pathname;
      if (p.startsWith("/harvest/v2/") || p === "/harvest/v2")
        return harvest(req, p.slice("/harvest/v2".length) || "/", `${u.origin}/harvest/v2`);
      if (p.startsWith("/harvest-id/api/v2/accounts")) return harvestId(req);
      if (p.startsWith("/runn/") || p === "/runn") return runn(req, p.slice("/runn".length) || "/");
      if (p.startsWith("/_sandbox"))
        return serialise(handleControl(sandbox, req, p.slice("/_sandbox".length), u.origin));
      return serialise(reply(404, { message: `No route for ${p}` }));
    },
  };
  return sandbox;
};
