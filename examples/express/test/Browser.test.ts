/**
 * The pages in a real browser (Debian's Chromium, headless, driven by playwright-core), as a new user
 * with only the API key: sign in, connect from the page, toggle a switch and save, Save and run, open the
 * run's page, link a possible duplicate and see it disappear, and render with both APIs answering 500.
 * Every page is captured at 1280 and 390 px into `test-output/`, and none is wider than the window.
 * Without Chromium the suite is skipped with a printed reason, except under `CI=true`, where it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, type Host, secretsOf, startHost } from "./support/Host.ts";

const executablePath = "/usr/bin/chromium";
const present = existsSync(executablePath);
const ci = process.env.CI === "true";
if (!present && !ci)
  console.warn(`skipping the browser test: ${executablePath} is missing (apt-get install -y chromium)`);

const outputDir = fileURLToPath(new URL("../test-output/", import.meta.url));

/** Saves the page at 1280 and 390 px wide and checks that neither needs horizontal scrolling. */
const shoot = async (page: Page, name: string) => {
  mkdirSync(outputDir, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const scrollWidth = await page.evaluate("document.documentElement.scrollWidth");
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(outputDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
};

const faults = (host: Host, body: unknown) =>
  fetch(`${host.sb.info.control}/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe.skipIf(!present && !ci)("pages in Chromium", () => {
  let host: Host;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let connectionUrl = "";
  let runUrl = "";

  beforeAll(async () => {
    expect(present, `${executablePath} must exist under CI`).toBe(true);
    host = await startHost();
    profile = mkdtempSync(join(tmpdir(), "harvest-runn-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await host?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("signs in with the API key and connects from the page, with each check said in words", async () => {
    const signIn = await page.goto(`${host.base}/`);
    expect(signIn?.status()).toBe(401);
    await shoot(page, "sign-in");
    await page.getByLabel("API key").fill(apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Connect Harvest to Runn" }).count()).toBe(1);
    await shoot(page, "connect");

    const pair = host.sb.info.accounts[0]!;
    const fill = async (harvestToken: string) => {
      await page.getByLabel("Connection name").fill("Acme");
      await page.getByLabel("Personal access token").fill(harvestToken);
      await page.getByLabel("Account id").fill(pair.harvest.accountId);
      await page.getByLabel("Contact for Harvest (User-Agent)").fill("Acme sync (ops@acme.test)");
      await page.getByLabel("API token").fill(pair.runn.token);
      await page.getByLabel("Other API address (optional)").fill(pair.runn.baseUrl);
      await page.getByRole("button", { name: "Check and connect" }).click();
    };
    await fill("wrong-token");
    await expect.poll(() => page.locator("#connect-error").count()).toBe(1);
    expect(await page.locator("#connect-error").textContent()).toMatch(/Harvest/);
    expect(await page.getByLabel("Personal access token").inputValue()).toBe("");
    expect(await page.getByLabel("Account id").inputValue()).toBe(pair.harvest.accountId);

    await fill(pair.harvest.token);
    await page.waitForURL(/\/ui\/connections\/[^/]+$/);
    connectionUrl = page.url();
    const notice = page.locator("#notice");
    expect(await notice.textContent()).toMatch(/^Connected Acme/);
    expect(await notice.locator("li").count()).toBeGreaterThan(1);
    expect(await page.getByRole("switch", { name: "Actuals (timesheets)" }).isChecked()).toBe(true);
    for (const secret of secretsOf(host)) expect(await page.content()).not.toContain(secret);
  });

  it("toggles a switch and saves it; Save and run opens the run's page, which shows who must act", async () => {
    const approved = page.getByRole("switch", { name: "Approved time only" });
    expect(await approved.isChecked()).toBe(false);
    await approved.check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.locator("#notice").textContent()).toBe("Settings saved.");
    expect(await page.getByRole("switch", { name: "Approved time only" }).isChecked()).toBe(true);
    await page.getByRole("switch", { name: "Approved time only" }).uncheck();

    await page.getByRole("button", { name: "Save and run" }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    runUrl = page.url();
    // The page's script polls the status endpoint and reloads once the run has ended.
    await expect
      .poll(() => page.locator("h1 .badge").textContent(), { timeout: 60_000, interval: 250 })
      .toBe("succeeded");
    expect(await page.locator("#notice").count()).toBe(0);
    const unknown = page.locator("#unknown-role tr.group");
    expect(await unknown.count()).toBeGreaterThan(0);
    // People by name, not "user 3000005".
    expect(await unknown.first().locator("td").first().textContent()).toMatch(/^\S+ \S+ \(Harvest \d+\)$/);
    expect(await page.locator("#possible-duplicates tr.duplicate").count()).toBeGreaterThan(0);
    await shoot(page, "run");

    await page.goto(connectionUrl);
    expect(await page.getByRole("switch", { name: "Approved time only" }).isChecked()).toBe(false);
    const first = page.locator("#sync-actuals tbody tr").first();
    const name = (await first.locator("td").first().textContent()) ?? "";
    expect(await first.getByRole("button", { name: `Sync actuals for ${name}` }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Import clients and projects from Harvest" }).count()).toBe(
      1,
    );
    await shoot(page, "connection");
    await page.getByRole("link", { name: "All runs" }).click();
    expect(await page.locator("tr.run").count()).toBe(1);
    expect(await page.locator("tr.run td").nth(4).textContent()).toBe("page");
    await shoot(page, "runs");
  });

  it("links a possible duplicate, which then disappears from the run's page", async () => {
    await page.goto(runUrl);
    const rows = page.locator("#possible-duplicates tr.duplicate");
    const before = await rows.count();
    const row = rows.first();
    const key = `tr.duplicate[data-kind="${await row.getAttribute("data-kind")}"][data-harvest-id="${await row.getAttribute("data-harvest-id")}"]`;
    await row.getByRole("button", { name: /^Link Harvest / }).click();
    await expect.poll(() => page.locator("#notice").textContent()).toMatch(/^Linked /);
    expect(page.url()).toBe(runUrl);
    expect(await page.locator(key).count()).toBe(0);
    expect(await page.locator("#possible-duplicates tr.duplicate").count()).toBe(before - 1);
  });

  it("renders every page from the store while Harvest and Runn answer 500", async () => {
    await faults(host, { serverError: 1 });
    try {
      for (const url of [connectionUrl, runUrl, `${connectionUrl}/runs`, `${host.base}/`]) {
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
      }
      await page.goto(connectionUrl);
      expect(await page.locator("#sync-actuals tbody tr").count()).toBeGreaterThan(0);
      await shoot(page, "connection-apis-down");
    } finally {
      await faults(host, {});
    }
  });
});
