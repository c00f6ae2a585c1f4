import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

describe("Harvest simulator: requests, auth and access roles", () => {
  it("answers 400 without a User-Agent and 401 without or with a wrong account id or token", async () => {
    const t = harness();
    const h = t.sandbox.world.harvest[0]!;
    const auth = {
      authorization: `Bearer ${h.tokenByRole.administrator}`,
      "harvest-account-id": String(h.accountId),
    };
    expect((await t.harvest("GET", "/users/me", { bare: true, headers: auth })).status).toBe(400);
    expect(
      (await t.harvest("GET", "/users/me", { bare: true, headers: { ...auth, "user-agent": "node" } }))
        .status,
    ).toBe(400);
    const noAccount = await t.harvest("GET", "/users/me", {
      bare: true,
      headers: { "user-agent": "x (a@b.c)", authorization: auth.authorization },
    });
    expect(noAccount.status).toBe(401);
    expect(noAccount.json.error).toBe("invalid_token");
    expect((await t.harvest("GET", "/users/me", { headers: { "harvest-account-id": "999" } })).status).toBe(
      401,
    );
    expect((await t.harvest("GET", "/users/me", { headers: { authorization: "Bearer nope" } })).status).toBe(
      401,
    );
    expect((await t.harvest("GET", "/users/me")).json.access_roles).toEqual(["administrator"]);
  });

  it("serves the accounts endpoint with a Harvest and a Forecast account, without the account header", async () => {
    const t = harness();
    const h = t.sandbox.world.harvest[0]!;
    const r = await t.raw(
      "GET",
      "http://sandbox.test/harvest-id/api/v2/accounts",
      { "user-agent": "x (a@b.c)", authorization: `Bearer ${h.tokenByRole.member}` },
      null,
    );
    expect(r.status).toBe(200);
    expect(r.json.accounts.map((a: { product: string }) => a.product)).toEqual(["harvest", "forecast"]);
    expect(r.json.accounts[0].id).toBe(h.accountId);
    const bad = await t.raw(
      "GET",
      "http://sandbox.test/harvest-id/api/v2/accounts",
      { "user-agent": "x (a@b.c)", authorization: "Bearer nope" },
      null,
    );
    expect(bad.status).toBe(401);
  });

  it("rejects per_page above 2000 with 422 and walks cursor pages through links.next", async () => {
    const t = harness({ preset: "small" });
    expect((await t.harvest("GET", "/users?per_page=2001")).status).toBe(422);
    const seen = new Set<number>();
    let next: string | null = "/users?per_page=50&is_active=true";
    let pages = 0;
    while (next !== null && pages < 20) {
      const r = await t.harvest("GET", next);
      expect(r.status).toBe(200);
      for (const u of r.json.users) seen.add(u.id);
      if (pages > 0) expect(r.json.page).toBeNull();
      next =
        r.json.links.next === null ? null : r.json.links.next.replace("http://sandbox.test/harvest/v2", "");
      if (next) expect(next).toContain("is_active=true");
      pages++;
    }
    const active = t.sandbox.world.harvest[0]!.users.filter((u) => u.isActive).length;
    expect(seen.size).toBe(active);
    expect(pages).toBe(Math.ceil(active / 50) + (active % 50 === 0 ? 1 : 0));
  });

  it("lists newest first and pages /time_entries by number with filters", async () => {
    const t = harness({ preset: "small" });
    const first = await t.harvest("GET", "/time_entries?per_page=100");
    expect(first.json.page).toBe(1);
    expect(first.json.total_entries).toBe(20_000);
    expect(first.json.total_pages).toBe(200);
    expect(first.json.links.next).toContain("page=2");
    const dates = first.json.time_entries.map((e: { spent_date: string }) => e.spent_date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const last = await t.harvest("GET", "/time_entries?per_page=100&page=200");
    expect(last.json.next_page).toBeNull();
    expect(last.json.links.next).toBeNull();
    const window = await t.harvest("GET", "/time_entries?from=2024-05-01&to=2024-05-31");
    expect(
      window.json.time_entries.every(
        (e: { spent_date: string }) => e.spent_date >= "2024-05-01" && e.spent_date <= "2024-05-31",
      ),
    ).toBe(true);
    const running = await t.harvest("GET", "/time_entries?is_running=true");
    expect(running.json.total_entries).toBeGreaterThan(0);
    expect(
      running.json.time_entries.every(
        (e: { is_running: boolean; timer_started_at: string | null }) => e.is_running && e.timer_started_at,
      ),
    ).toBe(true);
    const user = running.json.time_entries[0].user.id;
    const mine = await t.harvest("GET", `/time_entries?user_id=${user}`);
    expect(mine.json.time_entries.every((e: { user: { id: number } }) => e.user.id === user)).toBe(true);
    const approved = await t.harvest("GET", "/time_entries?approval_status=approved&per_page=10");
    expect(
      approved.json.time_entries.every((e: { approval_status: string }) => e.approval_status === "approved"),
    ).toBe(true);
    expect((await t.harvest("GET", "/time_entries?approval_status=maybe")).status).toBe(422);
    expect((await t.harvest("GET", "/time_entries?updated_since=2024-01-01 00:00:00")).status).toBe(400);
    const since = await t.harvest("GET", "/time_entries?updated_since=2024-06-01T00:00:00Z");
    expect(
      since.json.time_entries.every((e: { updated_at: string }) => e.updated_at > "2024-06-01T00:00:00Z"),
    ).toBe(true);
  });

  it("scopes what each access role sees", async () => {
    const t = harness({ preset: "small" });
    const h = t.sandbox.world.harvest[0]!;
    const adminUsers = await t.harvest("GET", "/users");
    expect(adminUsers.json.total_entries).toBe(h.users.length);
    const managerUsers = await t.harvest("GET", "/users", { as: "manager" });
    expect(managerUsers.status).toBe(200);
    expect(managerUsers.json.total_entries).toBeGreaterThan(0);
    expect(managerUsers.json.total_entries).toBeLessThan(h.users.length);
    const managerProjects = await t.harvest("GET", "/projects", { as: "manager" });
    expect(managerProjects.json.total_entries).toBeLessThan(h.projects.length);
    expect((await t.harvest("GET", "/users", { as: "member" })).status).toBe(403);
    for (const role of ["manager", "member"] as const) {
      expect((await t.harvest("GET", "/roles", { as: role })).status).toBe(403);
      expect((await t.harvest("GET", "/company", { as: role })).status).toBe(403);
    }
    expect((await t.harvest("GET", "/roles")).status).toBe(200);
    expect((await t.harvest("GET", "/company")).status).toBe(200);
    const me = (await t.harvest("GET", "/users/me", { as: "member" })).json;
    const memberEntries = await t.harvest("GET", "/time_entries", { as: "member" });
    expect(memberEntries.status).toBe(200);
    expect(memberEntries.json.time_entries.every((e: { user: { id: number } }) => e.user.id === me.id)).toBe(
      true,
    );
    const all = await t.harvest("GET", "/time_entries?per_page=1");
    expect(memberEntries.json.total_entries).toBeLessThan(all.json.total_entries);
  });

  it("serves every list endpoint of openapi/harvest.yaml (validated against it)", async () => {
    const t = harness();
    for (const path of [
      "/users",
      "/roles",
      "/clients",
      "/projects",
      "/tasks",
      "/time_entries",
      "/user_assignments",
      "/task_assignments",
      "/company",
      "/users/me",
    ]) {
      expect((await t.harvest("GET", path)).status, path).toBe(200);
    }
    const user = t.sandbox.world.harvest[0]!.users[3]!;
    expect((await t.harvest("GET", `/users/${user.id}`)).json.email).toBe(user.email);
    expect((await t.harvest("GET", "/users/1")).status).toBe(404);
  });

  it("writes: creates, updates, archives and deletes, visible to the next read", async () => {
    const t = harness();
    const h = t.sandbox.world.harvest[0]!;
    const client = await t.harvest("POST", "/clients", { body: { name: "New Client Ltd" } });
    expect(client.status).toBe(201);
    const project = await t.harvest("POST", "/projects", {
      body: {
        client_id: client.json.id,
        name: "Fresh Project",
        is_billable: true,
        bill_by: "Project",
        budget_by: "none",
      },
    });
    expect(project.status).toBe(201);
    expect(project.json.client.id).toBe(client.json.id);
    const user = await t.harvest("POST", "/users", {
      body: { first_name: "Neo", last_name: "Anderson", email: "neo@example.com", roles: ["Pilot"] },
    });
    expect(user.status).toBe(201);
    expect(
      (await t.harvest("GET", "/roles")).json.roles.some(
        (r: { name: string; user_ids: number[] }) => r.name === "Pilot" && r.user_ids.includes(user.json.id),
      ),
    ).toBe(true);
    const task = h.tasks[0]!.id;
    const entry = await t.harvest("POST", "/time_entries", {
      body: {
        user_id: user.json.id,
        project_id: project.json.id,
        task_id: task,
        spent_date: "2024-06-02",
        hours: 1.5,
      },
    });
    expect(entry.status).toBe(201);
    expect(entry.json.hours).toBe(1.5);
    const timer = await t.harvest("POST", "/time_entries", {
      body: { project_id: project.json.id, task_id: task, spent_date: "2024-06-03" },
    });
    expect(timer.json.is_running).toBe(true);
    const patched = await t.harvest("PATCH", `/time_entries/${entry.json.id}`, {
      body: { hours: 2, spent_date: "2024-06-01" },
    });
    expect([patched.json.hours, patched.json.spent_date]).toEqual([2, "2024-06-01"]);
    expect(patched.json.updated_at > entry.json.updated_at).toBe(true);
    const listed = await t.harvest("GET", `/time_entries?project_id=${project.json.id}`);
    expect(listed.json.total_entries).toBe(2);
    expect((await t.harvest("DELETE", `/time_entries/${entry.json.id}`)).status).toBe(200);
    expect((await t.harvest("GET", `/time_entries?project_id=${project.json.id}`)).json.total_entries).toBe(
      1,
    );
    const archived = await t.harvest("PATCH", `/projects/${project.json.id}`, { body: { is_active: false } });
    expect(archived.json.is_active).toBe(false);
    expect(
      (await t.harvest("PATCH", `/users/${user.json.id}`, { body: { is_active: false } })).json.is_active,
    ).toBe(false);
    expect(
      (await t.harvest("PATCH", `/clients/${client.json.id}`, { body: { is_active: false } })).json.is_active,
    ).toBe(false);
    expect((await t.harvest("POST", "/clients", { body: { name: "Nope" }, as: "member" })).status).toBe(403);
    expect((await t.harvest("POST", "/projects", { body: { name: "x" } })).status).toBe(422);
  });

  it("keeps running timers frozen at the anchor until the clock moves", async () => {
    const t = harness();
    const before = (await t.harvest("GET", "/time_entries?is_running=true")).json.time_entries[0];
    t.clock.advance(3_600_000);
    const same = (await t.harvest("GET", "/time_entries?is_running=true")).json.time_entries[0];
    expect(same.hours).toBe(before.hours);
    await t.control("POST", "/clock", { advanceMs: 3_600_000 });
    const later = (await t.harvest("GET", "/time_entries?is_running=true")).json.time_entries[0];
    expect(later.hours).toBeCloseTo(before.hours + 1, 5);
    expect(later.updated_at).toBe(before.updated_at);
  });
});
