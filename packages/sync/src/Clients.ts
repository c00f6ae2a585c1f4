/**
 * Builds the two API clients of a connection at run time from its stored record and secrets. Hosts
 * use `layer()`; tests and the sandbox point the base URLs elsewhere and may compress the rate limits.
 */

import { Optional } from "@harvest-runn/domain";
import { HarvestClient } from "@harvest-runn/harvest-client";
import { Pacer } from "@harvest-runn/http";
import { RunnClient } from "@harvest-runn/runn-client";
import type { Connection } from "@harvest-runn/storage";
import { Context, type Duration, Effect, Layer, type Redacted } from "effect";

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
  /** Harvest API base (default `HarvestClient.defaultBaseUrl`). */
  readonly harvestBaseUrl?: string;
  /** Harvest ID base (default `HarvestClient.defaultIdBaseUrl`). */
  readonly harvestIdBaseUrl?: string;
  /** Harvest requests per window, per account (default `HarvestClient.defaultRateLimit`). */
  readonly harvestRateLimit?: HarvestClient.RateLimitSettings;
  /** Runn requests per window, per account (default `RunnClient.defaultRateLimit`). */
  readonly runnRateLimit?: RunnClient.RateLimitSettings;
  /** Retry attempts per call of both clients. */
  readonly maxAttempts?: number;
  /** First backoff of both clients' retries. */
  readonly baseDelay?: Duration.DurationInput;
  /** Time one exchange of either client may take (the wait for a rate-limit slot is not in it). */
  readonly timeout?: Duration.DurationInput;
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** The two APIs' limits, each as a `Pacer.Budget`. */
export interface Limits {
  readonly harvest: Pacer.Budget;
  readonly runn: Pacer.Budget;
}

/** Harvest's and Runn's published limits, the clients' defaults. */
export const defaultLimits: Limits = {
  harvest: HarvestClient.defaultRateLimit,
  runn: RunnClient.defaultRateLimit,
};

/**
 * Options for a server whose time runs `scale` times faster than real time (the sandbox's
 * `timeScale`): both limits compressed by `Pacer.compressed` (the window; 2 ms of slack) and short backoffs.
 */
export const compressed = (scale: number, limits: Limits = defaultLimits): Options => ({
  harvestRateLimit: Pacer.compressed(limits.harvest, scale),
  runnRateLimit: Pacer.compressed(limits.runn, scale),
  baseDelay: "5 millis",
});

/**
 * Builds the clients with the given overrides. Every client built by one value shares `pacer` (a new
 * one by default), so all clients of one account keep to that account's rate limit together.
 */
export const make = (options: Options = {}, pacer: Pacer.Service = Pacer.unsafeMake()) =>
  Clients.of({
    make: (c) => {
      const retry =
        options.maxAttempts === undefined && options.baseDelay === undefined
          ? {}
          : {
              retry: {
                ...Optional.fields({ maxAttempts: options.maxAttempts, baseDelay: options.baseDelay }),
              },
            };
      const shared = {
        ...retry,
        ...Optional.fields({ timeout: options.timeout, fetch: options.fetch }),
      };
      const urls = {
        harvest: options.harvestBaseUrl ?? HarvestClient.defaultBaseUrl,
        harvestId: options.harvestIdBaseUrl ?? HarvestClient.defaultIdBaseUrl,
        runn: c.runn.baseUrl,
      };
      return Effect.all({
        harvest: HarvestClient.make({
          token: c.harvest.token,
          accountId: c.harvest.accountId,
          userAgent: c.harvest.userAgent,
          baseUrl: urls.harvest,
          idBaseUrl: urls.harvestId,
          rateLimit: options.harvestRateLimit ?? HarvestClient.defaultRateLimit,
          ...shared,
        }),
        runn: RunnClient.make({
          token: c.runn.token,
          baseUrl: c.runn.baseUrl,
          rateLimit: options.runnRateLimit ?? RunnClient.defaultRateLimit,
          ...shared,
        }),
        urls: Effect.succeed(urls),
      }).pipe(Effect.provideService(Pacer.Pacer, pacer));
    },
  });

/** The clients layer; without options it talks to the real APIs. All its clients share one `Pacer`. */
export const layer = (options: Options = {}): Layer.Layer<Clients> =>
  Layer.effect(
    Clients,
    Effect.map(Pacer.Pacer, (pacer) => make(options, pacer)),
  ).pipe(Layer.provide(Pacer.layer));

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
