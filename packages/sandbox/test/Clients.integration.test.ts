/**
 * The two clients against the sandbox over real HTTP on 127.0.0.1: they read every list completely,
 * and every request they send and every response they get validates against our OpenAPI files.
 */

import type { Ids } from "@harvest-runn/domain";
import { HarvestClient } from "@harvest-runn/harvest-client";
import { Pacer } from "@harvest-runn/http";
import { RunnClient } from "@harvest-runn/runn-client";
import { Chunk, Effect, Redacted, Stream } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/Server.ts";
import { harvestSpec, runnSpec, type Spec } from "./support/Spec.ts";

let sb: RunningSandbox;
const problems: string[] = [];

/** A fetch that checks each exchange against the spec, then hands the response back untouched. */
const checkedFetch =
  (spec: Spec, base: string) =>
  async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.slice(new URL(base).pathname.length) || "/";
    const text = request.method === "GET" || request.method === "DELETE" ? "" : await request.clone().text();
    const headers = Object.fromEntries([...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
    problems.push(
      ...spec.request(request.method, path, url.searchParams, headers, text ? JSON.parse(text) : undefined),
    );
    const response = await globalThis.fetch(request);
    const body = await response.clone().text();
    problems.push(
      ...spec.response(request.method, path, response.status, body ? JSON.parse(body) : undefined),
    );
    return response;
  };

const count = <A, E>(s: Stream.Stream<A, E>) => Stream.runCollect(s).pipe(Effect.map(Chunk.size));

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    seed: 42,
    preset: "small",
    anchorDate: "2024-06-03",
    runnData: "existing",
  });
});
afterAll(() => sb.close());

describe("clients against the sandbox over HTTP", () => {
  it("the Harvest client reads every list completely", async () => {
    const h = sb.sandbox.world.harvest[0]!;
    const program = Effect.gen(function* () {
      const client = yield* HarvestClient.make({
        token: Redacted.make(sb.info.harvest.token),
        accountId: Number(sb.info.harvest.accountId),
        userAgent: "SandboxTests (tests@example.com)",
        baseUrl: sb.info.harvest.baseUrl,
        idBaseUrl: sb.info.harvest.idBaseUrl,
        fetch: checkedFetch(harvestSpec, sb.info.harvest.baseUrl),
      });
      const me = yield* client.me();
      const company = yield* client.company();
      return {
        me: me.access_roles,
        company: company.name,
        users: yield* count(client.users()),
        roles: yield* count(client.roles()),
        clients: yield* count(client.clients()),
        projects: yield* count(client.projects()),
        tasks: yield* count(client.tasks()),
        userAssignments: yield* count(client.userAssignments()),
        taskAssignments: yield* count(client.taskAssignments()),
        entries: yield* count(client.timeEntries()),
        running: yield* count(client.timeEntries({ isRunning: true })),
      };
    });
    const got = await Effect.runPromise(Effect.scoped(program).pipe(Effect.provide(Pacer.layer)));
    expect(got).toEqual({
      me: ["administrator"],
      company: h.name,
      users: h.users.length,
      roles: h.roles.length,
      clients: h.clients.length,
      projects: h.projects.length,
      tasks: h.tasks.length,
      userAssignments: h.userAssignments.length,
      taskAssignments: h.taskAssignments.length,
      entries: h.entries.size,
      running: 5,
    });
    expect(problems).toEqual([]);
  });

  it("the Runn client reads every list completely and its writes land", async () => {
    const r = sb.sandbox.world.runn[0]!;
    const program = Effect.gen(function* () {
      const client = yield* RunnClient.make({
        token: Redacted.make(sb.info.runn.token),
        baseUrl: sb.info.runn.baseUrl,
        fetch: checkedFetch(runnSpec, sb.info.runn.baseUrl),
      });
      const read = {
        clients: yield* count(client.clients()),
        projects: yield* count(client.projects()),
        people: yield* count(client.people()),
        roles: yield* count(client.roles()),
        contracts: yield* count(client.currentContracts()),
        members: yield* count(client.projectMembers()),
        assignments: yield* count(client.assignments()),
        actuals: yield* count(client.actuals()),
      };
      const ref = { referenceName: "Harvest", externalId: "4242" };
      const [created] = yield* client.createClients([{ name: "Via client", references: [ref] }]);
      const role = yield* client.createRole({ name: "Client Test Role", references: [] });
      const project = yield* client.createProject({
        name: "Via client project",
        clientId: created!.id as Ids.RunnClientId,
        pricingModel: "tm",
        references: [ref],
      });
      const person = yield* client.createPerson({
        firstName: "Via",
        lastName: "Client",
        email: "via@example.com",
        roleId: role.id as Ids.RunnRoleId,
        references: [ref],
      });
      const written = yield* client.upsertActuals([
        {
          date: "2024-06-03" as Ids.IsoDate,
          personId: person.id as Ids.RunnPersonId,
          projectId: project.id as Ids.RunnProjectId,
          roleId: role.id as Ids.RunnRoleId,
          billableMinutes: 90,
          nonbillableMinutes: 0,
        },
      ]);
      const found = yield* client.findByReference("project", "Harvest", "4242");
      return { read, written: written.length, found: found.length };
    });
    const got = await Effect.runPromise(Effect.scoped(program).pipe(Effect.provide(Pacer.layer)));
    expect(got.read).toEqual({
      clients: r.clients.size - 1,
      projects: r.projects.size - 1,
      people: r.people.size - 1,
      roles: r.roles.size - 1,
      contracts: r.people.size - 1,
      members: r.members.size,
      assignments: r.assignments.size,
      actuals: r.actuals.size - 1,
    });
    expect(got.written).toBe(1);
    expect(got.found).toBe(1);
    expect(problems).toEqual([]);
  });
});
