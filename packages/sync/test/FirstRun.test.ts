import type { FirstImport } from "@harvest-runn/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HarvestProject, HarvestUser } from "./support/Documents.ts";
import { expectTruthHolds } from "./support/Oracle.ts";
import { duplicates, runnState, start, type World } from "./support/World.ts";

/** `a`, after asserting that it was found. */
const found = <A>(a: A | undefined, what: string): A => {
  expect(a, what).toBeDefined();
  return a as A;
};

describe("first run on tiny (sandbox, anchorDate pinned)", () => {
  let w: World;
  let truth: FirstImport.FirstImportTruth;
  beforeAll(async () => {
    w = await start();
    truth = (await w.control("GET", "/truth")).firstImport;
  });
  afterAll(async () => {
    await w?.close();
  });

  it("the dry run writes nothing and reports the truth's holds and skips by reason", async () => {
    const before = await runnState(w);
    const dry = await w.sync((s) => s.plan(w.connectionId));
    expect(await runnState(w)).toEqual(before);
    const entries = (reason: string) =>
      dry.plan.report
        .filter((r) => r._tag === "Skipped" && r.reason === reason)
        .reduce((n, r) => n + (r._tag === "Skipped" ? r.entryCount : 0), 0);
    expect(entries("unknown_role")).toBe(truth.actuals.heldEntries.unknown_role);
    expect(entries("person_not_linked")).toBe(truth.actuals.skippedEntries.person_not_linked);
    expect(entries("project_not_linked")).toBe(truth.actuals.skippedEntries.project_not_linked);
    expect(entries("ambiguous_link")).toBe(truth.actuals.skippedEntries.ambiguous_link);
    expect(dry.items.filter((i) => i.outcome === "planned" && i.kind === "actual")).toHaveLength(
      truth.actuals.writes,
    );
  });

  it("imports exactly the ground truth: counts per type, Unknown roles, holds, actual totals", async () => {
    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    const detail = await w.sync((s) => s.runDetail(summary.id));
    const count = (kind: string, outcome: string, reason?: string) =>
      detail.items.filter(
        (i) => i.kind === kind && i.outcome === outcome && (reason === undefined || i.reason === reason),
      ).length;
    expect({
      clients: count("client", "created"),
      projects: count("project", "created"),
      people: count("person", "created"),
      roles: count("role", "created"),
    }).toEqual(truth.create);
    expect(count("actual", "written")).toBe(truth.actuals.writes);
    expect(count("actual", "held", "unknown_role")).toBe(truth.actuals.heldKeys.unknown_role);
    expect(count("actual", "failed")).toBe(0);
    expectTruthHolds(detail.items, truth);

    const state = await runnState(w);
    expect(duplicates(state)).toEqual([]);
    expect(Object.keys(state.roles).sort()).toEqual(
      expect.arrayContaining([...truth.createdRoleNames].sort()),
    );
    // People whose Harvest role is none or several get the role "Unknown" (SPEC E7).
    for (const id of truth.unknownRolePeople) {
      const person = Object.keys(state.people).find((k) => k.startsWith(`${id}|`));
      expect(person, `person ${id}`).toMatch(/\|Unknown$/);
    }
    let billable = 0;
    let nonbillable = 0;
    for (const v of Object.values(state.actuals)) {
      const [b, n] = (v as string).split("+").map(Number);
      billable += b!;
      nonbillable += n!;
    }
    expect({ billable, nonbillable }).toEqual({
      billable: truth.actuals.billableMinutes,
      nonbillable: truth.actuals.nonbillableMinutes,
    });
  });

  it("checks a few records field by field against Harvest", async () => {
    const { users } = await w.harvestWrite<{ users: Array<HarvestUser> }>("GET", "/users?per_page=2000");
    const s = await w.control("GET", "/runn/state");
    const active = users.filter((u) => u.is_active && u.roles.length === 1).slice(0, 3);
    expect(active.length).toBeGreaterThan(0);
    for (const u of active) {
      const p = found(
        s.people.find((x) => x.references.some((r) => r.externalId === String(u.id))),
        `user ${u.id}`,
      );
      expect({ first: p.firstName, last: p.lastName, email: p.email }).toEqual({
        first: u.first_name,
        last: u.last_name,
        email: u.email,
      });
      const contract = found(
        s.currentContracts.find((c) => c.personId === p.id),
        `contract of ${u.id}`,
      );
      const role = found(
        s.roles.find((r) => r.id === contract.roleId),
        `role ${contract.roleId}`,
      );
      expect(role.name.toLowerCase()).toBe(u.roles[0]?.toLowerCase());
      expect(contract.minutesPerDay).toBe(Math.max(1, Math.round(u.weekly_capacity / 60 / 5)));
      expect(contract.employmentType).toBe(u.is_contractor ? "contractor" : "employee");
    }
    const { projects } = await w.harvestWrite<{ projects: Array<HarvestProject> }>(
      "GET",
      "/projects?per_page=2000",
    );
    for (const hp of projects.filter((p) => p.is_active).slice(0, 3)) {
      const rp = found(
        s.projects.find((x) => x.references.some((r) => r.externalId === String(hp.id))),
        `project ${hp.id}`,
      );
      expect(rp.name).toBe(hp.name);
      expect(rp.pricingModel).toBe(!hp.is_billable ? "nb" : hp.is_fixed_fee ? "fp" : "tm");
      const client = found(
        s.clients.find((c) => c.id === rp.clientId),
        `client ${rp.clientId}`,
      );
      expect(client.references).toContainEqual({
        referenceName: "Harvest",
        externalId: String(hp.client.id),
      });
    }
  });

  it("a second run with no change writes nothing (SPEC A7)", async () => {
    const before = await runnState(w);
    await w.control("DELETE", "/stats");
    const summary = await w.sync((s) => s.run(w.connectionId));
    expect(summary.status).toBe("succeeded");
    expect(summary.counts).toMatchObject({ created: 0, written: 0, deleted: 0, linked: 0, failed: 0 });
    const stats = await w.control("GET", "/stats");
    expect(stats.runn.writes).toBe(0);
    expect(await runnState(w)).toEqual(before);
  });
});
