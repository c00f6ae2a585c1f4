import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Plan, ReconcileOptions, Snapshot } from "../src/index.ts";

describe("Plan", () => {
  it("accepts existing ids and symbolic refs, and rejects refs of an unknown kind", () => {
    const decode = Schema.decodeUnknownSync(Plan.PersonRef);
    expect(decode(12)).toBe(12);
    expect(decode("new:person:42")).toBe("new:person:42");
    expect(() => decode("new:team:1")).toThrow();
  });
  it("round-trips an UpsertActual naming entities created in the same plan", () => {
    const op = {
      _tag: "UpsertActual",
      personId: "new:person:1",
      projectId: 600,
      roleId: "new:role:unknown",
      date: "2026-11-20",
      billableMinutes: 30,
      nonbillableMinutes: 0,
      harvestEntryIds: [1, 2],
      runnActualId: null,
      previous: null,
    };
    const decoded = Schema.decodeUnknownSync(Plan.Operation)(op);
    expect(JSON.parse(JSON.stringify(Schema.encodeSync(Plan.Operation)(decoded)))).toEqual(op);
  });
});

describe("ReconcileOptions", () => {
  it("defaults follow the SPEC: 45-day window, actuals off, hold duplicates, delete removed time", () => {
    const o = ReconcileOptions.defaults;
    expect([
      o.windowDays,
      o.switches.actuals,
      o.onPossibleDuplicate,
      o.onRemovedTime,
      o.referenceName,
    ]).toEqual([45, false, "hold", "delete", "Harvest"]);
  });
  it("settings decode from JSON", () => {
    const settings = { ...ReconcileOptions.defaults, today: "2026-11-27" };
    expect(Schema.decodeUnknownSync(ReconcileOptions.Settings)(JSON.parse(JSON.stringify(settings)))).toEqual(
      settings,
    );
  });
});

describe("Snapshot", () => {
  it("the empty snapshots decode", () => {
    expect(Schema.decodeUnknownSync(Snapshot.HarvestSnapshot)(Snapshot.emptyHarvest)).toEqual(
      Snapshot.emptyHarvest,
    );
    expect(Schema.decodeUnknownSync(Snapshot.RunnSnapshot)(Snapshot.emptyRunn)).toEqual(Snapshot.emptyRunn);
  });
});
