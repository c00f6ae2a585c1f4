import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import * as Drivers from "../src/internal/Drivers.ts";

describe("database drivers", () => {
  it.effect("a driver package that is not installed fails with Driver, naming the package to install", () =>
    Effect.gen(function* () {
      const missing = "@effect/sql-not-installed";
      const error = yield* Drivers.load(missing, "^0.1.0", "Test", () => import(missing)).pipe(Effect.flip);
      expect(error.reason).toBe("Driver");
      expect(error.message).toBe(
        `the Test store needs the npm package ${missing}, which is not installed: npm i ${missing}@^0.1.0`,
      );
    }),
  );

  it.effect("an installed driver loads", () =>
    Effect.gen(function* () {
      const pg = yield* Drivers.pg;
      const sqlite = yield* Drivers.sqlite;
      expect(typeof pg.PgClient.layer).toBe("function");
      expect(typeof sqlite.SqliteClient.layer).toBe("function");
    }),
  );
});
