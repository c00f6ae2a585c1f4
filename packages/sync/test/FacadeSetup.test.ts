import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SyncStore } from "@harvest-runn/storage";
import { Layer } from "effect";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Facade, type SyncLogger } from "../src/index.ts";

const dirs: Array<string> = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "facade-setup-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const params = (settings: Facade.SettingsInput): Facade.ConnectParams => ({
  name: "acme",
  harvest: { accountId: 1, userAgent: "Setup test (t@example.test)", token: "h" },
  runn: { baseUrl: "http://127.0.0.1:1", token: "r" },
  settings,
});

describe("the Promise facade on first use", () => {
  it("with SQLite and no key, creates secret.key (0600) beside the database, says so once, and reuses it", async () => {
    const dir = freshDir();
    const lines: Array<SyncLogger.LogEntry> = [];
    const open = () =>
      Facade.createSync({
        store: { sqlite: { filename: join(dir, "state.db") } },
        logger: (e) => lines.push(e),
      });
    const first = open();
    expect(await first.connections()).toEqual([]);
    await first.close();
    const keyFile = join(dir, "secret.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, "utf8");
    const second = open();
    expect(await second.connections()).toEqual([]);
    await second.close();
    expect(readFileSync(keyFile, "utf8")).toBe(key);
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      [
        "warning",
        `created the key file ${keyFile} that seals the stored tokens: keep it with the database (back up both)`,
      ],
    ]);
  });

  it("with Postgres and no key, rejects with a Setup SyncError naming the option", async () => {
    vi.stubEnv("HARVEST_RUNN_SECRET_KEY", undefined);
    const sync = Facade.createSync({ store: { postgres: { url: "postgres://127.0.0.1:1/none" } } });
    const error = await sync.connections().catch((e: unknown) => e);
    await sync.close();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ _tag: "SyncError", reason: "Setup" });
    expect((error as Error).message).toMatch(/^store\.postgres\.secretKey is required/);
  });

  it("refuses a malformed key option naming it, as a Setup SyncError", async () => {
    const sync = Facade.createSync({
      store: { sqlite: { filename: join(freshDir(), "state.db"), secretKey: "short" } },
    });
    await expect(sync.connections()).rejects.toMatchObject({
      _tag: "SyncError",
      reason: "Setup",
      message: "store.sqlite.secretKey must hold 32 bytes encoded as base64",
    });
    await sync.close();
  });

  it("turns a store that fails or dies into a SyncError (Setup, Internal), never another error", async () => {
    const failing = Facade.createSync({
      store: Layer.fail(SyncStore.SyncStoreError.make({ reason: "Driver", message: "install x" })),
    });
    await expect(failing.connections()).rejects.toMatchObject({ _tag: "SyncError", reason: "Setup" });
    await failing.close();
    const dying = Facade.createSync({ store: Layer.die(new TypeError("x is not a function")) });
    await expect(dying.connections()).rejects.toMatchObject({
      _tag: "SyncError",
      reason: "Internal",
      message: expect.stringContaining("x is not a function"),
    });
    await dying.close();
  });

  it("refuses an unknown settings key by name before calling either API", async () => {
    const sync = Facade.createSync();
    // @ts-expect-error: a misspelt setting does not compile
    const typo = params({ switches: { actualz: true } });
    await expect(sync.connect(typo)).rejects.toMatchObject({
      _tag: "SyncError",
      reason: "InvalidInput",
      message: expect.stringMatching(/^invalid settings: unknown setting "switches\.actualz"/),
    });
    await sync.close();
  });

  it("writes nothing to stdout: warnings go to stderr by default, and logLevel none silences them", async () => {
    const stdout = [vi.spyOn(console, "log"), vi.spyOn(process.stdout, "write")];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const noisy = Facade.createSync({ store: { sqlite: { filename: join(freshDir(), "state.db") } } });
    await noisy.connections();
    await noisy.close();
    const quiet = Facade.createSync({
      store: { sqlite: { filename: join(freshDir(), "state.db") } },
      logLevel: "none",
    });
    await quiet.connections();
    await quiet.close();
    for (const spy of stdout) expect(spy).not.toHaveBeenCalled();
    const written = stderr.mock.calls.map((c) => String(c[0]));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^harvest-runn WARNING created the key file .*secret\.key/);
  });
});
