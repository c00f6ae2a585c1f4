/** Contract: leases with generations, takeover and fencing (SPEC R3). */
import { describe, expect } from "@effect/vitest";
import { Effect, Option, TestClock } from "effect";
import * as Fixtures from "../Fixtures.ts";
import { type Context, failsWith, leased, newConnection } from "./Support.ts";

/** Registers the lease tests. */
export const tests = ({ it }: Context) =>
  describe("leases", () => {
    it.effect("acquires a free lease and refuses a second holder while it is live", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased("30 seconds");
        expect(lease.holder).toBe("holder-a");
        expect(lease.generation).toBeGreaterThanOrEqual(1);
        expect(Date.parse(lease.expiresAt) - Date.parse(lease.acquiredAt)).toBe(30_000);
        yield* failsWith(
          store.leases.acquire({ connectionId: id, holder: "holder-b", ttl: "30 seconds" }),
          "LeaseHeld",
        );
        const state = yield* store.leases.get(id);
        expect(Option.map(state, (s) => [s.holder, s.generation, s.expired])).toEqual(
          Option.some(["holder-a", lease.generation, false]),
        );
      }),
    );

    it.effect("renews from now and keeps the generation", () =>
      Effect.gen(function* () {
        const { store, lease } = yield* leased("30 seconds");
        yield* TestClock.adjust("20 seconds");
        const renewed = yield* store.leases.renew(lease, "30 seconds");
        expect(renewed.generation).toBe(lease.generation);
        expect(Date.parse(renewed.expiresAt) - Date.parse(lease.expiresAt)).toBe(20_000);
      }),
    );

    it.effect("an expired lease is taken over with a higher generation; the run it left stays running", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased("30 seconds");
        const run = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
        yield* TestClock.adjust("31 seconds");
        expect(Option.map(yield* store.leases.get(id), (s) => s.expired)).toEqual(Option.some(true));
        const next = yield* store.leases.acquire({ connectionId: id, holder: "holder-b", ttl: "30 seconds" });
        expect(next.generation).toBeGreaterThan(lease.generation);
        expect((yield* store.runs.get(run.id)).run.status).toBe("running");
      }),
    );

    it.effect("a stale holder can neither renew (LeaseLost) nor write (Fenced)", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased("30 seconds");
        const run = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
        yield* TestClock.adjust("31 seconds");
        const next = yield* store.leases.acquire({ connectionId: id, holder: "holder-b", ttl: "30 seconds" });
        yield* failsWith(store.leases.renew(lease, "30 seconds"), "LeaseLost");
        yield* failsWith(store.runs.start(lease, { trigger: "manual", scope: null }), "Fenced");
        yield* failsWith(store.runs.append(lease, run.id, [Fixtures.item()]), "Fenced");
        yield* failsWith(store.runs.finish(lease, run.id, { status: "succeeded" }), "Fenced");
        yield* failsWith(store.ledger.upsert(lease, Fixtures.ledgerRows(2)), "Fenced");
        yield* failsWith(store.ledger.remove(lease, [Fixtures.key(1, 1, 7, Fixtures.day(0))]), "Fenced");
        yield* failsWith(store.cursors.set(lease, "s", "v"), "Fenced");
        expect((yield* store.runs.get(run.id)).items).toEqual([]);
        expect(yield* store.ledger.load(id)).toEqual([]);
        expect(yield* store.cursors.list(id)).toEqual({});
        yield* store.runs.append(next, run.id, [Fixtures.item()]);
        expect((yield* store.runs.get(run.id)).items).toHaveLength(1);
      }),
    );

    it.effect("release frees the lease for the next holder; releasing a lost lease does nothing", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased("10 minutes");
        yield* store.leases.release(lease);
        const b = yield* store.leases.acquire({ connectionId: id, holder: "holder-b", ttl: "10 minutes" });
        expect(b.generation).toBeGreaterThan(lease.generation);
        yield* store.leases.release(lease);
        yield* failsWith(
          store.leases.acquire({ connectionId: id, holder: "holder-c", ttl: "1 minute" }),
          "LeaseHeld",
        );
        yield* store.runs.start(b, { trigger: "manual", scope: null });
      }),
    );

    it.effect("of many concurrent acquires exactly one wins", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const attempts = yield* Effect.all(
          Array.from({ length: 8 }, (_, i) =>
            Effect.either(store.leases.acquire({ connectionId: id, holder: `h${i}`, ttl: "1 minute" })),
          ),
          { concurrency: "unbounded" },
        );
        const won = attempts.filter((a) => a._tag === "Right");
        expect(won).toHaveLength(1);
        for (const a of attempts) if (a._tag === "Left") expect(a.left.reason).toBe("LeaseHeld");
      }),
    );
  });
