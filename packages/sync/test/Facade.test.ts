import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SandboxServer } from "@harvest-runn/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Facade, type Notify, SyncClock } from "../src/index.ts";
import type { ProgressEvent } from "../src/Progress.ts";
import { anchorDate } from "./support/World.ts";

describe("the Promise facade over SQLite, against the sandbox", () => {
  let sb: SandboxServer.RunningSandbox;
  let sync: Facade.SyncClient;
  let dir: string;
  const events: Array<ProgressEvent> = [];
  const hooks: Array<Notify.Notification> = [];
  const hookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      hooks.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  let connectionId = "";
  const secretKey = randomBytes(32).toString("base64");
  const connectParams = () => ({
    name: "acme",
    harvest: {
      accountId: Number(sb.info.harvest.accountId),
      userAgent: "Facade test (t@example.test)",
      token: sb.info.harvest.token,
    },
    runn: { baseUrl: sb.info.runn.baseUrl, token: sb.info.runn.token },
  });

  beforeAll(async () => {
    sb = await SandboxServer.startSandbox({ port: 0, seed: 11, preset: "tiny", anchorDate, timeScale: 200 });
    await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", () => r()));
    dir = mkdtempSync(join(tmpdir(), "sync-facade-"));
    sync = Facade.createSync({
      store: { sqlite: { filename: join(dir, "state.db"), secretKey } },
      clients: {
        harvestBaseUrl: sb.info.harvest.baseUrl,
        harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
        harvestRateLimit: { limit: 100, window: "75 millis" },
        runnRateLimit: { limit: 120, window: "300 millis" },
        baseDelay: "5 millis",
      },
      clock: SyncClock.make(SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000)),
      onProgress: (e) => events.push(e),
    });
  });
  afterAll(async () => {
    await sync?.close();
    await sb?.close();
    hookServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a wrong token, a wrong account id and a wrong Runn region, saying which (SPEC C2)", async () => {
    const wrongToken = { ...connectParams(), harvest: { ...connectParams().harvest, token: "nope" } };
    await expect(sync.connect(wrongToken)).rejects.toMatchObject({
      _tag: "SyncError",
      reason: "HarvestAuth",
    });
    const wrongAccount = { ...connectParams(), harvest: { ...connectParams().harvest, accountId: 1 } };
    await expect(sync.connect(wrongAccount)).rejects.toMatchObject({ reason: "HarvestAccount" });
    const wrongRegion = {
      ...connectParams(),
      runn: { ...connectParams().runn, baseUrl: `${sb.url}/elsewhere` },
    };
    await expect(sync.connect(wrongRegion)).rejects.toMatchObject({ reason: "RunnRegion" });
    const deadRunn = { ...connectParams(), runn: { ...connectParams().runn, baseUrl: "http://127.0.0.1:1" } };
    const runnDown = await sync.connect(deadRunn).catch((e) => e);
    expect(runnDown).toMatchObject({ reason: "RunnUnreachable" });
    expect(runnDown.message).toContain("http://127.0.0.1:1");
    const noHarvest = Facade.createSync({
      clients: {
        harvestBaseUrl: "http://127.0.0.1:1",
        harvestIdBaseUrl: "http://127.0.0.1:1/id",
        maxAttempts: 1,
      },
    });
    const harvestDown = await noHarvest.connect(connectParams()).catch((e) => e);
    await noHarvest.close();
    expect(harvestDown).toMatchObject({ reason: "HarvestUnreachable" });
    expect(harvestDown.message).toContain("http://127.0.0.1:1");
    const error = await sync.connect(wrongToken).catch((e) => e);
    expect(JSON.stringify(error)).not.toContain(sb.info.harvest.token);
    expect(await sync.connections()).toEqual([]);
  });

  let stalePlan: unknown = null;
  it("connects, plans, applies the saved plan, and refuses it once stale", async () => {
    const { connection } = await sync.connect({
      ...connectParams(),
      settings: {
        switches: { actuals: true },
        webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook?token=s3cret`,
      },
    });
    connectionId = connection.id;
    expect(connection.webhookOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const dry = await sync.plan(connectionId);
    expect(dry.writes).toBeGreaterThan(0);
    const saved = JSON.parse(JSON.stringify(dry.plan));
    stalePlan = saved;
    const applied = await sync.apply(saved);
    expect(applied.status).toBe("succeeded");
    expect(applied.counts.created + applied.counts.written).toBe(dry.writes);
    expect(events.map((e) => e.phase)).toEqual(
      expect.arrayContaining(["load", "reconcile", "people", "actuals"]),
    );
    // The load says what it is reading: lists done of all, and records so far, page by page.
    const notes = events
      .filter((e) => e.runId === applied.id && e.phase === "load" && e.note !== undefined)
      .map((e) => /^(\d+) of (\d+) lists, ([\d,]+) records read$/.exec(e.note ?? ""));
    expect(notes.length).toBeGreaterThan(2);
    const read = notes.map((m) => Number(m?.[3]?.replaceAll(",", "")));
    expect(read).toEqual([...read].sort((a, b) => a - b));
    const last = notes.at(-1);
    expect(last?.[1]).toBe(last?.[2]);
    expect(Number(last?.[2])).toBeGreaterThan(8);
    expect(read.at(-1)).toBeGreaterThan(0);
    // The plan's creates now exist: applying it again is refused as stale (SPEC R2).
    const again = await sync.apply(saved);
    expect(again.status).toBe("failed");
    expect(again.error?.reason).toBe("StalePlan");
  });

  it("reports status, runs and a run's items; notifies held items once, without secrets (SPEC R5, R8)", async () => {
    const status = await sync.status(connectionId);
    expect(status.running).toBe(false);
    expect(status.lastRun?.status).toBe("failed");
    expect(status.lastSuccess.people).not.toBeNull();
    expect(status.lastSuccess.actuals).not.toBeNull();
    const { runs } = await sync.runs(connectionId);
    expect(runs.map((r) => r.status)).toEqual(["failed", "succeeded"]);
    const detail = await sync.runDetail(runs[1]!.id);
    expect(detail.items.filter((i) => i.outcome === "created").length).toBeGreaterThan(0);
    // First run held Unknown-role keys (notified) and the stale apply failed (notified).
    expect(hooks.map((h) => h.events)).toEqual([["items.held"], ["run.failed"]]);
    expect(JSON.stringify(hooks)).not.toContain(sb.info.harvest.token);
    expect(JSON.stringify(hooks)).not.toContain(sb.info.runn.token);
    expect(JSON.stringify(hooks)).not.toContain("s3cret");
    const next = await sync.run(connectionId);
    expect(next.status).toBe("succeeded");
    expect(hooks).toHaveLength(2);
  });
  it("reads full settings, deep-merges a patch, starts a run without waiting, lists linked projects", async () => {
    await sync.configure(connectionId, { schedule: { timeZone: "Europe/Paris" }, roleMapping: { a: "b" } });
    await sync.configure(connectionId, { schedule: { timeOfDay: "06:30" }, roleMapping: { c: "d" } });
    const settings = await sync.settings(connectionId);
    expect(settings.schedule).toEqual({ enabled: true, timeOfDay: "06:30", timeZone: "Europe/Paris" });
    expect(settings.switches).toEqual({ clientsAndProjects: true, people: true, actuals: true });
    expect(settings.roleMapping).toEqual({ c: "d" });
    expect(settings.windowDays).toBe(45);
    expect(settings.webhookOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(settings)).not.toContain("s3cret");
    await expect(sync.configure(connectionId, { schedule: { timeOfDay: "25:00" } })).rejects.toMatchObject({
      reason: "InvalidInput",
    });
    await expect(sync.settings("nope")).rejects.toMatchObject({ reason: "ConnectionNotFound" });

    const [a, b] = await Promise.allSettled([sync.start(connectionId), sync.start(connectionId)]);
    const started = [a, b].flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = [a, b].flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(started).toHaveLength(1);
    expect(refused).toMatchObject([{ reason: "Busy" }]);
    const run = started[0]!;
    expect((await sync.runDetail(run.runId)).summary.id).toBe(run.runId);
    const summary = await run.done;
    expect([summary.id, summary.status]).toEqual([run.runId, "succeeded"]);
    await expect(sync.start("nope")).rejects.toMatchObject({ reason: "ConnectionNotFound" });
    await expect(sync.start(connectionId, { backfillFrom: "2026-13-01" })).rejects.toMatchObject({
      reason: "InvalidInput",
    });

    const projects = await sync.projects(connectionId);
    const { runs } = await sync.runs(connectionId);
    const first = await sync.runDetail(runs[runs.length - 1]!.id, { outcome: "created" });
    const created = first.items.filter((i) => i.kind === "project").map((i) => i.harvestId);
    expect(created.length).toBeGreaterThan(0);
    expect(projects.map((p) => p.harvestId)).toEqual(expect.arrayContaining(created));
    for (const p of projects) expect(p.name.length * p.runnId).toBeGreaterThan(0);

    // A saved plan started without waiting ends as `apply` does: stale by now.
    const applying = await sync.startApply(stalePlan);
    expect((await sync.runDetail(applying.runId)).summary.id).toBe(applying.runId);
    expect((await applying.done).error?.reason).toBe("StalePlan");
  });

  it("names the unreachable API and its URL when a run cannot load, and keeps the run's record", async () => {
    const cut = Facade.createSync({
      store: { sqlite: { filename: join(dir, "state.db"), secretKey } },
      clients: {
        harvestBaseUrl: "http://127.0.0.1:1",
        harvestIdBaseUrl: "http://127.0.0.1:1/id",
        maxAttempts: 1,
      },
    });
    try {
      const error = await cut.plan(connectionId).catch((e) => e);
      expect(error).toMatchObject({ _tag: "SyncError", reason: "HarvestUnreachable" });
      expect(error.message).toContain("Harvest could not be reached at http://127.0.0.1:1");
      const summary = await cut.run(connectionId);
      expect(summary.status).toBe("failed");
      expect(summary.error).toMatchObject({ reason: "HarvestUnreachable" });
      expect(JSON.stringify(summary)).not.toContain(sb.info.harvest.token);
    } finally {
      await cut.close();
    }
  });
});
