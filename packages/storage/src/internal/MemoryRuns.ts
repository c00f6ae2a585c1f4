/** Runs and the actuals ledger of the in-memory `SyncStore`. */
import { randomUUID } from "node:crypto";
import { type Ids, Ledger } from "@harvest-runn/domain";
import { Duration, Effect } from "effect";
import * as Run from "../Run.ts";
import type * as SyncStore from "../SyncStore.ts";
import { fail } from "../SyncStoreError.ts";
import { clampLimit, fence, json, now, row, type State } from "./MemoryState.ts";

const runRow = (state: State, runId: Ids.RunId) => {
  const found = state.runs.get(runId);
  return found ? Effect.succeed(found) : Effect.fail(fail("NotFound", `no run ${runId}`));
};

const asSet = <A>(value: A | ReadonlyArray<A> | undefined): ReadonlySet<A> | undefined =>
  value === undefined
    ? undefined
    : new Set(Array.isArray(value) ? (value as ReadonlyArray<A>) : [value as A]);

/** The runs part of the in-memory store. */
export const makeRuns = (state: State): SyncStore.Runs => ({
  start: (lease, input) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* row(state, lease.connectionId);
      const t = yield* now;
      if (input.requested !== undefined) {
        const queued = state.runs.get(input.requested);
        if (
          queued === undefined ||
          queued.run.connectionId !== lease.connectionId ||
          queued.run.status !== "queued"
        )
          return yield* Effect.fail(fail("NotFound", `no queued run ${input.requested}`));
        queued.run = {
          ...queued.run,
          trigger: input.trigger,
          scope: json(input.scope ?? null),
          status: "running",
          generation: lease.generation,
          startedAt: t.iso,
        };
        return queued.run;
      }
      r.runCount += 1;
      const run: Run.Run = {
        id: randomUUID() as Ids.RunId,
        connectionId: lease.connectionId,
        number: r.runCount,
        trigger: input.trigger,
        scope: json(input.scope ?? null),
        status: "running",
        generation: lease.generation,
        startedAt: t.iso,
        finishedAt: null,
        counts: Run.zeroCounts,
        error: null,
      };
      state.runs.set(run.id, { run, items: [] });
      return run;
    }),
  request: (connectionId, input) =>
    Effect.gen(function* () {
      const r = yield* row(state, connectionId);
      const t = yield* now;
      r.runCount += 1;
      const run: Run.Run = {
        id: randomUUID() as Ids.RunId,
        connectionId,
        number: r.runCount,
        trigger: input.trigger,
        scope: json(input.scope ?? null),
        status: "queued",
        generation: 0,
        startedAt: t.iso,
        finishedAt: null,
        counts: Run.zeroCounts,
        error: null,
      };
      state.runs.set(run.id, { run, items: [] });
      return run;
    }),
  discard: (runId) =>
    Effect.sync(() => {
      if (state.runs.get(runId)?.run.status === "queued") state.runs.delete(runId);
    }),
  append: (lease, runId, items) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* runRow(state, runId);
      if (r.run.connectionId !== lease.connectionId)
        return yield* Effect.fail(fail("NotFound", `no run ${runId}`));
      const t = yield* now;
      for (const item of items) {
        r.items.push({
          ...json({ ...item, detail: item.detail ?? null }),
          runId,
          seq: r.items.length + 1,
          at: t.iso,
        });
      }
    }),
  finish: (lease, runId, finish) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* runRow(state, runId);
      const c = yield* row(state, lease.connectionId);
      if (r.run.connectionId !== lease.connectionId)
        return yield* Effect.fail(fail("NotFound", `no run ${runId}`));
      const t = yield* now;
      const counts = { ...Run.zeroCounts };
      for (const item of r.items) counts[item.outcome] += 1;
      r.run = { ...r.run, status: finish.status, finishedAt: t.iso, counts, error: finish.error ?? null };
      for (const type of finish.succeeded ?? []) c.lastSuccess.set(type, { at: t.iso, runId });
      return r.run;
    }),
  list: (id, page) =>
    Effect.map(row(state, id), () => {
      const before = page?.before ?? Number.POSITIVE_INFINITY;
      const limit = clampLimit(page?.limit, 20, 200);
      const all = [...state.runs.values()]
        .map((r) => r.run)
        .filter((run) => run.connectionId === id && run.number < before)
        .sort((a, b) => b.number - a.number);
      const runs = all.slice(0, limit);
      return { runs, next: all.length > limit ? (runs[runs.length - 1]?.number ?? null) : null };
    }),
  get: (runId, filter) =>
    Effect.map(runRow(state, runId), (r) => {
      const outcomes = asSet(filter?.outcome);
      const reasons = asSet(filter?.reason);
      const after = filter?.after ?? 0;
      const limit = clampLimit(filter?.limit, 500, 5000);
      const matching = r.items.filter(
        (i) =>
          i.seq > after &&
          (outcomes === undefined || outcomes.has(i.outcome)) &&
          (reasons === undefined || (i.reason !== null && reasons.has(i.reason))),
      );
      const items = matching.slice(0, limit);
      return {
        run: r.run,
        items,
        next: matching.length > limit ? (items[items.length - 1]?.seq ?? null) : null,
      };
    }),
  lastSuccess: (id) => Effect.map(row(state, id), (r) => Object.fromEntries(r.lastSuccess)),
  pruneItems: (olderThan, connectionId) =>
    Effect.map(now, (t) => {
      const cutoff = new Date(t.ms - Duration.toMillis(olderThan)).toISOString();
      let pruned = 0;
      for (const r of state.runs.values()) {
        if (connectionId !== undefined && r.run.connectionId !== connectionId) continue;
        const kept = r.items.filter((i) => i.at >= cutoff);
        pruned += r.items.length - kept.length;
        r.items = kept;
      }
      return pruned;
    }),
});

const byKey = (a: Ledger.LedgerEntry, b: Ledger.LedgerEntry) =>
  (a.key.date < b.key.date ? -1 : a.key.date > b.key.date ? 1 : 0) ||
  a.key.personId - b.key.personId ||
  a.key.projectId - b.key.projectId ||
  a.key.roleId - b.key.roleId;

/** The actuals ledger part of the in-memory store. */
export const makeLedger = (state: State): SyncStore.LedgerStore => ({
  upsert: (lease, entries) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* row(state, lease.connectionId);
      const t = yield* now;
      for (const e of entries) r.ledger.set(Ledger.keyString(e.key), { ...json(e), writtenAt: t.iso });
    }),
  remove: (lease, keys) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* row(state, lease.connectionId);
      for (const k of keys) r.ledger.delete(Ledger.keyString(k));
    }),
  load: (id, range) =>
    Effect.sync(() => {
      const r = state.connections.get(id);
      if (!r) return [];
      const from = range?.from ?? "";
      const to = range?.to ?? "9999-12-31";
      return [...r.ledger.values()].filter((e) => e.key.date >= from && e.key.date <= to).sort(byKey);
    }),
});
