import { describe, expect, it } from "@effect/vitest";
import { Effect, Logger, Schema } from "effect";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import * as Notify from "../src/Notify.ts";
import * as Output from "../src/Output.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const run = (status: Output.RunStatus): Output.RunSummary => ({
  id: "run-1",
  connectionId: "c1",
  trigger: "schedule",
  scope: Output.scopeAll,
  status,
  startedAt: "2026-01-01T00:00:00.000Z",
  endedAt: "2026-01-01T00:01:00.000Z",
  counts: Output.emptyCounts,
  error: null,
  dryRun: false,
});
const held: Output.RunItem = {
  kind: "actual",
  outcome: "held",
  harvestId: null,
  runnId: null,
  label: "1:2:3:2026-01-01",
  reason: "unknown_role",
  error: null,
};

describe("Notify.notificationFor (R8)", () => {
  it("notifies failed and partial runs, and new holds only", () => {
    expect(Notify.notificationFor(run("succeeded"), [], new Set())).toBeNull();
    expect(Notify.notificationFor(run("failed"), [], new Set())?.events).toEqual(["run.failed"]);
    expect(Notify.notificationFor(run("partial"), [held], new Set())?.events).toEqual([
      "run.partial",
      "items.held",
    ]);
    expect(Notify.notificationFor(run("succeeded"), [held], new Set([Notify.heldKey(held)]))).toBeNull();
  });
});

describe("Notify.post", () => {
  it.effect("POSTs the JSON summary, which decodes back", () =>
    Effect.gen(function* () {
      const bodies: Array<unknown> = [];
      server.use(
        http.post("https://hooks.example.test/h/secret-path", async ({ request }) => {
          bodies.push(await request.json());
          return new HttpResponse(null, { status: 204 });
        }),
      );
      const n = Notify.notificationFor(run("partial"), [held], new Set())!;
      const ok = yield* Notify.post("https://hooks.example.test/h/secret-path", n);
      expect(ok).toBe(true);
      expect(Schema.decodeUnknownSync(Notify.Notification)(bodies[0])).toEqual(n);
    }),
  );

  it.live("gives up after the timeout and logs the origin only, never the path", () =>
    Effect.gen(function* () {
      server.use(
        http.post("https://hooks.example.test/h/secret-path", async () => {
          await delay(2_000);
          return new HttpResponse(null, { status: 204 });
        }),
      );
      const lines: Array<string> = [];
      const logger = Logger.make(({ message }) => lines.push(JSON.stringify(message)));
      const n = Notify.notificationFor(run("failed"), [], new Set())!;
      const ok = yield* Notify.post("https://hooks.example.test/h/secret-path", n, {
        timeout: "50 millis",
      }).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)));
      expect(ok).toBe(false);
      expect(lines.join("\n")).toContain("https://hooks.example.test");
      expect(lines.join("\n")).not.toContain("secret-path");
    }),
  );

  it.effect("reports a non-2xx answer as not delivered", () =>
    Effect.gen(function* () {
      server.use(http.post("https://hooks.example.test/x", () => new HttpResponse(null, { status: 500 })));
      const n = Notify.notificationFor(run("failed"), [], new Set())!;
      expect(yield* Notify.post("https://hooks.example.test/x", n)).toBe(false);
    }),
  );
});

describe("Output schemas", () => {
  it("encode to plain JSON and decode back", () => {
    const s = run("succeeded");
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Output.RunSummary)(s)));
    expect(Schema.decodeUnknownSync(Output.RunSummary)(json)).toEqual(s);
    expect(Output.countItems([held, { ...held, outcome: "failed" }])).toMatchObject({ held: 1, failed: 1 });
  });
});
