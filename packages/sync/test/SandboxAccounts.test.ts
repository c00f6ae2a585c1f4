/** `@harvest-runn/sync/testing`: every sandbox account connected, over clients paced at its limits. */
import { SandboxServer } from "@harvest-runn/sandbox";
import { SyncStore } from "@harvest-runn/storage";
import { Duration, Effect, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clients, Sync, SyncClock } from "../src/index.ts";
import { SandboxAccounts } from "../src/testing/index.ts";
import { anchorDate } from "./support/World.ts";

describe("SandboxAccounts", () => {
  let sb: Awaited<ReturnType<typeof SandboxServer.startSandbox>>;
  beforeAll(async () => {
    sb = await SandboxServer.startSandbox({
      port: 0,
      seed: 5,
      preset: "tiny",
      anchorDate,
      timeScale: 200,
      accounts: 3,
    });
  });
  afterAll(async () => {
    await sb?.close();
  });

  it("paces the clients at the sandbox's limits with its time compressed", () => {
    const options = SandboxAccounts.clients(sb.info);
    expect(options.harvestBaseUrl).toBe(sb.info.harvest.baseUrl);
    expect(options.harvestRateLimit?.limit).toBe(sb.info.limits.harvest.requests);
    expect(Duration.toMillis(options.harvestRateLimit?.window ?? 0)).toBe(15_000 / 200);
    expect(Duration.toMillis(options.runnRateLimit?.window ?? 0)).toBe(60_000 / 200);
  });

  it("connects every account, in account order, each to its own Harvest account and Runn token", async () => {
    const runtime = ManagedRuntime.make(
      Layer.provideMerge(
        Sync.layer(),
        Layer.mergeAll(
          SyncStore.layerMemory,
          Clients.layer(SandboxAccounts.clients(sb.info)),
          SyncClock.layer(SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000)),
        ),
      ),
    );
    try {
      const ids = await runtime.runPromise(
        SandboxAccounts.connectAll(sb.info, { userAgent: "HarvestRunnTests (tests@example.com)" }),
      );
      expect(ids).toEqual(["account-0", "account-1", "account-2"]);
      const views = await runtime.runPromise(Effect.flatMap(Sync.Sync, (s) => s.connections));
      const byId = new Map(views.map((v) => [v.id, v]));
      sb.info.accounts.forEach((account, i) => {
        expect(byId.get(`account-${i}`)?.harvestAccountId).toBe(Number(account.harvest.accountId));
        expect(byId.get(`account-${i}`)?.switches.actuals).toBe(true);
      });
      expect(new Set(views.map((v) => v.harvestAccountId)).size).toBe(3);
    } finally {
      await runtime.dispose();
    }
  });
});
