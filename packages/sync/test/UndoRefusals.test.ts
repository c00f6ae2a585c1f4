import { RunnClientError } from "@harvest-runn/runn-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureMessage } from "../src/internal/Undo.ts";
import { start, type World } from "./support/World.ts";

const refusal = "Runn refuses: it still has assignments or actuals (never force-deleted)";

describe("undo predicts Runn's refusals before it deletes anything (SPEC E11)", () => {
  let w: World;
  let runId = "";
  let person = 0;
  let project = 0;
  const runnActuals = async () =>
    (
      (await w.control("GET", "/runn/state")).actuals as Array<{
        personId: number;
        projectId: number;
        roleId: number;
        date: string;
        billableMinutes: number;
        nonbillableMinutes: number;
      }>
    ).map(
      (a) =>
        `${a.personId}:${a.projectId}:${a.roleId}:${a.date}=${a.billableMinutes}+${a.nonbillableMinutes}`,
    );
  beforeAll(async () => {
    w = await start();
    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    runId = summary.id;
    const detail = await w.sync((s) => s.runDetail(runId));
    const created = (kind: string) =>
      new Set(detail.items.filter((i) => i.kind === kind && i.outcome === "created").map((i) => i.runnId));
    const people = created("person");
    const projects = created("project");
    // A key the sync wrote for a person and a project this run created.
    const key = detail.items
      .filter((i) => i.kind === "actual" && i.outcome === "written")
      .map((i) => i.label.split(":").map(Number))
      .find(([p, q]) => people.has(p ?? -1) && projects.has(q ?? -1));
    if (key === undefined)
      throw new Error("the first run wrote no actual for a person and project it created");
    [person, project] = key as [number, number];
    // Someone logs time by hand in Runn on that person and project, on a day the sync never computes.
    const res = await fetch(`${w.sb.info.runn.baseUrl}/actuals/`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${w.sb.info.runn.token}`,
        "accept-version": "1.0.0",
      },
      body: JSON.stringify({
        date: "2020-01-06",
        personId: person,
        projectId: project,
        roleId: key[2],
        billableMinutes: 60,
        nonbillableMinutes: 0,
      }),
    });
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await w?.close();
  });

  it("the dry run reports the refusals and keeps their actuals; the real undo does exactly that", async () => {
    // The time both refused entities carry: the manual actual and the sync's own.
    const mine = (a: string) => a.startsWith(`${person}:${project}:`);
    const before = (await runnActuals()).filter(mine).sort();
    expect(before.length).toBeGreaterThan(1);

    const dry = await w.sync((s) => s.undo(runId, { dryRun: true }));
    const refused = (items: ReadonlyArray<{ kind: string; runnId: number | null; outcome: string }>) =>
      items
        .filter((i) => i.outcome === "failed")
        .map((i) => `${i.kind}:${i.runnId}`)
        .sort();
    expect(refused(dry.items)).toEqual([`person:${person}`, `project:${project}`].sort());
    expect(dry.items.filter((i) => i.outcome === "failed").every((i) => i.error === refusal)).toBe(true);
    const planned = dry.items.filter((i) => i.outcome === "planned").map((i) => i.label);
    expect(planned).not.toContain(expect.stringMatching(`^delete person ${person} `));
    expect(planned).not.toContain(expect.stringMatching(`^delete project ${project} `));
    expect(planned.filter((l) => l.startsWith(`delete ${person}:${project}:`))).toEqual([]);

    const report = await w.sync((s) => s.undo(runId));
    // What the dry run said, item by item: planned became deleted or archived, the rest is the same.
    const shape = (
      items: ReadonlyArray<{ kind: string; runnId: number | null; outcome: string; error: string | null }>,
    ) =>
      items
        .map(
          (i) =>
            `${i.kind}:${i.runnId}:${i.outcome === "planned" ? "done" : i.outcome === "deleted" || i.outcome === "archived" ? "done" : i.outcome}:${i.error ?? ""}`,
        )
        .sort();
    expect(shape(report.items)).toEqual(shape(dry.items));
    // Nothing of the refused person and project was deleted, so the next run has nothing to write back.
    expect((await runnActuals()).filter(mine).sort()).toEqual(before);
    const next = await w.sync((s) => s.run(w.connectionId));
    expect(next.counts.written).toBe(0);
  });

  it("says Runn refuses when it answers a person's delete with 400 and a project's with 409", () => {
    const err = (reason: "Validation" | "Conflict" | "NotFound", status: number) =>
      new RunnClientError.RunnClientError({ reason, status, message: `status ${status}` });
    expect(failureMessage("person", err("Validation", 400))).toBe(refusal);
    expect(failureMessage("project", err("Conflict", 409))).toBe(refusal);
    expect(failureMessage("project", err("Validation", 400))).toBe("Validation: status 400");
    expect(failureMessage("person", err("NotFound", 404))).toBe("NotFound: status 404");
  });
});
