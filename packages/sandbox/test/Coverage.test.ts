/**
 * Every operation of both OpenAPI files is served, with a declared status and a body that validates;
 * Runn operations only under their exact path (trailing slash as Runn spells it).
 */
import { Optional } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";
import { harvestSpec, runnSpec } from "./support/Spec.ts";

type Op = { method: string; path: string; operationId: string };
const operations = (doc: Record<string, unknown>): Op[] =>
  Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
    ([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ["get", "post", "patch", "delete"].includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase(), path, operationId: op.operationId ?? `${m} ${path}` })),
  );

describe("operation coverage", () => {
  it("serves every Harvest operation", async () => {
    const t = harness();
    const h = t.sandbox.world.harvest[0]!;
    const entry = h.entries.idOf(h.entries.size - 1);
    const ids: Record<string, number> = {
      userId: h.users[4]!.id,
      clientId: h.clients[1]!.id,
      projectId: h.projects[1]!.id,
      timeEntryId: entry,
    };
    const bodies: Record<string, unknown> = {
      createUser: { first_name: "Cov", last_name: "Erage", email: "coverage@example.com" },
      updateUser: { telephone: undefined, weekly_capacity: 108000 },
      createClient: { name: "Coverage Client" },
      updateClient: { address: "1 Test Road" },
      createProject: {
        client_id: h.clients[1]!.id,
        name: "Coverage Project",
        is_billable: false,
        bill_by: "none",
        budget_by: "none",
      },
      updateProject: { notes: "covered" },
      createTimeEntry: {
        project_id: h.projects[1]!.id,
        task_id: h.tasks[0]!.id,
        spent_date: "2024-06-03",
        hours: 0.5,
      },
      updateTimeEntry: { notes: "covered" },
    };
    const ops = operations(harvestSpec.doc);
    expect(ops).toHaveLength(21);
    for (const op of ops) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]));
      const r =
        op.path === "/accounts"
          ? await t.raw(
              "GET",
              "http://sandbox.test/harvest-id/api/v2/accounts",
              { "user-agent": "x (a@b.c)", authorization: `Bearer ${h.tokenByRole.administrator}` },
              null,
            )
          : await t.harvest(op.method, path, Optional.fields({ body: bodies[op.operationId] }));
      if (op.path === "/accounts")
        expect(harvestSpec.response("GET", "/accounts", r.status, r.json)).toEqual([]);
      expect(r.status, op.operationId).toBeLessThan(300);
    }
  });

  it("serves every Runn operation", async () => {
    const t = harness({ runnData: "existing" });
    const r = t.sandbox.world.runn[0]!;
    const s = r.actuals;
    const fresh = await t.runn("POST", "/projects/", {
      body: { name: "Deletable", clientId: [...r.clients.keys()][0] },
    });
    const loner = await t.runn("POST", "/people/", {
      body: { firstName: "Del", lastName: "Etable", roleId: [...r.roles.keys()][0] },
    });
    const ids: Record<string, number> = {
      clientId: [...r.clients.keys()][0]!,
      projectId: [...r.projects.keys()][0]!,
      personId: [...r.people.keys()][0]!,
      roleId: [...r.roles.keys()][0]!,
      actualId: s.id[0]!,
    };
    const actual = {
      date: "2024-06-03",
      personId: ids.personId,
      projectId: ids.projectId,
      roleId: ids.roleId,
      billableMinutes: 30,
      nonbillableMinutes: 0,
    };
    const bodies: Record<string, unknown> = {
      createClient: { name: "Cov client" },
      createClientsBulk: { clients: [{ name: "Cov bulk" }] },
      updateClient: { website: "https://example.com" },
      createProject: { name: "Cov project", clientId: ids.clientId },
      updateProject: { isConfirmed: false },
      createPerson: { firstName: "Cov", lastName: "Person", roleId: ids.roleId },
      updatePerson: { lastName: "Changed" },
      createRole: { name: "Cov role" },
      updateRole: { standardRate: 150 },
      upsertActual: actual,
      upsertActualsBulk: { actuals: [actual] },
    };
    const special: Record<string, string> = {
      deleteProject: `/projects/${fresh.json.id}/`,
      deletePerson: `/people/${loner.json.id}`,
    };
    const ops = operations(runnSpec.doc);
    expect(ops).toHaveLength(28);
    for (const op of ops) {
      const path =
        special[op.operationId] ?? op.path.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]));
      // Runn serves each operation under one exact form; the other trailing-slash form is not found.
      const other = path.endsWith("/") ? path.slice(0, -1) : `${path}/`;
      const wrong = await t.runn(
        op.method,
        other,
        bodies[op.operationId] === undefined
          ? { unchecked: true }
          : { unchecked: true, body: bodies[op.operationId] },
      );
      expect(wrong.status, `${op.method} ${other}`).toBe(404);
      const a = await t.runn(op.method, path, Optional.fields({ body: bodies[op.operationId] }));
      expect(a.status, op.operationId).toBeLessThan(300);
    }
  });
});
