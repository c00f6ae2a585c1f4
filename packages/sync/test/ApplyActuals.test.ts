import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { apply } from "../src/internal/Apply.ts";
import type { RunnWriter } from "../src/internal/Writer.ts";
import type { RunItem } from "../src/Output.ts";
import { planWith } from "./support/Plans.ts";

/** A role (its create proves the token may write) and `n` day totals: ⌈n / 100⌉ bulk requests. */
const planOf = (n: number) =>
  planWith([
    { _tag: "CreateRole", ref: "new:role:x", name: "X" },
    ...Array.from({ length: n }, (_, i) => ({
      _tag: "UpsertActual",
      projectId: 2,
      roleId: 3,
      personId: 1 + Math.floor(i / 365),
      date: new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10),
      billableMinutes: 60,
      nonbillableMinutes: 0,
      harvestEntryIds: [1000 + i],
      runnActualId: null,
      previous: null,
    })),
  ]);
const plan = planOf(350);

/** A Runn whose bulk upserts take a few scheduler turns, counting how many are in flight at once. */
const slowRunn = () => {
  let inFlight = 0;
  let most = 0;
  const sent: Array<number> = [];
  const none = () => Effect.die("not used");
  const writer: RunnWriter = {
    createRole: () => Effect.succeed(77),
    findRole: none,
    createClients: none,
    createProject: none,
    createPerson: none,
    findByReference: none,
    addReference: none,
    deleteActual: none,
    upsertActuals: (inputs) =>
      Effect.gen(function* () {
        inFlight++;
        most = Math.max(most, inFlight);
        sent.push(inputs.length);
        for (let i = 0; i < 5; i++) yield* Effect.yieldNow();
        inFlight--;
        return inputs.map((a, k) => ({ ...a, id: 10_000 * sent.length + k }));
      }),
  };
  return { writer, most: () => most, sent };
};

describe("applying actuals", () => {
  it.effect(
    "sends the bulk upserts of a large plan several at once, each key once, and records them all",
    () =>
      Effect.gen(function* () {
        const runn = slowRunn();
        const items: Array<RunItem> = [];
        let ledgerRows = 0;
        const recorder = {
          items: (is: ReadonlyArray<RunItem>) => Effect.sync(() => void items.push(...is)),
          ledgerPut: (es: ReadonlyArray<unknown>) =>
            Effect.sync(() => {
              ledgerRows += es.length;
            }),
          ledgerRemove: () => Effect.void,
        };
        const applied = yield* apply(plan, runn.writer, recorder, {
          runId: "r1",
          connectionId: "c1",
          now: "2026-01-10T00:00:00Z",
          concurrency: 4,
        });
        expect(applied.writes).toBe(5);
        expect(runn.sent.sort((a, b) => a - b)).toEqual([50, 100, 100, 100]);
        expect(runn.most()).toBe(4);
        expect(items.filter((i) => i.outcome === "written")).toHaveLength(350);
        expect(ledgerRows).toBe(350);
      }),
  );

  it.effect("writes the bookkeeping of several completed requests together, not two store writes each", () =>
    Effect.gen(function* () {
      const runn = slowRunn();
      const calls = { items: 0, ledger: 0 };
      const keys = new Set<string>();
      const recorder = {
        items: (is: ReadonlyArray<RunItem>) =>
          Effect.sync(() => {
            calls.items++;
            for (const i of is) if (i.outcome === "written") keys.add(i.label);
          }),
        ledgerPut: () => Effect.sync(() => void calls.ledger++),
        ledgerRemove: () => Effect.void,
      };
      const applied = yield* apply(planOf(5_000), runn.writer, recorder, {
        runId: "r1",
        connectionId: "c1",
        now: "2026-01-10T00:00:00Z",
        concurrency: 4,
      });
      expect(applied.writes).toBe(51); // the role and fifty bulks
      expect(keys.size).toBe(5_000); // every key recorded, once
      // 2,000 items a write: three ledger writes and three item writes (and the role's) for fifty
      // requests, not fifty of each.
      expect(calls).toEqual({ items: 4, ledger: 3 });
    }),
  );
});
