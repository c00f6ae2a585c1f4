import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { HttpResponse, http } from "msw";
import { base, idBase, makeClient, TOKEN, USER_AGENT } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

describe("request headers", () => {
  it.effect("sends the bearer token, the account id and the User-Agent on API calls", () =>
    Effect.gen(function* () {
      const seen: Array<Headers> = [];
      server.use(
        http.get(`${base}/users/me`, ({ request }) => {
          seen.push(request.headers);
          return HttpResponse.json(Fixtures.user(1));
        }),
      );
      const client = yield* makeClient({ accountId: 424_242 });
      const me = yield* drive(client.me());
      expect(me.id).toBe(1);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.get("authorization")).toBe(`Bearer ${TOKEN}`);
      expect(seen[0]?.get("harvest-account-id")).toBe("424242");
      expect(seen[0]?.get("user-agent")).toBe(USER_AGENT);
    }),
  );

  it.effect("asks Harvest ID for the accounts without an account id header", () =>
    Effect.gen(function* () {
      const seen: Array<Headers> = [];
      server.use(
        http.get(`${idBase}/accounts`, ({ request }) => {
          seen.push(request.headers);
          return HttpResponse.json(Fixtures.accounts());
        }),
      );
      const client = yield* makeClient();
      const result = yield* drive(client.accounts());
      expect(result.accounts.filter((a) => a.product === "harvest").map((a) => a.id)).toEqual([111]);
      expect(seen[0]?.get("authorization")).toBe(`Bearer ${TOKEN}`);
      expect(seen[0]?.get("user-agent")).toBe(USER_AGENT);
      expect(seen[0]?.has("harvest-account-id")).toBe(false);
    }),
  );

  it.effect("decodes the company", () =>
    Effect.gen(function* () {
      server.use(http.get(`${base}/company`, () => HttpResponse.json(Fixtures.company())));
      const client = yield* makeClient();
      const company = yield* drive(client.company());
      expect(company).toMatchObject({ name: "Acme", clock: "24h", weekly_capacity: 144_000 });
    }),
  );
});
