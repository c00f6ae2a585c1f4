import { join } from "node:path";
import { describe, expect, it } from "@effect/vitest";
import { SecretBox, SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import { SyncStoreSql } from "../src/index.ts";
import * as Stores from "./support/Stores.ts";

const dir = Stores.tempDir();

describe("README usage", () => {
  it.effect("runs as printed", () => {
    // README:start
    const store = SyncStoreSql.layerSqlite({
      filename: join(dir, "state.db"), // default: $HARVEST_RUNN_STATE_DIR/state.db or .harvest-runn/state.db
      secretKey: SecretBox.generateKey(), // default: HARVEST_RUNN_SECRET_KEY
    });
    // Servers: SyncStoreSql.layerPg({ url: Redacted.make(process.env.DATABASE_URL!) }), or no url to read it.
    const program = Effect.gen(function* () {
      const sync = yield* SyncStore.SyncStore;
      return (yield* sync.connections.list).length;
    });
    // README:end
    return Effect.map(Effect.provide(program, store), (n) => expect(n).toBe(0));
  });
});
