/**
 * Builds the two API clients of a connection at run time from its stored record and secrets. Hosts
 * use `layer()`; tests and the sandbox point the base URLs elsewhere and may compress the rate limits.
 */
import { HarvestClient } from "@harvest-runn/harvest-client";
import { RunnClient } from "@harvest-runn/runn-client";
import type { Connection } from "@harvest-runn/storage";
import { Context, type Duration, Effect, Layer, Redacted } from "effect";
import * as Pacer from "./internal/Pacer.ts";

/** The clients of one connection. */
export interface Pair {
  readonly harvest: HarvestClient.Service;
  readonly runn: RunnClient.Service;
  /** The base URLs the clients talk to, for messages that name the URL tried. */
  readonly urls: { readonly harvest: string; readonly harvestId: string; readonly runn: string };
}

/** What a connection contributes to its clients. */
export interface ConnectionInput {
  readonly harvest: {
    readonly accountId: number;
    readonly userAgent: string;
    readonly token: Redacted.Redacted<string>;
  };
  readonly runn: { readonly baseUrl: string; readonly token: Redacted.Redacted<string> };
}

/** Builds a connection's clients. */
export class Clients extends Context.Tag("@harvest-runn/sync/Clients")<
  Clients,
  { readonly make: (connection: ConnectionInput) => Effect.Effect<Pair> }
>() {}

/** Overrides for every connection's clients (tests, the sandbox, benchmarks). */
export interface Options {
  /** Harvest API base (default `https://api.harvestapp.com/v2`). */
  readonly harvestBaseUrl?: string;
  /** Harvest ID base (default `https://id.getharvest.com/api/v2`). */
  readonly harvestIdBaseUrl?: string;
  /** Harvest requests per window, per account (default 100 per 15 s). */
  readonly harvestRateLimit?: { readonly limit: number; readonly window: Duration.DurationInput };
  /** Runn requests per window, per account (default 120 per 60 s). */
  readonly runnRateLimit?: { readonly limit: number; readonly window: Duration.DurationInput };
  /** Retry attempts per call of both clients. */
  readonly maxAttempts?: number;
  /** First backoff of both clients' retries. */
  readonly baseDelay?: Duration.DurationInput;
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** Builds the clients with the given overrides; requests are paced per account (see `Pacer`). */
export const make = (options: Options = {}) =>
  Clients.of({
    make: (c) => {
      const base = options.fetch ?? ((request: Request) => globalThis.fetch(request));
      const harvestBudget = options.harvestRateLimit ?? { limit: 100, window: "15 seconds" };
      const runnBudget = options.runnRateLimit ?? { limit: 120, window: "60 seconds" };
      const harvestKey = `harvest:${new URL(options.harvestBaseUrl ?? "https://api.harvestapp.com/v2").host}#${c.harvest.accountId}`;
      const runnKey = `runn:${Pacer.keyOf(Redacted.value(c.runn.token))}`;
      const retry =
        options.maxAttempts === undefined && options.baseDelay === undefined
          ? {}
          : {
              retry: {
                ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
                ...(options.baseDelay === undefined ? {} : { baseDelay: options.baseDelay }),
              },
            };
      const urls = {
        harvest: options.harvestBaseUrl ?? "https://api.harvestapp.com/v2",
        harvestId: options.harvestIdBaseUrl ?? "https://id.getharvest.com/api/v2",
        runn: c.runn.baseUrl,
      };
      return Effect.all({
        harvest: HarvestClient.make({
          token: c.harvest.token,
          accountId: c.harvest.accountId,
          userAgent: c.harvest.userAgent,
          ...(options.harvestBaseUrl === undefined ? {} : { baseUrl: options.harvestBaseUrl }),
          ...(options.harvestIdBaseUrl === undefined ? {} : { idBaseUrl: options.harvestIdBaseUrl }),
          rateLimit: Pacer.unbounded,
          ...retry,
          fetch: Pacer.paced(harvestKey, harvestBudget, base),
        }),
        runn: RunnClient.make({
          token: c.runn.token,
          baseUrl: c.runn.baseUrl,
          rateLimit: Pacer.unbounded,
          ...retry,
          fetch: Pacer.paced(runnKey, runnBudget, base),
        }),
        urls: Effect.succeed(urls),
      });
    },
  });

/** The clients layer; without options it talks to the real APIs. */
export const layer = (options: Options = {}): Layer.Layer<Clients> => Layer.succeed(Clients, make(options));

/** A stored connection plus its secrets as client input. */
export const inputOf = (
  connection: Connection.Connection,
  secrets: {
    readonly harvestToken: Redacted.Redacted<string>;
    readonly runnToken: Redacted.Redacted<string>;
  },
): ConnectionInput => ({
  harvest: {
    accountId: connection.harvest.accountId,
    userAgent: connection.harvest.userAgent,
    token: secrets.harvestToken,
  },
  runn: { baseUrl: connection.runn.baseUrl, token: secrets.runnToken },
});
