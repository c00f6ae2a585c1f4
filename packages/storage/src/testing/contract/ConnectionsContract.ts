/** Contract: connections, secrets and deletion (SPEC C1, C3, R9). */

import { describe, expect } from "@effect/vitest";
import type { Ids } from "@harvest-runn/domain";
import { Effect, Option, Redacted } from "effect";
import * as Fixtures from "../Fixtures.ts";
import { type Context, failsWith, leased, newConnection } from "./Support.ts";

/** Registers the connections tests. */
export const tests = ({ it }: Context) =>
  describe("connections", () => {
    it.effect("creates, gets and lists a connection without its secrets", () =>
      Effect.gen(function* () {
        const { store, input, id, connection } = yield* newConnection;
        expect(connection.name).toBe("Acme");
        expect(connection.harvest).toEqual({ accountId: 123456, userAgent: input.harvest.userAgent });
        expect(yield* store.connections.get(id)).toEqual(connection);
        const listed = yield* store.connections.list;
        expect(listed.find((c) => c.id === id)).toEqual(connection);
        const text = JSON.stringify(listed) + JSON.stringify(connection);
        expect(text).not.toContain(Redacted.value(input.harvest.token));
        expect(text).not.toContain(Redacted.value(input.runn.token));
      }),
    );

    it.effect("returns the tokens only through getSecrets, as Redacted values", () =>
      Effect.gen(function* () {
        const { store, input, id } = yield* newConnection;
        const secrets = yield* store.connections.getSecrets(id);
        expect(Redacted.isRedacted(secrets.harvestToken)).toBe(true);
        expect(Redacted.value(secrets.harvestToken)).toBe(Redacted.value(input.harvest.token));
        expect(Redacted.value(secrets.runnToken)).toBe(Redacted.value(input.runn.token));
        expect(String(secrets.harvestToken)).not.toContain("hv-secret");
        expect(JSON.stringify(secrets)).not.toContain("secret-");
      }),
    );

    it.effect("generates an id when none is given and refuses a duplicate id", () =>
      Effect.gen(function* () {
        const { store, input } = yield* newConnection;
        const { id: _ignored, ...rest } = Fixtures.connection();
        const generated = yield* store.connections.create(rest);
        expect(generated.id.length).toBeGreaterThan(0);
        yield* failsWith(store.connections.create(input), "AlreadyExists");
      }),
    );

    it.effect("updates fields and tokens, keeping the rest", () =>
      Effect.gen(function* () {
        const { store, input, id } = yield* newConnection;
        const updated = yield* store.connections.update(id, {
          name: "Acme EU",
          runn: { baseUrl: "https://api.us.runn.io", token: Redacted.make("rn-secret-rotated") },
        });
        expect(updated.name).toBe("Acme EU");
        expect(updated.runn.baseUrl).toBe("https://api.us.runn.io");
        expect(updated.harvest.userAgent).toBe(input.harvest.userAgent);
        const secrets = yield* store.connections.getSecrets(id);
        expect(Redacted.value(secrets.runnToken)).toBe("rn-secret-rotated");
        expect(Redacted.value(secrets.harvestToken)).toBe(Redacted.value(input.harvest.token));
      }),
    );

    it.effect("fails with NotFound for an unknown connection", () =>
      Effect.gen(function* () {
        const { store } = yield* newConnection;
        const missing = Fixtures.connectionId();
        yield* failsWith(store.connections.get(missing), "NotFound");
        yield* failsWith(store.connections.getSecrets(missing), "NotFound");
        yield* failsWith(store.connections.update(missing, { name: "x" }), "NotFound");
        yield* failsWith(store.connections.delete(missing), "NotFound");
        yield* failsWith(store.settings.get(missing), "NotFound");
        yield* failsWith(
          store.leases.acquire({ connectionId: missing, holder: "h", ttl: "1 minute" }),
          "NotFound",
        );
      }),
    );

    it.effect(
      "deleting a connection removes its secrets, settings, lease, cursors, runs, ledger and lists",
      () =>
        Effect.gen(function* () {
          const { store, id, input, lease } = yield* leased();
          const other = yield* leased();
          yield* store.settings.put(id, { ...(yield* store.settings.get(id)), windowDays: 10 });
          yield* store.cursors.set(lease, "harvest.time_entries", "2026-01-01T00:00:00Z");
          const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
          yield* store.runs.append(lease, run.id, [Fixtures.item()]);
          yield* store.ledger.upsert(lease, Fixtures.ledgerRows(10));
          yield* store.ledger.upsert(other.lease, Fixtures.ledgerRows(3));
          yield* store.doNotImport.add(id, [{ kind: "person", harvestId: 1 }]);
          yield* store.audit.record(id, { action: "link", kind: "person", harvestId: 1, runnId: 2 });

          yield* store.connections.delete(id);
          yield* failsWith(store.connections.get(id), "NotFound");
          yield* failsWith(store.runs.get(run.id), "NotFound");
          expect(yield* store.ledger.load(id)).toEqual([]);
          expect(Option.isNone(yield* store.leases.get(id))).toBe(true);
          expect((yield* store.connections.list).some((c) => c.id === id)).toBe(false);

          yield* store.connections.create({ ...input, id: id as Ids.ConnectionId });
          expect((yield* store.settings.get(id)).windowDays).toBe(45);
          expect(yield* store.cursors.list(id)).toEqual({});
          expect((yield* store.runs.list(id)).runs).toEqual([]);
          expect(yield* store.doNotImport.list(id)).toEqual([]);
          expect(yield* store.audit.list(id)).toEqual([]);
          expect(yield* store.runs.lastSuccess(id)).toEqual({});
          expect(yield* store.ledger.load(other.id)).toHaveLength(3);
        }),
    );
  });
