/**
 * The shared request executor's write rule: a non-idempotent request that fails after it was sent
 * is never resent and fails with OutcomeUnknown; a 429 (Harvest refused it) is safe to resend.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect, Redacted } from "effect";
import { HttpResponse, http } from "msw";
import * as Limiter from "../../src/internal/Limiter.ts";
import * as Request from "../../src/internal/Request.ts";
import { base, freshAccount } from "../support/Client.ts";
import { drive } from "../support/Drive.ts";
import { server, useServer } from "../support/Server.ts";

useServer();

const executor = Effect.gen(function* () {
  const limiter = yield* Limiter.shared(`test#${freshAccount()}`, Limiter.harvestBudget);
  return Request.makeExecute({
    limiter,
    retry: Request.defaultRetry,
    timeout: "30 seconds",
    secrets: [Redacted.make("secret")],
  });
});

const post = (idempotent: boolean): Request.RequestSpec => ({
  method: "POST",
  path: "/time_entries",
  idempotent,
  send: async (signal) => {
    const response = await fetch(`${base}/time_entries`, { method: "POST", body: "{}", signal });
    return { response, data: await response.text() };
  },
});

describe("writes through the request executor", () => {
  it.effect(
    "a create answered with 5xx fails with OutcomeUnknown and is not sent again",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.post(`${base}/time_entries`, () => {
            calls++;
            return HttpResponse.json({ message: "bad gateway" }, { status: 502 });
          }),
        );
        const execute = yield* executor;
        const error = yield* drive(Effect.flip(execute(post(false))), { step: "1 second" });
        expect(error.reason).toBe("OutcomeUnknown");
        expect(error.status).toBe(502);
        expect(error.retryable).toBe(false);
        expect(error.message).toMatch(/not resent/);
        expect(calls).toBe(1);
      }),
    60_000,
  );

  it.effect(
    "a create whose connection resets fails with OutcomeUnknown and is not sent again",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.post(`${base}/time_entries`, () => {
            calls++;
            return HttpResponse.error();
          }),
        );
        const execute = yield* executor;
        const error = yield* drive(Effect.flip(execute(post(false))), { step: "1 second" });
        expect(error.reason).toBe("OutcomeUnknown");
        expect(calls).toBe(1);
      }),
    60_000,
  );

  it.effect(
    "a create refused with 429 waits and is sent again",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.post(`${base}/time_entries`, () => {
            calls++;
            return calls === 1
              ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "3" } })
              : HttpResponse.json({ id: 1 }, { status: 201 });
          }),
        );
        const execute = yield* executor;
        const exchange = yield* drive(execute(post(false)), { step: "1 second" });
        expect(exchange.status).toBe(201);
        expect(calls).toBe(2);
      }),
    60_000,
  );

  it.effect(
    "a create whose connection was refused (never sent) is sent again",
    () =>
      Effect.gen(function* () {
        let sends = 0;
        const execute = yield* executor;
        const spec: Request.RequestSpec = {
          method: "POST",
          path: "/clients",
          idempotent: false,
          send: async () => {
            sends++;
            if (sends === 1) {
              const refused = Object.assign(new Error("connect"), { code: "ECONNREFUSED" });
              throw new TypeError("fetch failed", { cause: refused });
            }
            return { response: new Response("{}", { status: 201 }), data: "{}" };
          },
        };
        const exchange = yield* drive(execute(spec), { step: "1 second" });
        expect(exchange.status).toBe(201);
        expect(sends).toBe(2);
      }),
    60_000,
  );

  it.effect(
    "an idempotent write answered with 5xx is retried",
    () =>
      Effect.gen(function* () {
        let calls = 0;
        server.use(
          http.post(`${base}/time_entries`, () => {
            calls++;
            return calls < 3 ? new HttpResponse(null, { status: 500 }) : HttpResponse.json({ id: 1 });
          }),
        );
        const execute = yield* executor;
        const exchange = yield* drive(execute(post(true)), { step: "1 second" });
        expect(exchange.status).toBe(200);
        expect(calls).toBe(3);
      }),
    60_000,
  );

  it.effect(
    "a request that gets no answer in time fails (Transport for reads, OutcomeUnknown for creates)",
    () =>
      Effect.gen(function* () {
        const limiter = yield* Limiter.shared(`test#${freshAccount()}`, Limiter.harvestBudget);
        const execute = Request.makeExecute({
          limiter,
          retry: { ...Request.defaultRetry, maxAttempts: 2 },
          timeout: "5 seconds",
          secrets: [],
        });
        let sends = 0;
        const hanging = (idempotent: boolean): Request.RequestSpec => ({
          method: idempotent ? "GET" : "POST",
          path: "/slow",
          idempotent,
          send: (signal) =>
            new Promise((_, reject) => {
              sends++;
              signal.addEventListener("abort", () => reject(new Error("aborted")));
            }),
        });
        const read = yield* drive(Effect.flip(execute(hanging(true))), { step: "1 second" });
        expect(read.reason).toBe("Transport");
        expect(read.attempts).toBe(2);
        expect(sends).toBe(2);
        const create = yield* drive(Effect.flip(execute(hanging(false))), { step: "1 second" });
        expect(create.reason).toBe("OutcomeUnknown");
        expect(sends).toBe(3);
      }),
    60_000,
  );
});
