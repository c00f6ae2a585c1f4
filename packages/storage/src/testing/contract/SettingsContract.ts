/** Contract: settings with SPEC defaults, and cursors per stream. */
import { describe, expect } from "@effect/vitest";
import { ReconcileOptions, Settings } from "@harvest-runn/domain";
import { Effect, Option, Schema } from "effect";
import { type Context, failsWith, leased, newConnection } from "./Support.ts";

/** Registers the settings and cursors tests. */
export const tests = ({ it }: Context) => {
  describe("settings", () => {
    it.effect("returns SPEC defaults for a connection never configured", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const s = yield* store.settings.get(id);
        expect(s.switches).toEqual({ clientsAndProjects: true, people: true, actuals: false });
        expect(s.windowDays).toBe(45);
        expect(s.onPossibleDuplicate).toBe("hold");
        expect(s.onRemovedTime).toBe("delete");
        expect(s.referenceName).toBe("Harvest");
        expect(s.rounding).toEqual({ source: "hours", mode: "entry" });
        expect([s.protectManualEdits, s.approvedOnly, s.includeArchived]).toEqual([false, false, false]);
        expect(s.roleMapping).toEqual({});
        expect(s.webhookUrl).toBeNull();
        expect(s.schedule.timeZone).toBe("UTC");
      }),
    );

    it.effect("saves switches, policies, role mapping, schedule and webhook URL", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const wanted: Settings.Settings = {
          ...(yield* store.settings.get(id)),
          switches: { clientsAndProjects: false, people: true, actuals: true },
          windowDays: 60,
          rounding: { source: "rounded_hours", mode: "day" },
          onPossibleDuplicate: "link",
          onRemovedTime: "zero",
          protectManualEdits: true,
          referenceName: "HarvestSync",
          roleMapping: { Designer: "Design", "Senior Dev": "Engineering" },
          schedule: { enabled: true, timeOfDay: "06:30", timeZone: "Europe/Paris" },
          webhookUrl: "https://hooks.example.com/runn",
        };
        expect(yield* store.settings.put(id, wanted)).toEqual(wanted);
        expect(yield* store.settings.get(id)).toEqual(wanted);
      }),
    );

    it.effect("stores what the reconcile options accept, with the same defaults and bounds", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const current = yield* store.settings.get(id);
        expect(Settings.policyOf(current)).toEqual(Settings.policyOf(ReconcileOptions.defaults));
        const accepts = Schema.is(ReconcileOptions.Settings);
        for (const windowDays of [3660, 3661]) {
          const candidate = { ...current, windowDays };
          const planned = accepts({
            ...ReconcileOptions.defaults,
            ...Settings.policyOf(candidate),
            today: "2026-11-27",
          });
          const saved = yield* Effect.either(store.settings.put(id, candidate));
          expect([windowDays, saved._tag]).toEqual([windowDays, planned ? "Right" : "Left"]);
        }
        expect((yield* store.settings.get(id)).windowDays).toBe(3660);
      }),
    );

    it.effect("rejects settings with an unknown time zone (Corrupt) and keeps the old ones", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const current = yield* store.settings.get(id);
        const bad = { ...current, schedule: { ...current.schedule, timeZone: "Mars/Olympus" } };
        yield* failsWith(store.settings.put(id, bad), "Corrupt");
        expect(yield* store.settings.get(id)).toEqual(current);
      }),
    );
  });

  describe("cursors", () => {
    it.effect("sets and reads cursors per stream under the lease", () =>
      Effect.gen(function* () {
        const { store, id, lease } = yield* leased();
        expect(Option.isNone(yield* store.cursors.get(id, "harvest.time_entries"))).toBe(true);
        yield* store.cursors.set(lease, "harvest.time_entries", "2026-03-01T10:00:00Z");
        yield* store.cursors.set(lease, "harvest.users", "a");
        yield* store.cursors.set(lease, "harvest.time_entries", "2026-03-02T10:00:00Z");
        expect(yield* store.cursors.get(id, "harvest.time_entries")).toEqual(
          Option.some("2026-03-02T10:00:00Z"),
        );
        expect(yield* store.cursors.list(id)).toEqual({
          "harvest.time_entries": "2026-03-02T10:00:00Z",
          "harvest.users": "a",
        });
      }),
    );
  });
};
