/**
 * Connecting (SPEC C2) and `doctor`: both sides are validated before anything is saved, each failure
 * says which check failed, and a token below Harvest administrator is a clear warning.
 */
import { type Ids, Optional, Settings } from "@harvest-runn/domain";
import { HarvestClient } from "@harvest-runn/harvest-client";
import type { Connection } from "@harvest-runn/storage";
import { Effect, Either, ParseResult, type Redacted } from "effect";
import type * as Clients from "../Clients.ts";
import { webhookUrlProblem } from "../Notify.ts";
import type { ConnectionView, DoctorCheck } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import * as AccountPair from "./AccountPair.ts";
import * as Doctor from "./Doctor.ts";
import { type Env, loadConnection } from "./Env.ts";

/** What a host passes to `connect`. */
export interface ConnectInput {
  readonly id?: string;
  readonly name: string;
  readonly harvest: {
    readonly accountId: number;
    readonly userAgent: string;
    readonly token: Redacted.Redacted<string>;
  };
  readonly runn: { readonly baseUrl?: string; readonly token: Redacted.Redacted<string> };
  /** Settings as JSON (any subset; the rest are defaults), e.g. `{ switches: { actuals: true } }`. */
  readonly settings?: unknown;
}

/** The result of `connect`: the saved connection and what it should know. */
import type { ConnectResult } from "../Output.ts";

export type { ConnectResult };

/** A stored connection and its settings as hosts show them (no secrets). */
export const viewOf = (c: Connection.Connection, s: Settings.Settings): ConnectionView => ({
  id: c.id,
  name: c.name,
  harvestAccountId: c.harvest.accountId,
  harvestUserAgent: c.harvest.userAgent,
  runnBaseUrl: c.runn.baseUrl,
  switches: s.switches,
  schedule: s.schedule,
  webhookOrigin: s.webhookUrl === null ? null : originOf(s.webhookUrl),
  createdAt: c.createdAt,
});

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid URL";
  }
};

/**
 * Runs every check of C2 on a pair of clients; each check says what it proves. After the tokens:
 * the Runn write scope (a write that changes no value, see `Doctor.runnWriteScope`) and both clocks.
 */
export const check = (clients: Clients.Pair, accountId: number) =>
  Effect.gen(function* () {
    const checks: Array<DoctorCheck> = [];
    const add = (name: string, level: DoctorCheck["level"], message: string) =>
      checks.push({ name, ok: level !== "error", level, message });
    const me = yield* clients.harvest.me().pipe(Effect.either);
    if (Either.isRight(me)) {
      add("harvest.token", "ok", `Harvest token works for account ${accountId} (user ${me.right.email})`);
      const warning = HarvestClient.accessWarning(me.right);
      add(
        "harvest.access",
        warning ? "warning" : "ok",
        warning ? warning.message : "Harvest token is an administrator's",
      );
    } else {
      const accounts = yield* clients.harvest.accounts().pipe(Effect.either);
      if (Either.isLeft(accounts)) {
        if (me.left.reason === "Transport" || accounts.left.reason === "Transport")
          add(
            "harvest.reach",
            "error",
            `Harvest could not be reached at ${clients.urls.harvest} (accounts at ${clients.urls.harvestId}): ${accounts.left.message}`,
          );
        else
          add(
            "harvest.token",
            "error",
            accounts.left.reason === "Unauthorized"
              ? "Harvest rejected the token: check the Harvest token (wrong, expired or revoked)"
              : `Harvest answered with an error: ${accounts.left.message}`,
          );
      } else if (accounts.right.accounts.some((a) => a.id === accountId)) {
        add("harvest.token", "error", `Harvest answered /users/me with an error: ${me.left.message}`);
      } else {
        const harvestAccounts = accounts.right.accounts.filter((a) => a.product.toLowerCase() === "harvest");
        add(
          "harvest.account",
          "error",
          `the Harvest token works but not for account ${accountId}; it reaches ${
            harvestAccounts.map((a) => `${a.id} (${a.name})`).join(", ") || "no Harvest account"
          }`,
        );
      }
    }
    const runnMe = yield* clients.runn.me.pipe(Effect.either);
    if (Either.isRight(runnMe)) add("runn.token", "ok", `Runn token works (account ${runnMe.right.name})`);
    else if (runnMe.left.reason === "Transport")
      add("runn.reach", "error", `Runn could not be reached at ${clients.urls.runn}: ${runnMe.left.message}`);
    else
      add(
        "runn.token",
        "error",
        runnMe.left.reason === "NotFound"
          ? "Runn answered 404 on /me/: the base URL is probably the other region's (EU https://api.runn.io, US https://api.us.runn.io)"
          : runnMe.left.reason === "Unauthorized"
            ? "Runn rejected the token: check the Runn token (wrong, expired or revoked)"
            : `Runn answered with an error: ${runnMe.left.message}`,
      );
    if (Either.isRight(runnMe)) checks.push(yield* Doctor.runnWriteScope(clients));
    const harvestOk = checks.some((c) => c.name === "harvest.token" && c.level === "ok");
    if (harvestOk)
      checks.push(yield* Doctor.clockSkew("harvest.clock", "Harvest", clients.harvest.serverTime()));
    if (Either.isRight(runnMe))
      checks.push(yield* Doctor.clockSkew("runn.clock", "Runn", clients.runn.serverTime));
    return checks;
  });

/** The `SyncError` of the first failed check. */
const firstError = (checks: ReadonlyArray<DoctorCheck>): SyncError.SyncError | null => {
  const failed = checks.find((c) => c.level === "error");
  if (!failed) return null;
  const reason: SyncError.SyncErrorReason =
    failed.name === "runn.writeScope"
      ? "RunnReadOnly"
      : failed.name === "harvest.reach"
        ? "HarvestUnreachable"
        : failed.name === "runn.reach"
          ? "RunnUnreachable"
          : failed.name === "harvest.account"
            ? "HarvestAccount"
            : failed.name === "harvest.token"
              ? failed.message.startsWith("Harvest answered")
                ? "Harvest"
                : "HarvestAuth"
              : failed.message.startsWith("Runn answered with")
                ? "Runn"
                : failed.message.includes("404")
                  ? "RunnRegion"
                  : "RunnAuth";
  return SyncError.make(reason, failed.message);
};

/**
 * Decodes settings a caller gave (any subset; the rest are defaults). A key the schema does not know is
 * refused by name, so a typo (`actualz`) never passes as "use the default".
 */
export const decodeInput = (input: unknown): Effect.Effect<Settings.Settings, SyncError.SyncError> =>
  Settings.decode(input, { onExcessProperty: "error", errors: "first" }).pipe(
    Effect.mapError((e) => {
      const [issue] = ParseResult.ArrayFormatter.formatErrorSync(e);
      const path = issue?.path.join(".") ?? "";
      const message = (issue?.message ?? e.message).split("\n")[0] ?? "";
      const unknown = /^is unexpected, expected: (.*)$/.exec(message);
      return SyncError.make(
        "InvalidInput",
        unknown
          ? `invalid settings: unknown setting "${path}" (expected ${unknown[1]})`
          : `invalid settings: ${path === "" ? "" : `${path}: `}${message}`,
      );
    }),
  );

/** Refuses settings whose webhook URL is not one notifications may be sent to (`Notify.webhookUrlProblem`). */
export const checkWebhook = (s: Settings.Settings): Effect.Effect<Settings.Settings, SyncError.SyncError> => {
  const problem = s.webhookUrl === null ? null : webhookUrlProblem(s.webhookUrl);
  return problem === null
    ? Effect.succeed(s)
    : Effect.fail(SyncError.make("InvalidInput", `invalid settings: ${problem}`));
};

/** The longest connection name accepted: enough for any label, short enough to show in a list. */
export const maxNameLength = 200;

/**
 * Validates both sides (SPEC C2), then saves the connection and its settings; refuses with
 * `AlreadyConnected` when a stored connection syncs the same Harvest account into the same Runn account.
 */
export const connect = (env: Env, input: ConnectInput) =>
  Effect.gen(function* () {
    const name = input.name.trim();
    if (name === "" || name.length > maxNameLength)
      return yield* SyncError.make(
        "InvalidInput",
        `name: 1 to ${maxNameLength} characters (got ${name.length})`,
      );
    const settings = yield* decodeInput(input.settings ?? {}).pipe(Effect.flatMap(checkWebhook));
    const baseUrl = input.runn.baseUrl ?? "https://api.runn.io";
    const clients = yield* env.clients.make({
      harvest: input.harvest,
      runn: { baseUrl, token: input.runn.token },
    });
    const checks = yield* check(clients, input.harvest.accountId);
    const error = firstError(checks);
    if (error) return yield* error;
    const pair = { harvestAccountId: input.harvest.accountId, runnBaseUrl: baseUrl, runnMe: clients.runn.me };
    const [existing] = yield* AccountPair.twins(env, { id: null, ...pair }, false);
    if (existing) return yield* AccountPair.alreadyConnected(existing);
    const saved = yield* env.store.connections
      .create({
        ...Optional.fields({ id: input.id as Ids.ConnectionId | undefined }),
        name,
        harvest: {
          accountId: input.harvest.accountId as Ids.HarvestAccountId,
          userAgent: input.harvest.userAgent,
          token: input.harvest.token,
        },
        runn: { baseUrl, token: input.runn.token },
      })
      .pipe(
        Effect.mapError((e) =>
          e.reason === "AlreadyExists" ? SyncError.make("InvalidInput", e.message) : SyncError.fromStore(e),
        ),
      );
    const stored = yield* env.store.settings
      .put(saved.id, settings)
      .pipe(Effect.mapError(SyncError.fromStore));
    const result: ConnectResult = {
      connection: viewOf(saved, stored),
      warnings: checks.filter((c) => c.level === "warning").map((c) => c.message),
    };
    return result;
  }).pipe(Effect.withSpan("Sync.connect"));

/** Checks a saved connection's tokens, access role, region, Runn write scope and clock skew; never fails on a failed check. */
export const doctor = (env: Env, connectionId: string) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const clients = yield* env.clients.make(conn.input);
    return yield* check(clients, conn.connection.harvest.accountId);
  }).pipe(Effect.withSpan("Sync.doctor"));
