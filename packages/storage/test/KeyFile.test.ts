import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@effect/vitest";
import { Effect, Option, Redacted } from "effect";
import { KeyFile, SecretBox } from "../src/index.ts";

const dirs: Array<string> = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "keyfile-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("KeyFile", () => {
  it("lives beside the database file", () => {
    expect(KeyFile.besideDatabase("/srv/app/state.db")).toBe("/srv/app/secret.key");
  });

  it.effect("creates a 32-byte key owner-only on first use, then reuses it", () =>
    Effect.gen(function* () {
      const path = join(freshDir(), "nested", "secret.key");
      const first = yield* KeyFile.loadOrCreate(path);
      expect(first.created).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      yield* SecretBox.make(first.key);
      const second = yield* KeyFile.loadOrCreate(path);
      expect(second.created).toBe(false);
      expect(Redacted.value(second.key)).toBe(Redacted.value(first.key));
      expect(readdirSync(join(path, ".."))).toEqual(["secret.key"]);
    }),
  );

  it.effect("refuses a key file that does not hold a 32-byte key, naming the file", () =>
    Effect.gen(function* () {
      const path = join(freshDir(), "secret.key");
      writeFileSync(path, "not a key\n");
      const error = yield* Effect.flip(KeyFile.loadOrCreate(path));
      expect(error.reason).toBe("SecretKey");
      expect(error.message).toBe(`the key file ${path} must hold 32 bytes encoded as base64`);
    }),
  );

  it.effect("reads nothing where there is no file", () =>
    Effect.map(KeyFile.read(join(freshDir(), "secret.key")), (k) => expect(Option.isNone(k)).toBe(true)),
  );
});
