import { describe, expect, it } from "@effect/vitest";
import { Either, Schema } from "effect";
import { Ids, ReconcileOptions, Settings } from "../src/index.ts";

const stored = Schema.decodeUnknownEither(Settings.Settings);
const planned = Schema.decodeUnknownEither(ReconcileOptions.Settings);
const plannedWith = (patch: Record<string, unknown>) =>
  planned({ ...ReconcileOptions.defaults, today: "2026-11-27", ...patch });

describe("Settings", () => {
  it("a connection nobody configured gets the SPEC defaults", () => {
    const s = Schema.decodeUnknownSync(Settings.Settings)({});
    expect(s).toEqual(Settings.defaults);
    expect([
      s.windowDays,
      s.switches.actuals,
      s.onPossibleDuplicate,
      s.onRemovedTime,
      s.schedule.timeOfDay,
    ]).toEqual([45, false, "hold", "delete", "02:00"]);
  });

  it("fills a nested field left out of a partial document", () => {
    const s = Schema.decodeUnknownSync(Settings.Settings)({
      switches: { actuals: true },
      schedule: { timeZone: "Europe/Paris" },
    });
    expect(s.switches).toEqual({ clientsAndProjects: true, people: true, actuals: true });
    expect(s.schedule).toEqual({ enabled: true, timeOfDay: "02:00", timeZone: "Europe/Paris" });
  });

  it("the reconcile defaults are the stored defaults' policy", () => {
    for (const key of Settings.policyKeys)
      expect(ReconcileOptions.defaults[key]).toEqual(Settings.defaults[key]);
  });

  it.each([
    ["windowDays", 0],
    ["windowDays", 1],
    ["windowDays", 3660],
    ["windowDays", 3661],
    ["windowDays", 4.5],
    ["referenceName", ""],
    ["onPossibleDuplicate", "merge"],
    ["rounding", { source: "hours", mode: "week" }],
  ])("stored settings and reconcile options agree on %s = %j", (key, value) => {
    expect(Either.isRight(stored({ [key]: value }))).toBe(Either.isRight(plannedWith({ [key]: value })));
  });

  it("a window of 3661 days is refused (older days are a backfill's job), 3660 is accepted", () => {
    expect(Either.isLeft(stored({ windowDays: 3661 }))).toBe(true);
    expect(Either.isRight(stored({ windowDays: 3660 }))).toBe(true);
  });

  it("the options of a run carry exactly the reconcile settings of its connection", () => {
    const settings = Schema.decodeUnknownSync(Settings.Settings)({ windowDays: 10, approvedOnly: true });
    const options = ReconcileOptions.make({
      ...Settings.policyOf(settings),
      today: Ids.IsoDate.make("2026-11-27"),
      connectionId: Ids.ConnectionId.make("c"),
      now: "2026-11-27T10:00:00Z",
    });
    const recorded = ReconcileOptions.settingsOf(options);
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(ReconcileOptions.Settings.fields).sort());
    expect(Settings.policyOf(recorded)).toEqual(Settings.policyOf(settings));
  });
});
