/**
 * The in-process daily scheduler as the host runs it: a connection whose daily time passed while the
 * host was down gets its scheduled run as soon as the host starts again (catch-up), once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SandboxServer } from "@harvest-runn/sandbox";
import { SecretBox } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Sync } from "@harvest-runn/sync";
import { Effect, Layer, ManagedRuntime, Redacted } from "effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Runtime from "../src/Runtime.ts";
import { anchorDate } from "./support/Host.ts";

let sb: SandboxServer.RunningSandbox;
let dir: string;
const secretKey = SecretBox.generateKey();

const runtimeOf = (scheduler: boolean) =>
  ManagedRuntime.make(
    Runtime.layer({
      store: SyncStoreSql.layerSqlite({ filename: join(dir, "state.db"), secretKey }),
      clients: {
        harvestBaseUrl: sb.info.harvest.baseUrl,
        harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
        harvestRateLimit: { limit: 100, window: "100 millis" },
        runnRateLimit: { limit: 120, window: "300 millis" },
      },
      scheduler,
    }).pipe(Layer.orDie),
  );

beforeAll(async () => {
  sb = await SandboxServer.startSandbox({ port: 0, seed: 7, preset: "tiny", anchorDate, timeScale: 200 });
  dir = mkdtempSync(join(tmpdir(), "harvest-runn-scheduler-"));
});

afterAll(async () => {
  await sb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("catches up a daily run missed while the host was down, once", async () => {
  // The daily time is the next whole minute (at least 5 s away), in UTC.
  const at = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
  const timeOfDay = at.toISOString().slice(11, 16);
  const first = runtimeOf(false);
  const connected = await first.runPromise(
    Effect.flatMap(Sync.Sync, (s) =>
      s.connect({
        name: "scheduled",
        harvest: {
          accountId: Number(sb.info.harvest.accountId),
          userAgent: "HarvestRunnTests (tests@example.com)",
          token: Redacted.make(sb.info.harvest.token),
        },
        runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(sb.info.runn.token) },
        settings: { schedule: { timeOfDay, timeZone: "UTC" } },
      }),
    ),
  );
  await first.dispose();
  const id = connected.connection.id;

  // The host is down when the daily time passes.
  await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() + 1_000 - Date.now())));

  const second = runtimeOf(true);
  try {
    const runsOf = () => second.runPromise(Effect.flatMap(Sync.Sync, (s) => s.runs(id)));
    let scheduled: ReadonlyArray<{ trigger: string; status: string }> = [];
    for (let i = 0; i < 300; i++) {
      scheduled = (await runsOf()).runs.filter((r) => r.trigger === "schedule");
      if (scheduled.length > 0 && scheduled[0]?.status !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.status).toBe("succeeded");
    // Due once: a moment later there is still exactly one scheduled run.
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await runsOf()).runs.filter((r) => r.trigger === "schedule")).toHaveLength(1);
  } finally {
    await second.dispose();
  }
}, 120_000);
