/** The control API under `/_sandbox`: stats, ground truth, Runn state, faults, clock and connection info. */

import { isoSeconds } from "../Dates.ts";
import { listSizes } from "../generate/Sizes.ts";
import { parseBody, type Reply, reply, type SimRequest } from "../Http.ts";
import { currentContracts } from "../runn/RunnLists.ts";
import type { Sandbox } from "../Sandbox.ts";
import { actualJsonAll } from "./ControlState.ts";
import type { FaultConfig } from "./Faults.ts";

/** Connection details of one account pair. */
export interface AccountInfo {
  readonly harvest: {
    readonly baseUrl: string;
    readonly idBaseUrl: string;
    readonly accountId: string;
    readonly token: string;
    readonly tokens: { readonly administrator: string; readonly manager: string; readonly member: string };
  };
  readonly runn: {
    readonly baseUrl: string;
    readonly token: string;
    /** `readOnly` reads everything and gets 403 on every write. */
    readonly tokens: { readonly readOnly: string };
  };
}

/** What `startSandbox` returns and the CLI prints: account 0 at the top, every account in `accounts`. */
export interface SandboxInfo extends AccountInfo {
  readonly accounts: ReadonlyArray<AccountInfo>;
  readonly control: string;
  readonly timeScale: number;
  readonly anchorDate: string;
  readonly limits: {
    readonly harvest: { readonly requests: number; readonly windowMs: number };
    readonly runn: { readonly requests: number; readonly windowMs: number };
  };
}

/** The info document of a sandbox served at `origin`. */
export const sandboxInfo = (s: Sandbox, origin: string): SandboxInfo => {
  const accounts: AccountInfo[] = s.world.harvest.map((h, i) => ({
    harvest: {
      baseUrl: `${origin}/harvest/v2`,
      idBaseUrl: `${origin}/harvest-id/api/v2`,
      accountId: String(h.accountId),
      token: h.tokenByRole.administrator,
      tokens: { ...h.tokenByRole },
    },
    runn: {
      baseUrl: `${origin}/runn`,
      token: s.world.runn[i]?.token ?? "",
      tokens: { readOnly: s.world.runn[i]?.readOnlyToken ?? "" },
    },
  }));
  const first = accounts[0] as AccountInfo;
  return {
    harvest: first.harvest,
    runn: first.runn,
    accounts,
    control: `${origin}/_sandbox`,
    timeScale: s.timeScale,
    anchorDate: s.world.anchorDate,
    limits: {
      harvest: { requests: s.limits.harvest.requests, windowMs: s.limits.harvest.windowMs },
      runn: { requests: s.limits.runn.requests, windowMs: s.limits.runn.windowMs },
    },
  };
};

const accountIndex = (s: Sandbox, url: URL): number | Reply => {
  const text = url.searchParams.get("account") ?? "0";
  const i = /^\d+$/.test(text) ? Number(text) : -1;
  return i >= 0 && i < s.world.harvest.length ? i : reply(404, { message: `no account ${text}` });
};

const isFaultConfig = (v: unknown): v is FaultConfig =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Handles one control request; `path` is relative to `/_sandbox`. */
export const handleControl = (s: Sandbox, req: SimRequest, path: string, origin: string): Reply => {
  const route = `${req.method} ${path.replace(/\/+$/, "") || "/"}`;
  switch (route) {
    case "GET /info":
      return reply(200, sandboxInfo(s, origin));
    case "GET /stats":
      return reply(200, { ...s.stats, timeScale: s.timeScale, limits: s.limits });
    case "DELETE /stats":
      s.resetStats();
      return reply(200, s.stats);
    case "GET /truth": {
      const i = accountIndex(s, req.url);
      if (typeof i !== "number") return i;
      const w = s.world;
      return reply(200, {
        seed: w.seed,
        preset: w.preset,
        anchorDate: w.anchorDate,
        runnData: w.runnData,
        account: i,
        harvestAccountId: String(w.harvest[i]?.accountId),
        firstImport: w.truth[i],
        lists: listSizes(w, i, isoSeconds(s.nowSeconds()).slice(0, 10)),
      });
    }
    case "GET /runn/state": {
      const i = accountIndex(s, req.url);
      if (typeof i !== "number") return i;
      const r = s.world.runn[i];
      if (!r) return reply(404, { message: "no account" });
      const withActuals = req.url.searchParams.get("actuals") !== "false";
      return reply(200, {
        clients: [...r.clients.values()],
        projects: [...r.projects.values()],
        people: [...r.people.values()],
        roles: [...r.roles.values()],
        contracts: [...r.contracts.values()],
        currentContracts: currentContracts(r, isoSeconds(s.nowSeconds()).slice(0, 10)),
        projectMembers: [...r.members.values()],
        assignments: [...r.assignments.values()],
        actualsCount: actualJsonAll(r, false).length,
        ...(withActuals ? { actuals: actualJsonAll(r, true) } : {}),
        events: r.events,
      });
    }
    case "GET /faults":
      return reply(200, s.faults.config);
    case "PUT /faults": {
      const body = parseBody(req.body) ?? {};
      if (!isFaultConfig(body)) return reply(400, { message: "faults must be a JSON object" });
      s.faults.set(body);
      return reply(200, s.faults.config);
    }
    case "GET /clock":
    case "POST /clock": {
      if (req.method === "POST") {
        const body = (parseBody(req.body) ?? {}) as { advanceMs?: unknown; advanceDays?: unknown };
        const ms =
          (typeof body.advanceMs === "number" ? body.advanceMs : 0) +
          (typeof body.advanceDays === "number" ? body.advanceDays * 86_400_000 : 0);
        if (!(ms >= 0))
          return reply(400, { message: "advanceMs / advanceDays must be non-negative numbers" });
        s.advance(ms);
      }
      return reply(200, {
        now: isoSeconds(s.nowSeconds()),
        clock: s.clock,
        advancedMs: s.advancedMs(),
        anchorDate: s.world.anchorDate,
      });
    }
    default:
      return reply(404, { message: `No control route ${route}` });
  }
};
