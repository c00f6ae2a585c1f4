/**
 * Sign-in sessions of the pages, kept in the store (`SyncStore.sessions`) so a restart signs nobody
 * out: a random id in an `HttpOnly`, `SameSite=Strict` cookie, stored only as its SHA-256 (a copy of the
 * database holds no usable cookie), a CSRF token per session that every form carries, and a one-shot
 * notice shown after a redirect. Cookies are parsed and written with the `cookie` package.
 */
import { createHash, randomBytes } from "node:crypto";
import { SyncStore } from "@harvest-runn/storage";
import { parse, serialize } from "cookie";
import { Effect, Option } from "effect";

/** The cookie holding the session id. */
export const sessionCookie = "hr_session";
/** The cookie holding the login form's CSRF token (before a session exists). */
export const loginCookie = "hr_login";

/** How long a session lasts. */
export const sessionTtlSeconds = 8 * 3600;

/** A signed-in browser as the routes see it. */
export interface PageSession {
  /** The store key (hash of the cookie value). */
  readonly key: string;
  readonly csrf: string;
  readonly notice: string | null;
}

/** A fresh random token (session ids and CSRF tokens). */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** The store key of a cookie value. */
export const keyOf = (cookieValue: string): string =>
  createHash("sha256").update(cookieValue, "utf8").digest("base64url");

/** One cookie of a `Cookie` header; a value that does not decode is ignored. */
export const cookieOf = (header: string | undefined, name: string): string | undefined => {
  const value = header === undefined ? undefined : parse(header)[name];
  return value === undefined || value === "" || value.includes("%") ? undefined : value;
};

/** A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, path `/`; `maxAge` 0 deletes it. */
export const setCookie = (name: string, value: string, maxAgeSeconds: number, secure: boolean): string =>
  serialize(name, value, { path: "/", httpOnly: true, sameSite: "strict", maxAge: maxAgeSeconds, secure });

/** The session of a request's cookie, when it is live. */
export const load = (cookieHeader: string | undefined) =>
  Effect.gen(function* () {
    const value = cookieOf(cookieHeader, sessionCookie);
    if (value === undefined) return Option.none<PageSession>();
    const store = yield* SyncStore.SyncStore;
    const found = yield* store.sessions.get(keyOf(value));
    return Option.map(found, (s): PageSession => ({ key: s.key, csrf: s.csrf, notice: s.notice }));
  });

/** Opens a session; returns the cookie value to set. Expired sessions are pruned on the way. */
export const open = Effect.gen(function* () {
  const store = yield* SyncStore.SyncStore;
  yield* store.sessions.prune;
  const value = newToken();
  yield* store.sessions.create({ key: keyOf(value), csrf: newToken(), ttl: `${sessionTtlSeconds} seconds` });
  return value;
});

/** Leaves a notice for the session's next page view. */
export const notify = (key: string, notice: string | null) =>
  Effect.flatMap(SyncStore.SyncStore, (store) => store.sessions.setNotice(key, notice));

/** Ends a session. */
export const close = (key: string) =>
  Effect.flatMap(SyncStore.SyncStore, (store) => store.sessions.delete(key));
