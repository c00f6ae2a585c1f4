/** A sandbox under test with a manual clock and a `call` helper that validates every response. */
import { expect } from "vitest";
import { manualClock } from "../../src/control/Clock.ts";
import type { AccessRole } from "../../src/harvest/HarvestModel.ts";
import { makeSandbox, type Sandbox, type SandboxOptions } from "../../src/Sandbox.ts";
import { harvestSpec, runnSpec } from "./Spec.ts";

export const ORIGIN = "http://sandbox.test";
export const UA = "SandboxTests (tests@example.com)";

/** One decoded response. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
  readonly json: any;
  readonly reset: boolean;
}

export interface CallOptions {
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Harvest token role (default administrator). */
  readonly as?: AccessRole;
  /** Skip the default auth headers. */
  readonly bare?: boolean;
  /** Skip OpenAPI validation (for injected faults, which are not part of the contract). */
  readonly unchecked?: boolean;
  readonly account?: number;
}

/** A sandbox plus helpers. */
export const harness = (options: SandboxOptions = {}) => {
  const clock = manualClock(1_700_000_000_000);
  const sandbox: Sandbox = makeSandbox({
    seed: 42,
    preset: "tiny",
    anchorDate: "2024-06-03",
    wallClock: clock,
    ...options,
  });
  const raw = async (
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | null,
  ): Promise<Answer> => {
    const r = await sandbox.handle(method, url, headers, body);
    if (r.kind === "reset") return { status: 0, headers: {}, text: null, json: undefined, reset: true };
    return {
      status: r.status,
      headers: r.headers,
      text: r.body,
      json: r.body === null ? undefined : safeJson(r.body),
      reset: false,
    };
  };
  const harvest = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const h = sandbox.world.harvest[o.account ?? 0]!;
    const headers: Record<string, string> = o.bare
      ? { ...o.headers }
      : {
          "user-agent": UA,
          authorization: `Bearer ${h.tokenByRole[o.as ?? "administrator"]}`,
          "harvest-account-id": String(h.accountId),
          ...o.headers,
        };
    const body = o.body === undefined ? null : JSON.stringify(o.body);
    if (body !== null) headers["content-type"] = "application/json";
    const a = await raw(method, `${ORIGIN}/harvest/v2${path}`, headers, body);
    if (!o.unchecked && !a.reset) {
      const p = new URL(`${ORIGIN}${path}`).pathname;
      expect(harvestSpec.response(method, p, a.status, a.json), `${method} ${path}`).toEqual([]);
    }
    return a;
  };
  const runn = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const r = sandbox.world.runn[o.account ?? 0]!;
    const headers: Record<string, string> = o.bare
      ? { ...o.headers }
      : { "accept-version": "1.0.0", authorization: `Bearer ${r.token}`, ...o.headers };
    const body = o.body === undefined ? null : JSON.stringify(o.body);
    if (body !== null) headers["content-type"] = "application/json";
    const a = await raw(method, `${ORIGIN}/runn${path}`, headers, body);
    if (!o.unchecked && !a.reset) {
      const p = new URL(`${ORIGIN}${path}`).pathname;
      expect(runnSpec.response(method, p, a.status, a.json), `${method} ${path}`).toEqual([]);
    }
    return a;
  };
  const control = (method: string, path: string, body?: unknown) =>
    raw(
      method,
      `${ORIGIN}/_sandbox${path}`,
      { "content-type": "application/json" },
      body === undefined ? null : JSON.stringify(body),
    );
  return { sandbox, clock, raw, harvest, runn, control };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A fetch response's JSON, loosely typed for assertions. */
export const readJson = async (r: Response): Promise<Answer["json"]> => r.json();
