/** Which dispatch and scheduler the environment selects: the queue owns both once Postgres is set. */
import { ConfigProvider, Effect, Either, Option } from "effect";
import { describe, expect, it } from "vitest";
import { hostConfig } from "../src/Config.ts";

const load = (env: Record<string, string>) =>
  Effect.runSync(
    Effect.either(
      Effect.withConfigProvider(
        hostConfig,
        ConfigProvider.fromMap(new Map(Object.entries({ HARVEST_RUNN_API_KEY: "k".repeat(20), ...env }))),
      ),
    ),
  );

const url = "postgres://u@127.0.0.1:5432/db";

describe("dispatch and scheduler selection", () => {
  it("runs in process with the scheduler on without DATABASE_URL", () => {
    const c = Either.getOrThrow(load({}));
    expect([c.dispatch, c.scheduler]).toEqual(["inprocess", true]);
  });

  it("queues manual runs and leaves scheduling to the workers' tick with DATABASE_URL", () => {
    const c = Either.getOrThrow(load({ DATABASE_URL: url, HARVEST_RUNN_SCHEDULER: "true" }));
    expect([c.dispatch, c.scheduler]).toEqual(["queue", false]);
    expect(Option.isNone(c.queueSchema)).toBe(true);
  });

  it("keeps in-process dispatch and its scheduler with HARVEST_RUNN_DISPATCH=inprocess", () => {
    const c = Either.getOrThrow(load({ DATABASE_URL: url, HARVEST_RUNN_DISPATCH: "inprocess" }));
    expect([c.dispatch, c.scheduler]).toEqual(["inprocess", true]);
    const off = Either.getOrThrow(
      load({ DATABASE_URL: url, HARVEST_RUNN_DISPATCH: "inprocess", HARVEST_RUNN_SCHEDULER: "false" }),
    );
    expect(off.scheduler).toBe(false);
  });

  it("refuses the queue without Postgres, an unknown dispatch, and a bad schema name", () => {
    const noDb = load({ HARVEST_RUNN_DISPATCH: "queue" });
    expect(Either.isLeft(noDb) && String(noDb.left)).toContain("needs DATABASE_URL");
    const bogus = load({ DATABASE_URL: url, HARVEST_RUNN_DISPATCH: "later" });
    expect(Either.isLeft(bogus) && String(bogus.left)).toContain("HARVEST_RUNN_DISPATCH");
    const schema = load({ DATABASE_URL: url, HARVEST_RUNN_QUEUE_SCHEMA: "Bad-Name" });
    expect(Either.isLeft(schema) && String(schema.left)).toContain("HARVEST_RUNN_QUEUE_SCHEMA");
  });

  it("reads the queue and store schemas the workers use", () => {
    const c = Either.getOrThrow(
      load({ DATABASE_URL: url, HARVEST_RUNN_QUEUE_SCHEMA: "boss_a", HARVEST_RUNN_STORE_SCHEMA: "store_a" }),
    );
    expect([Option.getOrNull(c.queueSchema), Option.getOrNull(c.storeSchema)]).toEqual(["boss_a", "store_a"]);
  });

  it("refuses an API key that could never authenticate: short, or with spaces", () => {
    for (const key of ["short", "a key with spaces in it", "tab\tseparated-key-0123"]) {
      const c = load({ HARVEST_RUNN_API_KEY: key });
      expect(Either.isLeft(c) && String(c.left), key).toContain("HARVEST_RUNN_API_KEY");
    }
    expect(Either.isRight(load({ HARVEST_RUNN_API_KEY: "k".repeat(16) }))).toBe(true);
  });
});
