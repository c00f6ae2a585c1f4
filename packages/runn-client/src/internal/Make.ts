/** Assembles a `RunnClient` service value from options. */

import { Runn } from "@harvest-runn/domain";
import { Duration, Effect, Redacted } from "effect";
import createClient from "openapi-fetch";
import type { paths } from "../generated/runn.ts";
import { baseUrls, type Options, type Service } from "../RunnClient.ts";
import { RunnClientError } from "../RunnClientError.ts";
import { type Ctx, header } from "./Api.ts";
import { decodeOne } from "./Decode.ts";
import { execute } from "./Http.ts";
import { makeLists } from "./Lists.ts";
import { accountKey, defaultRateLimit, limiterFor } from "./RateLimit.ts";
import { makeReferences } from "./References.ts";
import { makeChecks } from "./WriteAccess.ts";
import { makeWrites } from "./Writes.ts";

/** Builds the service: one openapi-fetch client, the account's shared limiter, and the operations. */
export const makeClient = (options: Options): Effect.Effect<Service> =>
  Effect.gen(function* () {
    const baseUrl = (options.baseUrl ?? baseUrls[options.region ?? "eu"]).replace(/\/+$/, "");
    const token = Redacted.value(options.token);
    const limiter = yield* limiterFor(accountKey(token), options.rateLimit ?? defaultRateLimit);
    const doFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    const api = createClient<paths>({
      baseUrl,
      fetch: doFetch,
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    const ctx: Ctx = {
      api,
      baseUrl,
      http: {
        limiter,
        maxAttempts: Math.max(1, options.retry?.maxAttempts ?? 5),
        baseDelay: Duration.decode(options.retry?.baseDelay ?? "1 second"),
        maxDelay: Duration.decode(options.retry?.maxDelay ?? "30 seconds"),
        timeout: Duration.decode(options.timeout ?? "30 seconds"),
        redact: (text) => (token === "" ? text : text.split(token).join("<redacted>")),
      },
    };

    const me = execute(ctx.http, {
      method: "GET",
      path: "/me/",
      idempotent: true,
      send: (signal) => api.GET("/me/", { params: { header }, parseAs: "text", signal }),
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
