import { describe, expect, it } from "@effect/vitest";
import { ConfigProvider, Effect, Redacted } from "effect";
import { SecretBox } from "../src/index.ts";

const token = Redacted.make("hv-secret-0123456789");

describe("SecretBox", () => {
  it.effect("seals a token into text that does not contain it, and opens it again", () =>
    Effect.gen(function* () {
      const box = yield* SecretBox.make(SecretBox.generateKey());
      const sealed = box.seal(token, "c1:harvest");
      expect(sealed).not.toContain("hv-secret");
      expect(box.seal(token, "c1:harvest")).not.toBe(sealed);
      expect(Redacted.value(yield* box.open(sealed, "c1:harvest"))).toBe("hv-secret-0123456789");
    }),
  );

  it.effect("refuses a wrong key, another context or a tampered value (Corrupt)", () =>
    Effect.gen(function* () {
      const box = yield* SecretBox.make(SecretBox.generateKey());
      const other = yield* SecretBox.make(SecretBox.generateKey());
      const sealed = box.seal(token, "c1:harvest");
      const tampered = `${sealed.slice(0, -4)}${sealed.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
      for (const attempt of [
        other.open(sealed, "c1:harvest"),
        box.open(sealed, "c2:harvest"),
        box.open(tampered, "c1:harvest"),
      ]) {
        const error = yield* Effect.flip(attempt);
        expect(error.reason).toBe("Corrupt");
        expect(error.message).not.toContain("hv-secret");
      }
    }),
  );

  it.effect("needs a 32-byte base64 key, from the host or HARVEST_RUNN_SECRET_KEY", () =>
    Effect.gen(function* () {
      expect((yield* Effect.flip(SecretBox.make(Redacted.make("c2hvcnQ=")))).reason).toBe("SecretKey");
      const missing = yield* Effect.flip(
        SecretBox.fromKeyOrEnv().pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))),
      );
      expect(missing.reason).toBe("SecretKey");
      const key = Redacted.value(SecretBox.generateKey());
      const box = yield* SecretBox.fromKeyOrEnv().pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["HARVEST_RUNN_SECRET_KEY", key]]))),
      );
      const same = yield* SecretBox.make(Redacted.make(key));
      expect(Redacted.value(yield* same.open(box.seal(token, "x"), "x"))).toBe("hv-secret-0123456789");
    }),
  );
});
