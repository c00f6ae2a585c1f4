/**
 * The API key check: `Authorization: Bearer <key>` against `HARVEST_RUNN_API_KEY`, compared in constant
 * time (both sides hashed to equal length first, so neither content nor length leaks through timing).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Redacted } from "effect";
import type { RequestHandler } from "express";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Whether `candidate` equals the key, in time independent of where they differ. */
export const matches = (key: Redacted.Redacted<string>, candidate: string): boolean =>
  timingSafeEqual(digest(Redacted.value(key)), digest(candidate));

/** Whether two strings (CSRF tokens) are equal, in constant time. */
export const sameToken = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/** The bearer token of a request, or null. */
export const bearerOf = (header: string | undefined): string | null => {
  const m = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
};

/** Answers 401 unless the request carries the API key as a bearer token. */
export const requireKey =
  (key: Redacted.Redacted<string>): RequestHandler =>
  (req, res, next) => {
    const token = bearerOf(req.headers.authorization);
    if (token !== null && matches(key, token)) return next();
    res.setHeader("WWW-Authenticate", 'Bearer realm="harvest-runn"');
    res.status(401).json({
      error: {
        _tag: "HttpError",
        reason: "Unauthorized",
        message: "missing or wrong API key: send Authorization: Bearer <HARVEST_RUNN_API_KEY>",
      },
    });
  };
