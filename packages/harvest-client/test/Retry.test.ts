import { describe, expect, it } from "@effect/vitest";
import { Effect, Stream } from "effect";
import { HttpResponse, http } from "msw";
import { base, makeClient, recordingFetch } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

describe("retries", () => {
  it.effect(
    "wait Retry-After seconds after a 429, then succeed",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.get(`${base}/users/me`, () => {
            calls++;
            return calls === 1
              ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "7" } })
              : HttpResponse.json(Fixtures.user(1));
          }),
        );
        const { sent, fetch } = yield* recordingFetch;
        const client = yield* makeClient({ fetch });
        const me = yield* drive(client.me(), { step: "50 millis" });
        expect(me.id).toBe(1);
        expect(sent).toHaveLength(2);
        const waited = sent[1]!.at - sent[0]!.at;
        expect(waited).toBeGreaterThanOrEqual(7_000);
        expect(waited).toBeLessThan(7_500);
      }),
    60_000,
  );

  it.effect(
    "give up on a read after the configured attempts of 5xx with a typed error",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.get(`${base}/projects`, () => {
            calls++;
            return HttpResponse.json({ message: "upstream down" }, { status: 503 });
          }),
        );
        const { sent, fetch } = yield* recordingFetch;
        const client = yield* makeClient({ fetch, retry: { maxAttempts: 4, baseDelay: "1 second" } });
        const error = yield* drive(Effect.flip(Stream.runDrain(client.projects())));
        expect(calls).toBe(4);
        expect(error.reason).toBe("Status");
        expect(error.status).toBe(503);
        expect(error.attempts).toBe(4);
        expect(error.message).toContain("gave up after 4 attempts");
        // Exponential backoff with jitter: each wait is longer than the one before it.
        const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
        expect(gaps).toHaveLength(3);
        expect(gaps[0]).toBeGreaterThanOrEqual(800);
        expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
      }),
    60_000,
  );

  it.effect(
    "wait one 15 s window after a 429 that carries no Retry-After, then succeed",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.get(`${base}/users/me`, () => {
            calls++;
            return calls === 1
              ? new HttpResponse(null, { status: 429 })
              : HttpResponse.json(Fixtures.user(1));
          }),
        );
        const { sent, fetch } = yield* recordingFetch;
        const client = yield* makeClient({ fetch });
        const me = yield* drive(client.me(), { step: "250 millis" });
        expect(me.id).toBe(1);
        expect(sent).toHaveLength(2);
        const waited = sent[1]!.at - sent[0]!.at;
        expect(waited).toBeGreaterThanOrEqual(15_000);
        expect(waited).toBeLessThan(15_500);
      }),
    60_000,
  );

  it.effect(
    "retry a connection reset on a read",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.get(`${base}/users/me`, () => {
            calls++;
            return calls < 3 ? HttpResponse.error() : HttpResponse.json(Fixtures.user(9));
          }),
        );
        const client = yield* makeClient();
        const me = yield* drive(client.me());
        expect(me.id).toBe(9);
        expect(calls).toBe(3);
      }),
    60_000,
  );

  it.effect(
    "do not retry a 404",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.get(`${base}/company`, () => {
            calls++;
            return HttpResponse.json({ message: "not found" }, { status: 404 });
          }),
        );
        const client = yield* makeClient();
        const error = yield* drive(Effect.flip(client.company()));
        expect(error.reason).toBe("NotFound");
        expect(error.retryable).toBe(false);
        expect(calls).toBe(1);
      }),
    60_000,
  );
});
