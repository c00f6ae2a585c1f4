/** The sandbox as msw request handlers for unit tests (same core as the HTTP server). */
import { HttpResponse, http, type RequestHandler } from "msw";
import type { SimRequest, SimResponse } from "./Http.ts";
import { lowerHeaders } from "./Http.ts";
import type { Sandbox } from "./Sandbox.ts";

/** Base URLs the handlers answer on. */
export interface MswBases {
  /** Harvest API base (default `https://sandbox.test/harvest/v2`). */
  readonly harvestBaseUrl?: string;
  /** Harvest ID base (default `https://sandbox.test/harvest-id/api/v2`). */
  readonly harvestIdBaseUrl?: string;
  /** Runn base (default `https://sandbox.test/runn`). */
  readonly runnBaseUrl?: string;
  /** Control base (default `https://sandbox.test/_sandbox`). */
  readonly controlBaseUrl?: string;
}

const toSim = async (request: Request): Promise<SimRequest> => ({
  method: request.method.toUpperCase(),
  url: new URL(request.url),
  headers: lowerHeaders(request.headers.entries()),
  body: request.method === "GET" || request.method === "HEAD" ? null : (await request.text()) || null,
});

const toResponse = (r: SimResponse) =>
  r.kind === "reset"
    ? HttpResponse.error()
    : new HttpResponse(r.body, { status: r.status, headers: r.headers });

const strip = (url: URL, base: string) =>
  url.pathname.slice(new URL(base).pathname.replace(/\/$/, "").length) || "/";

/** Handlers for Harvest (`harvestBaseUrl/*`) and Harvest ID (`harvestIdBaseUrl/accounts`). */
export const harvestHandlers = (sandbox: Sandbox, bases: MswBases = {}): RequestHandler[] => {
  const base = (bases.harvestBaseUrl ?? "https://sandbox.test/harvest/v2").replace(/\/$/, "");
  const idBase = (bases.harvestIdBaseUrl ?? "https://sandbox.test/harvest-id/api/v2").replace(/\/$/, "");
  return [
    http.all(`${idBase}/accounts`, async ({ request }) =>
      toResponse(await sandbox.harvestId(await toSim(request))),
    ),
    http.all(`${base}/*`, async ({ request }) => {
      const req = await toSim(request);
      return toResponse(await sandbox.harvest(req, strip(req.url, base), base));
    }),
  ];
};

/** Handlers for Runn (`runnBaseUrl/*`). */
export const runnHandlers = (sandbox: Sandbox, bases: MswBases = {}): RequestHandler[] => {
  const base = (bases.runnBaseUrl ?? "https://sandbox.test/runn").replace(/\/$/, "");
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const req = await toSim(request);
      return toResponse(await sandbox.runn(req, strip(req.url, base)));
    }),
  ];
};

/** Harvest, Runn and the control API together. */
export const sandboxHandlers = (sandbox: Sandbox, bases: MswBases = {}): RequestHandler[] => {
  const control = (bases.controlBaseUrl ?? "https://sandbox.test/_sandbox").replace(/\/$/, "");
  const origin = new URL(control).origin;
  return [
    ...harvestHandlers(sandbox, bases),
    ...runnHandlers(sandbox, bases),
    http.all(`${control}/*`, async ({ request }) => {
      const req = await toSim(request);
      const url = new URL(`${origin}/_sandbox${strip(req.url, control)}${req.url.search}`);
      return toResponse(await sandbox.handle(req.method, url, req.headers, req.body));
    }),
  ];
};
