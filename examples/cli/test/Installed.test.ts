/**
 * The CLI as a person installs and runs it: built, packed, installed with npm into a prefix outside the
 * workspace, run from a folder outside it against the sandbox's own bin on loopback, and once under a
 * terminal (tmux) to check what a person sees.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Output } from "@harvest-runn/sync";
import { Schema } from "effect";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as HelpText from "../src/HelpText.ts";
import {
  type Installed,
  install,
  killAll,
  run,
  type SandboxInfo,
  startSandbox,
} from "./support/Installed.ts";

const stackLine = /^\s+at .+\(.+:\d+:\d+\)$/m;
const ErrorDoc = Schema.Struct({ _tag: Schema.String, reason: Schema.String, message: Schema.String });
const decode = <A, I>(schema: Schema.Schema<A, I>, stdout: string): A =>
  Schema.decodeUnknownSync(schema)(JSON.parse(stdout));

/** tmux is needed for the terminal test; under CI its absence is a failure, not a skip. */
const hasTmux = (() => {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI) throw new Error("tmux is missing: the terminal test needs it");
    return false;
  }
})();

describe("the installed harvest-runn bin", () => {
  let cli: Installed;
  let home: string;
  let sandbox: { pid: number; info: SandboxInfo };
  let env: Record<string, string>;
  const harvestRunn = (args: ReadonlyArray<string>, extra: Record<string, string> = {}) =>
    run(cli, args, { cwd: home, env: { ...env, ...extra } });

  beforeAll(async () => {
    [cli, sandbox] = await Promise.all([
      install(),
      // Real time, not compressed: the data clock then reads this machine's clock, as a real API's does.
      startSandbox(["--preset", "tiny", "--runn-data", "existing", "--clock", "real"]),
    ]);
    home = mkdtempSync(join(tmpdir(), "cli-home-"));
    env = {
      HARVEST_RUNN_STATE_DIR: join(home, "state"),
      HARVEST_RUNN_SECRET_KEY: randomBytes(32).toString("base64"),
      HARVEST_BASE_URL: sandbox.info.harvest.baseUrl,
      HARVEST_ID_BASE_URL: sandbox.info.harvest.idBaseUrl,
      HARVEST_ACCOUNT_ID: sandbox.info.harvest.accountId,
      HARVEST_USER_AGENT: "HarvestRunnCliTests (tests@example.com)",
      HARVEST_TOKEN: sandbox.info.harvest.token,
      RUNN_TOKEN: sandbox.info.runn.token,
      RUNN_BASE_URL: sandbox.info.runn.baseUrl,
    };
  }, 600_000);
  afterEach(killAll);
  afterAll(() => {
    if (sandbox !== undefined) process.kill(sandbox.pid, "SIGKILL");
    if (cli !== undefined) rmSync(join(cli.prefix, ".."), { recursive: true, force: true });
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it("prints its version and a help of one line per command within 100 columns", async () => {
    const [version, help, syncHelp, unknown, unknownJson] = await Promise.all([
      harvestRunn(["--version"]),
      harvestRunn(["--help"]),
      harvestRunn(["sync", "--help"]),
      harvestRunn(["snyc"]),
      harvestRunn(["snyc", "--json"]),
    ]);
    expect(version).toEqual({ code: 0, stdout: `${cli.version}\n`, stderr: "" });

    expect(help.code).toBe(0);
    const lines = help.stdout.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    for (const c of HelpText.commands)
      expect(
        lines.filter((l) => new RegExp(`^  ${c.path} {2,}\\S`).test(l)),
        c.path,
      ).toHaveLength(1);
    expect(help.stdout).not.toMatch(/SPEC|This setting is optional|A true or false value/);

    expect(syncHelp.code).toBe(0);
    expect(syncHelp.stdout).toContain("  harvest-runn sync [options]");
    expect(syncHelp.stdout).toMatch(/Examples:\n {2}harvest-runn sync\n/);
    expect(syncHelp.stdout).toMatch(/--only <types> +limit the run/);

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "snyc"; did you mean `harvest-runn sync`?');
    expect(unknownJson.code).toBe(2);
    expect(unknownJson.stderr).toBe("");
    expect(decode(ErrorDoc, unknownJson.stdout).message).toContain("did you mean `harvest-runn sync`?");
  });

  it("every command's help has a purpose, options in its own words and examples, and no internal ids", async () => {
    const helps = await Promise.all(
      HelpText.commands.map((c) => harvestRunn([...c.path.split(" "), "--help"])),
    );
    for (const [i, h] of helps.entries()) {
      const c = HelpText.commands[i];
      expect(h.code, c?.path).toBe(0);
      expect(h.stdout, c?.path).toContain(`Usage:\n  harvest-runn ${c?.path}`);
      expect(h.stdout, c?.path).toMatch(/Examples:\n {2}harvest-runn /);
      expect(h.stdout, c?.path).not.toMatch(/SPEC|This setting is optional|A user-defined piece of text/);
      expect(Math.max(...h.stdout.split("\n").map((l) => l.length)), c?.path).toBeLessThanOrEqual(100);
    }
  });

  it("names the flag and the accepted values in usage errors, on stdout alone under --json", async () => {
    const [choice, integer, typo, asJson] = await Promise.all([
      harvestRunn(["settings", "--actuals", "maybe"]),
      harvestRunn(["link", "client", "abc", "1"]),
      harvestRunn(["sync", "--dryrun"]),
      harvestRunn(["sync", "--bogus", "--json"]),
    ]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('--actuals takes one of on, off; got "maybe"');
    expect(integer.code).toBe(2);
    expect(integer.stderr).toContain('<runn id> takes a whole number; got "abc"');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean --dry-run?");
    expect(asJson.code).toBe(2);
    expect(asJson.stderr).toBe("");
    expect(decode(ErrorDoc, asJson.stdout)).toMatchObject({ _tag: "UsageError", reason: "Usage" });
    for (const r of [choice, integer, typo]) expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("runs the demo outside the repository", async () => {
    const demo = await harvestRunn(["demo", "--json"], { HARVEST_RUNN_STATE_DIR: "" });
    expect(demo.code, demo.stderr).toBe(0);
    const doc = decode(Schema.Struct({ summary: Output.RunSummary, stateDir: Schema.String }), demo.stdout);
    expect(doc.summary.status).toBe("succeeded");
    expect(doc.stateDir.startsWith(home)).toBe(true);
    expect(demo.stderr).not.toContain("clock skew");
  });

  it("connects to the sandbox without a clock warning, picks the connection by name, plans and syncs", async () => {
    const connected = await harvestRunn(["connect", "--name", "acme", "--actuals"]);
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).toContain("connected");
    expect(connected.stdout + connected.stderr).not.toMatch(/clock skew|warning/);
    expect(connected.stdout + connected.stderr).not.toContain(sandbox.info.runn.token);

    const planned = await harvestRunn(["plan", "-c", "acme"]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(/^Plan: \d+ Runn writes/m);

    const synced = await harvestRunn(["sync", "-c", "acme", "--json"]);
    expect(synced.code, synced.stderr).toBe(0);
    const summary = decode(Output.RunSummary, synced.stdout);
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.created + summary.counts.written).toBeGreaterThan(0);

    // A switched-off switch that makes the requested work a no-op is said, not silently skipped.
    const off = await harvestRunn(["settings", "-c", "acme", "--actuals", "off"]);
    expect(off.code, off.stderr).toBe(0);
    const [onlyActuals, oneProject, ignored] = await Promise.all([
      harvestRunn(["plan", "-c", "acme", "--only", "actuals"]),
      harvestRunn(["plan", "-c", "acme", "--project", "20000007"]),
      harvestRunn(["ignore", "project", "20000007", "-c", "acme"]),
    ]);
    for (const r of [onlyActuals, oneProject]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("note: actuals are switched off, so it writes no actuals");
    }
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stdout).toContain("it will not be created in Runn");
    expect(ignored.stdout).toContain("that link stays and its actuals keep syncing");

    const wrongName = await harvestRunn(["status", "-c", "acme2"]);
    expect(wrongName.code).toBe(2);
    expect(wrongName.stderr).toContain('no connection "acme2"');
    expect(wrongName.stderr).toContain("acme (");
    expect(wrongName.stderr).not.toMatch(stackLine);
  });

  it.runIf(hasTmux)(
    "under a terminal of 80 columns: progress rows, a fitted table, no colour with NO_COLOR",
    async () => {
      // The demo brings its own accounts, so this run has real work whatever the other tests did.
      const folder = mkdtempSync(join(home, "tty-"));
      const session = `cli-${process.pid}`;
      const screenOf = (noColor: boolean) => {
        const vars = `env -u NODE_OPTIONS -u npm_lifecycle_event ${noColor ? "NO_COLOR=1 " : ""}TERM=xterm-256color`;
        return [
          `cd '${folder}'`,
          `${vars} '${cli.bin}' demo`,
          `HARVEST_RUNN_STATE_DIR=$(ls -d .harvest-runn/demo-* | tail -1) ${vars} '${cli.bin}' runs`,
          "echo __END__",
          "sleep 60",
        ].join(" && ");
      };
      const capture = async (script: string) => {
        execFileSync("tmux", ["new-session", "-d", "-x", "80", "-y", "30", "-s", session, script]);
        try {
          let screen = "";
          // Bounded: 240 looks, a quarter second apart.
          for (let i = 0; i < 240 && !screen.includes("__END__"); i++) {
            await new Promise((r) => setTimeout(r, 250));
            screen = execFileSync("tmux", ["capture-pane", "-p", "-e", "-S", "-200", "-t", session], {
              encoding: "utf8",
            });
          }
          return screen;
        } finally {
          execFileSync("tmux", ["kill-session", "-t", session]);
        }
      };
      const screen = await capture(screenOf(true));
      expect(screen).toContain("__END__");
      const lines = screen.split("\n");
      // Progress: a row per phase with its elapsed time and no bar for single steps; the actuals phase
      // (many steps) has a bar and its count.
      expect(screen, screen).toMatch(/^ lease +done +\d+\.\d s$/m);
      expect(screen, screen).toMatch(/^ load +done +(\d+) of \1 lists, [\d,]+ records read +\d+\.\d s$/m);
      // The sandbox's data clock reads this machine's time, so a healthy machine gets no skew warning.
      const clock = /its clock reads (\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC/.exec(screen);
      expect(Math.abs(Date.parse(`${clock?.[1]}T${clock?.[2]}:00Z`) - Date.now())).toBeLessThan(10 * 60_000);
      expect(screen).not.toMatch(/clock skew/i);
      expect(screen, screen).toMatch(/^ actuals +█+ \d+\/\d+ .*\d s$/m);
      expect(screen).toMatch(/Run [0-9a-f-]+: succeeded/);
      // The runs table fits 80 columns with whole header words.
      expect(lines.find((l) => l.startsWith("id "))).toMatch(
        /^id +status +trigger +started +took +scope +counts$/,
      );
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
      // NO_COLOR: no colour or bold anywhere on the screen; without it the summary has colour.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looks for colour codes
      const colour = /\u001b\[(3\d|1|2)m/;
      expect(screen).not.toMatch(colour);
      expect(await capture(screenOf(false))).toMatch(colour);
    },
  );
});
