import { describe, expect, it } from "@effect/vitest";
import { ConfigProvider, Effect, Layer } from "effect";
import { HttpResponse, http } from "msw";
import { HarvestClient } from "../src/index.ts";
import { base, freshAccount } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

const fromEnv = (env: Record<string, string>) =>
  HarvestClient.layerConfig().pipe(
    Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))),
  );

describe("layerConfig", () => {
  it.effect("reads the token, account, User-Agent and base URL from the environment", () =>
    Effect.gen(function* () {
      const seen: Array<Headers> = [];
      server.use(
        http.get(`${base}/users/me`, ({ request }) => {
          seen.push(request.headers);
          return HttpResponse.json(Fixtures.user(5));
        }),
      );
      const account = freshAccount();
      const layer = fromEnv({
        HARVEST_TOKEN: "env-token",
        HARVEST_ACCOUNT_ID: String(account),
        HARVEST_USER_AGENT: "Env (env@example.com)",
        HARVEST_BASE_URL: base,
      });
      const client = yield* Effect.provide(HarvestClient.HarvestClient, layer);
      expect(client.accountId).toBe(account);
      const me = yield* drive(client.me());
      expect(me.id).toBe(5);
      expect(seen[0]?.get("authorization")).toBe("Bearer env-token");
      expect(seen[0]?.get("harvest-account-id")).toBe(String(account));
      expect(seen[0]?.get("user-agent")).toBe("Env (env@example.com)");
    }),
  );

  it.effect("fails with a ConfigError naming a missing variable, without printing the token", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        Effect.provide(
          HarvestClient.HarvestClient,
          fromEnv({ HARVEST_TOKEN: "env-token", HARVEST_ACCOUNT_ID: "1" }),
        ),
      );
      expect(String(error)).toContain("HARVEST_USER_AGENT");
      expect(String(error)).not.toContain("env-token");
    }),
  );
});
