/**
 * Holds the simulated Runn API to `openapi/runn.yaml` for every operation the Runn client sends: each
 * status the file declares for such an operation, errors included, is produced here and its body
 * validates (the harness checks every answer against the file). The few statuses the sandbox cannot
 * produce are named below with the reason, so a status added to the file without the sandbox
 * answering it fails this test, and so does an answer with a status the file does not declare.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Optional } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";
import { runnSpec } from "./support/Spec.ts";

type Json = Record<string, unknown>;
type Operation = { readonly method: string; readonly path: string };

/** Every operation the Runn client sends, read from its source: `api.GET("/people/", …)` and the like. */
const clientOperations = (): Map<string, Operation> => {
  const dir = fileURLToPath(new URL("../../runn-client/src/internal/", import.meta.url));
  const paths = runnSpec.doc.paths as Record<string, Record<string, { operationId: string }>>;
  const ops = new Map<string, Operation>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(`${dir}${file}`, "utf8");
    for (const [, method, path] of text.matchAll(/api\.(GET|POST|PATCH|DELETE)\("([^"]+)"/g)) {
      const op = paths[path as string]?.[(method as string).toLowerCase()];
      if (op === undefined) throw new Error(`${method} ${path} (in ${file}) is not in runn.yaml`);
      ops.set(op.operationId, { method: method as string, path: path as string });
    }
  }
  return ops;
};

/** Declared statuses the sandbox cannot produce, with the reason. */
const notProduced: Record<string, Record<number, string>> = {
  getMe: { 404: "only a base URL of the other region answers it" },
  listPeople: { 404: "Runn's spec lists it without saying when" },
};

const unknownId = 999_999_999;

describe("the sandbox's Runn answers conform to openapi/runn.yaml", () => {
  it("produces every declared status of every operation the client sends, each body valid", async () => {
    const ops = clientOperations();
    expect(ops.size).toBe(25);
    const t = harness({
      runnData: "existing",
      limits: { runn: { requests: 1_000_000, windowMs: 60_000, blockMs: 60_000 } },
    });
    const r = t.sandbox.world.runn[0]!;
    const s = r.actuals;
    const clientId = [...r.clients.keys()][0]!;
    const roleId = [...r.roles.keys()][0]!;
    const busyProject = s.project[0]!;
    const busyPerson = s.person[0]!;
    const fresh = await t.runn("POST", "/projects/", { body: { name: "Deletable", clientId } });
    const loner = await t.runn("POST", "/people/", {
      body: { firstName: "Del", lastName: "Etable", roleId },
    });
    const ids: Record<string, number> = {
      clientId,
      projectId: busyProject,
      personId: busyPerson,
      roleId,
      actualId: s.id[0]!,
    };
    const actual = {
      date: "2024-06-03",
      personId: busyPerson,
      projectId: busyProject,
      roleId,
      billableMinutes: 30,
      nonbillableMinutes: 0,
    };
    const bodies: Record<string, Json> = {
      createClientsBulk: { clients: [{ name: "Conformance client" }] },
      updateClient: { name: "Renamed client" },
      createProject: { name: "Conformance project", clientId },
      updateProject: { isConfirmed: true },
      createPerson: { firstName: "Con", lastName: "Formance", roleId },
      updatePerson: { lastName: "Changed" },
      createRole: { name: "Conformance role" },
      updateRole: { standardRate: 120 },
      upsertActualsBulk: { actuals: [actual] },
    };
    /** Requests that draw one particular status from one operation. */
    const specific: Record<string, Array<[number, string, Json | undefined]>> = {
      createProject: [[422, "/projects/", { name: "Orphan", clientId: unknownId }]],
      updateProject: [[422, `/projects/${busyProject}`, { clientId: unknownId }]],
      createPerson: [[422, "/people/", { firstName: "No", lastName: "Role", roleId: unknownId }]],
      createRole: [[422, "/roles/", { name: r.roles.get(roleId)!.name }]],
      upsertActualsBulk: [[422, "/actuals/bulk/", { actuals: [{ ...actual, personId: unknownId }] }]],
      deleteProject: [[409, `/projects/${busyProject}/`, undefined]],
      deletePerson: [[400, `/people/${busyPerson}`, undefined]],
    };
    const successPath: Record<string, string> = {
      deleteProject: `/projects/${fresh.json.id}/`,
      deletePerson: `/people/${loner.json.id}`,
    };
    const produced = new Map<string, Set<number>>();
    const saw = (id: string, status: number) => produced.set(id, (produced.get(id) ?? new Set()).add(status));
    const auth = { authorization: `Bearer ${r.token}` };
    // Deletes last, so the records the other operations name still exist.
    const order = [...ops.keys()].sort(
      (a, b) => Number(a.startsWith("delete")) - Number(b.startsWith("delete")),
    );
    for (const id of order) {
      const { method, path } = ops.get(id)!;
      const at = (n: number | undefined) =>
        path.replace(/\{\w+\}/, (name) => String(n ?? ids[name.slice(1, -1)]));
      const body = Optional.fields({ body: bodies[id] });
      const expectStatus = async (want: number, p: string, o: Parameters<typeof t.runn>[2]) => {
        const a = await t.runn(method, p, o);
        expect(a.status, `${id} ${method} ${p}`).toBe(want);
        saw(id, want);
      };
      await expectStatus(400, at(undefined), { ...body, bare: true, headers: auth });
      await expectStatus(401, at(undefined), {
        ...body,
        bare: true,
        headers: { "accept-version": "1.0.0", authorization: "Bearer not-a-token" },
      });
      if (method !== "GET")
        await expectStatus(403, at(undefined), {
          ...body,
          headers: { authorization: `Bearer ${r.readOnlyToken}` },
        });
      if (path.includes("{")) {
        await expectStatus(404, at(unknownId), body);
        // A record id that is not an integer fails Runn's path-parameter check.
        await expectStatus(400, path.replace(/\{\w+\}/, "abc"), body);
      }
      for (const [status, p, b] of specific[id] ?? [])
        await expectStatus(status, p, Optional.fields({ body: b }));
      const ok = await t.runn(method, successPath[id] ?? at(undefined), body);
      expect(ok.status, `${id} success`).toBeLessThan(300);
      saw(id, ok.status);
    }
    // 429 from a sandbox that allows one request per second.
    const slow = harness({
      runnData: "existing",
      limits: { runn: { requests: 1, windowMs: 1_000, blockMs: 1_000 } },
    });
    for (const id of order) {
      const { method, path } = ops.get(id)!;
      const p = path.replace(/\{\w+\}/, () => String(unknownId));
      expect((await slow.runn("GET", "/me/")).status).toBe(200);
      const a = await slow.runn(method, p, Optional.fields({ body: bodies[id] }));
      expect([a.status, a.headers["retry-after"]], id).toEqual([429, "1"]);
      saw(id, 429);
      slow.clock.advance(1_001);
    }
    for (const [id, { method, path }] of ops) {
      const responses = (runnSpec.doc.paths as Record<string, Record<string, { responses: Json }>>)[path]![
        method.toLowerCase()
      ]!.responses;
      const declared = Object.keys(responses).map(Number).sort();
      const covered = [...(produced.get(id) ?? []), ...Object.keys(notProduced[id] ?? {}).map(Number)].sort();
      expect(covered, `${id}: statuses produced (or named as not producible) = statuses declared`).toEqual(
        declared,
      );
    }
  });

  it("refuses null for a project's budget, expenses budget and team, as Runn's patch schema does", async () => {
    const t = harness({ runnData: "existing" });
    const project = [...t.sandbox.world.runn[0]!.projects.values()][0]!;
    for (const field of ["budget", "expensesBudget", "teamId"]) {
      const a = await t.runn("PATCH", `/projects/${project.id}`, { body: { [field]: null } });
      expect([a.status, a.json.error], field).toEqual([400, "Bad Request"]);
      expect(
        runnSpec.request("PATCH", `/projects/${project.id}`, new URLSearchParams(), {}, { [field]: null }),
      ).not.toEqual([]);
    }
    const set = await t.runn("PATCH", `/projects/${project.id}`, { body: { budget: 1000, teamId: 7 } });
    expect([set.json.budget, set.json.teamId]).toEqual([1000, 7]);
  });
});
