import {
  type ConnectionId,
  type IsoDate,
  type IsoDateTime,
  ReconcileOptions,
  Snapshot,
} from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { Reconcile, reconcile } from "../src/index.ts";

describe("README usage", () => {
  it("runs as written: empty snapshots give an empty plan", () => {
    const options = ReconcileOptions.make({
      today: "2026-11-27" as IsoDate,
      connectionId: "acme" as ConnectionId,
      now: "2026-11-27T06:00:00Z" as IsoDateTime,
      switches: { clientsAndProjects: true, people: true, actuals: true },
    });
    const harvest = Snapshot.emptyHarvest; // loaded by the orchestrator
    const runn = Snapshot.emptyRunn;
    const oldDays = Reconcile.oldDays(harvest, runn, options);
    const plan = reconcile({ ...harvest, oldDays }, runn, options);
    expect([plan.operations, plan.report]).toEqual([[], []]);
  });
});
