import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { HttpResponse, http } from "msw";
import type { RunnClient } from "../src/index.ts";
import * as F from "./support/Fixtures.ts";
import { baseUrl, makeClient, server, useServer } from "./support/Server.ts";

useServer();

const page = (values: Array<unknown>) => HttpResponse.json({ values, nextCursor: null });

const reasonOf = (result: RunnClient.WriteAccess): string => ("reason" in result ? result.reason : "");

/** Records every PATCH body per path and answers with `status` (200 echoes a role/client). */
const patches = (status: number) => {
  const sent: Array<{ path: string; body: unknown }> = [];
  const answer = async (request: Request, record: Record<string, unknown>) => {
    sent.push({ path: new URL(request.url).pathname, body: await request.json() });
    return status === 200
      ? HttpResponse.json(record)
      : HttpResponse.json(F.errorBody(status, "Forbidden", "Insufficient scope"), { status });
  };
  server.use(
    http.patch(`${baseUrl}/roles/:id`, ({ request }) => answer(request, F.role(7))),
    http.patch(`${baseUrl}/clients/:id`, ({ request }) => answer(request, F.client(9))),
  );
  return sent;
};

describe("RunnClient.checkWriteAccess", () => {
  it.effect("sends the first role's own name back and reports verified", () =>
    Effect.gen(function* () {
      server.use(http.get(`${baseUrl}/roles/`, () => page([{ ...F.role(7), name: "Designer" }])));
      const sent = patches(200);
      const { client } = yield* makeClient();
      const result = yield* client.checkWriteAccess;
      expect(result).toEqual({ verified: true, via: "PATCH /roles/{roleId}" });
      expect(sent).toEqual([{ path: "/roles/7", body: { name: "Designer" } }]);
    }),
  );

  for (const status of [401, 403]) {
    it.effect(`maps ${status} on the write to a read-only token`, () =>
      Effect.gen(function* () {
        server.use(http.get(`${baseUrl}/roles/`, () => page([{ ...F.role(7), name: "Designer" }])));
        const sent = patches(status);
        const { client, token } = yield* makeClient();
        const result = yield* client.checkWriteAccess;
        expect(result.verified).toBe(false);
        expect(reasonOf(result)).toContain("read-only");
        expect(reasonOf(result)).toContain(String(status));
        expect(JSON.stringify(result)).not.toContain(token);
        expect(sent).toHaveLength(1);
      }),
    );
  }

  it.effect("falls back to a client when the account has no role", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/roles/`, () => page([])),
        http.get(`${baseUrl}/clients/`, () => page([{ ...F.client(9), name: "Acme" }])),
      );
      const sent = patches(200);
      const { client } = yield* makeClient();
      const result = yield* client.checkWriteAccess;
      expect(result).toEqual({ verified: true, via: "PATCH /clients/{clientId}" });
      expect(sent).toEqual([{ path: "/clients/9", body: { name: "Acme" } }]);
    }),
  );

  it.effect("reports unverified and writes nothing on an empty account", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/roles/`, () => page([])),
        http.get(`${baseUrl}/clients/`, () => page([])),
      );
      const sent = patches(200);
      const { client } = yield* makeClient();
      const result = yield* client.checkWriteAccess;
      expect(result.verified).toBeNull();
      expect(reasonOf(result)).toContain("nothing to write to");
      expect(sent).toEqual([]);
    }),
  );

  it.effect("fails with the read's error when the token cannot even read", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/roles/`, () =>
          HttpResponse.json(F.errorBody(401, "Unauthorized", "Unauthorized"), { status: 401 }),
        ),
      );
      const sent = patches(200);
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(client.checkWriteAccess);
      expect(error.reason).toBe("Unauthorized");
      expect(sent).toEqual([]);
    }),
  );
});

describe("RunnClient.serverTime", () => {
  it.effect("reads the Date header of GET /me/", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/me/`, () =>
          HttpResponse.json({ name: "Acme" }, { headers: { Date: "Mon, 03 Jun 2024 09:00:00 GMT" } }),
        ),
      );
      const { client } = yield* makeClient();
      const time = yield* client.serverTime;
      expect(time?.toISOString()).toBe("2024-06-03T09:00:00.000Z");
    }),
  );

  it.effect("is null when the server sends no Date header", () =>
    Effect.gen(function* () {
      server.use(http.get(`${baseUrl}/me/`, () => HttpResponse.json({ name: "Acme" })));
      const { client } = yield* makeClient();
      expect(yield* client.serverTime).toBeNull();
    }),
  );
});
