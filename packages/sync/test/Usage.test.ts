/** The README's two examples, typechecked and run against the sandbox. */
import { SandboxServer } from "@harvest-runn/sandbox";
import { SyncStore } from "@harvest-runn/storage";
import { Effect, Layer, Redacted } from "effect";
import { describe, expect, it, vi } from "vitest";
import { Clients, Facade, Sync, SyncLogger } from "../src/index.ts";

// --- README: Promise facade ---
interface Env {
  readonly harvestToken: string;
  readonly runnToken: string;
  readonly accountId: number;
  /** EU `https://api.runn.io` when absent; US accounts use `https://api.us.runn.io`. */
  readonly runnBaseUrl?: string;
}
const promiseExample = async (env: Env, clients: Clients.Options = {}) => {
  const sync = Facade.createSync({ store: "memory", clients, onProgress: (e) => void e.phase });
  // Every failure rejects with a SyncError: { _tag: "SyncError", reason, message }.
  try {
    const { connection, warnings } = await sync.connect({
      name: "acme",
      harvest: { accountId: env.accountId, userAgent: "Acme sync (ops@acme.test)", token: env.harvestToken },
      runn: { token: env.runnToken, ...(env.runnBaseUrl ? { baseUrl: env.runnBaseUrl } : {}) },
      settings: { switches: { actuals: true } },
    });
    const preview = await sync.plan(connection.id); // dry run: writes nothing
    const summary = await sync.run(connection.id);
    return { warnings, planned: preview.writes, status: summary.status, counts: summary.counts };
  } finally {
    await sync.close();
  }
};

// --- README: Effect ---
const effectExample = (connectionId: string) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const summary = yield* sync.run(connectionId, { trigger: "api" });
    const detail = yield* sync.runDetail(summary.id, { outcome: "held" });
    return { status: summary.status, held: detail.items.map((i) => `${i.reason}: ${i.label}`) };
  }).pipe(
    Effect.catchTag("SyncError", (e) => Effect.succeed({ status: e.reason, held: [] as Array<string> })),
  );

const SyncLive = (clients: Clients.Options) =>
  Sync.layer().pipe(Layer.provide(Layer.merge(SyncStore.layerMemory, Clients.layer(clients))));
const AppLive = (clients: Clients.Options) =>
  Layer.merge(SyncLive(clients), SyncLogger.layer({ logLevel: "info" }));

describe("README examples", () => {
  it("run against the sandbox", async () => {
    // The examples use the real clock, so the sandbox's today is today.
    const today = new Date().toISOString().slice(0, 10);
    const sb = await SandboxServer.startSandbox({
      port: 0,
      seed: 3,
      preset: "tiny",
      anchorDate: today,
      timeScale: 200,
    });
    try {
      const clients: Clients.Options = {
        harvestBaseUrl: sb.info.harvest.baseUrl,
        harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
        harvestRateLimit: { limit: 100, window: "75 millis" },
        runnRateLimit: { limit: 120, window: "300 millis" },
      };
      const env: Env = {
        harvestToken: sb.info.harvest.token,
        runnToken: sb.info.runn.token,
        accountId: Number(sb.info.harvest.accountId),
        runnBaseUrl: sb.info.runn.baseUrl,
      };
      const out = await promiseExample(env, clients);
      expect(out.status).toBe("succeeded");
      expect(out.counts.created + out.counts.written).toBe(out.planned);

      const program = Effect.gen(function* () {
        const sync = yield* Sync.Sync;
        const { connection } = yield* sync.connect({
          name: "acme",
          harvest: {
            accountId: env.accountId,
            userAgent: "Acme (ops@acme.test)",
            token: Redacted.make(env.harvestToken),
          },
          runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(env.runnToken) },
          settings: { switches: { actuals: true } },
        });
        return yield* effectExample(connection.id);
      });
      // SyncLogger.layer replaces Effect's default logger, which would print to stdout.
      const stdout = [vi.spyOn(console, "log"), vi.spyOn(process.stdout, "write")];
      const result = await Effect.runPromise(program.pipe(Effect.provide(AppLive(clients))));
      for (const spy of stdout) expect(spy).not.toHaveBeenCalled();
      vi.restoreAllMocks();
      expect(result.status).toBe("succeeded");
      expect(result.held.length).toBeGreaterThan(0);
    } finally {
      await sb.close();
    }
  });
});
