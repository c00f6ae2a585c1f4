import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SandboxServer } from "@harvest-runn/sandbox";
import { Output } from "@harvest-runn/sync";
import { Schema } from "effect";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshStateDir } from "../src/commands/Demo.ts";
import { jsonOf, killAll, run } from "./support/Cli.ts";

const anchorDate = "2026-03-16";

const Kinds = Schema.Struct({
  client: Schema.Array(Schema.Number),
  project: Schema.Array(Schema.Number),
  person: Schema.Array(Schema.Number),
});
/** The part of the sandbox's first-import truth this test compares. */
const Truth = Schema.Struct({
  create: Schema.Struct({
    clients: Schema.Number,
    projects: Schema.Number,
    people: Schema.Number,
    roles: Schema.Number,
  }),
  holds: Schema.Struct({ possible_duplicate: Kinds }),
  actuals: Schema.Struct({ writes: Schema.Number, heldKeys: Schema.Struct({ unknown_role: Schema.Number }) }),
});

/** The demo's `--json` document. */
const DemoDoc = Schema.Struct({
  stateDir: Schema.String,
  connection: Output.ConnectionView,
  plan: Schema.Struct({ writes: Schema.Number, counts: Output.Counts }),
  summary: Output.RunSummary,
  breakdown: Schema.Struct({
    created: Schema.Record({ key: Schema.String, value: Schema.Number }),
    actualsWritten: Schema.Number,
    byKind: Schema.Array(
      Schema.Struct({
        outcome: Schema.String,
        reason: Schema.String,
        kind: Schema.String,
        count: Schema.Number,
      }),
    ),
    duplicates: Schema.Array(
      Schema.Struct({
        kind: Schema.Literal("client", "project", "person"),
        runnId: Schema.Number,
        harvestId: Schema.Number,
        command: Schema.String,
      }),
    ),
  }),
});

describe("harvest-runn demo (child process, sandbox on loopback)", () => {
  let cwd: string;
  let truthSb: SandboxServer.RunningSandbox;
  let truth: typeof Truth.Type;
  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), "harvest-runn-demo-"));
    // The same world as the demo's (seed, preset, existing Runn data, anchor): its ground truth.
    truthSb = await SandboxServer.startSandbox({
      port: 0,
      seed: 42,
      preset: "tiny",
      runnData: "existing",
      anchorDate,
    });
    const body = (await (await fetch(`${truthSb.info.control}/truth`)).json()) as { firstImport: unknown };
    truth = Schema.decodeUnknownSync(Truth)(body.firstImport);
  });
  afterEach(killAll);
  afterAll(async () => {
    await truthSb?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("gives two demos started in the same millisecond in one folder a store each", () => {
    const parent = join(cwd, "same-stamp");
    const stamp = "2026-03-16T18-00-00-000Z";
    const first = freshStateDir(parent, stamp);
    const second = freshStateDir(parent, stamp);
    expect(first).toBe(join(parent, `demo-${stamp}`));
    expect(second).toBe(join(parent, `demo-${stamp}-2`));
    for (const dir of [first, second]) expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("imports the ground truth into a fresh store and prints it (--json and for people)", async () => {
    const [machine, human] = await Promise.all([
      run(["demo", "--preset", "tiny", "--anchor-date", anchorDate, "--json"], { cwd }),
      run(["demo", "--anchor-date", anchorDate], { cwd }),
    ]);
    // With --json an error is printed on stdout.
    expect(machine.code, machine.stderr + machine.stdout).toBe(0);
    const doc = Schema.decodeUnknownSync(DemoDoc)(jsonOf(machine));
    const summary = doc.summary;
    expect(summary.status).toBe("succeeded");
    const created = doc.breakdown.created;
    expect({
      clients: created.client ?? 0,
      projects: created.project ?? 0,
      people: created.person ?? 0,
      roles: created.role ?? 0,
    }).toEqual(truth.create);
    expect(doc.breakdown.actualsWritten).toBe(truth.actuals.writes);
    const heldActuals = doc.breakdown.byKind.find(
      (k) => k.outcome === "held" && k.reason === "unknown_role" && k.kind === "actual",
    );
    expect(heldActuals?.count ?? 0).toBe(truth.actuals.heldKeys.unknown_role);
    for (const kind of ["client", "project", "person"] as const) {
      const dups = doc.breakdown.duplicates.filter((d) => d.kind === kind);
      expect(dups.map((d) => d.harvestId).sort()).toEqual([...truth.holds.possible_duplicate[kind]].sort());
      for (const d of dups) expect(d.command).toBe(`harvest-runn link ${kind} ${d.runnId} ${d.harvestId}`);
    }
    expect(doc.stateDir).toContain(join(cwd, ".harvest-runn", "demo-"));
    expect(existsSync(join(doc.stateDir, "state.db"))).toBe(true);
    expect(existsSync(join(doc.stateDir, "secret.key"))).toBe(true);

    expect(human.code, human.stderr + human.stdout).toBe(0);
    expect(human.stdout).toContain("succeeded");
    // A pinned anchor date: the sandbox's clock reads 18:00 UTC of that day, and says so.
    expect(human.stdout).toContain(`its clock reads ${anchorDate} 18:00 UTC`);
    expect(human.stdout).toMatch(/store: .*\.harvest-runn\/demo-/);
    expect(human.stdout).toContain(`${truth.actuals.writes} day totals written`);
    expect(human.stdout).toMatch(/harvest-runn link (client|project|person) \d+ \d+/);
    // Not a TTY: no colour codes, no progress bars.
    expect(human.stdout).not.toContain("\u001b[");
    expect(human.stderr).not.toContain("\u001b[");
  });
});
