/**
 * Encrypts connection tokens at rest with AES-256-GCM (SPEC C3). The key is 32 bytes, given as base64
 * in `HARVEST_RUNN_SECRET_KEY` or passed by the host. Each sealed value is bound to a context string
 * (connection id and field), so a ciphertext copied to another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Config, Effect, Option, Redacted } from "effect";
import { fail, type SyncStoreError } from "./SyncStoreError.ts";

/** The environment variable that holds the base64 key. */
export const envVar = "HARVEST_RUNN_SECRET_KEY";

const version = "v1";

/** Seals and opens secrets under one key. */
export interface SecretBox {
  /** Encrypts a secret for a context; the result is printable and safe to store. */
  readonly seal: (secret: Redacted.Redacted<string>, context: string) => string;
  /** Decrypts a sealed value; fails with `Corrupt` under a wrong key, context or a tampered value. */
  readonly open: (
    sealed: string,
    context: string,
  ) => Effect.Effect<Redacted.Redacted<string>, SyncStoreError>;
}

/** A fresh random key, base64, e.g. for a demo store that keeps its own key beside it. */
export const generateKey = (): Redacted.Redacted<string> => Redacted.make(randomBytes(32).toString("base64"));

const decodeKey = (key: Redacted.Redacted<string>, source: string): Effect.Effect<Buffer, SyncStoreError> => {
  const raw = Redacted.value(key).trim();
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, "base64") : Buffer.alloc(0);
  return bytes.length === 32
    ? Effect.succeed(bytes)
    : Effect.fail(fail("SecretKey", `${source} must hold 32 bytes encoded as base64`));
};

/**
 * Builds a box from a base64 key; fails with `SecretKey` when the key is not 32 bytes, naming `source`
 * (where the key came from: an option, a file, the environment).
 */
export const make = (
  key: Redacted.Redacted<string>,
  source = "the secret key",
): Effect.Effect<SecretBox, SyncStoreError> =>
  Effect.map(decodeKey(key, source), (bytes) => ({
    seal: (secret, context) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", bytes, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(Redacted.value(secret), "utf8"), cipher.final()]);
      return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open: (sealed, context) =>
      Effect.try({
        try: () => {
          const [v, payload] = sealed.split(".");
          if (v !== version || payload === undefined) throw new Error("unknown format");
          const buf = Buffer.from(payload, "base64");
          const decipher = createDecipheriv("aes-256-gcm", bytes, buf.subarray(0, 12));
          decipher.setAAD(Buffer.from(context, "utf8"));
          decipher.setAuthTag(buf.subarray(12, 28));
          const plain = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
          return Redacted.make(plain.toString("utf8"));
        },
        catch: () =>
          fail("Corrupt", `a stored secret (${context}) could not be decrypted: wrong key or damaged value`),
      }),
  }));

/**
 * The box for a key given by the host, or else the key in `HARVEST_RUNN_SECRET_KEY`; fails with
 * `SecretKey` when neither is set.
 */
export const fromKeyOrEnv = (key?: Redacted.Redacted<string>): Effect.Effect<SecretBox, SyncStoreError> =>
  key !== undefined
    ? make(key)
    : Config.option(Config.redacted(envVar)).pipe(
        Effect.orElseSucceed(() => Option.none<Redacted.Redacted<string>>()),
        Effect.flatMap(
          Option.match({
            onNone: () =>
              Effect.fail(
                fail("SecretKey", `${envVar} is not set: a 32-byte base64 key is needed to store tokens`),
              ),
            onSome: (k) => make(k, envVar),
          }),
        ),
      );

/** A box under a fresh random key: secrets it seals die with the process (in-memory stores). */
export const ephemeral: Effect.Effect<SecretBox> = Effect.orDie(make(generateKey()));
