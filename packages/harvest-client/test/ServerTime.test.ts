import { describe, expect, it } from "@effect/vitest";
import { Effect, Stream } from "effect";
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

describe("HarvestClient.earliestServerTime", () => {
  it.effect("is the earliest Date header of the answers the client read, at no request of its own", () =>
    Effect.gen(function* () {
      const requests: Array<string> = [];
      const dates: Record<string, string> = {
        first: "Mon, 03 Jun 2024 09:00:05 GMT",
        c2: "Mon, 03 Jun 2024 09:00:02 GMT", // an answer that left the server earlier, read later
        c3: "Mon, 03 Jun 2024 09:00:09 GMT",
      };
      server.use(
        http.get(`${base}/users`, ({ request }) => {
          const cursor = new URL(request.url).searchParams.get("cursor") ?? "first";
          requests.push(`/users ${cursor}`);
          const next = cursor === "first" ? "c2" : cursor === "c2" ? "c3" : null;
          return HttpResponse.json(
            Fixtures.cursorPage(
              "users",
              [Fixtures.user(requests.length)],
              next === null ? null : `${base}/users?cursor=${next}&per_page=2000`,
            ),
            { headers: { Date: dates[cursor]! } },
          );
        }),
        http.get(`${base}/*`, ({ request }) => {
          requests.push(new URL(request.url).pathname);
          return HttpResponse.json({}, { status: 500 });
        }),
      );
      const client = yield* makeClient();
      expect(yield* client.earliestServerTime()).toBeNull();
      yield* drive(Stream.runDrain(client.users()));
      expect((yield* client.earliestServerTime())?.toISOString()).toBe("2024-06-03T09:00:02.000Z");
      expect(requests).toEqual(["/users first", "/users c2", "/users c3"]);
    }),
  );

  it.effect("stays null when Harvest sends no Date header", () =>
    Effect.gen(function* () {
      server.use(http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))));
      const client = yield* makeClient();
      yield* drive(client.me());
      expect(yield* client.earliestServerTime()).toBeNull();
    }),
  );
});
