/** The JSON API over real HTTP on loopback, against the sandbox. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Host, type Json, secretsOf, startHost } from "./support/Host.ts";

let host: Host;

beforeAll(async () => {
  host = await startHost();
  await host.connect("acme", { switches: { actuals: true } });
});

afterAll(async () => {
  await host?.close();
});

describe("auth", () => {
  it("answers 401 without the key or with a wrong one, everywhere but /health", async () => {
    expect((await host.api("GET", "/health", { key: null })).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/connections"],
      ["GET", "/connections/acme/status"],
      ["POST", "/connections/acme/sync"],
      ["GET", "/connections/acme/runs"],
      ["GET", "/no/such/route"],
    ] as const) {
      const none = await host.api(method, path, { key: null });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const wrong = await host.api(method, path, { key: "test-key-7f3c9a1e5b2d4c6X" });
      expect(wrong.status, `${method} ${path} with a wrong key`).toBe(401);
    }
    expect((await host.api("GET", "/connections")).status).toBe(200);
  });
});

describe("input decoding", () => {
  const connectBody = (patch: Record<string, unknown>) => ({
    id: "other",
    name: "Other",
    harvest: { accountId: 1, userAgent: "T (t@example.com)", token: "abc" },
    runn: { token: "def" },
    ...patch,
  });

  it.each([
    [
      "a wrong type",
      connectBody({ harvest: { accountId: "x", userAgent: "T", token: "a" } }),
      "body.harvest.accountId",
    ],
    ["a missing field", { ...connectBody({}), name: undefined }, "body.name"],
    ["a missing token", connectBody({ runn: {} }), "body.runn.token"],
    ["an unknown field", connectBody({ extra: 1 }), "body.extra"],
    ["a bad base URL", connectBody({ runn: { baseUrl: "ftp://x", token: "d" } }), "body.runn.baseUrl"],
    ["bad settings", connectBody({ settings: { windowDays: 0 } }), "body.settings.windowDays"],
  ])("POST /connections with %s answers 400 naming %s", async (_label, body, field) => {
    const res = await host.api("POST", "/connections", { body });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe(field);
    expect(res.json.error.message).toContain(field);
  });

  it("never echoes a token that failed to decode", async () => {
    const res = await host.api("POST", "/connections", {
      body: connectBody({ harvest: { accountId: 1, userAgent: "T", token: 918273645 } }),
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe("body.harvest.token");
    expect(JSON.stringify(res.json)).not.toContain("918273645");
  });

  it("answers 400 naming the field for bad sync bodies, queries, settings and JSON", async () => {
    const types = await host.api("POST", "/connections/acme/sync", { body: { types: ["people", "bogus"] } });
    expect([types.status, types.json.error.field]).toEqual([400, "body.types.1"]);
    const date = await host.api("POST", "/connections/acme/sync", { body: { backfillFrom: "2026-13-01" } });
    expect([date.status, date.json.error.field]).toEqual([400, "body.backfillFrom"]);
    const limit = await host.api("GET", "/connections/acme/runs?limit=abc");
    expect([limit.status, limit.json.error.field]).toEqual([400, "query.limit"]);
    const project = await host.api("POST", "/connections/acme/projects/x1/sync-actuals");
    expect([project.status, project.json.error.field]).toEqual([400, "params.harvestProjectId"]);
    const settings = await host.api("PATCH", "/connections/acme/settings", {
      body: { schedule: { timeOfDay: "25:00" } },
    });
    expect([settings.status, settings.json.error.field]).toEqual([400, "body.schedule.timeOfDay"]);
    const link = await host.api("POST", "/connections/acme/links", {
      body: { kind: "task", runnId: 1, harvestId: 2 },
    });
    expect([link.status, link.json.error.field]).toEqual([400, "body.kind"]);
    const json = await host.api("POST", "/connections/acme/sync", { raw: "{not json" });
    expect([json.status, json.json.error.field]).toEqual([400, "body"]);
  });

  it("maps unknown connections and runs to 404", async () => {
    expect((await host.api("GET", "/connections/nobody/status")).json.error.reason).toBe(
      "ConnectionNotFound",
    );
    expect((await host.api("POST", "/connections/nobody/sync")).status).toBe(404);
    expect((await host.api("GET", "/connections/acme/runs/no-such-run")).status).toBe(404);
  });
});

describe("sync → run → items", () => {
  it("starts an import with 202 {runId}, records it in the history, and lists its items by outcome", async () => {
    const started = await host.api("POST", "/connections/acme/sync", { body: { types: ["people"] } });
    expect(started.status).toBe(202);
    expect(typeof started.json.runId).toBe("string");
    const detail = await host.waitForRun("acme", started.json.runId);
    expect(detail.summary.status).toBe("succeeded");
    expect(detail.summary.scope).toEqual({ kind: "entities", types: ["people"] });
    expect(detail.summary.trigger).toBe("api");
    // The sandbox's existing Runn data holds look-alike people back as possible duplicates (SPEC E8).
    expect(detail.summary.counts.held).toBeGreaterThan(0);
    expect(detail.items.filter((i: Json) => i.outcome === "held")).toHaveLength(detail.summary.counts.held);
    expect(detail.items.filter((i: Json) => i.outcome === "created")).toHaveLength(
      detail.summary.counts.created,
    );

    const held = await host.api("GET", `/connections/acme/runs/${started.json.runId}?outcome=held`);
    expect(held.json.items.length).toBe(detail.summary.counts.held);
    expect(held.json.items.every((i: Json) => i.outcome === "held" && i.reason !== null)).toBe(true);

    const runs = await host.api("GET", "/connections/acme/runs?limit=5");
    expect(runs.json.runs[0].id).toBe(started.json.runId);
    const status = await host.api("GET", "/connections/acme/status");
    expect(status.json.lastSuccess.people).not.toBeNull();
    expect(status.json.lastSuccess.clients).toBeNull();
    expect(status.json.running).toBe(false);

    // A run id of this connection is not reachable under another connection (of the other pair).
    await host.connect("beta", undefined, 1);
    // A pair is connected once: a second connection for acme's accounts is a 409 naming acme.
    await expect(host.connect("acme-again")).rejects.toThrow(/409 .*"AlreadyConnected".*connection acme /);
    expect((await host.api("GET", `/connections/beta/runs/${started.json.runId}`)).status).toBe(404);
  });

  it("answers 409 while another run holds the lease", async () => {
    await fetch(`${host.sb.info.control}/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ latency: { probability: 1, ms: 40 } }),
    });
    try {
      const first = await host.api("POST", "/connections/acme/sync");
      expect(first.status).toBe(202);
      const second = await host.api("POST", "/connections/acme/sync", { body: { types: ["clients"] } });
      expect(second.status).toBe(409);
      expect(second.json.error.reason).toBe("Busy");
      expect(second.headers.get("retry-after")).toBe("5");
      const actuals = await host.api("POST", "/connections/acme/projects/1/sync-actuals");
      expect(actuals.status).toBe(409);
      await host.waitForRun("acme", first.json.runId);
    } finally {
      await fetch(`${host.sb.info.control}/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    }
    const after = await host.api("POST", "/connections/acme/sync", { body: { types: ["clients"] } });
    expect(after.status).toBe(202);
    await host.waitForRun("acme", after.json.runId);
  });

  it("makes a dry run asynchronously and returns its plan by id", async () => {
    const started = await host.api("POST", "/connections/acme/plans", { body: { types: ["projects"] } });
    expect(started.status).toBe(202);
    let plan: Json = null;
    for (let i = 0; i < 300 && (plan === null || plan.status === "running"); i++) {
      plan = (await host.api("GET", `/connections/acme/plans/${started.json.planId}`)).json;
      if (plan.status === "running") await new Promise((r) => setTimeout(r, 100));
    }
    expect(plan.status).toBe("done");
    expect(plan.result.writes).toBe(plan.result.items.filter((i: Json) => i.outcome === "planned").length);
    expect((await host.api("GET", `/connections/beta/plans/${started.json.planId}`)).status).toBe(404);
  });

  it("reads and changes settings without showing a webhook's secret path", async () => {
    const patched = await host.api("PATCH", "/connections/beta/settings", {
      body: { webhookUrl: "https://hooks.example.com/T000/secret-path", schedule: { timeOfDay: "06:30" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.webhookOrigin).toBe("https://hooks.example.com");
    const zone = await host.api("PATCH", "/connections/beta/settings", {
      body: { schedule: { timeZone: "Europe/Paris" } },
    });
    expect(zone.json.schedule).toEqual({ enabled: true, timeOfDay: "06:30", timeZone: "Europe/Paris" });
    const read = await host.api("GET", "/connections/beta/settings");
    expect(read.json.schedule.timeOfDay).toBe("06:30");
    expect(read.json.schedule.timeZone).toBe("Europe/Paris");
    expect(read.json.webhookOrigin).toBe("https://hooks.example.com");
    expect(read.json.windowDays).toBe(45);
    expect(JSON.stringify(read.json)).not.toContain("secret-path");
  });
});

describe("secrets", () => {
  it("never returns a token in any response body, and deleting a connection works", async () => {
    for (const path of [
      "/connections",
      "/connections/acme",
      "/connections/acme/settings",
      "/connections/acme/doctor",
    ])
      expect((await host.api("GET", path)).status).toBe(200);
    expect((await host.api("DELETE", "/connections/beta")).status).toBe(204);
    expect((await host.api("GET", "/connections/beta")).status).toBe(404);
    expect(host.bodies.length).toBeGreaterThan(40);
    for (const secret of secretsOf(host))
      for (const r of host.bodies) expect(r.text, `${r.method} ${r.path}`).not.toContain(secret);
  });
});
