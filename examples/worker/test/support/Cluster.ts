/**
 * The scale-out test bed: a sandbox with one {Harvest, Runn} pair per account on 127.0.0.1, a Postgres
 * store and a pg-boss queue in schemas of their own, every account connected, worker processes on
 * demand, and the Runn state a single clean in-process run leaves (the yardstick).
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { SyncQueue } from "@harvest-runn/queue";
import { SandboxServer } from "@harvest-runn/sandbox";
import { SecretBox, SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Sync, SyncClock } from "@harvest-runn/sync";
import { SandboxAccounts } from "@harvest-runn/sync/testing";
import * as Children from "@harvest-runn/testing-support/Children";
import * as RunnState from "@harvest-runn/testing-support/RunnState";
import { Effect, Layer, ManagedRuntime, Redacted } from "effect";

const workerRoot = fileURLToPath(new URL("../..", import.meta.url));

/** One JSON line a worker process prints (`src/main.ts`). */
export type Line = { readonly pid: number } & (
  | SyncQueue.WorkerEvent
  | { readonly type: "signal"; readonly signal: string }
  | { readonly type: "stopped" }
);

/** A started worker process. */
export type Worker = Children.Child<Line>;

const ci = process.env.CI === "true" || process.env.CI === "1";

/** `DATABASE_URL`, or undefined with a printed reason (never under CI, where it is required). */
export const databaseUrl = (): string | undefined => {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== "") return url;
  if (ci) throw new Error("DATABASE_URL is required under CI (bash .ci/run starts Postgres)");
  console.warn('skipping worker tests: DATABASE_URL is not set (eval "$(bash scripts/postgres.sh start)")');
  return undefined;
};

/** The sandbox every test uses: small accounts, limits compressed 200×, pinned date. */
export const sandboxOptions = {
  port: 0,
  seed: 11,
  preset: "tiny" as const,
  anchorDate: "2026-03-16",
  timeScale: 200,
};

type App = Sync.Sync | SyncStore.SyncStore;

const clientsFor = (sb: SandboxServer.RunningSandbox) => Clients.layer(SandboxAccounts.clients(sb.info));

/** The sandbox's time running at wall speed: the clock of the test process, the start of the workers'. */
const sandboxTime = (sb: SandboxServer.RunningSandbox) =>
  SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000);

/** Connects every account of the sandbox; returns the connection ids in account order. */
const connectAll = (runtime: ManagedRuntime.ManagedRuntime<App, unknown>, sb: SandboxServer.RunningSandbox) =>
  runtime.runPromise(
    SandboxAccounts.connectAll(sb.info, { userAgent: "HarvestRunnTests (tests@example.com)" }),
  );

/** Runn's state of every account after one clean in-process run per connection (memoised per count). */
const references = new Map<number, Promise<ReadonlyArray<RunnState.State>>>();
export const reference = (accounts: number): Promise<ReadonlyArray<RunnState.State>> => {
  const cached = references.get(accounts);
  if (cached) return cached;
  const made = (async () => {
    const sb = await SandboxServer.startSandbox({ ...sandboxOptions, accounts });
    const runtime = ManagedRuntime.make(
      Layer.provideMerge(
        Sync.layer({ leaseTtl: "20 seconds" }),
        Layer.mergeAll(SyncStore.layerMemory, clientsFor(sb), SyncClock.layer(sandboxTime(sb))),
      ),
    );
    try {
      const ids = await connectAll(runtime, sb);
      await runtime.runPromise(
        Effect.flatMap(Sync.Sync, (sync) => Effect.forEach(ids, (id) => sync.run(id), { concurrency: 4 })),
      );
      return await Promise.all(ids.map((_, i) => RunnState.of(sb.info.control, i)));
    } finally {
      await runtime.dispose();
      await sb.close();
    }
  })();
  references.set(accounts, made);
  return made;
};

/** A started cluster (no workers yet). */
export interface Cluster {
  readonly sb: SandboxServer.RunningSandbox;
  readonly ids: ReadonlyArray<string>;
  readonly runtime: ManagedRuntime.ManagedRuntime<App | SyncQueue.SyncQueue, unknown>;
  /** The worker processes, started with the sandbox (they load while the accounts connect). */
  readonly workers: ReadonlyArray<Worker>;
  readonly state: (account: number) => Promise<RunnState.State>;
  readonly close: () => Promise<void>;
}

/** Queue knobs of the tests: short expiry and lease, fast polling and maintenance. */
export const testKnobs = {
  HARVEST_RUNN_JOB_EXPIRE_SECONDS: "15",
  HARVEST_RUNN_LEASE_TTL_SECONDS: "3",
  HARVEST_RUNN_RETRY_DELAY_SECONDS: "1",
  HARVEST_RUNN_POLL_SECONDS: "0.5",
  HARVEST_RUNN_MAINTENANCE_SECONDS: "1",
  HARVEST_RUNN_SHUTDOWN_GRACE_SECONDS: "5",
  HARVEST_RUNN_TICK_MINUTES: "0",
};

/**
 * Starts a sandbox with `accounts` pairs, a store and a queue in fresh schemas and `workers` worker
 * processes, connects every pair, and waits until every worker is ready.
 */
export const start = async (url: string, accounts: number, workers: number): Promise<Cluster> => {
  const suffix = randomBytes(4).toString("hex");
  const storeSchema = `hr_worker_store_${suffix}`;
  const queueSchema = `hr_worker_queue_${suffix}`;
  const key = SecretBox.generateKey();
  const sb = await SandboxServer.startSandbox({ ...sandboxOptions, accounts });
  const time = sandboxTime(sb);
  const base = Layer.provideMerge(
    Sync.layer({ leaseTtl: "3 seconds", holder: "test" }),
    Layer.mergeAll(
      SyncClock.layer(time),
      SyncStoreSql.layerPg({
        url: Redacted.make(url),
        schema: storeSchema,
        secretKey: key,
        maxConnections: 4,
      }),
      clientsFor(sb),
    ),
  );
  const runtime = ManagedRuntime.make(
    Layer.provideMerge(
      SyncQueue.layer({ url: Redacted.make(url), schema: queueSchema, maintenanceInterval: "1 second" }),
      base,
    ),
  );
  const env = {
    DATABASE_URL: url,
    HARVEST_RUNN_QUEUE_SCHEMA: queueSchema,
    HARVEST_RUNN_STORE_SCHEMA: storeSchema,
    HARVEST_RUNN_SECRET_KEY: Redacted.value(key),
    HARVEST_BASE_URL: sb.info.harvest.baseUrl,
    HARVEST_ID_BASE_URL: sb.info.harvest.idBaseUrl,
    HARVEST_RUNN_RATE_SCALE: String(sb.info.timeScale),
    HARVEST_RUNN_NOW: new Date(time()).toISOString(),
    ...testKnobs,
  };
  const started = Array.from({ length: workers }, () =>
    Children.start<Line>({ script: "src/main.ts", cwd: workerRoot, env }),
  );
  const ids = await connectAll(runtime, sb);
  await Promise.all(started.map((w) => w.waitFor((l) => l.type === "ready", 120_000)));
  return {
    sb,
    ids,
    runtime,
    workers: started,
    state: (account) => RunnState.of(sb.info.control, account),
    close: async () => {
      await runtime.dispose();
      await sb.close();
      for (const schema of [storeSchema, queueSchema])
        await Effect.runPromise(
          SyncStoreSql.dropPgSchema({ url: Redacted.make(url), schema }).pipe(Effect.ignore),
        );
    },
  };
};

/** A moment at which every connection created now is due (its next daily time has passed). */
export const tomorrow = (): Date => new Date(Date.now() + 25 * 3600_000);

/** Every run of a connection in the store, newest first. */
export const runsOf = (c: Cluster, id: string) =>
  c.runtime.runPromise(Effect.flatMap(Sync.Sync, (s) => s.runs(id, { limit: 50 }))).then((p) => p.runs);
