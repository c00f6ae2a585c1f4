/**
 * A child process for the lease tests. It opens the store named in `HR_WORKER` (JSON), waits until
 * `startAt` (so racers start together), then:
 * - mode `race`: tries to acquire the lease once and prints `{"won":true,"generation":n}` or the reason;
 * - mode `hold`: acquires, starts a run, appends an item, prints `{"ready":true,...}` and keeps running
 *   without renewing until it is killed.
 */
import type { Ids } from "@harvest-runn/domain";
import { type Lease, SyncStore } from "@harvest-runn/storage";
import { Effect, Redacted } from "effect";
import { SyncStoreSql } from "../../src/index.ts";

const config = JSON.parse(process.env.HR_WORKER ?? "{}") as {
  adapter: "sqlite" | "pg";
  filename?: string;
  url?: string;
  schema?: string;
  connectionId: Ids.ConnectionId;
  holder: string;
  ttlMs: number;
  startAt: number;
  mode: "race" | "hold";
};

/** The JSON lines this worker prints. */
export type Line =
  | { readonly won: true; readonly generation: number }
  | { readonly won: false; readonly reason: string }
  | { readonly ready: true; readonly lease: Lease.Lease; readonly runId: string };

const layer =
  config.adapter === "sqlite"
    ? SyncStoreSql.layerSqlite({ filename: config.filename! })
    : SyncStoreSql.layerPg({ url: Redacted.make(config.url!), schema: config.schema!, maxConnections: 2 });

const print = (value: Line) => Effect.sync(() => process.stdout.write(`${JSON.stringify(value)}\n`));

const program = Effect.gen(function* () {
  const store = yield* SyncStore.SyncStore;
  yield* Effect.sleep(Math.max(0, config.startAt - Date.now()));
  const attempt = yield* Effect.either(
    store.leases.acquire({ connectionId: config.connectionId, holder: config.holder, ttl: config.ttlMs }),
  );
  if (attempt._tag === "Left") return yield* print({ won: false, reason: attempt.left.reason });
  const lease = attempt.right;
  if (config.mode === "race") return yield* print({ won: true, generation: lease.generation });
  const run = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
  yield* store.runs.append(lease, run.id, [
    {
      outcome: "created",
      kind: "person",
      harvestId: 1,
      runnId: 2,
      actualKey: null,
      reason: null,
      message: null,
      detail: null,
    },
  ]);
  yield* print({ ready: true, lease, runId: run.id });
  return yield* Effect.never;
});

Effect.runPromise(Effect.provide(program, layer)).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
