/**
 * Reading and changing a connection's settings: `settings` returns them without the webhook's path
 * (it can carry a token), `configure` deep-merges a JSON patch over the stored ones.
 */
import { Settings } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { ConnectionView, SettingsView } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import * as Connect from "./Connect.ts";
import { type Env, loadConnection } from "./Env.ts";

/** Fields a patch replaces whole instead of merging into: tables whose keys the patch names in full. */
const replacedWhole: ReadonlySet<string> = new Set(["roleMapping"]);

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

/**
 * Merges `patch` over `base`: nested objects are merged key by key (so `{ schedule: { timeOfDay } }`
 * keeps the time zone); arrays, `null`, scalars and `roleMapping` replace the current value.
 */
export const deepMerge = (base: unknown, patch: unknown, key?: string): unknown => {
  if (!isPlainObject(base) || !isPlainObject(patch) || (key !== undefined && replacedWhole.has(key)))
    return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? base[k] : deepMerge(base[k], v, k);
  return out;
};

/** The origin of a webhook URL: its path or query can carry a token. */
export const originOf = (url: string | null): string | null => {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return "invalid URL";
  }
};

/** Settings as hosts show them: every field, the webhook as its origin only. */
export const viewOf = (s: Settings.Settings): SettingsView => {
  const { webhookUrl, ...rest } = s;
  return { ...rest, webhookOrigin: originOf(webhookUrl) };
};

/** A connection's full settings (defaults filled in), without the webhook's path. */
export const settings = (env: Env, connectionId: string): Effect.Effect<SettingsView, SyncError.SyncError> =>
  loadConnection(env, connectionId).pipe(
    Effect.map((c) => viewOf(c.settings)),
    Effect.withSpan("Sync.settings"),
  );

/** Deep-merges a JSON patch over a connection's settings and saves the result. */
export const configure = (
  env: Env,
  connectionId: string,
  patch: unknown,
): Effect.Effect<ConnectionView, SyncError.SyncError> =>
  Effect.gen(function* () {
    if (!isPlainObject(patch)) return yield* SyncError.make("InvalidInput", "settings must be a JSON object");
    const conn = yield* loadConnection(env, connectionId);
    const current = yield* Settings.encode(conn.settings).pipe(Effect.orDie);
    const merged = yield* Connect.decodeInput(deepMerge(current, patch)).pipe(
      Effect.flatMap(Connect.checkWebhook),
    );
    const saved = yield* env.store.settings.put(conn.id, merged).pipe(Effect.mapError(SyncError.fromStore));
    return Connect.viewOf(conn.connection, saved);
  }).pipe(Effect.withSpan("Sync.configure"));
