/** The status page over real HTTP: login, cookies, CSRF tokens on every form, escaping. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, type Host, secretsOf, startHost } from "./support/Host.ts";

let host: Host;

beforeAll(async () => {
  host = await startHost();
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

/** Logs in and returns the session cookie and the page's CSRF token. */
const login = async () => {
  const first = await fetch(`${host.base}/`);
  const loginCookie = cookie(first, "hr_login");
  const csrf = csrfIn(await first.text());
  const res = await post("/login", { _csrf: csrf ?? "", key: apiKey }, `hr_login=${loginCookie?.value}`);
  const session = cookie(res, "hr_session");
  const page = await fetch(`${host.base}/`, { headers: { cookie: `hr_session=${session?.value}` } });
  const html = await page.text();
  return { session: `hr_session=${session?.value}`, csrf: csrfIn(html) ?? "", html, status: page.status };
};

describe("login", () => {
  it("shows the login form with 401 and a cookie-bound CSRF token, and refuses a post without it", async () => {
    const res = await fetch(`${host.base}/`);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('action="/login"');
    const c = cookie(res, "hr_login");
    expect(c?.line).toMatch(/HttpOnly/);
    expect(c?.line).toMatch(/SameSite=Strict/);
    const token = csrfIn(html);
    expect(token).toBe(c?.value);

    const noCsrf = await post("/login", { key: apiKey }, `hr_login=${c?.value}`);
    expect(noCsrf.status).toBe(403);
    const otherCookie = await post("/login", { key: apiKey, _csrf: token ?? "" }, "hr_login=forged");
    expect(otherCookie.status).toBe(403);
    const wrongKey = await post("/login", { key: "nope", _csrf: token ?? "" }, `hr_login=${c?.value}`);
    expect(wrongKey.status).toBe(401);
    expect(cookie(wrongKey, "hr_session")).toBeNull();
  });

  it("opens an HttpOnly, SameSite=Strict session with the right key", async () => {
    const first = await fetch(`${host.base}/`);
    const c = cookie(first, "hr_login");
    const res = await post(
      "/login",
      { key: apiKey, _csrf: csrfIn(await first.text()) ?? "" },
      `hr_login=${c?.value}`,
    );
    expect(res.status).toBe(303);
    const session = cookie(res, "hr_session");
    expect(session?.line).toMatch(/HttpOnly/);
    expect(session?.line).toMatch(/SameSite=Strict/);
    const page = await fetch(`${host.base}/`, { headers: { cookie: `hr_session=${session?.value}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("status page", () => {
  it("puts the session's CSRF token on every form and one import button per entity type", async () => {
    const { html, csrf, status } = await login();
    expect(status).toBe(200);
    const forms = html.match(/<form /g) ?? [];
    const tokens = html.match(new RegExp(`name="_csrf" value="${csrf}"`, "g")) ?? [];
    expect(forms.length).toBeGreaterThan(5);
    expect(tokens.length).toBe(forms.length);
    expect(html.match(/>Import from Harvest</g)).toHaveLength(4);
    expect(html).toContain("Sync Actuals");
  });

  it("offers Sync Actuals for every project linked to Harvest, beside the free field", async () => {
    const started = await host.api("POST", "/connections/acme/sync", { body: { types: ["projects"] } });
    expect(started.status).toBe(202);
    await host.waitForRun("acme", started.json.runId);
    const created = await host.api(
      "GET",
      `/connections/acme/runs/${started.json.runId}?outcome=created,linked`,
    );
    const projectIds: Array<number> = created.json.items
      .filter((i: { kind: string }) => i.kind === "project")
      .map((i: { harvestId: number }) => i.harvestId);
    expect(projectIds.length).toBeGreaterThan(0);
    // A second run links nothing new: the buttons come from Runn's links, not from the latest run.
    const again = await host.api("POST", "/connections/acme/sync", { body: { types: ["projects"] } });
    const rerun = await host.waitForRun("acme", again.json.runId);
    expect(rerun.summary.counts.created + rerun.summary.counts.linked).toBe(0);
    const { html } = await login();
    for (const id of projectIds) expect(html).toContain(`name="harvestProjectId" value="${id}"`);
    expect(html).toContain('name="harvestProjectId" inputmode="numeric"');
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

    const ok = await post("/ui/connections/acme/import", { type: "people", _csrf: csrf }, session);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/#conn-acme");
    const runs = (await host.api("GET", "/connections/acme/runs")).json.runs;
    expect(runs.length).toBe(before + 1);
    await host.waitForRun("acme", runs[0].id);
    const bad = await post("/ui/connections/acme/import", { type: "tasks", _csrf: csrf }, session);
    expect(bad.status).toBe(400);
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
    const { html } = await login();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    for (const secret of secretsOf(host)) expect(html).not.toContain(secret);
  });
});
