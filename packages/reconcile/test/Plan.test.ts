import { Plan, ReconcileOptions } from "@harvest-runn/domain";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import * as B from "./support/Builder.ts";

const D = "2026-11-20";
const world = () => {
  const w = B.linkedWorld();
  return {
    harvest: {
      ...w.harvest,
      timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })],
    },
    runn: w.runn,
  };
};

describe("R2 plans and fingerprints", () => {
  it("R2: the plan envelope carries version, connection, creation time and the settings (not the ledger)", () => {
    const w = world();
    const plan = Reconcile.reconcile(
      w.harvest,
      w.runn,
      B.options({
        ledger: [B.ledgerEntry({ key: B.key(D), billableMinutes: 5, harvestEntryIds: [1], runnActualId: 1 })],
      }),
    );
    expect([plan.version, plan.connectionId, plan.createdAt]).toEqual([1, "test", "2026-11-27T12:00:00Z"]);
    expect(Object.keys(plan.options).sort()).toEqual(Object.keys(ReconcileOptions.Settings.fields).sort());
  });
  it("R2: a plan encodes to JSON and decodes back unchanged", () => {
    const w = world();
    const plan = Reconcile.reconcile(w.harvest, w.runn, B.options());
    const json = JSON.stringify(Schema.encodeSync(Plan.Plan)(plan));
    expect(Schema.decodeUnknownSync(Plan.Plan)(JSON.parse(json))).toEqual(plan);
  });
  it("R2: fingerprints of fresh snapshots equal the plan's until a record it depends on changes", () => {
    const w = world();
    const options = B.options();
    const plan = Reconcile.reconcile(w.harvest, w.runn, options);
    expect(Reconcile.fingerprints(w.harvest, w.runn, options)).toEqual(plan.fingerprints);
    const edited = {
      ...w.harvest,
      timeEntries: [
        B.entry({
          id: 1,
          userId: 1,
          projectId: 100,
          date: D,
          minutes: 90,
          updated_at: "2026-11-27T09:00:00Z",
        }),
      ],
    };
    expect(Reconcile.fingerprints(edited, w.runn, options)).not.toEqual(plan.fingerprints);
    const deleted = { ...w.harvest, timeEntries: [] };
    expect(Reconcile.fingerprints(deleted, w.runn, options)).not.toEqual(plan.fingerprints);
  });
  it("R2: the settings fingerprint is what earlier plans carry, whatever the order of the settings' fields", () => {
    const w = B.linkedWorld();
    const options = B.options({ roleMapping: { Dev: "Developer" }, windowDays: 30 });
    // Values computed before the settings schema was derived from domain's one definition: a saved plan
    // from then must not read as stale because the schema's fields were reordered.
    expect(Reconcile.fingerprints(w.harvest, w.runn, B.options()).settings).toBe("9e1de655");
    expect(Reconcile.fingerprints(w.harvest, w.runn, options).settings).toBe("167dc11c");
    const reversed = Object.fromEntries(Object.entries(options).reverse()) as typeof options;
    expect(Reconcile.fingerprints(w.harvest, w.runn, reversed)).toEqual(
      Reconcile.fingerprints(w.harvest, w.runn, options),
    );
  });
  it("A9: a running timer does not make a saved plan stale", () => {
    const w = world();
    const options = B.options();
    const before = {
      ...w.harvest,
      runningEntries: [B.entry({ id: 2, userId: 1, projectId: 100, date: D, minutes: 10, is_running: true })],
    };
    const after = {
      ...w.harvest,
      runningEntries: [B.entry({ id: 2, userId: 1, projectId: 100, date: D, minutes: 25, is_running: true })],
    };
    expect(Reconcile.fingerprints(after, w.runn, options)).toEqual(
      Reconcile.reconcile(before, w.runn, options).fingerprints,
    );
  });
  it("R2: an unrelated change (actuals off, a time entry edited) does not make a plan stale", () => {
    const w = world();
    const options = B.options({ switches: { clientsAndProjects: true, people: true, actuals: false } });
    const plan = Reconcile.reconcile(w.harvest, w.runn, options);
    const edited = {
      ...w.harvest,
      timeEntries: [
        B.entry({
          id: 1,
          userId: 1,
          projectId: 100,
          date: D,
          minutes: 90,
          updated_at: "2026-11-27T09:00:00Z",
        }),
      ],
    };
    expect(Reconcile.fingerprints(edited, w.runn, options)).toEqual(plan.fingerprints);
  });
});

describe("A6 old days", () => {
  it("A6: old days are the days of old updated entries and the days the ledger says they moved from", () => {
    const w = B.linkedWorld();
    const moved = B.entry({ id: 7, userId: 1, projectId: 100, date: "2026-09-05", minutes: 60 });
    const recent = B.entry({ id: 8, userId: 1, projectId: 100, date: D, minutes: 60 });
    const options = B.options({
      ledger: [
        B.ledgerEntry({
          key: B.key("2026-09-01"),
          billableMinutes: 60,
          harvestEntryIds: [7],
          runnActualId: 1,
        }),
        B.ledgerEntry({
          key: B.key("2026-08-01"),
          billableMinutes: 60,
          harvestEntryIds: [99],
          runnActualId: 2,
        }),
      ],
    });
    expect(Reconcile.oldDays({ updatedEntries: [moved, recent] }, w.runn, options)).toEqual([
      { userId: 1, date: "2026-09-01" },
      { userId: 1, date: "2026-09-05" },
    ]);
  });
  it("A6: the window start is today minus windowDays − 1, or the backfill date", () => {
    expect(Reconcile.windowStart(B.options())).toBe("2026-10-14");
    expect(Reconcile.windowStart(B.options({ backfillFrom: "2026-01-01" as never }))).toBe("2026-01-01");
  });
});
