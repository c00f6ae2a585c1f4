/** Assembles a `RunnClient` service value from options. */

import { createHash } from "node:crypto";
import { Optional, Runn } from "@harvest-runn/domain";
import { Exchange, type Pacer } from "@harvest-runn/http";
import { Effect, Redacted } from "effect";
import createClient from "openapi-fetch";
import type { paths } from "../generated/runn.ts";
import { baseUrls, defaultRateLimit, type Options, type Service } from "../RunnClient.ts";
import { RunnClientError } from "../RunnClientError.ts";
import { type Ctx, header, request } from "./Api.ts";
import { decodeOne } from "./Decode.ts";
import { defaultRateLimitWait, errorOf, maxRateLimitWait } from "./Failure.ts";
import { makeLists } from "./Lists.ts";
import { makeReferences } from "./References.ts";
import { makeChecks } from "./WriteAccess.ts";
import { makeWrites } from "./Writes.ts";

/** A stable, non-secret pacer key for an account: a prefix of the token's SHA-256, never the token. */
const accountKey = (token: string): string =>
  `runn:${createHash("sha256").update(token).digest("hex").slice(0, 32)}`;

/** Builds the service: one openapi-fetch client, the account's shared pacing, and the operations. */
export const makeClient = (options: Options): Effect.Effect<Service, never, Pacer.Pacer> =>
  Effect.gen(function* () {
    const baseUrl = (options.baseUrl ?? baseUrls[options.region ?? "eu"]).replace(/\/+$/, "");
    const token = Redacted.value(options.token);
    // Every request goes through the exchange, whose `fetch` records it with the pacer as it is sent.
    const api = createClient<paths>({
      baseUrl,
      fetch: Exchange.unpaced,
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    const redact = (text: string) => (token === "" ? text : text.split(token).join("<redacted>"));
    const http = yield* Exchange.make({
      api: "runn",
      account: accountKey(token),
      budget: options.rateLimit ?? defaultRateLimit,
      timeout: options.timeout ?? "30 seconds",
      retry: {
        maxAttempts: Math.max(1, options.retry?.maxAttempts ?? 5),
        baseDelay: options.retry?.baseDelay ?? "1 second",
        maxDelay: options.retry?.maxDelay ?? "30 seconds",
        rateLimitedWait: options.retry?.rateLimitedDelay ?? `${defaultRateLimitWait} seconds`,
        maxRateLimitWait: `${maxRateLimitWait} seconds`,
      },
      error: errorOf(redact),
      ...Optional.fields({ fetch: options.fetch }),
    });
    const ctx: Ctx = { api, baseUrl, http };

    const me = request(ctx.http, {
      method: "GET",
      path: "/me/",
      idempotent: true,
      send: (init) => api.GET("/me/", { params: { header }, parseAs: "text", ...init }),
    }).pipe(
      Effect.flatMap((reply) => decodeOne(Runn.Me, { method: "GET", path: "/me/" }, reply.body)),
      Effect.mapError((error) =>
        error.reason === "NotFound"
          ? new RunnClientError({
              ...error,
              message: `GET /me/: not found (404): the base URL ${baseUrl} is probably the wrong region for this account; Runn shows the right one under Settings → API (EU ${baseUrls.eu}, US ${baseUrls.us})`,
            })
          : error,
      ),
      Effect.withSpan("RunnClient.me"),
    );

    const lists = makeLists(ctx);
    return {
      me,
      ...makeChecks(ctx, lists),
      ...lists,
      ...makeWrites(ctx),
      ...makeReferences(ctx, lists),
    } satisfies Service;
  });
