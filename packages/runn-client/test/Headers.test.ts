import { describe, expect, it } from "@effect/vitest";
import { Runn } from "@harvest-runn/domain";
import { Effect, Stream } from "effect";
import { HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, makeClient, server, useServer } from "./support/Server.ts";

useServer();

describe("RunnClient headers", () => {
  it.effect("sends Accept-Version 1.0.0 and the bearer token on every call", () =>
    Effect.gen(function* () {
      const seen: Array<{ method: string; path: string; version: string | null; auth: string | null }> = [];
      server.events.on("request:start", ({ request }) => {
        seen.push({
          method: request.method,
          path: new URL(request.url).pathname,
          version: request.headers.get("accept-version"),
          auth: request.headers.get("authorization"),
        });
      });
      server.use(
        http.get(`${baseUrl}/me/`, () => HttpResponse.json({ name: "Acme" })),
        http.get(`${baseUrl}/clients/`, () => HttpResponse.json({ values: [F.client(1)], nextCursor: null })),
        http.get(`${baseUrl}/actuals/`, () => HttpResponse.json({ values: [F.actual(1)], nextCursor: null })),
        http.post(`${baseUrl}/roles/`, () => HttpResponse.json(F.role(9), { status: 201 })),
        http.post(`${baseUrl}/actuals/bulk/`, () => HttpResponse.json([F.actual(1)])),
        http.get(`${baseUrl}/people/:id`, () => HttpResponse.json(F.personRecord(4))),
        http.patch(`${baseUrl}/people/:id`, () =>
          HttpResponse.json(F.personRecord(4, [F.ref("harvest", "1")])),
        ),
        http.delete(`${baseUrl}/actuals/:id/`, () => new HttpResponse(null, { status: 204 })),
      );
      const { client, token } = yield* makeClient();
      yield* client.me;
      yield* Stream.runDrain(client.clients());
      yield* Stream.runDrain(client.actuals({ minDate: "2026-01-01" }));
      yield* client.createRole({ name: "Dev", references: [] });
      yield* client.upsertActuals([
        {
          date: "2026-01-05" as Runn.ActualInput["date"],
          personId: 1 as Runn.ActualInput["personId"],
          projectId: 2 as Runn.ActualInput["projectId"],
          roleId: 3 as Runn.ActualInput["roleId"],
          billableMinutes: 60,
          nonbillableMinutes: 0,
        },
      ]);
      yield* client.addReference("person", 4, { referenceName: "harvest", externalId: "1" });
      yield* client.deleteActual(1 as never);
      server.events.removeAllListeners();

      expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
        "GET /me/",
        "GET /clients/",
        "GET /actuals/",
        "POST /roles/",
        "POST /actuals/bulk/",
        "GET /people/4",
        "PATCH /people/4",
        "DELETE /actuals/1/",
      ]);
      for (const s of seen) {
        expect(s.version).toBe("1.0.0");
        expect(s.auth).toBe(`Bearer ${token}`);
      }
      expect(Runn.EntityKind.literals).toContain("person");
    }),
  );
});
