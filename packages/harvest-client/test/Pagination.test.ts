import { describe, expect, it } from "@effect/vitest";
import { Chunk, Effect, Stream } from "effect";
import { HttpResponse, http } from "msw";
import { base, makeClient } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

describe("cursor lists", () => {
  it.effect("walk three pages through links.next and keep filters the links drop", () =>
    Effect.gen(function* () {
      const queries: Array<URLSearchParams> = [];
      server.use(
        http.get(`${base}/users`, ({ request }) => {
          const query = new URL(request.url).searchParams;
          queries.push(query);
          // Like Harvest's examples, the next links carry only the cursor, per_page and ref.
          switch (query.get("cursor")) {
            case null:
              return HttpResponse.json(
                Fixtures.cursorPage(
                  "users",
                  [Fixtures.user(6), Fixtures.user(5)],
                  `${base}/users?cursor=c2&per_page=2000&ref=next_cursor`,
                ),
              );
            case "c2":
              return HttpResponse.json(
                Fixtures.cursorPage(
                  "users",
                  [Fixtures.user(4), Fixtures.user(3)],
                  `${base}/users?cursor=c3&per_page=2000&ref=next_cursor`,
                ),
              );
            case "c3":
              return HttpResponse.json(
                Fixtures.cursorPage("users", [Fixtures.user(2), Fixtures.user(1)], null),
              );
            default:
              return HttpResponse.json({ message: "unknown cursor" }, { status: 422 });
          }
        }),
      );
      const client = yield* makeClient();
      const users = yield* drive(
        Stream.runCollect(
          client.users({ isActive: true, updatedSince: new Date("2026-01-01T00:00:00.000Z") }),
        ),
      );
      expect(Chunk.toArray(users).map((u) => u.id)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(queries.map((q) => q.get("cursor"))).toEqual([null, "c2", "c3"]);
      for (const query of queries) {
        expect(query.get("is_active")).toBe("true");
        expect(query.get("updated_since")).toBe("2026-01-01T00:00:00Z");
        expect(query.get("per_page")).toBe("2000");
      }
    }),
  );

  it.effect("stop at once when the first page has no next link", () =>
    Effect.gen(function* () {
      let calls = 0;
      server.use(
        http.get(`${base}/clients`, () => {
          calls++;
          return HttpResponse.json(Fixtures.cursorPage("clients", [Fixtures.client(1)], null));
        }),
      );
      const client = yield* makeClient();
      const clients = yield* drive(Stream.runCollect(client.clients()));
      expect(Chunk.size(clients)).toBe(1);
      expect(calls).toBe(1);
    }),
  );

  it.effect("fail instead of looping when a next link repeats the page", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/clients`, () =>
          HttpResponse.json(
            Fixtures.cursorPage("clients", [Fixtures.client(1)], `${base}/clients?cursor=same&per_page=2000`),
          ),
        ),
      );
      const client = yield* makeClient();
      const error = yield* drive(Stream.runCollect(client.clients())).pipe(Effect.flip);
      expect(error.reason).toBe("Decode");
      expect(error.message).toContain("links.next");
    }),
  );
});

describe("time entries", () => {
  it.effect("walk page numbers with the filters on every page and drop ids seen on an earlier page", () =>
    Effect.gen(function* () {
      const queries: Array<URLSearchParams> = [];
      const pages: Record<string, Array<unknown>> = {
        "1": [Fixtures.timeEntry(50, "2026-01-09"), Fixtures.timeEntry(40, "2026-01-08")],
        // An entry was added while paging: entry 40 shifted onto page 2.
        "2": [Fixtures.timeEntry(40, "2026-01-08"), Fixtures.timeEntry(30, "2026-01-07")],
        "3": [Fixtures.timeEntry(20, "2026-01-06"), Fixtures.timeEntry(10, "2026-01-05")],
      };
      server.use(
        http.get(`${base}/time_entries`, ({ request }) => {
          const query = new URL(request.url).searchParams;
          queries.push(query);
          const page = query.get("page") ?? "1";
          return HttpResponse.json(Fixtures.numberedPage("time_entries", pages[page] ?? [], Number(page), 3));
        }),
      );
      const client = yield* makeClient();
      const entries = yield* drive(
        Stream.runCollect(
          client.timeEntries({ from: "2026-01-01", to: "2026-01-31", userId: 1, isRunning: false }),
        ),
      );
      expect(Chunk.toArray(entries).map((e) => e.id)).toEqual([50, 40, 30, 20, 10]);
      expect(queries.map((q) => q.get("page"))).toEqual(["1", "2", "3"]);
      for (const query of queries) {
        expect(query.get("from")).toBe("2026-01-01");
        expect(query.get("to")).toBe("2026-01-31");
        expect(query.get("user_id")).toBe("1");
        expect(query.get("is_running")).toBe("false");
        expect(query.get("per_page")).toBe("2000");
      }
    }),
  );

  it.effect("ask for the next page while the current one decodes", () =>
    Effect.gen(function* () {
      const asked: Array<string> = [];
      let secondAsked: () => void = () => {};
      const second = new Promise<void>((resolve) => (secondAsked = resolve));
      server.use(
        http.get(`${base}/time_entries`, ({ request }) => {
          const page = new URL(request.url).searchParams.get("page") ?? "1";
          asked.push(page);
          if (page === "2") secondAsked();
          const records =
            page === "1"
              ? [Fixtures.timeEntry(30), { ...Fixtures.timeEntry(20), hours: "two" }]
              : [Fixtures.timeEntry(10)];
          return HttpResponse.json(Fixtures.numberedPage("time_entries", records, Number(page), 2));
        }),
      );
      // Page 1's malformed entry is met while page 1 decodes: by then page 2 has been asked for (a
      // client that fetched only after decoding would leave it unasked until the 2 s real-time limit).
      const askedWhileDecoding: Array<ReadonlyArray<string>> = [];
      const onMalformed = () =>
        Effect.promise(() =>
          Promise.race([second, new Promise<void>((resolve) => setTimeout(resolve, 2_000))]),
        ).pipe(Effect.andThen(Effect.sync(() => askedWhileDecoding.push([...asked]))), Effect.asVoid);
      const client = yield* makeClient();
      const entries = yield* drive(Stream.runCollect(client.timeEntries({}, { onMalformed })));
      expect(Chunk.toArray(entries).map((e) => e.id)).toEqual([30, 10]);
      expect(askedWhileDecoding).toEqual([["1", "2"]]);
      expect(asked).toEqual(["1", "2"]);
    }),
  );

  it.effect("honour a smaller page size when asked", () =>
    Effect.gen(function* () {
      const sizes: Array<string | null> = [];
      server.use(
        http.get(`${base}/time_entries`, ({ request }) => {
          sizes.push(new URL(request.url).searchParams.get("per_page"));
          return HttpResponse.json(Fixtures.numberedPage("time_entries", [], 1, 1));
        }),
      );
      const client = yield* makeClient({ perPage: 500 });
      yield* drive(Stream.runDrain(client.timeEntries()));
      yield* drive(Stream.runDrain(client.timeEntries({ perPage: 10 })));
      expect(sizes).toEqual(["500", "10"]);
    }),
  );
});
