import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Plan } from "@harvest-runn/domain";
import { SandboxServer } from "@harvest-runn/sandbox";
import { Output, SyncClock, SyncError } from "@harvest-runn/sync";
import { Schema } from "effect";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jsonOf, killAll, type Result, run, sandboxEnv, stackLine } from "./support/Cli.ts";

const anchorDate = "2026-03-16";
const timeScale = 50;

const decode = <A, I>(schema: Schema.Schema<A, I>, r: Result): A =>
  // Whole documents: a field the schema does not name fails the decode.
  Schema.decodeUnknownSync(schema, { onExcessProperty: "error" })(jsonOf(r));
const ErrorDoc = Schema.Struct({ _tag: Schema.String, reason: Schema.String, message: Schema.String });

/** Harvest ids that more than one Runn entity of a kind references. */
const duplicatedRefs = async (sb: SandboxServer.RunningSandbox) => {
  type Refs = Array<{ references: Array<{ referenceName: string; externalId: string }> }>;
  const s = (await (await fetch(`${sb.info.control}/runn/state?actuals=false`)).json()) as {
    clients: Refs;
    projects: Refs;
    people: Refs;
  };
  const seen = new Map<string, number>();
  for (const [kind, list] of [
    ["client", s.clients],
    ["project", s.projects],
    ["person", s.people],
  ] as const)
    for (const e of list)
      for (const r of e.references.filter((x) => x.referenceName === "Harvest")) {
        const k = `${kind}:${r.externalId}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
  return [...seen.entries()]
    .filter(([, n]) => n > 1)
    .map(([k]) => k)
    .sort();
};

describe("harvest-runn commands (child processes, one sandbox on loopback)", () => {
  let sb: SandboxServer.RunningSandbox;
  let cwd: string;
  let env: Record<string, string>;
  let seededDuplicates: Array<string>;
  let firstRunId: string;
  // Each command starts at the sandbox's time as it runs on, so time never goes back between commands.
  let time: SyncClock.TimeSource;
  const cli = (...args: Array<string>) =>
    run(args, { cwd, env: { ...env, HARVEST_RUNN_NOW: new Date(time()).toISOString() } });

  beforeAll(async () => {
    sb = await SandboxServer.startSandbox({
      port: 0,
      seed: 7,
      preset: "tiny",
      runnData: "existing",
      anchorDate,
      timeScale,
    });
    time = SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000);
    cwd = mkdtempSync(join(tmpdir(), "harvest-runn-cli-"));
    env = sandboxEnv(sb, cwd, timeScale);
    seededDuplicates = await duplicatedRefs(sb);
  });
  afterEach(killAll);
  afterAll(async () => {
    await sb?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("usage errors exit 2; a rejected Runn token exits 1 naming the token, without a stack trace", async () => {
    const [unknownFlag, badToken, unreachable] = await Promise.all([
      cli("sync", "--bogus", "--json"),
      cli(
        "connect",
        "--harvest-token",
        sb.info.harvest.token,
        "--runn-token",
        "wrong-runn-token-123",
        "--json",
      ),
      cli(
        "connect",
        "--harvest-token",
        sb.info.harvest.token,
        "--runn-token",
        sb.info.runn.token,
        "--runn-base-url",
        "http://127.0.0.1:1",
      ),
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("(RunnUnreachable)");
    expect(unreachable.stderr).toContain("http://127.0.0.1:1");
    expect(unreachable.stderr).not.toMatch(stackLine);

    expect(unknownFlag.code).toBe(2);
    expect(decode(ErrorDoc, unknownFlag)).toMatchObject({ _tag: "UsageError", reason: "Usage" });
    expect(decode(ErrorDoc, unknownFlag).message).toContain("unknown option --bogus for sync");
    // Under --json the error is the JSON document alone: nothing on stderr.
    expect(unknownFlag.stderr).toBe("");

    expect(badToken.code).toBe(1);
    const error = decode(ErrorDoc, badToken);
    expect(error._tag).toBe("SyncError");
    expect(error.reason).toBe("RunnAuth");
    expect(error.message).toContain("Runn rejected the token");
    expect(error.message).toContain("Make a new API token in Runn");
    expect(Schema.is(SyncError.SyncErrorReason)(error.reason)).toBe(true);
    expect(badToken.stdout + badToken.stderr).not.toContain("wrong-runn-token-123");
    expect(badToken.stdout + badToken.stderr).not.toMatch(stackLine);
  });

  it("connects, plans (--json is a Plan), syncs, and a second sync writes nothing", async () => {
    const connected = await cli(
      "connect",
      "--harvest-token",
      sb.info.harvest.token,
      "--runn-token",
      sb.info.runn.token,
      "--actuals",
      "--json",
    );
    expect(connected.code, connected.stderr).toBe(0);
    const view = decode(Output.ConnectResult, connected).connection;
    expect(view.switches.actuals).toBe(true);
    expect(connected.stdout).not.toContain(sb.info.runn.token);

    const planned = await cli("plan", "--json");
    expect(planned.code, planned.stderr).toBe(0);
    const plan = decode(Plan.Plan, planned);
    expect(plan.operations.length).toBeGreaterThan(0);
    writeFileSync(join(cwd, "plan.json"), planned.stdout);

    const first = await cli("sync", "--json");
    expect(first.code, first.stderr).toBe(0);
    const s1 = decode(Output.RunSummary, first);
    expect(s1.status).toBe("succeeded");
    expect(s1.counts.created + s1.counts.written).toBeGreaterThan(0);
    expect(s1.counts.held).toBeGreaterThan(0);
    firstRunId = s1.id;

    const second = await cli("sync", "--json");
    expect(second.code, second.stderr).toBe(0);
    const s2 = decode(Output.RunSummary, second);
    expect(s2.status).toBe("succeeded");
    expect({ created: s2.counts.created, written: s2.counts.written, deleted: s2.counts.deleted }).toEqual({
      created: 0,
      written: 0,
      deleted: 0,
    });
  });

  it("runs show lists held items with reasons; status, runs, settings and a stale apply report", async () => {
    const [shownJson, status, runs, settings, stale, badDate, linkUsage, undo, doctor] = await Promise.all([
      cli("runs", "show", firstRunId, "--outcome", "held", "--json"),
      cli("status", "--json"),
      cli("runs", "--json"),
      cli("settings", "--schedule", "03:30", "--json"),
      cli("apply", join(cwd, "plan.json"), "--json"),
      cli("backfill", "--from", "2026-13-45", "--json"),
      cli("link", "person", "--json"),
      cli("undo", firstRunId, "--dry-run", "--json"),
      cli("doctor", "--json"),
    ]);
    expect(shownJson.code, shownJson.stderr).toBe(0);
    const detail = decode(Output.RunDetail, shownJson);
    expect(detail.items.length).toBeGreaterThan(0);
    for (const i of detail.items) {
      expect(i.outcome).toBe("held");
      expect(i.reason).not.toBeNull();
    }
    const reasons = new Set(detail.items.map((i) => i.reason));
    expect(reasons).toContain("possible_duplicate");

    expect(status.code, status.stderr).toBe(0);
    const st = decode(Output.Status, status);
    // `apply` runs concurrently, so the last run may be that one; the last successes are the syncs'.
    expect(st.lastRun).not.toBeNull();
    expect(Object.values(st.lastSuccess).every((t) => t !== null)).toBe(true);

    expect(runs.code).toBe(0);
    const page = decode(Output.RunsPage, runs);
    expect(page.runs.map((r) => r.id)).toContain(firstRunId);

    expect(settings.code, settings.stderr).toBe(0);
    const shown = decode(
      Schema.Struct({ connectionId: Schema.String, settings: Output.SettingsView }),
      settings,
    );
    expect(shown.settings.schedule).toEqual({ enabled: true, timeOfDay: "03:30", timeZone: "UTC" });
    expect(shown.settings.switches.actuals).toBe(true);

    // The saved plan predates the first sync: Runn changed since, so applying it is refused.
    expect(stale.code).toBe(1);
    const staleDoc = jsonOf(stale);
    const staleReason = Schema.is(Output.RunSummary)(staleDoc)
      ? staleDoc.error?.reason
      : Schema.decodeUnknownSync(ErrorDoc)(staleDoc).reason;
    expect(staleReason).toBe("StalePlan");

    expect(badDate.code).toBe(2);
    expect(decode(ErrorDoc, badDate).reason).toBe("InvalidInput");
    expect(linkUsage.code).toBe(2);
    expect(decode(ErrorDoc, linkUsage).reason).toBe("Usage");

    // Undo's dry run lists what the first run created and changes nothing.
    expect(undo.code, undo.stderr).toBe(0);
    const undone = decode(Output.UndoReport, undo);
    expect(undone.dryRun).toBe(true);
    expect(undone.items.length).toBeGreaterThan(0);

    expect(doctor.code, doctor.stderr).toBe(0);
    const checks = decode(Schema.Array(Output.DoctorCheck), doctor);
    expect(checks.filter((c) => c.level === "error")).toEqual([]);
  });

  it("link --suggest --apply links the possible duplicates, and the next sync imports nothing twice", async () => {
    const linked = await cli("link", "--suggest", "--apply", "--json");
    expect(linked.code, linked.stderr).toBe(0);
    const doc = decode(
      Schema.Struct({
        suggestions: Schema.Array(Output.LinkSuggestion),
        applied: Schema.Array(Output.RunItem),
      }),
      linked,
    );
    expect(doc.suggestions.length).toBeGreaterThan(0);
    expect(doc.applied.filter((i) => i.outcome === "linked")).toHaveLength(doc.suggestions.length);

    const after = await cli("sync", "--json");
    expect(after.code, after.stderr).toBe(0);
    const summary = decode(Output.RunSummary, after);
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.created).toBe(0);
    expect(await duplicatedRefs(sb)).toEqual(seededDuplicates);
  });
});
