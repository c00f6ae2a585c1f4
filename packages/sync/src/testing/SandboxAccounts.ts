/**
 * Connects every account of a running sandbox (`@harvest-runn/sandbox`) to a `Sync`, with clients
 * paced at the limits the sandbox enforces. It sits at `@harvest-runn/sync/testing` because connecting
 * is Sync's own API; the sandbox appears only as the shape of its info document, so this export needs
 * no dependency on the sandbox package.
 *
 * @example
 * const clients = Clients.layer(SandboxAccounts.clients(sb.info));
 * const ids = yield* SandboxAccounts.connectAll(sb.info, { userAgent: "Tests (tests@example.com)" });
 */
import { Duration, Effect, Redacted } from "effect";
import * as Clients from "../Clients.ts";
import * as Sync from "../Sync.ts";
import type { SyncError } from "../SyncError.ts";

/** A request budget: `requests` per `windowMs` of the sandbox's (uncompressed) time. */
export interface Limit {
  readonly requests: number;
  readonly windowMs: number;
}

/** The parts of a sandbox's info document (`SandboxInfo`) this module reads. */
export interface SandboxInfo {
  readonly harvest: { readonly baseUrl: string; readonly idBaseUrl: string };
  readonly timeScale: number;
  readonly limits: { readonly harvest: Limit; readonly runn: Limit };
  readonly accounts: ReadonlyArray<{
    readonly harvest: { readonly accountId: string; readonly token: string };
    readonly runn: { readonly baseUrl: string; readonly token: string };
  }>;
}

const budget = (limit: Limit) => ({ limit: limit.requests, window: Duration.millis(limit.windowMs) });

/** Client options for the sandbox: its URLs, its limits with time compressed, and short backoffs. */
export const clients = (info: SandboxInfo): Clients.Options => ({
  harvestBaseUrl: info.harvest.baseUrl,
  harvestIdBaseUrl: info.harvest.idBaseUrl,
  ...Clients.compressed(info.timeScale, {
    harvest: budget(info.limits.harvest),
    runn: budget(info.limits.runn),
  }),
});

/** How `connectAll` connects each account. */
export interface ConnectOptions {
  /** The Harvest User-Agent contact of every connection. */
  readonly userAgent: string;
  /** Accounts connected at once (default 5). */
  readonly concurrency?: number;
  /** Settings of every connection (default: actuals on). */
  readonly settings?: Parameters<Sync.Service["connect"]>[0]["settings"];
}

/** Connects every account of the sandbox as `account-<i>`; succeeds with the ids in account order. */
export const connectAll = (
  info: SandboxInfo,
  options: ConnectOptions,
): Effect.Effect<ReadonlyArray<string>, SyncError, Sync.Sync> =>
  Effect.flatMap(Sync.Sync, (sync) =>
    Effect.forEach(
      info.accounts,
      (account, i) =>
        sync
          .connect({
            id: `account-${i}`,
            name: `account ${i}`,
            harvest: {
              accountId: Number(account.harvest.accountId),
              userAgent: options.userAgent,
              token: Redacted.make(account.harvest.token),
            },
            runn: { baseUrl: account.runn.baseUrl, token: Redacted.make(account.runn.token) },
            settings: options.settings ?? { switches: { actuals: true } },
          })
          .pipe(Effect.map((result) => result.connection.id)),
      { concurrency: options.concurrency ?? 5 },
    ),
  );
