import { Optional } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { sandboxInfo } from "../src/control/Control.ts";
import { harness } from "./support/Harness.ts";

describe("Runn read-only token", () => {
  it("reads like the account's token and gets 403 Forbidden on every write, changing nothing", async () => {
    const t = harness({ runnData: "existing" });
    const account = t.sandbox.world.runn[0]!;
    const info = sandboxInfo(t.sandbox, "http://sandbox.test");
    expect(info.runn.tokens.readOnly).toBe(account.readOnlyToken);
    expect(info.runn.tokens.readOnly).not.toBe(info.runn.token);
    const headers = { authorization: `Bearer ${account.readOnlyToken}` };
    expect((await t.runn("GET", "/me/", { headers })).json.name).toBe("Sandbox Runn 1");
    const roles = await t.runn("GET", "/roles/", { headers });
    expect(roles.status).toBe(200);
    const role = roles.json.values[0] as { id: number; name: string };
    const client = [...account.clients.values()][0]!;
    const version = account.version;
    const writes: Array<[string, string, unknown]> = [
      ["PATCH", `/roles/${role.id}`, { name: role.name }],
      ["PATCH", `/clients/${client.id}`, { name: "Renamed" }],
      ["POST", "/roles/", { name: "New role" }],
      ["POST", "/clients/bulk/", { clients: [{ name: "New client" }] }],
      ["DELETE", `/projects/${[...account.projects.keys()][0]}/`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const a = await t.runn(method, path, { headers, ...Optional.fields({ body }) });
      expect([a.status, a.json.error, a.json.statusCode], `${method} ${path}`).toEqual([
        403,
        "Forbidden",
        403,
      ]);
      expect(a.json.message).toContain("read-only");
    }
    expect(account.version).toBe(version);
    expect(client.name).not.toBe("Renamed");
    // The account's own token still writes.
    expect((await t.runn("PATCH", `/roles/${role.id}`, { body: { name: role.name } })).status).toBe(200);
  });

  it("sends a Date header from the sandbox clock, which follows the control API's advances", async () => {
    const t = harness({ anchorDate: "2024-06-03" });
    const before = await t.runn("GET", "/me/");
    const harvest = await t.harvest("GET", "/users/me");
    const at = Date.parse(before.headers.date ?? "");
    expect(at).toBe(t.sandbox.nowSeconds() * 1000);
    expect(new Date(at).toISOString().slice(0, 10)).toBe("2024-06-03");
    expect(Date.parse(harvest.headers.date ?? "")).toBe(at);
    t.sandbox.advance(86_400_000);
    const after = await t.runn("GET", "/me/");
    expect(Date.parse(after.headers.date ?? "") - at).toBe(86_400_000);
  });
});
