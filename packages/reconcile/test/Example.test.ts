import { type Ids, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";

describe("README usage", () => {
  it("runs as written: empty snapshots give an empty plan", () => {
    const options = ReconcileOptions.make({
      today: "2026-11-27" as Ids.IsoDate,
      connectionId: "acme" as Ids.ConnectionId,
      now: "2026-11-27T06:00:00Z" as Ids.IsoDateTime,
      switches: { clientsAndProjects: true, people: true, actuals: true },
    });
    const harvest = Snapshot.emptyHarvest; // loaded by the orchestrator
    const runn = Snapshot.emptyRunn;
    const oldDays = Reconcile.oldDays(harvest, runn, options);
    const plan = Reconcile.reconcile({ ...harvest, oldDays }, runn, options);
    expect([plan.operations, plan.report]).toEqual([[], []]);
  });
});
