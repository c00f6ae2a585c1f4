/** The simulated Runn API follows Runn's published spec where it is easy to get wrong. */
import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";
import { runnSpec } from "./support/Spec.ts";

const withRunn = () => harness({ runnData: "existing" });

describe("Runn simulator fidelity", () => {
  it("answers 404 for a path spelled with the other trailing slash", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    const project = [...r.projects.keys()].find((id) => !r.actuals.project.includes(id));
    const person = [...r.people.keys()][0]!;
    expect((await t.runn("GET", `/projects/${project}/`, { unchecked: true })).status).toBe(404);
    expect((await t.runn("DELETE", `/projects/${project}`, { unchecked: true })).status).toBe(404);
    expect((await t.runn("DELETE", `/people/${person}/`, { unchecked: true })).status).toBe(404);
    expect((await t.runn("GET", "/clients", { unchecked: true })).status).toBe(404);
    expect((await t.runn("POST", "/actuals/bulk", { unchecked: true, body: { actuals: [] } })).status).toBe(
      404,
    );
    expect((await t.runn("GET", "/people/contracts/current/", { unchecked: true })).status).toBe(404);
    expect((await t.runn("GET", `/projects/${project}`)).status).toBe(200);
    expect(r.projects.has(project!)).toBe(true);
  });

  it("requires both minute fields of an actual and keeps the notes sent", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    const key = {
      date: "2024-06-03",
      personId: [...r.people.keys()][0]!,
      projectId: [...r.projects.keys()][0]!,
      roleId: [...r.roles.keys()][0]!,
    };
    expect(
      runnSpec.request("POST", "/actuals/", new URLSearchParams(), {}, { ...key, billableMinutes: 5 }),
    ).not.toEqual([]);
    expect((await t.runn("POST", "/actuals/", { body: { ...key, billableMinutes: 5 } })).status).toBe(400);
    const written = await t.runn("POST", "/actuals/", {
      body: { ...key, billableMinutes: 5, nonbillableMinutes: 0, billableNote: "design review" },
    });
    expect([written.status, written.json.billableNote, written.json.nonbillableNote]).toEqual([
      201,
      "design review",
      null,
    ]);
    const again = await t.runn("POST", "/actuals/", {
      body: { ...key, billableMinutes: 7, nonbillableMinutes: 0 },
    });
    expect([again.json.id, again.json.billableMinutes, again.json.billableNote]).toEqual([
      written.json.id,
      7,
      "design review",
    ]);
  });

  it("refuses null for a client's website and a person's email on PATCH", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    const client = [...r.clients.keys()][0]!;
    const person = [...r.people.keys()][0]!;
    expect((await t.runn("PATCH", `/clients/${client}`, { body: { website: null } })).status).toBe(400);
    expect((await t.runn("PATCH", `/people/${person}`, { body: { email: null } })).status).toBe(400);
    const site = await t.runn("PATCH", `/clients/${client}`, { body: { website: "https://acme.example" } });
    expect(site.json.website).toBe("https://acme.example");
  });

  it("sorts the activity log by orderBy, newest first by default", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    for (const i of [0, 1, 2]) {
      t.sandbox.advance(60_000);
      expect((await t.runn("DELETE", `/actuals/${r.actuals.id[i]}/`)).status).toBe(204);
    }
    const times = async (q: string) =>
      (await t.runn("GET", `/activity-log/${q}`)).json.values.map(
        (e: { actual: { id: number } }) => e.actual.id,
      );
    const asc = await times("?orderBy=asc");
    expect(asc).toEqual([r.actuals.id[0], r.actuals.id[1], r.actuals.id[2]]);
    expect(await times("?orderBy=desc")).toEqual([...asc].reverse());
    expect(await times("")).toEqual([...asc].reverse());
    expect((await t.runn("GET", "/activity-log/?orderBy=up")).status).toBe(400);
  });
});
