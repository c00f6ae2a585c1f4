/**
 * Fault injection, changeable at run time. Each decision is a hash of (seed, method, path, body,
 * attempt), where attempt counts earlier identical requests, so concurrency does not change outcomes
 * and a retry gets a fresh decision.
 */
import { hash01 } from "../generate/Random.ts";

/** Which API a fault applies to. */
export type ApiName = "harvest" | "runn";

/** Fault settings; probabilities are in [0, 1]. */
export interface FaultConfig {
  /** Seed of the decisions (default: the sandbox seed). */
  readonly seed?: number;
  /** APIs the faults apply to (default both). */
  readonly apis?: ReadonlyArray<ApiName>;
  /** Only requests whose path (after the API prefix) starts with one of these. */
  readonly paths?: ReadonlyArray<string>;
  readonly rateLimit?: number;
  /** Injected 429s carry no `Retry-After`/`x-ratelimit-*` header, as Runn's spec allows. */
  readonly rateLimitWithoutHeaders?: boolean;
  readonly serverError?: number;
  readonly reset?: number;
  readonly latency?: { readonly probability: number; readonly ms: number };
  /**
   * Every `every`-th request of an API (counting from its first) is read `ms` late, as by a server busy
   * collecting garbage: its rate-limit clock counts it when read, so requests sent evenly reach the
   * limit unevenly (`ms` in the sandbox's time, compressed like the windows).
   */
  readonly stall?: { readonly every: number; readonly ms: number };
  readonly malformedRecord?: number;
  readonly malformedEnvelope?: number;
  /** Writes applied, then answered with a 500 (or a reset when `commitThenFailWith` is "reset"). */
  readonly commitThenFail?: number;
  readonly commitThenFailWith?: "500" | "reset";
  /** After this many write requests (per API), refuse the rest or commit them and drop the responses. */
  readonly afterWrites?: { readonly count: number; readonly mode: "refuse" | "commitAndDrop" };
}

/** What to do with one request. */
export interface FaultDecision {
  readonly rateLimit: boolean;
  readonly serverError: boolean;
  readonly reset: boolean;
  readonly latencyMs: number;
  readonly malformedRecord: boolean;
  readonly malformedEnvelope: boolean;
  readonly commitThenFail: "500" | "reset" | null;
  readonly afterWrites: "refuse" | "commitAndDrop" | null;
  /** A number in [0, 1) for choosing which record to corrupt. */
  readonly pick: number;
}

/** No fault at all. */
export const noFault: FaultDecision = {
  rateLimit: false,
  serverError: false,
  reset: false,
  latencyMs: 0,
  malformedRecord: false,
  malformedEnvelope: false,
  commitThenFail: null,
  afterWrites: null,
  pick: 0,
};

/** Run-time fault state: the config, attempt counters and write counters. */
export class Faults {
  private attempts = new Map<string, number>();
  private writes: Record<ApiName, number> = { harvest: 0, runn: 0 };
  private arrivals: Record<ApiName, number> = { harvest: 0, runn: 0 };
  config: FaultConfig = {};

  constructor(private readonly defaultSeed: number) {}

  /** Replaces the config and resets the counters. */
  set(config: FaultConfig): void {
    this.config = config;
    this.attempts = new Map();
    this.writes = { harvest: 0, runn: 0 };
    this.arrivals = { harvest: 0, runn: 0 };
  }

  /** How long (sandbox ms) the server waits before it reads this request of `api` (the `stall` fault). */
  stallMs(api: ApiName, path: string): number {
    const c = this.config;
    if (!c.stall || (c.apis && !c.apis.includes(api))) return 0;
    if (c.paths && !c.paths.some((p) => path.startsWith(p))) return 0;
    this.arrivals[api]++;
    return (this.arrivals[api] - 1) % Math.max(1, c.stall.every) === 0 ? c.stall.ms : 0;
  }

  decide(api: ApiName, method: string, path: string, body: string | null, write: boolean): FaultDecision {
    const c = this.config;
    if (c.apis && !c.apis.includes(api)) return noFault;
    if (c.paths && !c.paths.some((p) => path.startsWith(p))) return noFault;
    const id = `${method} ${path} ${body ?? ""}`;
    const attempt = this.attempts.get(id) ?? 0;
    this.attempts.set(id, attempt + 1);
    const seed = c.seed ?? this.defaultSeed;
    const base = `${seed}|${id}|${attempt}`;
    const roll = (kind: number, p: number | undefined) => p !== undefined && p > 0 && hash01(base, kind) < p;
    let afterWrites: FaultDecision["afterWrites"] = null;
    if (write && c.afterWrites) {
      this.writes[api]++;
      if (this.writes[api] > c.afterWrites.count) afterWrites = c.afterWrites.mode;
    }
    return {
      rateLimit: roll(1, c.rateLimit),
      serverError: roll(2, c.serverError),
      reset: roll(3, c.reset),
      latencyMs: c.latency && roll(4, c.latency.probability) ? c.latency.ms : 0,
      malformedRecord: roll(5, c.malformedRecord),
      malformedEnvelope: roll(6, c.malformedEnvelope),
      commitThenFail: write && roll(7, c.commitThenFail) ? (c.commitThenFailWith ?? "500") : null,
      afterWrites,
      pick: hash01(base, 8),
    };
  }
}

/** Corrupts one record of a list reply: a non-identity field gets a value of the wrong type. */
export const corruptRecord = (record: Record<string, unknown>): void => {
  const candidates = [
    "hours",
    "spent_date",
    "email",
    "first_name",
    "name",
    "billableMinutes",
    "firstName",
    "date",
    "is_active",
    "isArchived",
  ];
  const field =
    candidates.find((f) => f in record) ?? Object.keys(record).find((k) => k !== "id" && k !== "references");
  if (field !== undefined) record[field] = typeof record[field] === "number" ? "not-a-number" : 12345;
};
