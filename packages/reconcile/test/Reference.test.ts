import type { Plan } from "@harvest-runn/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import { type World, world } from "./support/Arbitraries.ts";
import { expected } from "./support/Reference.ts";

const ACTUAL_OPS = new Set(["UpsertActual", "RemoveActual", "RecordLedger", "ForgetLedger"]);
const ACTUAL_ITEMS = new Set(["ManualEditConflict", "NegativeDayClamped", "Skipped"]);
/** Reasons the actuals rules own; any other skip is an entity decision (E*), compared as "not_linked". */
const A_REASONS = new Set(["not_approved", "ambiguous_link", "unknown_role", "no_role"]);

const sorted = <A>(xs: ReadonlyArray<A>) =>
  xs
    .map((x) => JSON.stringify(x))
    .sort()
    .map((x) => JSON.parse(x) as A);
const normalised = (item: Plan.ReportItem) =>
  item._tag === "Skipped" && !A_REASONS.has(item.reason) ? { ...item, reason: "not_linked" } : item;

const engineVsReference = (w: World) => {
  const plan = Reconcile.reconcile(w.harvest, w.runn, w.options);
  const ref = expected(w, plan);
  expect(sorted(plan.operations.filter((o) => ACTUAL_OPS.has(o._tag)))).toEqual(sorted(ref.operations));
  expect(sorted(plan.report.filter((r) => ACTUAL_ITEMS.has(r._tag)).map(normalised))).toEqual(
    sorted(ref.report),
  );
};

describe("the engine agrees with the plain reference implementation of A1–A9", () => {
  it("on generated worlds: the same actual operations, conflicts, clamps and skipped time", () => {
    fc.assert(fc.property(world({ synced: true }), engineVsReference), { numRuns: 300 });
  });
  it("on generated worlds under protectManualEdits", () => {
    fc.assert(fc.property(world({ protect: true, synced: true }), engineVsReference), { numRuns: 300 });
  });
});
