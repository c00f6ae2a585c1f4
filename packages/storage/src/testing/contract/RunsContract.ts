/** Contract: runs, item outcomes, last success and pruning (SPEC R1, R5, R9). */

import { describe, expect } from "@effect/vitest";
import { Ids } from "@harvest-runn/domain";
import { Effect, TestClock } from "effect";
import * as Fixtures from "../Fixtures.ts";
import { type Context, failsWith, leased } from "./Support.ts";

/** Registers the runs tests. */
export const tests = ({ it }: Context) =>
  describe("runs", () => {
    it.effect("numbers runs per connection and lists them newest first, paged", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        const started = [];
        for (let i = 0; i < 5; i++) {
          started.push(
            yield* store.runs.start(lease, { trigger: "manual", scope: { types: ["people"], i } }),
          );
          yield* TestClock.adjust("1 second");
        }
        expect(started.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
        expect(started[0]).toMatchObject({
          status: "running",
          finishedAt: null,
          generation: lease.generation,
        });
        const first = yield* store.runs.list(id, { limit: 2 });
        expect(first.runs.map((r) => r.number)).toEqual([5, 4]);
        expect(first.next).toBe(4);
        const second = yield* store.runs.list(id, { limit: 2, before: first.next! });
        expect(second.runs.map((r) => r.number)).toEqual([3, 2]);
        const last = yield* store.runs.list(id, { limit: 2, before: second.next! });
        expect(last).toEqual({ runs: [started[0]], next: null });
        expect(last.runs[0]?.scope).toEqual({ types: ["people"], i: 0 });
      }),
    );

    it.effect("appends items in batches and returns every field in order", () =>
      Effect.gen(function* () {
        const { store, lease } = yield* leased();
        const run = yield* store.runs.start(lease, { trigger: "api", scope: null });
        const actual = Fixtures.item({
          outcome: "written",
          kind: "actual",
          harvestId: null,
          runnId: 99,
          actualKey: Fixtures.key(1, 2, 3, Fixtures.day(4)),
          message: "wrote 90 minutes",
          detail: { billableMinutes: 90, entries: [1, 2], note: "ünïcode" },
        });
        yield* store.runs.append(lease, run.id, [Fixtures.item(), actual]);
        yield* store.runs.append(lease, run.id, []);
        yield* store.runs.append(lease, run.id, [Fixtures.item({ outcome: "held", reason: "unknown_role" })]);
        const { items } = yield* store.runs.get(run.id);
        expect(items.map((i) => i.seq)).toEqual([1, 2, 3]);
        const { seq: _s, at: _a, runId, ...written } = items[1]!;
        expect(runId).toBe(run.id);
        expect(written).toEqual(actual);
        expect(items[2]).toMatchObject({ outcome: "held", reason: "unknown_role" });
      }),
    );

    it.effect("filters items by outcome and reason and pages them", () =>
      Effect.gen(function* () {
        const { store, lease } = yield* leased();
        const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        yield* store.runs.append(lease, run.id, [
          Fixtures.item({ outcome: "skipped", reason: "person_not_linked", harvestId: 1 }),
          Fixtures.item({ outcome: "held", reason: "possible_duplicate", harvestId: 2 }),
          Fixtures.item({ outcome: "skipped", reason: "project_not_linked", harvestId: 3 }),
          Fixtures.item({ outcome: "created", harvestId: 4 }),
          Fixtures.item({ outcome: "skipped", reason: "person_not_linked", harvestId: 5 }),
        ]);
        const ids = (d: { items: ReadonlyArray<{ harvestId: number | null }> }) =>
          d.items.map((i) => i.harvestId);
        expect(ids(yield* store.runs.get(run.id, { outcome: "skipped" }))).toEqual([1, 3, 5]);
        expect(ids(yield* store.runs.get(run.id, { reason: "person_not_linked" }))).toEqual([1, 5]);
        expect(ids(yield* store.runs.get(run.id, { outcome: ["held", "created"] }))).toEqual([2, 4]);
        const page = yield* store.runs.get(run.id, { outcome: "skipped", limit: 2 });
        expect([ids(page), page.next]).toEqual([[1, 3], 3]);
        const rest = yield* store.runs.get(run.id, { outcome: "skipped", limit: 2, after: page.next! });
        expect([ids(rest), rest.next]).toEqual([[5], null]);
      }),
    );

    it.effect("finishes a run with status, error and counts from its items", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        const run = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        yield* store.runs.append(lease, run.id, [
          Fixtures.item({ outcome: "created" }),
          Fixtures.item({ outcome: "created" }),
          Fixtures.item({ outcome: "failed", message: "Runn answered 500" }),
          Fixtures.item({ outcome: "skipped", reason: "archived" }),
        ]);
        yield* TestClock.adjust("5 seconds");
        const done = yield* store.runs.finish(lease, run.id, { status: "partial", error: "1 write failed" });
        expect(done).toMatchObject({ status: "partial", error: "1 write failed" });
        expect(done.counts).toMatchObject({ created: 2, failed: 1, skipped: 1, written: 0 });
        expect(Date.parse(done.finishedAt!) - Date.parse(done.startedAt)).toBe(5000);
        expect((yield* store.runs.list(id)).runs[0]).toEqual(done);
        expect((yield* store.runs.get(run.id)).run).toEqual(done);
      }),
    );

    it.effect("keeps the last success per entity type (SPEC R5)", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        expect(yield* store.runs.lastSuccess(id)).toEqual({});
        const a = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
        const aDone = yield* store.runs.finish(lease, a.id, {
          status: "succeeded",
          succeeded: ["people", "clients"],
        });
        yield* TestClock.adjust("1 hour");
        const b = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        const bDone = yield* store.runs.finish(lease, b.id, { status: "partial", succeeded: ["people"] });
        const c = yield* store.runs.start(lease, { trigger: "manual", scope: null });
        yield* store.runs.finish(lease, c.id, { status: "failed", error: "lease lost" });
        expect(yield* store.runs.lastSuccess(id)).toEqual({
          people: { at: bDone.finishedAt, runId: b.id },
          clients: { at: aDone.finishedAt, runId: a.id },
        });
      }),
    );

    it.effect("prunes items older than an age and keeps runs and their counts", () =>
      Effect.gen(function* () {
        const { store, lease } = yield* leased("1000 days");
        const old = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
        yield* store.runs.append(lease, old.id, [Fixtures.item(), Fixtures.item()]);
        yield* store.runs.finish(lease, old.id, { status: "succeeded" });
        yield* TestClock.adjust("40 days");
        const recent = yield* store.runs.start(lease, { trigger: "schedule", scope: null });
        yield* store.runs.append(lease, recent.id, [Fixtures.item()]);
        yield* TestClock.adjust("1 day");
        const pruned = yield* store.runs.pruneItems("30 days");
        expect(pruned).toBeGreaterThanOrEqual(2);
        const oldDetail = yield* store.runs.get(old.id);
        expect(oldDetail.items).toEqual([]);
        expect(oldDetail.run.counts.created).toBe(2);
        expect((yield* store.runs.get(recent.id)).items).toHaveLength(1);
      }),
    );

    it.effect("prunes one connection's items only when given its id", () =>
      Effect.gen(function* () {
        const a = yield* leased("1000 days");
        const b = yield* leased("1000 days");
        const runA = yield* a.store.runs.start(a.lease, { trigger: "schedule", scope: null });
        yield* a.store.runs.append(a.lease, runA.id, [Fixtures.item(), Fixtures.item()]);
        const runB = yield* b.store.runs.start(b.lease, { trigger: "schedule", scope: null });
        yield* b.store.runs.append(b.lease, runB.id, [Fixtures.item()]);
        yield* TestClock.adjust("40 days");
        expect(yield* a.store.runs.pruneItems("30 days", a.id)).toBe(2);
        expect((yield* a.store.runs.get(runA.id)).items).toEqual([]);
        expect((yield* b.store.runs.get(runB.id)).items).toHaveLength(1);
        expect(yield* b.store.runs.pruneItems("30 days", b.id)).toBe(1);
        expect((yield* b.store.runs.get(runB.id)).items).toEqual([]);
      }),
    );

    it.effect("fails with NotFound for an unknown run", () =>
      Effect.gen(function* () {
        const { store, lease } = yield* leased();
        const missing = Ids.RunId.make("no-such-run");
        yield* failsWith(store.runs.get(missing), "NotFound");
        yield* failsWith(store.runs.append(lease, missing, [Fixtures.item()]), "NotFound");
        yield* failsWith(store.runs.finish(lease, missing, { status: "failed" }), "NotFound");
      }),
    );
  });
