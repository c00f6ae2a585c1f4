/**
 * What every page route shares: the session of a request (from the store), the CSRF check of a form
 * post, the limit on failed sign-ins and API keys per client (`express-rate-limit`: 429 with
 * `Retry-After`), and sending a page.
 */
import type { Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { sameToken } from "../api/Auth.ts";
import { layout, type Safe, type Shell } from "./Html.ts";

/** Options of the failed-key limit. */
export interface FailureLimit {
  /** Failed attempts allowed per client in `windowMs` (default 10). */
  readonly limit?: number;
  /** Default 15 minutes. */
  readonly windowMs?: number;
}

/**
 * Counts only the requests that sent a key and were refused for it (status 401), per client address; a
 * request without any key is not a guess. Past the limit every request of that client gets 429 with
 * `Retry-After` until the window has passed (also with the right key: a lockout that let the right key
 * through would tell a guesser which key is right).
 */
export const failedKeyLimit = (options: FailureLimit = {}, json: boolean): RequestHandler =>
  rateLimit({
    windowMs: options.windowMs ?? 15 * 60_000,
    limit: options.limit ?? 10,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (req, res) =>
      res.statusCode !== 401 || (json ? req.headers.authorization === undefined : false),
    handler: (_req, res, _next, o) => {
      const retry = Math.ceil(o.windowMs / 1000);
      if (!res.hasHeader("Retry-After")) res.setHeader("Retry-After", String(retry));
      const message = "too many wrong keys from this address; try again later";
      if (json) res.status(429).json({ error: { _tag: "HttpError", reason: "TooManyRequests", message } });
      else res.status(429).type("text").send(`Too many attempts: ${message}.`);
    },
  });

/** Whether a form post carries the expected CSRF token. */
export const csrfOk = (req: Request, expected: string | undefined): boolean => {
  const given = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof given === "string" && expected !== undefined && sameToken(given, expected);
};

/** Sends a page. */
export const send = (res: Response, status: number, shell: Shell, body: Safe): void => {
  res.status(status).type("html").send(layout(shell, body));
};

/** Refuses a form post without the right CSRF token. */
export const forbidden = (res: Response): void => {
  res.status(403).type("text").send("Forbidden: missing or wrong CSRF token; reload the page");
};
