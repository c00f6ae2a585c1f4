/**
 * The key file of an embedded store: `secret.key` beside the SQLite database, holding the base64 key
 * that seals its tokens (`SecretBox`). Created owner-only (0600) on first use, so a store on one machine
 * works without setup; whoever backs up the database must back up this file with it.
 *
 * @example
 * const { key, path, created } = yield* KeyFile.loadOrCreate(KeyFile.besideDatabase(".harvest-runn/state.db"));
 */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Effect, Option, Redacted } from "effect";
import * as SecretBox from "./SecretBox.ts";
import { fail, type SyncStoreError } from "./SyncStoreError.ts";

/** The key file's name. */
export const fileName = "secret.key";

/** The key file beside a database file: `<folder of filename>/secret.key`. */
export const besideDatabase = (filename: string): string => join(dirname(resolve(filename)), fileName);

/** A key read from, or written to, a key file. */
export interface KeyFile {
  readonly key: Redacted.Redacted<string>;
  readonly path: string;
  /** Whether this call created the file (a host says so once, so the file gets backed up). */
  readonly created: boolean;
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** The key in `path` as written (`SecretBox.make` checks it); none when the file does not exist. */
export const read = (path: string): Effect.Effect<Option.Option<Redacted.Redacted<string>>, SyncStoreError> =>
  Effect.try({
    try: () => Option.some(Redacted.make(readFileSync(path, "utf8").trim())),
    catch: (e) => e,
  }).pipe(
    Effect.catchAll((e) =>
      code(e) === "ENOENT"
        ? Effect.succeed(Option.none())
        : Effect.fail(
            fail("SecretKey", `the key file ${path} cannot be read (${code(e) ?? "unknown error"})`),
          ),
    ),
  );

const checked = (key: Redacted.Redacted<string>, path: string) => SecretBox.make(key, `the key file ${path}`);

/**
 * The key in `path`, or a fresh one written there (0600, its folder 0700) when the file does not exist.
 * Two processes starting together end with one key: the file appears whole or not at all.
 */
export const loadOrCreate = (path: string): Effect.Effect<KeyFile, SyncStoreError> =>
  Effect.flatMap(read(path), (existing) =>
    Option.isSome(existing)
      ? Effect.as(checked(existing.value, path), { key: existing.value, path, created: false })
      : Effect.try({
          try: () => {
            mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
            const draft = `${path}.${randomBytes(6).toString("hex")}.tmp`;
            writeFileSync(draft, `${Redacted.value(SecretBox.generateKey())}\n`, { mode: 0o600, flag: "wx" });
            try {
              linkSync(draft, path);
              return true;
            } catch (e) {
              if (code(e) === "EEXIST") return false;
              throw e;
            } finally {
              rmSync(draft, { force: true });
            }
          },
          catch: (e) =>
            fail("SecretKey", `the key file ${path} cannot be created (${code(e) ?? "unknown error"})`),
        }).pipe(
          Effect.flatMap((created) =>
            Effect.flatMap(read(path), (key) =>
              Option.isSome(key)
                ? Effect.succeed({ key: key.value, path, created })
                : Effect.fail(fail("SecretKey", `the key file ${path} disappeared while it was created`)),
            ),
          ),
        ),
  );
