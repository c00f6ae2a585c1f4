/** The README's usage snippet, typechecked and run against msw. Keep the two in sync. */
import { describe, expect, it } from "@effect/vitest";
import { RunnClient } from "@harvest-runn/runn-client";
import { Chunk, Effect, Exit, Redacted, Stream } from "effect";
import { HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, drive, freshToken, server, useServer } from "./support/Server.ts";

// --- usage start (imports: RunnClient from "@harvest-runn/runn-client"; Chunk, Effect, Redacted, Stream from "effect")
const program = Effect.gen(function* () {
  const runn = yield* RunnClient.RunnClient;
  const account = yield* runn.me;
  // Records whose identity decodes but other fields do not still count as linked (SPEC R7).
  const identityOnly: Array<number> = [];
  const people = yield* Stream.runCollect(
    runn.people({}, { onIdentityOnly: (p) => Effect.sync(() => identityOnly.push(p.id)) }),
  );
  const linked = yield* runn.findByReference("person", "harvest", "1001");
  if (linked.length === 0) {
    yield* runn.addReference("person", 42, { referenceName: "harvest", externalId: "1001" });
  }
  return { account: account.name, people: Chunk.size(people) + identityOnly.length };
});

const layer = (token: string, url?: string) =>
  RunnClient.layer({ token: Redacted.make(token), region: "eu", ...(url ? { baseUrl: url } : {}) });
// --- usage end

useServer();

describe("README usage", () => {
  it.effect("runs", () =>
    Effect.gen(function* () {
      let patched = false;
      server.use(
        http.get(`${baseUrl}/me/`, () => HttpResponse.json({ name: "Acme" })),
        http.get(`${baseUrl}/people/`, () =>
          HttpResponse.json({ values: [F.person(1), { ...F.person(2), firstName: 7 }], nextCursor: null }),
        ),
        http.get(`${baseUrl}/people/42`, () => HttpResponse.json(F.personRecord(42))),
        http.patch(`${baseUrl}/people/42`, () => {
          patched = true;
          return HttpResponse.json(F.personRecord(42, [F.ref("harvest", "1001")]));
        }),
      );
      // Four requests, paced at Runn's default 120 per minute: the test clock is driven past the slots.
      const fiber = yield* Effect.fork(program.pipe(Effect.provide(layer(freshToken(), baseUrl))));
      const exit = yield* drive(fiber, "1 second");
      expect(exit).toEqual(Exit.succeed({ account: "Acme", people: 2 }));
      expect(patched).toBe(true);
    }),
  );
});
