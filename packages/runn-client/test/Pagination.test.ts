import { describe, expect, it } from "@effect/vitest";
import type { Runn, Skipped } from "@harvest-runn/domain";
import { Chunk, Effect, Exit, Stream } from "effect";
import { HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, makeClient, server, useServer } from "./support/Server.ts";

useServer();

/** Serves `total` records in pages of the requested limit, with opaque cursors. */
const paged =
  <A>(make: (id: number) => A, total: number, limits: Array<string | null>) =>
  ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    limits.push(url.searchParams.get("limit"));
    const limit = Number(url.searchParams.get("limit") ?? "50");
    const start = Number(url.searchParams.get("cursor")?.replace("c", "") ?? "0");
    const values = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) =>
      make(start + i + 1),
    );
    const next = start + limit < total ? `c${start + limit}` : null;
    return HttpResponse.json({ values, nextCursor: next });
  };

describe("RunnClient lists", () => {
  it.effect("walks every page of clients at the endpoint's maximum limit (200)", () =>
    Effect.gen(function* () {
      const limits: Array<string | null> = [];
      server.use(http.get(`${baseUrl}/clients/`, paged(F.client, 450, limits)));
      const { client } = yield* makeClient();
      const all = yield* Stream.runCollect(client.clients());
      expect(Chunk.size(all)).toBe(450);
      expect(Chunk.toReadonlyArray(all).map((c) => c.id)).toEqual(
        Array.from({ length: 450 }, (_, i) => i + 1),
      );
      expect(limits).toEqual(["200", "200", "200"]);
    }),
  );

  it.effect("walks actuals at limit 500 and passes the filters", () =>
    Effect.gen(function* () {
      const limits: Array<string | null> = [];
      const queries: Array<string> = [];
      const page = paged(F.actual, 1200, limits);
      server.use(
        http.get(`${baseUrl}/actuals/`, (info) => {
          const q = new URL(info.request.url).searchParams;
          queries.push(
            `${q.get("minDate")}|${q.get("maxDate")}|${q.get("personId")}|${q.get("modifiedAfter")}`,
          );
          return page(info);
        }),
      );
      const { client } = yield* makeClient();
      const all = yield* Stream.runCollect(
        client.actuals({
          minDate: "2026-01-01",
          maxDate: "2026-01-31",
          personId: 7,
          modifiedAfter: "2026-01-02",
        }),
      );
      expect(Chunk.size(all)).toBe(1200);
      expect(limits).toEqual(["500", "500", "500"]);
      expect(new Set(queries)).toEqual(new Set(["2026-01-01|2026-01-31|7|2026-01-02"]));
    }),
  );

  it.effect("uses limit 500 for contracts, project members and assignments, 200 for the rest", () =>
    Effect.gen(function* () {
      const limits: Record<string, string | null> = {};
      const record =
        (name: string) =>
        ({ request }: { request: Request }) => {
          limits[name] = new URL(request.url).searchParams.get("limit");
          return HttpResponse.json({ values: [], nextCursor: null });
        };
      server.use(
        http.get(`${baseUrl}/projects/`, record("projects")),
        http.get(`${baseUrl}/people/`, record("people")),
        http.get(`${baseUrl}/roles/`, record("roles")),
        http.get(`${baseUrl}/people/contracts/current`, record("contracts")),
        http.get(`${baseUrl}/project-members/`, record("members")),
        http.get(`${baseUrl}/assignments/`, record("assignments")),
      );
      const { client } = yield* makeClient();
      yield* Stream.runDrain(client.projects());
      yield* Stream.runDrain(client.people());
      yield* Stream.runDrain(client.roles());
      yield* Stream.runDrain(client.currentContracts());
      yield* Stream.runDrain(client.projectMembers());
      yield* Stream.runDrain(client.assignments());
      expect(limits).toEqual({
        projects: "200",
        people: "200",
        roles: "200",
        contracts: "500",
        members: "500",
        assignments: "500",
      });
    }),
  );

  it.effect("skips a record with a bad field, surfacing its identity; a bad id is only reported", () =>
    Effect.gen(function* () {
      const badField = { ...F.project(2, [F.ref("harvest", "77")]), pricingModel: "weird" };
      const badId = { ...F.project(3), id: "three" };
      server.use(
        http.get(`${baseUrl}/projects/`, () =>
          HttpResponse.json({ values: [F.project(1), badField, badId], nextCursor: null }),
        ),
      );
      const { client } = yield* makeClient();
      const malformed: Array<Skipped.MalformedRecord> = [];
      const identities: Array<Runn.IdentityOnly> = [];
      const all = yield* Stream.runCollect(
        client.projects(
          {},
          {
            onMalformed: (m) => Effect.sync(() => malformed.push(m)),
            onIdentityOnly: (r) => Effect.sync(() => identities.push(r)),
          },
        ),
      );
      expect(Chunk.toReadonlyArray(all).map((p) => p.id)).toEqual([1]);
      expect(malformed.map((m) => [m.source, m.resource, m.id, m.path])).toEqual([
        ["runn", "projects", 2, "pricingModel"],
        ["runn", "projects", "three", "id"],
      ]);
      expect(identities).toHaveLength(1);
      expect(identities[0]).toMatchObject({ kind: "project", id: 2, references: [F.ref("harvest", "77")] });
      expect(identities[0]?.error).toContain("pricingModel");
    }),
  );

  it.effect("fails the stream with Decode naming the path when the envelope is malformed", () =>
    Effect.gen(function* () {
      server.use(http.get(`${baseUrl}/roles/`, () => HttpResponse.json({ values: [F.role(1)], next: null })));
      const { client } = yield* makeClient();
      const exit = yield* Effect.exit(Stream.runCollect(client.roles()));
      expect(Exit.isFailure(exit)).toBe(true);
      const error = yield* Effect.flip(Stream.runCollect(client.roles()));
      expect(error.reason).toBe("Decode");
      expect(error.message).toContain("nextCursor");
      expect(error.message).toContain("GET /roles/");
    }),
  );

  it.effect("fails instead of looping when a cursor repeats", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/roles/`, () => HttpResponse.json({ values: [F.role(1)], nextCursor: "same" })),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(Stream.runCollect(client.roles()));
      expect(error.reason).toBe("Decode");
      expect(error.message).toContain("pagination did not end");
    }),
  );
});
