import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxHandlers } from "../src/Msw.ts";
import { makeSandbox } from "../src/Sandbox.ts";
import { readJson } from "./support/Harness.ts";
import { harvestSpec, runnSpec } from "./support/Spec.ts";

const sandbox = makeSandbox({ seed: 1, preset: "tiny", anchorDate: "2024-06-03", runnData: "existing" });
const server = setupServer(...sandboxHandlers(sandbox));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("msw face", () => {
  it("serves Harvest, Harvest ID, Runn and control through msw", async () => {
    const h = sandbox.world.harvest[0]!;
    const harvestHeaders = {
      "user-agent": "T (t@example.com)",
      authorization: `Bearer ${h.tokenByRole.administrator}`,
      "harvest-account-id": String(h.accountId),
    };
    const users = await fetch("https://sandbox.test/harvest/v2/users?per_page=5", {
      headers: harvestHeaders,
    });
    const usersBody = await readJson(users);
    expect(harvestSpec.response("GET", "/users", users.status, usersBody)).toEqual([]);
    expect(usersBody.users).toHaveLength(5);
    expect(usersBody.links.next).toMatch(/^https:\/\/sandbox\.test\/harvest\/v2\/users\?cursor=/);
    const accounts = await fetch("https://sandbox.test/harvest-id/api/v2/accounts", {
      headers: { "user-agent": "T (t@example.com)", authorization: harvestHeaders.authorization },
    });
    expect((await readJson(accounts)).accounts).toHaveLength(2);
    const people = await fetch("https://sandbox.test/runn/people/", {
      headers: { "accept-version": "1.0.0", authorization: `Bearer ${sandbox.world.runn[0]!.token}` },
    });
    expect(runnSpec.response("GET", "/people/", people.status, await readJson(people))).toEqual([]);
    const truth = await readJson(await fetch("https://sandbox.test/_sandbox/truth"));
    expect(truth.firstImport.create.people).toBe(sandbox.world.truth[0]!.create.people);
    await fetch("https://sandbox.test/_sandbox/faults", {
      method: "PUT",
      body: JSON.stringify({ reset: 1 }),
    });
    await expect(
      fetch("https://sandbox.test/harvest/v2/users", { headers: harvestHeaders }),
    ).rejects.toThrow();
    sandbox.faults.set({});
  });
});
