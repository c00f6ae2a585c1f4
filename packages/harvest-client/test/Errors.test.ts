import { describe, expect, it } from "@effect/vitest";
import { Effect, Logger, LogLevel, Stream } from "effect";
import { HttpResponse, http } from "msw";
import { base, makeClient, TOKEN } from "./support/Client.ts";
import { drive } from "./support/Drive.ts";
import * as Fixtures from "./support/Fixtures.ts";
import { server, useServer } from "./support/Server.ts";

useServer();

const refuse = (path: string, status: number) =>
  http.get(`${base}${path}`, () => HttpResponse.json({ error: "refused" }, { status }));

describe("error wording", () => {
  it.effect("a 401 says to check the token and, through accounts(), the account id", () =>
    Effect.gen(function* () {
      server.use(refuse("/users/me", 401));
      const client = yield* makeClient({ accountId: 555_001 });
      const error = yield* drive(Effect.flip(client.me()));
      expect(error.reason).toBe("Unauthorized");
      expect(error.status).toBe(401);
      expect(error.message).toMatch(/token/);
      expect(error.message).toMatch(/555001/);
      expect(error.message).toMatch(/accounts\(\)/);
    }),
  );

  it.effect("a 403 on /users, /roles or /company says administrator rights are needed", () =>
    Effect.gen(function* () {
      server.use(
        refuse("/users", 403),
        refuse("/roles", 403),
        refuse("/company", 403),
        refuse("/projects", 403),
      );
      const client = yield* makeClient();
      const errors = yield* drive(
        Effect.all([
          Effect.flip(Stream.runDrain(client.users())),
          Effect.flip(Stream.runDrain(client.roles())),
          Effect.flip(client.company()),
        ]),
      );
      for (const error of errors) {
        expect(error.reason).toBe("Forbidden");
        expect(error.message).toMatch(/administrator rights/);
      }
      const other = yield* drive(Effect.flip(Stream.runDrain(client.projects())));
      expect(other.reason).toBe("Forbidden");
      expect(other.message).not.toMatch(/administrator rights/);
      expect(other.message).toMatch(/lacks permission/);
    }),
  );

  it.effect("a 422 carries Harvest's own explanation", () =>
    Effect.gen(function* () {
      server.use(
        http.get(`${base}/tasks`, () =>
          HttpResponse.json({ message: "per_page must be at most 2000" }, { status: 422 }),
        ),
      );
      const client = yield* makeClient();
      const error = yield* drive(Effect.flip(Stream.runDrain(client.tasks({ perPage: 5000 }))));
      expect(error.reason).toBe("Status");
      expect(error.status).toBe(422);
      expect(error.message).toContain("per_page must be at most 2000");
    }),
  );
});

describe("secrecy", () => {
  it.effect("the token appears in no error message and no log line", () =>
    Effect.gen(function* () {
      const lines: Array<string> = [];
      const capture = Logger.make((options) => {
        lines.push(Logger.logfmtLogger.log(options));
      });
      server.use(
        refuse("/users/me", 401),
        refuse("/company", 403),
        // A server that echoes the credentials back in its error body.
        http.get(`${base}/tasks`, ({ request }) =>
          HttpResponse.json(
            { message: `bad header ${request.headers.get("authorization")}` },
            { status: 422 },
          ),
        ),
        http.get(`${base}/clients`, () => HttpResponse.error()),
        http.get(`${base}/users`, () =>
          HttpResponse.json(
            Fixtures.cursorPage("users", [Fixtures.user(1, { email: TOKEN, id: TOKEN })], null),
          ),
        ),
      );
      const client = yield* makeClient({ retry: { maxAttempts: 2 } });
      const errors = yield* drive(
        Effect.all([
          Effect.flip(client.me()),
          Effect.flip(client.company()),
          Effect.flip(Stream.runDrain(client.tasks())),
          Effect.flip(Stream.runDrain(client.clients())),
        ]).pipe(Effect.zipLeft(Stream.runDrain(client.users()))),
      ).pipe(
        Effect.provide(Logger.replace(Logger.defaultLogger, capture)),
        Logger.withMinimumLogLevel(LogLevel.All),
      );

      expect(errors.map((e) => e.reason)).toEqual(["Unauthorized", "Forbidden", "Status", "Transport"]);
      expect(errors[2]?.message).toContain("bad header Bearer [redacted]");
      expect(lines.length).toBeGreaterThan(0);
      const everything = [
        ...errors.map((e) => `${e.message} ${JSON.stringify(e)} ${String(e)}`),
        ...lines,
      ].join("\n");
      expect(everything).not.toContain(TOKEN);
    }),
  );
});
