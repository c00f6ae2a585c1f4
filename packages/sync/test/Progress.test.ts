import { describe, expect, it } from "@effect/vitest";
import type { Plan } from "@harvest-runn/domain";
import type { RunProgress } from "@harvest-runn/storage";
import { recordOf, totalsOf } from "../src/internal/ProgressRecord.ts";
import * as Progress from "../src/Progress.ts";

const record = (over: Partial<RunProgress.RunProgress> = {}): RunProgress.RunProgress =>
  ({
    runId: "run-1",
    connectionId: "c1",
    phase: "projects",
    entities: { done: 31_204, total: 58_945 },
    actuals: { done: 0, total: 727_169 },
    requests: { done: 31_204, total: 66_219 },
    writesStartedAt: "2026-03-16T10:00:00.000Z",
    updatedAt: "2026-03-16T14:20:00.000Z",
    ...over,
  }) as RunProgress.RunProgress;

describe("Progress.describe", () => {
  it("states entities done of planned and the time left at the rate so far", () => {
    // 31,204 requests in 4 h 20 min; 35,015 left at that rate take about 4 h 52 min.
    expect(Progress.describe(record(), new Date("2026-03-16T14:20:00.000Z"))).toBe(
      "importing: 31,204 of 58,945 entities, about 4 h 52 min left",
    );
    // Read 12 minutes after it was saved: 12 minutes less are left.
    expect(Progress.describe(record(), new Date("2026-03-16T14:32:00.000Z"))).toBe(
      "importing: 31,204 of 58,945 entities, about 4 h 40 min left",
    );
  });

  it("names the actuals once the entities are written, and says when the rate is not known yet", () => {
    const actuals = record({
      phase: "actuals",
      entities: { done: 58_945, total: 58_945 },
      actuals: { done: 120_000, total: 727_169 },
      requests: { done: 60_145, total: 66_219 },
      writesStartedAt: "2026-03-16T10:00:00.000Z",
      updatedAt: "2026-03-16T18:21:10.000Z",
    });
    expect(Progress.describe(actuals, new Date("2026-03-16T18:21:10.000Z"))).toBe(
      "importing: 58,945 of 58,945 entities, 120,000 of 727,169 actuals, about 51 min left",
    );
    const first = record({ requests: { done: 0, total: 10 }, writesStartedAt: null });
    expect(Progress.describe(first, new Date())).toMatch(/, time left not known yet$/);
    expect(Progress.describe(record({ phase: "load" }), new Date())).toBe("loading Harvest and Runn");
  });

  it("formats durations in hours and minutes", () => {
    expect(Progress.formatDuration(20_000)).toBe("less than a minute");
    expect(Progress.formatDuration(12 * 60_000)).toBe("12 min");
    expect(Progress.formatDuration(3 * 3_600_000)).toBe("3 h");
    expect(Progress.formatDuration(3 * 3_600_000 + 40 * 60_000)).toBe("3 h 40 min");
  });
});

describe("the saved progress record", () => {
  it("counts entities and requests by phase, bulk phases at 100 items a request", () => {
    const op = (tag: string) => ({ _tag: tag }) as unknown as Plan.Operation;
    const plan = {
      operations: [
        ...Array.from({ length: 2 }, () => op("CreateRole")),
        ...Array.from({ length: 250 }, () => op("CreateClient")),
        ...Array.from({ length: 7 }, () => op("CreateProject")),
        ...Array.from({ length: 5 }, () => op("CreatePerson")),
        ...Array.from({ length: 201 }, () => op("UpsertActual")),
        op("RecordLedger"),
      ],
    } as unknown as Plan.Plan;
    const totals = totalsOf(plan);
    const done = new Map<Progress.Phase, number>([
      ["roles", 2],
      ["clients", 250],
      ["projects", 3],
    ]);
    const r = recordOf({ runId: "r", connectionId: "c", writesStartedAt: null }, "projects", totals, done);
    expect(r.entities).toEqual({ done: 255, total: 264 });
    expect(r.actuals).toEqual({ done: 0, total: 201 });
    // roles 2 + clients 3 + projects 7 + people 5 + actuals 3 = 20 requests; 2 + 3 + 3 done.
    expect(r.requests).toEqual({ done: 8, total: 20 });
  });
});
