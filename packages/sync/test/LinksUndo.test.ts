import type { FirstImport } from "@harvest-runn/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTruthHolds } from "./support/Oracle.ts";
import { duplicates, runnState, start, type World } from "./support/World.ts";

describe("holds, links and undo on a Runn account that already holds data", () => {
  let w: World;
  let truth: FirstImport.FirstImportTruth;
  let firstRunId = "";
  let baseline: ReadonlyArray<string> = [];
  beforeAll(async () => {
    w = await start({ runnData: "existing" });
    truth = (await w.control("GET", "/truth")).firstImport;
    baseline = duplicates(await runnState(w));
  });
  afterAll(async () => {
    await w?.close();
  });

  it("holds possible duplicates, conflicting links and Unknown-role keys, and reports them (E8, E9, A5)", async () => {
    const summary = await w.sync((s) => s.run(w.connectionId));
    firstRunId = summary.id;
    expect(summary.status).toBe("succeeded");
    const detail = await w.sync((s) => s.runDetail(summary.id));
    expectTruthHolds(detail.items, truth);
    const unknown = detail.items.filter((i) => i.outcome === "held" && i.reason === "unknown_role");
    expect(unknown).toHaveLength(truth.actuals.heldKeys.unknown_role);
    expect(detail.items.filter((i) => i.kind === "actual" && i.outcome === "written")).toHaveLength(
      truth.actuals.writes,
    );
    expect(duplicates(await runnState(w))).toEqual(baseline);
  });

  it("suggests links for every possible duplicate; applyLinks links them; the next run imports nothing twice", async () => {
    const suggestions = await w.sync((s) => s.suggestLinks(w.connectionId));
    const byKind = (kind: string) =>
      [
        ...new Set(
          suggestions
            .filter((s) => s.kind === kind && s.basis === "same name or email")
            .map((s) => s.harvestId),
        ),
      ].sort();
    for (const kind of ["client", "project", "person"] as const)
      expect(byKind(kind), kind).toEqual([...truth.holds.possible_duplicate[kind]].sort());
    // One suggestion per Harvest id (the first), as a user clicking "link" would.
    const chosen = [...new Map(suggestions.map((s) => [`${s.kind}:${s.harvestId}`, s])).values()];
    const items = await w.sync((s) => s.applyLinks(w.connectionId, chosen));
    expect(items.every((i) => i.outcome === "linked")).toBe(true);
    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    const detail = await w.sync((s) => s.runDetail(summary.id));
    const linkedIds = new Set(chosen.map((c) => c.harvestId));
    expect(detail.items.filter((i) => i.outcome === "created" && linkedIds.has(i.harvestId ?? -1))).toEqual(
      [],
    );
    expect(detail.items.filter((i) => i.reason === "possible_duplicate")).toEqual([]);
    expect(duplicates(await runnState(w))).toEqual(baseline);
    const rerun = await w.sync((s) => s.run(w.connectionId));
    expect(rerun.counts).toMatchObject({ created: 0, written: 0, linked: 0 });
  });

  it("undo lists (dry run), then removes what the first run created; the next run does not bring it back", async () => {
    const first = await w.sync((s) => s.runDetail(firstRunId));
    const created = first.items.filter((i) => i.outcome === "created" && i.kind !== "role");
    expect(created.length).toBe(truth.create.clients + truth.create.projects + truth.create.people);
    const before = await runnState(w);
    const dry = await w.sync((s) => s.undo(firstRunId, { dryRun: true }));
    expect(
      dry.items
        .filter((i) => i.kind !== "actual" && i.kind !== "role")
        .map((i) => i.runnId)
        .sort(),
    ).toEqual(created.map((i) => i.runnId).sort());
    expect(await runnState(w)).toEqual(before);

    const report = await w.sync((s) => s.undo(firstRunId));
    const removed = report.items.filter((i) => i.outcome === "deleted" || i.outcome === "archived");
    expect(
      removed
        .filter((i) => i.kind !== "actual")
        .map((i) => i.runnId)
        .sort(),
    ).toEqual(created.map((i) => i.runnId).sort());
    const state = await runnState(w);
    // People and projects are deleted; clients, which Runn cannot delete, are archived (SPEC E11).
    for (const c of created) {
      if (c.kind === "client") {
        const lines = Object.keys(state.clients).filter((k) => k.startsWith(`${c.harvestId}|`));
        expect(lines, `client ${c.harvestId}`).toHaveLength(1);
        expect(lines[0], `client ${c.harvestId}`).toMatch(/\|true$/);
      } else expect(state.refs[`${c.kind}:${c.harvestId}`], `${c.kind} ${c.harvestId}`).toBeUndefined();
    }

    const next = await w.sync((s) => s.run(w.connectionId));
    const detail = await w.sync((s) => s.runDetail(next.id));
    expect(detail.items.filter((i) => i.outcome === "created" && i.kind !== "role")).toEqual([]);
    const held = detail.items
      .filter((i) => i.reason === "do_not_import")
      .map((i) => `${i.kind}:${i.harvestId}`);
    // Deleted people and projects are reported as on the do-not-import list; the archived client still
    // carries its reference, so it counts as linked and is not created again either.
    for (const c of created.filter((i) => i.kind !== "client"))
      expect(held).toContain(`${c.kind}:${c.harvestId}`);
    const ignored = await w.sync((s) => s.runDetail(next.id, { reason: "do_not_import" }));
    expect(ignored.items.length).toBeGreaterThan(0);
  });
});
