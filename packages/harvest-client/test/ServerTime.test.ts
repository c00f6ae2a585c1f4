import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { HttpResponse, http } from "msw";
import { base, makeClient } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

describe("HarvestClient.serverTime", () => {
  it.effect("reads the Date header of GET /users/me", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.get(`${base}/users/me`, () => {
          calls += 1;
          return HttpResponse.json(Fixtures.user(1), { headers: { Date: "Mon, 03 Jun 2024 09:00:00 GMT" } });
        }),
      );
      const client = yield* makeClient();
      const time = yield* drive(client.serverTime());
      expect(time?.toISOString()).toBe("2024-06-03T09:00:00.000Z");
      expect(calls).toBe(1);
    }),
  );

  it.effect("is null without a Date header and fails like me() on a rejected token", () =>
    Effect.gen(function* () {
      server.use(http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))));
      const client = yield* makeClient();
      expect(yield* drive(client.serverTime())).toBeNull();
      server.use(
        http.get(`${base}/users/me`, () => HttpResponse.json({ error: "invalid_token" }, { status: 401 })),
      );
      const error = yield* drive(Effect.flip(client.serverTime()));
      expect(error.reason).toBe("Unauthorized");
    }),
  );
});
