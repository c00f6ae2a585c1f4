import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit, Logger, LogLevel, Stream } from "effect";
import { HttpResponse, http } from "msw";
import * as F from "./support/Fixtures.ts";
import { baseUrl, drive, makeClient, server, useServer } from "./support/Server.ts";

useServer();

describe("RunnClient secrets", () => {
  it.effect("the token never appears in errors or logs, even when Runn echoes it", () => {
    const lines: Array<string> = [];
    const capture = Logger.replace(
      Logger.defaultLogger,
      Logger.map(Logger.logfmtLogger, (line) => {
        lines.push(line);
      }),
    );
    return Effect.gen(function* () {
      const echo =
        (status: number) =>
        ({ request }: { request: Request }) =>
          HttpResponse.json(
            F.errorBody(status, "Error", `bad header ${request.headers.get("authorization")}`),
            {
              status,
            },
          );
      server.use(
        http.get(`${baseUrl}/me/`, () =>
          HttpResponse.json(F.errorBody(401, "Unauthorized", "Unauthorized"), { status: 401 }),
        ),
        http.post(`${baseUrl}/roles/`, echo(422)),
        http.get(`${baseUrl}/clients/`, echo(503)),
        http.post(`${baseUrl}/people/`, () => HttpResponse.error()),
      );
      const { client, token } = yield* makeClient({ retry: { maxAttempts: 2 } });
      const errors = [
        yield* Effect.flip(client.me),
        yield* Effect.flip(client.createRole({ name: "R", references: [] })),
        yield* Effect.flip(yield* drive(yield* Effect.fork(Stream.runDrain(client.clients())))),
        yield* Effect.flip(
          client.createPerson({ firstName: "A", lastName: "B", roleId: 1 as never, references: [] }),
        ),
      ];
      expect(errors.map((e) => e.reason)).toEqual(["Unauthorized", "Validation", "Status", "OutcomeUnknown"]);
      expect(errors[1]?.message).toContain("bad header Bearer <redacted>");
      for (const error of errors) {
        expect(JSON.stringify(error)).not.toContain(token);
        expect(String(error)).not.toContain(token);
        expect(error.message).not.toContain(token);
      }
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(line).not.toContain(token);
      expect(lines.some((l) => l.includes("runn request failed"))).toBe(true);
    }).pipe(Effect.provide(capture), Logger.withMinimumLogLevel(LogLevel.All));
  });

  it.effect("Exit of a failing call carries no token either", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${baseUrl}/me/`, () =>
          HttpResponse.json(F.errorBody(404, "Not Found", "nope"), { status: 404 }),
        ),
      );
      const { client, token } = yield* makeClient();
      const exit = yield* Effect.exit(client.me);
      expect(Exit.isFailure(exit)).toBe(true);
      expect(JSON.stringify(exit)).not.toContain(token);
    }),
  );
});
