import { describe, expect, it } from "@effect/vitest";
import type { Runn } from "@harvest-runn/domain";
import { Effect, Exit } from "effect";
import { delay, HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, drive, makeClient, server, useServer } from "./support/Server.ts";

useServer();

const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const input = (n: number, overrides: Partial<Record<string, unknown>> = {}) =>
  ({
    date: day(n),
    personId: 1,
    projectId: 2,
    roleId: 3,
    billableMinutes: 60,
    nonbillableMinutes: 0,
    ...overrides,
  }) as unknown as Runn.ActualInput;

describe("RunnClient writes", () => {
  it.effect("upserts 250 actuals in chunks of 100, 100, 50", () =>
    Effect.gen(function* () {
      const sizes: Array<number> = [];
      server.use(
        http.post(`${baseUrl}/actuals/bulk/`, async ({ request }) => {
          const body = (await request.json()) as { actuals: Array<{ date: string }> };
          sizes.push(body.actuals.length);
          return HttpResponse.json(
            body.actuals.map((a, i) => ({ ...F.actual(sizes.length * 1000 + i), date: a.date })),
          );
        }),
      );
      const { client } = yield* makeClient();
      const stored = yield* client.upsertActuals(Array.from({ length: 250 }, (_, i) => input(i)));
      expect(sizes).toEqual([100, 100, 50]);
      expect(stored).toHaveLength(250);
      expect(stored[249]?.date).toBe(day(249));
    }),
  );

  it.effect("rejects two items with the same key before sending anything", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/actuals/bulk/`, () => {
          calls += 1;
          return HttpResponse.json([]);
        }),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(
        client.upsertActuals([input(1), input(2), input(1, { billableMinutes: 30 })]),
      );
      expect(error.reason).toBe("Validation");
      expect(error.message).toContain(`${day(1)}|1|2|3|none`);
      expect(calls).toBe(0);
      // A different workstream is a different key: accepted.
      yield* client.upsertActuals([input(1), input(1, { workstreamId: 5 })]);
      expect(calls).toBe(1);
    }),
  );

  it.effect("retries a bulk upsert after a 503 (idempotent)", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/actuals/bulk/`, () => {
          calls += 1;
          return calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json([F.actual(1)]);
        }),
      );
      const { client } = yield* makeClient();
      const fiber = yield* Effect.fork(client.upsertActuals([input(0)]));
      const exit = yield* drive(fiber);
      expect(Exit.isSuccess(exit)).toBe(true);
      expect(calls).toBe(2);
    }),
  );

  it.effect("a create that fails with a 5xx after sending is OutcomeUnknown and is not resent", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/projects/`, () => {
          calls += 1;
          return HttpResponse.json(F.errorBody(502, "Bad Gateway", "upstream"), { status: 502 });
        }),
      );
      const { client } = yield* makeClient();
      const fiber = yield* Effect.fork(
        client.createProject({ name: "P", clientId: 1 as never, references: [F.ref("harvest", "9")] }),
      );
      const exit = yield* drive(fiber);
      expect(Exit.isFailure(exit)).toBe(true);
      const error = yield* Effect.flip(exit);
      expect(error.reason).toBe("OutcomeUnknown");
      expect(error.retryable).toBe(false);
      expect(calls).toBe(1);
    }),
  );

  it.effect("a create whose connection drops is OutcomeUnknown and is not resent", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/people/`, () => {
          calls += 1;
          return HttpResponse.error();
        }),
      );
      const { client } = yield* makeClient();
      const fiber = yield* Effect.fork(
        client.createPerson({ firstName: "A", lastName: "B", roleId: 3 as never, references: [] }),
      );
      const error = yield* Effect.flip(yield* drive(fiber));
      expect(error.reason).toBe("OutcomeUnknown");
      expect(error.message).toContain("look the record up");
      expect(calls).toBe(1);
    }),
  );

  it.effect("a create with no response before the timeout is OutcomeUnknown and is not resent", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.post(`${baseUrl}/clients/bulk/`, async () => {
          calls += 1;
          await delay("infinite");
          return HttpResponse.json([]);
        }),
      );
      const { client } = yield* makeClient({ timeout: "10 seconds" });
      const fiber = yield* Effect.fork(client.createClients([{ name: "C", references: [] }]));
      const error = yield* Effect.flip(yield* drive(fiber));
      expect(error.reason).toBe("OutcomeUnknown");
      expect(error.message).toContain("no response within");
      expect(calls).toBe(1);
    }),
  );

  it.effect("a 429 on a create is retried (the server refused it) and sends references in the body", () =>
    Effect.gen(function* () {
      const bodies: Array<unknown> = [];
      server.use(
        http.post(`${baseUrl}/roles/`, async ({ request }) => {
          bodies.push(await request.json());
          return bodies.length === 1
            ? HttpResponse.json(F.errorBody(429, "Too Many Requests", "slow down"), {
                status: 429,
                headers: { "Retry-After": "2" },
              })
            : HttpResponse.json(F.role(5, [F.ref("harvest", "r1")]), { status: 201 });
        }),
      );
      const { client } = yield* makeClient();
      const fiber = yield* Effect.fork(
        client.createRole({ name: "Dev", references: [F.ref("harvest", "r1")] }),
      );
      const role = yield* Effect.flatten(drive(fiber));
      expect(role.id).toBe(5);
      expect(bodies).toEqual([
        { name: "Dev", references: [F.ref("harvest", "r1")] },
        { name: "Dev", references: [F.ref("harvest", "r1")] },
      ]);
    }),
  );

  it.effect("creates clients through /clients/bulk/ in chunks of 100", () =>
    Effect.gen(function* () {
      const sizes: Array<number> = [];
      server.use(
        http.post(`${baseUrl}/clients/bulk/`, async ({ request }) => {
          const body = (await request.json()) as { clients: Array<{ name: string }> };
          sizes.push(body.clients.length);
          return HttpResponse.json(body.clients.map((_, i) => F.client(sizes.length * 1000 + i)));
        }),
      );
      const { client } = yield* makeClient();
      const created = yield* client.createClients(
        Array.from({ length: 130 }, (_, i) => ({ name: `C${i}`, references: [F.ref("harvest", String(i))] })),
      );
      expect(sizes).toEqual([100, 30]);
      expect(created).toHaveLength(130);
    }),
  );

  it.effect("passes Runn's message through on a 422", () =>
    Effect.gen(function* () {
      server.use(
        http.post(`${baseUrl}/roles/`, () =>
          HttpResponse.json(F.errorBody(422, "Unprocessable Entity", "Role name 'Dev' is already taken"), {
            status: 422,
          }),
        ),
      );
      const { client } = yield* makeClient();
      const error = yield* Effect.flip(client.createRole({ name: "Dev", references: [] }));
      expect(error.reason).toBe("Validation");
      expect(error.status).toBe(422);
      expect(error.message).toContain("Role name 'Dev' is already taken");
    }),
  );

  it.effect("deletes people with force, projects, actuals; archives clients", () =>
    Effect.gen(function* () {
      const seen: Array<string> = [];
      server.use(
        http.delete(`${baseUrl}/people/:id`, ({ request, params }) => {
          seen.push(`person ${params.id} force=${new URL(request.url).searchParams.get("force")}`);
          return new HttpResponse(null, { status: 204 });
        }),
        http.delete(`${baseUrl}/projects/:id/`, ({ params }) => {
          seen.push(`project ${params.id}`);
          return HttpResponse.json(F.errorBody(409, "Conflict", "Project has actuals"), { status: 409 });
        }),
        http.patch(`${baseUrl}/clients/:id`, async ({ request, params }) => {
          seen.push(`client ${params.id} ${JSON.stringify(await request.json())}`);
          return HttpResponse.json({ ...F.client(Number(params.id)), isArchived: true });
        }),
      );
      const { client } = yield* makeClient();
      yield* client.deletePerson(4 as never, { force: true });
      const conflict = yield* Effect.flip(client.deleteProject(8 as never));
      const archived = yield* client.archiveClient(6 as never);
      expect(conflict.reason).toBe("Conflict");
      expect(conflict.message).toContain("Project has actuals");
      expect(archived.isArchived).toBe(true);
      expect(seen).toEqual(["person 4 force=true", "project 8", 'client 6 {"isArchived":true}']);
    }),
  );
});
