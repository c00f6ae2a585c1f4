import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

const withRunn = () => harness({ runnData: "existing" });

describe("Runn simulator", () => {
  it("requires Accept-Version and a known token", async () => {
    const t = withRunn();
    const token = t.sandbox.world.runn[0]!.token;
    // openapi/runn.yaml declares 400 on lists and writes (not on /me/), so the check uses a list.
    const missing = await t.runn("GET", "/clients/", {
      bare: true,
      headers: { authorization: `Bearer ${token}` },
    });
    expect([missing.status, missing.json.error, missing.json.statusCode]).toEqual([400, "Bad Request", 400]);
    expect(
      (
        await t.runn("GET", "/clients/", {
          bare: true,
          headers: { authorization: `Bearer ${token}`, "accept-version": "2.0.0" },
        })
      ).status,
    ).toBe(400);
    expect((await t.runn("GET", "/me/", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    expect((await t.runn("GET", "/me/")).json.name).toBe("Sandbox Runn 1");
  });

  it("paginates with each endpoint's default and maximum limit", async () => {
    const t = harness({ preset: "small", runnData: "existing" });
    const r = t.sandbox.world.runn[0]!;
    expect((await t.runn("GET", "/people/?limit=201")).status).toBe(400);
    expect((await t.runn("GET", "/actuals/?limit=501")).status).toBe(400);
    expect((await t.runn("GET", "/people/")).json.values).toHaveLength(50);
    expect((await t.runn("GET", "/actuals/")).json.values).toHaveLength(100);
    const ids: number[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null && pages < 50) {
      const page = await t.runn("GET", `/people/?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      ids.push(...page.json.values.map((p: { id: number }) => p.id));
      cursor = page.json.nextCursor;
      pages++;
    }
    expect(ids).toEqual([...r.people.keys()]);
    expect(pages).toBe(Math.floor(r.people.size / 200) + 1);
    const window = await t.runn("GET", "/actuals/?minDate=2024-05-01&maxDate=2024-05-31&limit=500");
    expect(
      window.json.values.every((a: { date: string }) => a.date >= "2024-05-01" && a.date <= "2024-05-31"),
    ).toBe(true);
  });

  it("assigns ids on create and stores references as sent; filters by externalId", async () => {
    const t = withRunn();
    const refs = [
      { referenceName: "Harvest", externalId: "777" },
      { referenceName: "Other", externalId: "x-1" },
    ];
    const client = await t.runn("POST", "/clients/", { body: { name: "Made in test", references: refs } });
    expect(client.status).toBe(201);
    expect(client.json.references).toEqual(refs);
    const bulk = await t.runn("POST", "/clients/bulk/", {
      body: { clients: [{ name: "A" }, { name: "B" }] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.json[1].id).toBe(bulk.json[0].id + 1);
    const project = await t.runn("POST", "/projects/", {
      body: {
        name: "P",
        clientId: client.json.id,
        pricingModel: "fp",
        references: [{ referenceName: "Harvest", externalId: "888" }],
      },
    });
    expect(project.status).toBe(201);
    const role = await t.runn("POST", "/roles/", { body: { name: "Brand New Role" } });
    expect(role.status).toBe(201);
    expect((await t.runn("POST", "/roles/", { body: { name: "brand new role" } })).status).toBe(422);
    const person = await t.runn("POST", "/people/", {
      body: {
        firstName: "Ann",
        lastName: "Lee",
        email: "ann@example.com",
        roleId: role.json.id,
        references: [{ referenceName: "Harvest", externalId: "999" }],
        employmentType: "contractor",
        minutesPerDay: 420,
      },
    });
    expect(person.status).toBe(201);
    const found = await t.runn("GET", "/people/?externalId=999");
    expect(found.json.values.map((p: { id: number }) => p.id)).toEqual([person.json.id]);
    expect((await t.runn("GET", "/projects/?externalId=888")).json.values).toHaveLength(1);
    const contracts = await t.runn("GET", "/people/contracts/current?limit=500");
    const contract = contracts.json.values.find((c: { personId: number }) => c.personId === person.json.id);
    expect([contract.roleId, contract.employmentType, contract.minutesPerDay]).toEqual([
      role.json.id,
      "contractor",
      420,
    ]);
    const patched = await t.runn("PATCH", `/people/${person.json.id}`, { body: { references: [] } });
    expect(patched.json.references).toEqual([]);
    expect((await t.runn("GET", `/roles/${role.json.id}`)).json.personIds).toEqual([person.json.id]);
    expect(
      (await t.runn("PATCH", `/clients/${client.json.id}`, { body: { isArchived: true } })).json.isArchived,
    ).toBe(true);
  });

  it("overwrites actuals by (date, person, project, role, workstream) and takes 1 to 100 per bulk", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    const person = [...r.people.keys()][0]!;
    const project = [...r.projects.keys()][0]!;
    const role = [...r.roles.keys()][0]!;
    const key = { date: "2024-06-03", personId: person, projectId: project, roleId: role };
    const first = await t.runn("POST", "/actuals/bulk/", {
      body: {
        actuals: [
          { ...key, billableMinutes: 60, nonbillableMinutes: 0 },
          { ...key, workstreamId: 5, billableMinutes: 15, nonbillableMinutes: 0 },
        ],
      },
    });
    expect(first.status).toBe(200);
    const second = await t.runn("POST", "/actuals/bulk/", {
      body: { actuals: [{ ...key, billableMinutes: 30, nonbillableMinutes: 10 }] },
    });
    expect(second.json[0].id).toBe(first.json[0].id);
    expect([second.json[0].billableMinutes, second.json[0].nonbillableMinutes]).toEqual([30, 10]);
    const listed = await t.runn(
      "GET",
      `/actuals/?personId=${person}&projectId=${project}&minDate=2024-06-03&maxDate=2024-06-03`,
    );
    expect(listed.json.values).toHaveLength(2);
    expect((await t.runn("POST", "/actuals/bulk/", { body: { actuals: [] } })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({
      ...key,
      date: `2024-0${1 + (i % 5)}-1${i % 10}`,
      billableMinutes: 1,
      nonbillableMinutes: 0,
    }));
    expect((await t.runn("POST", "/actuals/bulk/", { body: { actuals: many } })).status).toBe(400);
    expect(
      (
        await t.runn("POST", "/actuals/bulk/", {
          body: { actuals: [{ ...key, billableMinutes: -1, nonbillableMinutes: 0 }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.runn("POST", "/actuals/", {
          body: { ...key, personId: 1, billableMinutes: 5, nonbillableMinutes: 0 },
        })
      ).status,
    ).toBe(422);
    expect((await t.runn("DELETE", `/actuals/${first.json[1].id}/`)).status).toBe(204);
    expect((await t.runn("DELETE", `/actuals/${first.json[1].id}/`)).status).toBe(404);
    const events = await t.runn("GET", "/activity-log/?eventType=actual_deleted");
    expect(events.json.values[0].actual.id).toBe(first.json[1].id);
  });

  it("deletes with Runn's rules: 409 for a project with actuals, person only with force", async () => {
    const t = withRunn();
    const r = t.sandbox.world.runn[0]!;
    const s = r.actuals;
    const busyProject = s.project[0]!;
    const busyPerson = s.person[0]!;
    expect((await t.runn("DELETE", `/projects/${busyProject}/`)).status).toBe(409);
    const fresh = await t.runn("POST", "/projects/", {
      body: { name: "Empty", clientId: [...r.clients.keys()][0] },
    });
    expect((await t.runn("DELETE", `/projects/${fresh.json.id}/`)).status).toBe(204);
    expect((await t.runn("GET", `/projects/${fresh.json.id}`)).status).toBe(404);
    expect((await t.runn("DELETE", `/people/${busyPerson}`)).status).toBe(400);
    expect((await t.runn("DELETE", `/people/${busyPerson}?force=true`)).status).toBe(204);
    expect((await t.runn("GET", `/actuals/?personId=${busyPerson}`)).json.values).toEqual([]);
  });
});
