/** Contract: sessions, saved plans and recorded documents, the state a host's pages keep in the store. */
import { describe, expect } from "@effect/vitest";
import { Effect, Option, TestClock } from "effect";
import * as SyncStore from "../../SyncStore.ts";
import { type Context, failsWith, newConnection } from "./Support.ts";

const uniqueKey = (label: string) => `${label}-${crypto.randomUUID()}`;

/** Registers the sessions, saved-plan and recorded-document tests. */
export const tests = ({ it }: Context) => {
  describe("sessions", () => {
    it.effect("creates a session, finds it by key, and keeps a one-shot notice", () =>
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const key = uniqueKey("s");
        const created = yield* store.sessions.create({ key, csrf: "token-1", ttl: "1 hour" });
        expect(created).toMatchObject({ key, csrf: "token-1", notice: null });
        expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(3_600_000);
        yield* store.sessions.setNotice(key, "Import started.");
        expect(Option.getOrThrow(yield* store.sessions.get(key)).notice).toBe("Import started.");
        yield* store.sessions.setNotice(key, null);
        expect(Option.getOrThrow(yield* store.sessions.get(key))).toEqual(created);
        yield* failsWith(store.sessions.create({ key, csrf: "other", ttl: "1 hour" }), "AlreadyExists");
        expect(Option.isNone(yield* store.sessions.get(uniqueKey("unknown")))).toBe(true);
      }),
    );

    it.effect("forgets a session at sign-out and once it expires; prune removes expired ones", () =>
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const gone = uniqueKey("gone");
        yield* store.sessions.create({ key: gone, csrf: "a", ttl: "1 hour" });
        yield* store.sessions.delete(gone);
        expect(Option.isNone(yield* store.sessions.get(gone))).toBe(true);
        const short = uniqueKey("short");
        const long = uniqueKey("long");
        yield* store.sessions.create({ key: short, csrf: "b", ttl: "1 minute" });
        yield* store.sessions.create({ key: long, csrf: "c", ttl: "1 day" });
        yield* TestClock.adjust("2 minutes");
        expect(Option.isNone(yield* store.sessions.get(short))).toBe(true);
        expect(Option.isSome(yield* store.sessions.get(long))).toBe(true);
        expect(yield* store.sessions.prune).toBeGreaterThanOrEqual(1);
        // An expired key may be taken again.
        yield* store.sessions.create({ key: short, csrf: "d", ttl: "1 minute" });
        expect(Option.getOrThrow(yield* store.sessions.get(short)).csrf).toBe("d");
      }),
    );
  });

  describe("saved plans", () => {
    it.effect("saves a running plan, settles it keeping its times, and reads it per connection", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const other = yield* newConnection;
        const planId = uniqueKey("plan");
        const running = yield* store.savedPlans.put({
          id: planId,
          connectionId: id,
          status: "running",
          result: null,
          error: null,
          ttl: "1 hour",
        });
        yield* TestClock.adjust("1 minute");
        const result = { plan: { ops: [{ kind: "createClient", name: "Acme" }] }, writes: 1 };
        const done = yield* store.savedPlans.put({
          id: planId,
          connectionId: id,
          status: "done",
          result,
          error: null,
          ttl: "1 hour",
        });
        expect(done).toMatchObject({ status: "done", result, createdAt: running.createdAt });
        expect(done.expiresAt).toBe(running.expiresAt);
        expect(Option.getOrThrow(yield* store.savedPlans.get(id, planId))).toEqual(done);
        expect(Option.isNone(yield* store.savedPlans.get(other.id, planId))).toBe(true);
        const failed = yield* store.savedPlans.put({
          id: uniqueKey("plan"),
          connectionId: id,
          status: "failed",
          result: null,
          error: { reason: "Runn", message: "Runn failed" },
          ttl: "1 hour",
        });
        expect(Option.getOrThrow(yield* store.savedPlans.get(id, failed.id)).error).toEqual({
          reason: "Runn",
          message: "Runn failed",
        });
      }),
    );

    it.effect("expires plans, prunes them, and drops them with their connection", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const base = { connectionId: id, status: "done" as const, result: { n: 1 }, error: null };
        const short = uniqueKey("short");
        const kept = uniqueKey("kept");
        yield* store.savedPlans.put({ ...base, id: short, ttl: "1 minute" });
        yield* store.savedPlans.put({ ...base, id: kept, ttl: "1 day" });
        yield* TestClock.adjust("2 minutes");
        expect(Option.isNone(yield* store.savedPlans.get(id, short))).toBe(true);
        expect(yield* store.savedPlans.prune).toBeGreaterThanOrEqual(1);
        expect(Option.isSome(yield* store.savedPlans.get(id, kept))).toBe(true);
        yield* store.connections.delete(id);
        expect(Option.isNone(yield* store.savedPlans.get(id, kept))).toBe(true);
        yield* failsWith(store.savedPlans.put({ ...base, id: uniqueKey("late"), ttl: "1 day" }), "NotFound");
      }),
    );
  });

  describe("recorded documents", () => {
    it.effect("writes, replaces and reads documents per connection and name", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        expect(Option.isNone(yield* store.recorded.get(id, "projects"))).toBe(true);
        yield* store.recorded.put(id, "projects", [{ harvestId: 1, name: "Platform 7" }]);
        yield* TestClock.adjust("1 minute");
        const second = yield* store.recorded.put(id, "projects", [{ harvestId: 2, name: "Atlas" }]);
        yield* store.recorded.put(id, "names", { person: { "3": "Ada Lovelace" } });
        const read = Option.getOrThrow(yield* store.recorded.get(id, "projects"));
        expect(read).toEqual(second);
        expect(read.value).toEqual([{ harvestId: 2, name: "Atlas" }]);
        expect(Option.getOrThrow(yield* store.recorded.get(id, "names")).value).toEqual({
          person: { "3": "Ada Lovelace" },
        });
        yield* store.connections.delete(id);
        expect(Option.isNone(yield* store.recorded.get(id, "projects"))).toBe(true);
        yield* failsWith(store.recorded.put(id, "projects", []), "NotFound");
      }),
    );
  });
};
