import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./support/Cli.ts";

describe("harvest-runn in a new state folder with no key set", () => {
  const cwd = mkdtempSync(join(tmpdir(), "harvest-runn-cli-first-"));
  const env = { HARVEST_RUNN_STATE_DIR: join(cwd, "state"), HARVEST_RUNN_SECRET_KEY: "" };
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("says there is no connection (not that a key is missing) and creates the key file once, owner-only", async () => {
    const first = await run(["sync"], { cwd, env });
    expect(first.stderr).toMatch(/no connection/);
    expect(first.stderr).not.toMatch(/SecretKey|HARVEST_RUNN_SECRET_KEY/);
    expect(first.stderr).toMatch(/created .*secret\.key/);
    expect(statSync(join(cwd, "state", "secret.key")).mode & 0o777).toBe(0o600);

    const second = await run(["status"], { cwd, env });
    expect(second.stderr).not.toMatch(/created .*secret\.key/);
    expect(second.stderr).not.toMatch(/SecretKey/);
  });
});
