import { describe, expect, it } from "@effect/vitest";
import { ConfigProvider, Effect, Layer, Redacted } from "effect";
import { HttpResponse, http } from "msw";
import { RunnClient } from "../src/index.ts";
import { baseUrl, freshToken, make, server, useServer } from "./support/Server.ts";

useServer();

describe("RunnClient configuration", () => {
  it.effect("layerConfig reads RUNN_TOKEN and RUNN_BASE_URL", () =>
    Effect.gen(function* () {
      const token = freshToken();
      let auth: string | null = null;
      server.use(
        http.get(`${baseUrl}/me/`, ({ request }) => {
          auth = request.headers.get("authorization");
          return HttpResponse.json({ name: "From env" });
        }),
      );
      const provider = ConfigProvider.fromMap(
        new Map([
          ["RUNN_TOKEN", token],
          ["RUNN_BASE_URL", `${baseUrl}/`],
        ]),
      );
      const me = yield* Effect.flatMap(RunnClient.RunnClient, (c) => c.me).pipe(
        Effect.provide(RunnClient.layerConfig.pipe(Layer.provide(Layer.setConfigProvider(provider)))),
      );
      expect(me.name).toBe("From env");
      expect(auth).toBe(`Bearer ${token}`);
    }),
  );

  it.effect("layerConfig fails clearly without RUNN_TOKEN", () =>
    Effect.gen(function* () {
      const provider = ConfigProvider.fromMap(new Map());
      const error = yield* Effect.flip(
        Effect.flatMap(RunnClient.RunnClient, (c) => c.me).pipe(
          Effect.provide(RunnClient.layerConfig.pipe(Layer.provide(Layer.setConfigProvider(provider)))),
        ),
      );
      expect(String(error)).toContain("RUNN_TOKEN");
    }),
  );

  it.effect("defaults to the EU base URL and picks the US one by region", () =>
    Effect.gen(function* () {
      const hosts: Array<string> = [];
      const me = ({ request }: { request: Request }) => {
        hosts.push(new URL(request.url).host);
        return HttpResponse.json({ name: "Acme" });
      };
      server.use(http.get("https://api.runn.io/me/", me), http.get("https://api.us.runn.io/me/", me));
      const eu = yield* make({ token: Redacted.make(freshToken()) });
      const us = yield* make({ token: Redacted.make(freshToken()), region: "us" });
      yield* eu.me;
      yield* us.me;
      expect(hosts).toEqual(["api.runn.io", "api.us.runn.io"]);
      expect(RunnClient.baseUrls).toEqual({ eu: "https://api.runn.io", us: "https://api.us.runn.io" });
    }),
  );
});
