import { describe, expect, it } from "@effect/vitest";
import { Ids } from "@harvest-runn/domain";
import { Effect, Redacted } from "effect";
import { SyncStore } from "../src/index.ts";

describe("README usage", () => {
  it.effect(
    "runs as printed",
    () =>
      // README:start
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const connection = yield* store.connections.create({
          name: "Acme",
          harvest: {
            accountId: Ids.HarvestAccountId.make(123456),
            userAgent: "Acme sync (ops@acme.test)",
            token: Redacted.make("harvest-token"),
          },
          runn: { token: Redacted.make("runn-token") },
        });
        // One run at a time per connection: every write below carries the lease's generation.
        const lease = yield* store.leases.acquire({
          connectionId: connection.id,
          holder: "worker-1",
          ttl: "2 minutes",
        });
        const run = yield* store.runs.start(lease, { trigger: "manual", scope: { types: ["people"] } });
        yield* store.runs.finish(lease, run.id, { status: "succeeded", succeeded: ["people"] });
        yield* store.leases.release(lease);
        const last = yield* store.runs.lastSuccess(connection.id); // SPEC R5: per entity type
        expect(last.people?.runId).toBe(run.id);
        expect((yield* store.settings.get(connection.id)).switches.actuals).toBe(false); // SPEC C4 default
      }).pipe(Effect.provide(SyncStore.layerMemory)),
    // README:end
  );
});
