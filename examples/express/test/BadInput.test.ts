/** Bad input over real HTTP: always a 400 naming the field, or an ignored cookie, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Host, startHost } from "./support/Host.ts";

let host: Host;

beforeAll(async () => {
  host = await startHost();
  await host.connect("acme");
});

afterAll(async () => {
  await host?.close();
});

/** JSON text of a value nested `depth` arrays deep (under 1 MB). */
const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("deeply nested JSON", () => {
  it.each([
    ["POST", "/connections", (n: string) => `{"id":"x","harvest":${n}}`, "body.harvest"],
    ["POST", "/connections/acme/sync", (n: string) => `{"types":${n}}`, "body.types"],
    ["POST", "/connections/acme/links", (n: string) => `{"kind":${n},"runnId":1,"harvestId":2}`, "body.kind"],
    ["PATCH", "/connections/acme/settings", (n: string) => `{"switches":${n}}`, "body.switches"],
    ["PATCH", "/connections/acme/settings", (n: string) => `{"roleMapping":${n}}`, "body.roleMapping"],
  ])("%s %s answers 400 naming the field", async (method, path, body, field) => {
    const raw = body(nested(5000));
    expect(raw.length).toBeLessThan(1_000_000);
    const res = await host.api(method, path, { raw });
    expect([res.status, res.json.error.field]).toEqual([400, field]);
    expect(res.json.error.message).toContain("nested");
  });
});

describe("malformed percent-encoding", () => {
  const bad = "hr_session=%E0%A4%A";
  it.each([
    ["GET", "/"],
    ["POST", "/login"],
    ["POST", "/ui/connections/acme/import"],
    ["POST", "/logout"],
  ])("a malformed session cookie is ignored on %s %s", async (method, path) => {
    const res = await fetch(`${host.base}${path}`, {
      method,
      redirect: "manual",
      headers: { cookie: bad, "content-type": "application/x-www-form-urlencoded" },
      ...(method === "POST" ? { body: "" } : {}),
    });
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain("internal error");
  });

  it("a malformed path answers 400 naming the path, not the body", async () => {
    const res = await host.api("GET", "/connections/%E0%A4%A");
    expect([res.status, res.json.error.field]).toEqual([400, "path"]);
  });
});

describe("inputs that used to be accepted", () => {
  it("refuses impossible dates as a backfill or plan start", async () => {
    for (const path of ["/connections/acme/sync", "/connections/acme/plans"]) {
      const res = await host.api("POST", path, { body: { backfillFrom: "2024-02-31" } });
      expect([res.status, res.json.error.field], path).toEqual([400, "body.backfillFrom"]);
    }
  });

  it.each([
    ["not a url", "not an absolute URL"],
    ["file:///etc/passwd", "file: scheme is not allowed"],
    ["http://hooks.example.com/x", "plain http is allowed only to a loopback host"],
  ])("refuses the webhook URL %s", async (webhookUrl, message) => {
    const res = await host.api("PATCH", "/connections/acme/settings", { body: { webhookUrl } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain(message);
    expect(res.json.error.message).toContain("webhookUrl");
  });

  it("refuses a connection name longer than the limit, naming the limit", async () => {
    const res = await host.api("POST", "/connections", {
      body: {
        id: "long",
        name: "n".repeat(100_000),
        harvest: { accountId: 1, userAgent: "T (t@example.com)", token: "abc" },
        runn: { token: "def" },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("name: 1 to 200 characters");
    expect((await host.api("GET", "/connections/long")).status).toBe(404);
  });
});
