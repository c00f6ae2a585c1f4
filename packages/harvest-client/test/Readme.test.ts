/**
 * The README's usage example (test/Usage.ts), run against msw; the README must quote that file
 * verbatim, so the two cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@effect/vitest";
import { Chunk, Effect, Redacted } from "effect";
import { HttpResponse, http } from "msw";
import { HarvestClient } from "../src/index.ts";
import { base, freshAccount, idBase } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";
import { harvestLayer, januaryEntries } from "./Usage.ts";

useServer();

describe("README usage", () => {
  it.effect("runs against Harvest", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/users/me`, () => HttpResponse.json(Fixtures.user(1))),
        http.get(`${base}/time_entries`, () =>
          HttpResponse.json(
            Fixtures.numberedPage("time_entries", [Fixtures.timeEntry(3), Fixtures.timeEntry(2)], 1, 1),
          ),
        ),
      );
      const layer = HarvestClient.layer({
        token: Redacted.make("pat"),
        accountId: freshAccount(),
        userAgent: "MyApp (ops@example.com)",
        baseUrl: base,
        idBaseUrl: idBase,
      });
      const entries = yield* drive(januaryEntries.pipe(Effect.provide(layer)));
      expect(Chunk.toArray(entries).map((e) => e.id)).toEqual([3, 2]);
      expect(harvestLayer("pat", 1)).toBeDefined();
    }),
  );

  it("is quoted verbatim in the README", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const usage = readFileSync(resolve(here, "Usage.ts"), "utf8").split("\n").slice(1).join("\n").trim();
    const readme = readFileSync(resolve(here, "../README.md"), "utf8");
    expect(readme).toContain(usage);
  });
});
