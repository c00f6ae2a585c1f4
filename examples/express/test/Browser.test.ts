/**
 * The status page in a real browser (Debian's Chromium, headless, driven by playwright-core): log in,
 * press "Import from Harvest" for people, see the new run and its held items appear. A screenshot is
 * written to `test-output/status-page.png`. Without Chromium the test is skipped with a printed reason,
 * except under `CI=true`, where it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, type Host, secretsOf, startHost } from "./support/Host.ts";

const executablePath = "/usr/bin/chromium";
const present = existsSync(executablePath);
const ci = process.env.CI === "true";
if (!present && !ci)
  console.warn(`skipping the browser test: ${executablePath} is missing (apt-get install -y chromium)`);

const outputDir = fileURLToPath(new URL("../test-output/", import.meta.url));

describe.skipIf(!present && !ci)("status page in Chromium", () => {
  let host: Host;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    expect(present, `${executablePath} must exist under CI`).toBe(true);
    host = await startHost();
    await host.connect("acme");
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
  });

  afterAll(async () => {
    await context?.close();
    await host?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("logs in, imports people, and shows the new run with its held items", async () => {
    const page = await context.newPage();
    const login = await page.goto(`${host.base}/`);
    expect(login?.status()).toBe(401);
    await page.getByLabel("API key").fill(apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${host.base}/`);
    await expect.poll(() => page.getByRole("heading", { name: "Sandbox acme" }).count()).toBe(1);
    expect(await page.locator("tr.run").count()).toBe(0);

    const people = page.locator('section[data-connection-id="acme"] tr[data-type="people"]');
    await people.getByRole("button", { name: "Import from Harvest" }).click();
    const notice = (await page.getByRole("status").textContent()) ?? "";
    const runId = /run ([0-9a-f-]{36})/.exec(notice)?.[1];
    expect(runId, notice).toBeDefined();

    // The page asks to reload itself while a run is in progress (meta refresh, which headless Chromium
    // does not honour), so reload explicitly until the run's row shows it finished (bounded).
    mkdirSync(outputDir, { recursive: true });
    const finished = page.locator(`tr.run[data-run-id="${runId}"] td.st-succeeded`);
    for (let i = 0; i < 120 && (await finished.count()) === 0; i++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    if ((await finished.count()) === 0)
      await page.screenshot({ path: join(outputDir, "status-page-failed.png"), fullPage: true });
    expect(await finished.count()).toBe(1);
    expect(await people.locator("td").first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const detail = (await host.api("GET", `/connections/acme/runs/${runId}?outcome=held`)).json;
    expect(detail.items.length).toBeGreaterThan(0);
    const section = page.locator('section[data-connection-id="acme"]');
    const heldRows = section.locator("tr.held-item");
    expect(await heldRows.count()).toBe(detail.items.length);
    const duplicates = detail.items.filter((i: { reason: string }) => i.reason === "possible_duplicate");
    expect(duplicates.length).toBeGreaterThan(0);
    const linkButtons = section
      .locator('tr.held-item[data-reason="possible_duplicate"]')
      .getByRole("button", {
        name: "Link",
      });
    expect(await linkButtons.count()).toBe(duplicates.length);
    const firstLabel = duplicates[0].label as string;
    await expect.poll(() => section.getByText(firstLabel, { exact: true }).count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(outputDir, "status-page.png"), fullPage: true });

    // The Link button links the duplicate through Runn's references and says so.
    await linkButtons.first().click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^Linked: /);

    const html = await page.content();
    for (const secret of secretsOf(host)) expect(html).not.toContain(secret);
  });
});
