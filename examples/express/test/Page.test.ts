/**
 * The pages over real HTTP: sign-in, cookies, CSRF tokens on every form, escaping, buttons that lead
 * to the run they started, the status endpoint, the limit on wrong keys, and sessions and saved plans
 * that survive a restart of the host (SQLite file store).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, type Host, secretsOf, startHost } from "./support/Host.ts";

let host: Host;

beforeAll(async () => {
  host = await startHost({ failedKeys: { limit: 4 } });
  await host.connect("acme");
});

afterAll(async () => {
  await host?.close();
});

const cookie = (res: Response, name: string) => {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line === undefined ? null : { line, value: line.slice(name.length + 1).split(";")[0] ?? "" };
};

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

const post = (path: string, form: Record<string, string>, cookies: string) =>
  fetch(`${host.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams(form).toString(),
  });

const get = (path: string, cookies: string) =>
  fetch(`${host.base}${path}`, { redirect: "manual", headers: { cookie: cookies } });

/** Signs in and returns the session cookie and the connection page's CSRF token. */
const login = async () => {
  const first = await fetch(`${host.base}/`);
  const loginCookie = cookie(first, "hr_login");
  const csrf = csrfIn(await first.text());
  const res = await post("/login", { _csrf: csrf ?? "", key: apiKey }, `hr_login=${loginCookie?.value}`);
  const session = `hr_session=${cookie(res, "hr_session")?.value}`;
  const page = await get("/ui/connections/acme", session);
  const html = await page.text();
  return { session, csrf: csrfIn(html) ?? "", html, status: page.status };
};

describe("sign-in", () => {
  it("shows the form with 401 and a cookie-bound CSRF token, and refuses a post without it", async () => {
    const res = await fetch(`${host.base}/ui/connections/acme`);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('action="/login"');
    const c = cookie(res, "hr_login");
    expect(c?.line).toMatch(/HttpOnly/);
    expect(c?.line).toMatch(/SameSite=Strict/);
    const token = csrfIn(html);
    expect(token).toBe(c?.value);
    expect((await post("/login", { key: apiKey }, `hr_login=${c?.value}`)).status).toBe(403);
    expect((await post("/login", { key: apiKey, _csrf: token ?? "" }, "hr_login=forged")).status).toBe(403);
  });

  it("opens an HttpOnly, SameSite=Strict session under a strict CSP with no inline script", async () => {
    const { status, html, session } = await login();
    expect(status).toBe(200);
    expect(session).toMatch(/^hr_session=[\w-]{20,}$/);
    const res = await get("/ui/connections/acme", session);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(html).not.toMatch(/<script>|style="|on(click|load)=/);
  });

  it("answers 429 with Retry-After once a client sent too many wrong keys, at sign-in and on the API", async () => {
    const limited = await startHost({ failedKeys: { limit: 3 } });
    try {
      const first = await fetch(`${limited.base}/`);
      const c = `hr_login=${cookie(first, "hr_login")?.value}`;
      const csrf = csrfIn(await first.text()) ?? "";
      const attempt = () =>
        fetch(`${limited.base}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: c },
          body: new URLSearchParams({ _csrf: csrf, key: "wrong-key-0123456789" }).toString(),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const blocked = await attempt();
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

      const api = [];
      for (let i = 0; i < 4; i++)
        api.push((await limited.api("GET", "/connections", { key: "wrong-key-x" })).status);
      expect(api).toEqual([401, 401, 401, 429]);
      // Requests without any key are not guesses and are not counted.
      expect((await limited.api("GET", "/connections", { key: null })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("connection page", () => {
  it("puts the session's CSRF token on every form, and names every button by what it does", async () => {
    const { html, csrf } = await login();
    const forms = html.match(/<form /g) ?? [];
    const tokens = html.match(new RegExp(`name="_csrf" value="${csrf}"`, "g")) ?? [];
    expect(forms.length).toBeGreaterThan(4);
    expect(tokens.length).toBe(forms.length);
    expect(html).toContain(">Import clients and projects from Harvest<");
    expect(html).toContain(">Import people from Harvest<");
    expect(html).toContain("Linked projects appear here after the first import.");
    expect(html).toContain('role="switch"');
  });

  it("a button leads to the run it started, and the run's page shows its trigger and outcome", async () => {
    const { session, csrf } = await login();
    const res = await post(
      "/ui/connections/acme/import",
      { type: "clientsAndProjects", _csrf: csrf },
      session,
    );
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    const runId = /^\/ui\/connections\/acme\/runs\/([^/]+)$/.exec(location)?.[1];
    expect(runId, location).toBeDefined();
    const done = await host.waitForRun("acme", runId!);
    expect(done.summary.trigger).toBe("page");
    const page = await (await get(location, session)).text();
    expect(page).toContain('<span class="badge st-succeeded">succeeded</span>');
    expect(page).toContain("Started by page");
    // The notice was shown once, at the top of the page, and is gone on the next view.
    expect(page).toMatch(
      /<main><div class="flash" role="status" id="notice"[^>]*><p>The import of clients and projects from Harvest started\.<\/p>/,
    );
    expect(await (await get(location, session)).text()).not.toContain('id="notice"');
    // The projects it linked or created are offered for "Sync actuals" from the store.
    const after = await (await get("/ui/connections/acme", session)).text();
    expect(after.match(/aria-label="Sync actuals for [^"]+"/g)?.length ?? 0).toBeGreaterThan(0);
  });

  it("the status endpoint says whether a run holds the lease, in one line", async () => {
    const { session } = await login();
    const res = await get("/ui/connections/acme/live", session);
    expect(res.status).toBe(200);
    const live = (await res.json()) as { text: string };
    expect(live).toMatchObject({ running: false, runStatus: "succeeded" });
    expect(live.text).toMatch(/^Last run succeeded at /);
    expect((await fetch(`${host.base}/ui/connections/acme/live`)).status).toBe(401);
  });

  it("while a run holds the lease, every run button is disabled and the status endpoint says so", async () => {
    const { session } = await login();
    const faults = (body: unknown) =>
      fetch(`${host.sb.info.control}/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await faults({ latency: { probability: 1, ms: 40 } });
    try {
      const started = await host.api("POST", "/connections/acme/sync");
      expect(started.status).toBe(202);
      const html = await (await get("/ui/connections/acme", session)).text();
      const buttons = html.match(/<button [^>]*data-run[^>]*>/g) ?? [];
      expect(buttons.length).toBeGreaterThan(3);
      for (const b of buttons) expect(b).toContain("disabled");
      expect(html).toContain('data-busy="true"');
      expect(await (await get("/ui/connections/acme/live", session)).json()).toMatchObject({
        running: true,
        runId: started.json.runId,
        runStatus: "running",
      });
      // The run's progress, saved in the store as it goes, is what the live line says (bounded wait).
      let text = "";
      for (let i = 0; i < 100 && !/: (loading|planning|importing|recording)/.test(text); i++) {
        text = ((await (await get("/ui/connections/acme/live", session)).json()) as { text: string }).text;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(text).toMatch(
        /^A run is in progress \(started .+ UTC\): (loading|planning|importing|recording)/,
      );
      await host.waitForRun("acme", started.json.runId);
    } finally {
      await faults({});
    }
    const after = await (await get("/ui/connections/acme", session)).text();
    expect(after.match(/<button [^>]*data-run[^>]*disabled/g)).toBeNull();
  });

  it("refuses a form post without the CSRF token, with a wrong one, or without a session", async () => {
    const { session, csrf } = await login();
    const before = (await host.api("GET", "/connections/acme/runs")).json.runs.length;
    expect((await post("/ui/connections/acme/import", { type: "people" }, session)).status).toBe(403);
    expect(
      (await post("/ui/connections/acme/import", { type: "people", _csrf: `${csrf}x` }, session)).status,
    ).toBe(403);
    expect((await post("/ui/connections/acme/import", { type: "people", _csrf: csrf }, "")).status).toBe(401);
    expect(
      (await post("/ui/connections/acme/link", { kind: "person", runnId: "1", harvestId: "2" }, session))
        .status,
    ).toBe(403);
    expect((await post("/logout", {}, session)).status).toBe(403);
    expect((await host.api("GET", "/connections/acme/runs")).json.runs.length).toBe(before);
    const bad = await post("/ui/connections/acme/import", { type: "tasks", _csrf: csrf }, session);
    expect(bad.headers.get("location")).toBe("/ui/connections/acme");
    expect(await (await get("/ui/connections/acme", session)).text()).toContain("Not done: form.type");
  });

  it("escapes every value it renders", async () => {
    const other = host.sb.info.accounts[1]!;
    const res = await host.api("POST", "/connections", {
      body: {
        id: "xss",
        name: `<script>alert("x")</script>`,
        harvest: {
          accountId: Number(other.harvest.accountId),
          userAgent: "T (t@example.com)",
          token: other.harvest.token,
        },
        runn: { baseUrl: other.runn.baseUrl, token: other.runn.token },
      },
    });
    expect(res.status).toBe(201);
    const { session } = await login();
    for (const path of ["/", "/ui/connections/xss"]) {
      const html = await (await get(path, session)).text();
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      for (const secret of secretsOf(host)) expect(html).not.toContain(secret);
    }
    expect((await host.api("DELETE", "/connections/xss")).status).toBe(204);
  });
});

describe("after a restart (SQLite file)", () => {
  it("the session still signs in, and a saved dry run can still be read and applied", async () => {
    const { session } = await login();
    const planned = await host.api("POST", "/connections/acme/plans", { body: { types: ["people"] } });
    expect(planned.status).toBe(202);
    const planId = planned.json.planId as string;
    let plan = (await host.api("GET", `/connections/acme/plans/${planId}`)).json;
    for (let i = 0; i < 300 && plan.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      plan = (await host.api("GET", `/connections/acme/plans/${planId}`)).json;
    }
    expect(plan.status).toBe("done");

    await host.restart();

    const page = await get("/ui/connections/acme", session);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Sandbox acme</h1>");
    const again = await host.api("GET", `/connections/acme/plans/${planId}`);
    expect(again.status).toBe(200);
    expect(again.json.result.plan).toEqual(plan.result.plan);
    const applied = await host.api("POST", `/connections/acme/plans/${planId}/apply`);
    expect(applied.status, JSON.stringify(applied.json)).toBe(202);
    expect((await host.waitForRun("acme", applied.json.runId)).summary.status).toBe("succeeded");
    // Signing out ends the session for good.
    const csrf = csrfIn(await (await get("/ui/connections/acme", session)).text()) ?? "";
    expect((await post("/logout", { _csrf: csrf }, session)).status).toBe(303);
    expect((await get("/ui/connections/acme", session)).status).toBe(401);
  });
});
