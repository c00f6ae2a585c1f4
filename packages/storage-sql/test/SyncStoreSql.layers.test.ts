import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@effect/vitest";
import { SecretBox, SyncStore } from "@harvest-runn/storage";
import { ConfigProvider, Effect, Redacted } from "effect";
import { SyncStoreSql } from "../src/index.ts";
import * as Stores from "./support/Stores.ts";

const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))));
const connections = Effect.flatMap(SyncStore.SyncStore, (s) => s.connections.list);

describe("SyncStoreSql layers", () => {
  it.effect("layerSqlite defaults to $HARVEST_RUNN_STATE_DIR/state.db and creates the directory", () =>
    Effect.gen(function* () {
      const dir = join(Stores.tempDir(), "nested", "state");
      const key = Redacted.value(SecretBox.generateKey());
      const listed = yield* Effect.provide(connections, SyncStoreSql.layerSqlite()).pipe(
        withEnv({ HARVEST_RUNN_STATE_DIR: dir, HARVEST_RUNN_SECRET_KEY: key }),
      );
      expect(listed).toEqual([]);
      expect(existsSync(join(dir, "state.db"))).toBe(true);
      expect(yield* SyncStoreSql.defaultFilename.pipe(withEnv({}))).toBe(
        join(process.cwd(), ".harvest-runn", "state.db"),
      );
    }),
  );

  it.effect("a store without a secret key fails with SecretKey, naming the variable", () =>
    Effect.gen(function* () {
      const filename = join(Stores.tempDir(), "state.db");
      const error = yield* Effect.flip(
        Effect.provide(connections, SyncStoreSql.layerSqlite({ filename })),
      ).pipe(withEnv({}));
      expect(error.reason).toBe("SecretKey");
      expect(error.message).toContain("HARVEST_RUNN_SECRET_KEY");
    }),
  );

  it.effect("layerPg without a URL or DATABASE_URL fails with Unavailable", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Effect.provide(connections, SyncStoreSql.layerPg())).pipe(withEnv({}));
      expect(error).toMatchObject({
        _tag: "SyncStoreError",
        reason: "Unavailable",
        message: "DATABASE_URL is not set",
      });
    }),
  );
});
