/**
 * Login sessions of the status page, in memory: a random session id in an `HttpOnly`, `SameSite=Strict`
 * cookie, a CSRF token per session that every form carries, and a one-shot notice. Bounded in number
 * and age; a restart logs everyone out.
 */
import { randomBytes } from "node:crypto";

/** One logged-in browser. */
export interface Session {
  readonly id: string;
  readonly csrf: string;
  readonly expiresAt: number;
  notice: string | null;
}

/** The cookie holding the session id. */
export const sessionCookie = "hr_session";
/** The cookie holding the login form's CSRF token (before a session exists). */
export const loginCookie = "hr_login";

const token = () => randomBytes(32).toString("base64url");

/** The session table. */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(
    readonly ttlMs: number = 8 * 3600_000,
    readonly max: number = 1000,
  ) {}

  /** Opens a session (dropping expired ones, and the oldest when full). */
  create(now: number = Date.now()): Session {
    for (const [id, s] of this.byId) if (s.expiresAt <= now) this.byId.delete(id);
    while (this.byId.size >= this.max) {
      const oldest = this.byId.keys().next();
      if (oldest.done) break;
      this.byId.delete(oldest.value);
    }
    const s: Session = { id: token(), csrf: token(), expiresAt: now + this.ttlMs, notice: null };
    this.byId.set(s.id, s);
    return s;
  }

  /** The live session with that id, or null. */
  get(id: string | undefined, now: number = Date.now()): Session | null {
    if (id === undefined) return null;
    const s = this.byId.get(id);
    if (s === undefined) return null;
    if (s.expiresAt <= now) {
      this.byId.delete(id);
      return null;
    }
    return s;
  }

  /** Closes a session. */
  delete(id: string): void {
    this.byId.delete(id);
  }
}

/** A fresh random token (the login form's CSRF token). */
export const newToken = token;

/** Reads one cookie from a `Cookie` header; a value that is not valid percent-encoding is ignored. */
export const cookieOf = (header: string | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

/** A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, path `/`; `maxAge` 0 deletes it. */
export const setCookie = (name: string, value: string, maxAgeSeconds: number, secure: boolean): string =>
  `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
