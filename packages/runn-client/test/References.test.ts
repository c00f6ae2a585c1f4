import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { HttpResponse, http } from "msw";
import { RunnClient } from "../src/index.ts";
import * as F from "./support/Fixtures.ts";
import { baseUrl, makeClient, server, useServer } from "./support/Server.ts";

useServer();

describe("RunnClient references", () => {
  it.effect("findByReference filters people by externalId, then keeps only exact name and value", () =>
    Effect.gen(function* () {
      const queries: Array<string | null> = [];
      server.use(
        http.get(`${baseUrl}/people/`, ({ request }) => {
          queries.push(new URL(request.url).searchParams.get("externalId"));
          return HttpResponse.json({
            values: [
              F.person(1, [F.ref("harvest", "42")]),
              F.person(2, [F.ref("clockify", "42")]),
              F.person(3, [F.ref("harvest", "420")]),
              F.person(4, [F.ref("Harvest", "42")]),
              { ...F.person(5, [F.ref("harvest", "42")]), isArchived: "no" },
            ],
            nextCursor: null,
          });
        }),
      );
      const { client } = yield* makeClient();
      const found = yield* client.findByReference("person", "harvest", "42");
      expect(queries).toEqual(["42"]);
      expect(found.map((f) => f.id)).toEqual([1, 5]);
      expect(found.map((f) => RunnClient.isIdentityOnly(f))).toEqual([false, true]);
    }),
  );

  it.effect("findByReference on projects includes archived ones", () =>
    Effect.gen(function* () {
      const queries: Array<string> = [];
      server.use(
        http.get(`${baseUrl}/projects/`, ({ request }) => {
          const q = new URL(request.url).searchParams;
          queries.push(`${q.get("externalId")}|${q.get("includeArchived")}`);
          return HttpResponse.json({ values: [F.project(9, [F.ref("harvest", "7")])], nextCursor: null });
        }),
      );
      const { client } = yield* makeClient();
      const found = yield* client.findByReference("project", "harvest", "7");
      expect(found.map((f) => f.id)).toEqual([9]);
      expect(queries).toEqual(["7|true"]);
    }),
  );

  it.effect("findByReference lists every client page and matches exactly (no server-side filter)", () =>
    Effect.gen(function* () {
      const queries: Array<string> = [];
      server.use(
        http.get(`${baseUrl}/clients/`, ({ request }) => {
          const q = new URL(request.url).searchParams;
          queries.push(q.toString());
          return q.get("cursor") === null
            ? HttpResponse.json({ values: [F.client(1, [F.ref("harvest", "5 ")])], nextCursor: "p2" })
            : HttpResponse.json({
                values: [F.client(2, [F.ref("harvest", "5")]), F.client(3)],
                nextCursor: null,
              });
        }),
      );
      const { client } = yield* makeClient();
      const found = yield* client.findByReference("client", "harvest", "5");
      expect(found.map((f) => f.id)).toEqual([2]);
      expect(queries).toEqual(["limit=200", "limit=200&cursor=p2"]);
    }),
  );

  it.effect("addReference keeps the references of other systems and writes the full array", () =>
    Effect.gen(function* () {
      const patches: Array<unknown> = [];
      let stored = [F.ref("salesforce.Id", "0010Z"), F.ref("clockify", "c-1")];
      server.use(
        http.get(`${baseUrl}/roles/:id`, ({ params }) =>
          HttpResponse.json(F.role(Number(params.id), stored)),
        ),
        http.patch(`${baseUrl}/roles/:id`, async ({ request, params }) => {
          const body = (await request.json()) as { references: typeof stored };
          patches.push(body);
          stored = body.references;
          return HttpResponse.json(F.role(Number(params.id), stored));
        }),
      );
      const { client } = yield* makeClient();
      const after = yield* client.addReference("role", 3, F.ref("harvest", "11"));
      expect(patches).toEqual([
        { references: [F.ref("salesforce.Id", "0010Z"), F.ref("clockify", "c-1"), F.ref("harvest", "11")] },
      ]);
      expect(after).toEqual(stored);
      // Already present: nothing is written.
      yield* client.addReference("role", 3, F.ref("harvest", "11"));
      expect(patches).toHaveLength(1);
      // Removing takes out exactly that reference.
      const removed = yield* client.removeReference("role", 3, F.ref("clockify", "c-1"));
      expect(removed).toEqual([F.ref("salesforce.Id", "0010Z"), F.ref("harvest", "11")]);
      expect(patches).toHaveLength(2);
    }),
  );

  it.effect("addReference works on a record whose other fields do not decode", () =>
    Effect.gen(function* () {
      const patches: Array<unknown> = [];
      const broken = { ...F.client(4, [F.ref("other", "x")]), isArchived: null };
      server.use(
        http.get(`${baseUrl}/clients/:id`, () => HttpResponse.json(broken)),
        http.patch(`${baseUrl}/clients/:id`, async ({ request }) => {
          const body = (await request.json()) as { references: Array<unknown> };
          patches.push(body);
          return HttpResponse.json({ ...broken, references: body.references });
        }),
      );
      const { client } = yield* makeClient();
      const after = yield* client.addReference("client", 4, F.ref("harvest", "1"));
      expect(after).toEqual([F.ref("other", "x"), F.ref("harvest", "1")]);
      expect(patches).toHaveLength(1);
    }),
  );
});
