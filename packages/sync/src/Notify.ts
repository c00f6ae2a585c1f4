/**
 * Webhook notifications (SPEC R8): a JSON summary POSTed to the connection's webhook URL when a run
 * failed or was partial, and when it held new items. The body carries ids, counts and reasons, never
 * a token; logs name the webhook's origin only, since a URL can carry a secret.
 */
import { Duration, Effect, Schema } from "effect";
import { type RunItem, RunSummary } from "./Output.ts";

/** Why a notification is sent. */
export const NotificationEvent = Schema.Literal("run.failed", "run.partial", "items.held");
export type NotificationEvent = typeof NotificationEvent.Type;

/** The body of a webhook notification. */
export const Notification = Schema.Struct({
  events: Schema.Array(NotificationEvent),
  connectionId: Schema.String,
  run: RunSummary,
  /** Items held in this run that were not held in the connection's previous run (first 50). */
  newlyHeld: Schema.Array(
    Schema.Struct({
      kind: Schema.String,
      harvestId: Schema.NullOr(Schema.Number),
      label: Schema.String,
      reason: Schema.NullOr(Schema.String),
    }),
  ),
  newlyHeldCount: Schema.Number,
}).annotations({ identifier: "Notification" });
export interface Notification extends Schema.Schema.Type<typeof Notification> {}

/** Stable identity of a held item, to tell new holds from ones already reported. */
export const heldKey = (i: RunItem): string => `${i.kind}|${i.harvestId ?? ""}|${i.label}|${i.reason ?? ""}`;

/** The notification a run calls for, or null when it calls for none. */
export const notificationFor = (
  run: RunSummary,
  items: ReadonlyArray<RunItem>,
  previouslyHeld: ReadonlySet<string>,
): Notification | null => {
  const events: Array<NotificationEvent> = [];
  if (run.status === "failed") events.push("run.failed");
  if (run.status === "partial") events.push("run.partial");
  const newlyHeld = items.filter((i) => i.outcome === "held" && !previouslyHeld.has(heldKey(i)));
  if (newlyHeld.length > 0) events.push("items.held");
  if (events.length === 0) return null;
  return {
    events,
    connectionId: run.connectionId,
    run,
    newlyHeld: newlyHeld
      .slice(0, 50)
      .map((i) => ({ kind: i.kind, harvestId: i.harvestId, label: i.label, reason: i.reason })),
    newlyHeldCount: newlyHeld.length,
  };
};

/** The origin of a URL (scheme, host, port) for logs, or "invalid URL". */
export const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid URL";
  }
};

const loopback = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why `url` cannot be a webhook URL, or null when it can: an absolute `https:` URL, or `http:` to a
 * loopback host (tests, a local relay). The message never repeats the URL, whose path can be a secret.
 */
export const webhookUrlProblem = (url: string): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "webhookUrl: not an absolute URL (expected https://…)";
  }
  if (u.protocol === "https:") return null;
  if (u.protocol === "http:" && loopback.has(u.hostname)) return null;
  return u.protocol === "http:"
    ? "webhookUrl: plain http is allowed only to a loopback host; use https://"
    : `webhookUrl: the ${u.protocol} scheme is not allowed; use https://`;
};

/** Options of `post`. */
export interface PostOptions {
  /** Give up after this long (default 10 seconds). */
  readonly timeout?: Duration.DurationInput;
  /** The fetch to use (default the global one, looked up at call time). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * POSTs a notification; never fails: a failure or a non-2xx answer is logged (origin only) and the
 * returned boolean says whether it was delivered.
 */
export const post = (url: string, body: Notification, options: PostOptions = {}): Effect.Effect<boolean> => {
  const timeout = Duration.decode(options.timeout ?? "10 seconds");
  const origin = originOf(url);
  return Effect.tryPromise((signal) =>
    (options.fetch ?? globalThis.fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "harvest-runn" },
      body: JSON.stringify(Schema.encodeSync(Notification)(body)),
      signal,
    }),
  ).pipe(
    Effect.timeout(timeout),
    Effect.flatMap((res) =>
      res.ok
        ? Effect.succeed(true)
        : Effect.logWarning("webhook answered with an error status", { origin, status: res.status }).pipe(
            Effect.as(false),
          ),
    ),
    Effect.catchAll((e) =>
      Effect.logWarning("webhook could not be delivered", { origin, error: e._tag }).pipe(Effect.as(false)),
    ),
    Effect.withSpan("Sync.notify"),
  );
};
