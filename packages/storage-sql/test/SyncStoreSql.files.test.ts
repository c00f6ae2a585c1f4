/** The embedded store's file: owner-only permissions, the webhook URL sealed, and one clear error per bad file. */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@effect/vitest";
import { SyncStore } from "@harvest-runn/storage";
import { Fixtures } from "@harvest-runn/storage/testing";
import { Effect } from "effect";
import { SyncStoreSql } from "../src/index.ts";
import * as Stores from "./support/Stores.ts";

const connections = Effect.flatMap(SyncStore.SyncStore, (s) => s.connections.list);
const openError = (filename: string) =>
  Effect.flip(
    Effect.provide(connections, SyncStoreSql.layerSqlite({ filename, secretKey: Stores.secretKey() })),
  );

describe("SyncStoreSql on a SQLite file", () => {
  it.effect("creates its folder 0700 and its file 0600", () =>
    Effect.gen(function* () {
      const dir = join(Stores.tempDir(), "fresh", "state");
      const filename = join(dir, "state.db");
      yield* Effect.provide(
        connections,
        SyncStoreSql.layerSqlite({ filename, secretKey: Stores.secretKey() }),
      );
      expect((statSync(dir).mode & 0o777).toString(8)).toBe("700");
      expect((statSync(join(dir, "..")).mode & 0o777).toString(8)).toBe("700");
      expect((statSync(filename).mode & 0o777).toString(8)).toBe("600");
    }),
  );

  it.effect("seals the webhook URL like the tokens, and reads it back", () =>
    Effect.gen(function* () {
      const { filename, layer } = Stores.sqlite();
      const url = "https://hooks.example.com/T000/very-secret-path-4711";
      const read = yield* Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const c = yield* store.connections.create(Fixtures.connection());
        const settings = yield* store.settings.get(c.id);
        yield* store.settings.put(c.id, { ...settings, webhookUrl: url });
        return (yield* store.settings.get(c.id)).webhookUrl;
      }).pipe(Effect.provide(layer));
      expect(read).toBe(url);
      const bytes = readFileSync(filename).toString("latin1");
      const wal = (() => {
        try {
          return readFileSync(`${filename}-wal`).toString("latin1");
        } catch {
          return "";
        }
      })();
      expect(bytes + wal).not.toContain("very-secret-path");
    }),
  );

  it.effect("names a folder, a file that is not a database, and a damaged file, in one line each", () =>
    Effect.gen(function* () {
      const dir = Stores.tempDir();
      const folder = join(dir, "folder.db");
      mkdirSync(folder);
      const notDb = join(dir, "notes.db");
      writeFileSync(notDb, "these are my notes, not a database\n".repeat(200));

      const damaged = join(dir, "damaged.db");
      const key = Stores.secretKey();
      yield* Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        for (let i = 0; i < 300; i++)
          yield* store.connections.create(
            Fixtures.connection({ name: `Connection ${i} ${"x".repeat(200)}` }),
          );
      }).pipe(Effect.provide(SyncStoreSql.layerSqlite({ filename: damaged, secretKey: key })));
      const size = statSync(damaged).size;
      expect(size).toBeGreaterThan(64 * 1024);
      const fd = openSync(damaged, "r+");
      writeSync(fd, Buffer.alloc(16 * 1024, 0xa5), 0, 16 * 1024, Math.floor(size / 2 / 4096) * 4096);
      closeSync(fd);

      for (const [filename, reason, text] of [
        [folder, "Unavailable", "is a folder"],
        [notDb, "Corrupt", "is not a database"],
        [damaged, "Corrupt", "is damaged"],
      ] as const) {
        const e = yield* openError(filename);
        expect(e, filename).toMatchObject({ _tag: "SyncStoreError", reason });
        expect(e.message).toContain(filename);
        expect(e.message).toContain(text);
        expect(e.message).not.toContain("\n");
      }
    }),
  );
});
