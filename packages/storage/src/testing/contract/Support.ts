/** Shared pieces of the contract suite's concern files. */
import type { Vitest } from "@effect/vitest";
import { expect } from "@effect/vitest";
import { type Duration, Effect, type Layer } from "effect";
import type { Lease } from "../../Lease.ts";
import * as SyncStore from "../../SyncStore.ts";
import type { SyncStoreError, SyncStoreErrorReason } from "../../SyncStoreError.ts";
import * as Fixtures from "../Fixtures.ts";

/** What every concern of the suite receives. */
export interface Context {
  readonly it: Vitest.MethodsNonLive<SyncStore.SyncStore>;
  readonly layer: Layer.Layer<SyncStore.SyncStore, unknown>;
  readonly capabilities: SyncStore.Capabilities;
}

/** Runs `effect`, expects it to fail with a `SyncStoreError` of `reason`, and returns the error. */
export const failsWith = <A, R>(effect: Effect.Effect<A, SyncStoreError, R>, reason: SyncStoreErrorReason) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(effect);
    expect(error._tag).toBe("SyncStoreError");
    expect(error.reason).toBe(reason);
    return error;
  });

/** A new connection in the store. */
export const newConnection = Effect.gen(function* () {
  const store = yield* SyncStore.SyncStore;
  const input = Fixtures.connection();
  const connection = yield* store.connections.create(input);
  return { store, input, connection, id: connection.id };
});

/** A new connection and a lease on it. */
export const leased = (ttl: Duration.DurationInput = "1 minute") =>
  Effect.gen(function* () {
    const c = yield* newConnection;
    const lease: Lease = yield* c.store.leases.acquire({ connectionId: c.id, holder: "holder-a", ttl });
    return { ...c, lease };
  });
