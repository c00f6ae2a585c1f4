import { describe, expect, it } from "@effect/vitest";
import type { Skipped } from "@harvest-runn/domain";
import { Chunk, Effect, Stream } from "effect";
import { HttpResponse, http } from "msw";
import { base, makeClient } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

describe("malformed records", () => {
  it.effect("are skipped and reported with their id and the failing field", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/users`, () =>
          HttpResponse.json(
            Fixtures.cursorPage(
              "users",
              [Fixtures.user(1), Fixtures.user(2, { email: null }), Fixtures.user(3)],
              null,
            ),
          ),
        ),
        http.get(`${base}/time_entries`, () => {
          const broken = { ...Fixtures.timeEntry(8), project: { id: "x", name: "P" } };
          return HttpResponse.json(
            Fixtures.numberedPage(
              "time_entries",
              [Fixtures.timeEntry(9), broken, Fixtures.timeEntry(7)],
              1,
              1,
            ),
          );
        }),
      );
      const reported: Array<Skipped.MalformedRecord> = [];
      const onMalformed = (record: Skipped.MalformedRecord) => Effect.sync(() => void reported.push(record));
      const client = yield* makeClient();
      const users = yield* drive(Stream.runCollect(client.users({}, { onMalformed })));
      const entries = yield* drive(Stream.runCollect(client.timeEntries({}, { onMalformed })));
      expect(Chunk.toArray(users).map((u) => u.id)).toEqual([1, 3]);
      expect(Chunk.toArray(entries).map((e) => e.id)).toEqual([9, 7]);
      expect(reported).toEqual([
        expect.objectContaining({ source: "harvest", resource: "users", id: 2, path: "email" }),
        expect.objectContaining({ source: "harvest", resource: "time_entries", id: 8, path: "project.id" }),
      ]);
      expect(reported[0]?.message).toMatch(/string/);
    }),
  );
});

describe("malformed envelopes", () => {
  it.effect("fail the list with Decode naming the path", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/clients`, () => HttpResponse.json({ clients: "none", links: { next: null } })),
        http.get(`${base}/tasks`, () => HttpResponse.json({ tasks: [] })),
        http.get(`${base}/time_entries`, () => HttpResponse.json({ time_entries: [], next_page: "2" })),
      );
      const client = yield* makeClient();
      const clients = yield* drive(Effect.flip(Stream.runDrain(client.clients())));
      const tasks = yield* drive(Effect.flip(Stream.runDrain(client.tasks())));
      const entries = yield* drive(Effect.flip(Stream.runDrain(client.timeEntries())));
      expect([clients.reason, tasks.reason, entries.reason]).toEqual(["Decode", "Decode", "Decode"]);
      expect(clients.message).toContain("at clients:");
      expect(tasks.message).toContain("at links:");
      expect(entries.message).toContain("at next_page:");
      expect(clients.retryable).toBe(false);
    }),
  );

  it.effect("a body that is not JSON fails with Decode", () =>
    Effect.gen(function* () {
      server.use(http.get(`${base}/users/me`, () => new HttpResponse("<html>oops</html>", { status: 200 })));
      const client = yield* makeClient();
      const error = yield* drive(Effect.flip(client.me()));
      expect(error.reason).toBe("Decode");
      expect(error.message).toContain("not JSON");
    }),
  );

  it.effect("a single record of the wrong shape fails with Decode naming the field", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1, { access_roles: "admin" }))),
      );
      const client = yield* makeClient();
      const error = yield* drive(Effect.flip(client.me()));
      expect(error.reason).toBe("Decode");
      expect(error.message).toContain("at access_roles:");
    }),
  );
});
