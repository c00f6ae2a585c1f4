/**
 * Sign-in sessions of a host's pages, kept in the store so a restart signs nobody out. A session is
 * found by a key the host derives from its cookie (a hash, so the store never holds a usable cookie),
 * carries the CSRF token its forms post, and a one-shot notice shown after a redirect. Expired sessions
 * are never returned and are removed by `prune`.
 */
import type { Duration, Effect, Option } from "effect";
import type { SyncStoreError } from "./SyncStoreError.ts";

/** One signed-in browser. */
export interface Session {
  readonly key: string;
  readonly csrf: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** A message for the next page view (after a form post), or null. */
  readonly notice: string | null;
}

/** The session part of the store. */
export interface SessionStore {
  /** Saves a new session that expires `ttl` from now; fails with `AlreadyExists` for a taken key. */
  readonly create: (input: {
    readonly key: string;
    readonly csrf: string;
    readonly ttl: Duration.DurationInput;
  }) => Effect.Effect<Session, SyncStoreError>;
  /** The live session of a key; none when unknown or expired. */
  readonly get: (key: string) => Effect.Effect<Option.Option<Session>, SyncStoreError>;
  /** Sets (or clears with null) the session's notice; an unknown key is ignored. */
  readonly setNotice: (key: string, notice: string | null) => Effect.Effect<void, SyncStoreError>;
  /** Removes a session (sign out); an unknown key is ignored. */
  readonly delete: (key: string) => Effect.Effect<void, SyncStoreError>;
  /** Removes every expired session; returns how many. */
  readonly prune: Effect.Effect<number, SyncStoreError>;
}
