/** Contract: declared capabilities hold (persistence across a restart). */
import { describe, expect } from "@effect/vitest";
import { Effect, Layer, Redacted } from "effect";
import * as SyncStore from "../../SyncStore.ts";
import * as Fixtures from "../Fixtures.ts";
import { type Context, leased } from "./Support.ts";

/** Registers the capability tests. */
export const tests = ({ it, layer, capabilities }: Context) =>
  describe("capabilities", () => {
    it.effect("declares its capabilities as data", () =>
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        expect(store.supports).toEqual(capabilities);
      }),
    );

    it.effect(
      capabilities.persistent
        ? "keeps connections, secrets, runs and the ledger across a restart"
        : "starts empty on every build (not persistent)",
      () =>
        Effect.gen(function* () {
          const { store, id, input, lease } = yield* leased();
          const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
          yield* store.ledger.upsert(lease, Fixtures.ledgerRows(3));
          const reopened = yield* Effect.scoped(
            Effect.gen(function* () {
              const fresh = yield* Effect.provide(SyncStore.SyncStore, yield* Layer.build(layer));
              return {
                connection: yield* Effect.either(fresh.connections.get(id)),
                secrets: yield* Effect.either(fresh.connections.getSecrets(id)),
                run: yield* Effect.either(fresh.runs.get(run.id)),
                ledger: yield* Effect.either(fresh.ledger.load(id)),
              };
            }),
          ).pipe(Effect.orDie);
          if (capabilities.persistent) {
            expect(reopened.connection._tag).toBe("Right");
            expect(reopened.run._tag).toBe("Right");
            expect(reopened.ledger._tag === "Right" && reopened.ledger.right.length).toBe(3);
            expect(
              reopened.secrets._tag === "Right" && Redacted.value(reopened.secrets.right.harvestToken),
            ).toBe(Redacted.value(input.harvest.token));
          } else {
            expect(reopened.connection._tag).toBe("Left");
          }
        }),
    );
  });
