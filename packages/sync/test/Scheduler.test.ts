import { describe, expect, it } from "@effect/vitest";
import { Effect, Either, Fiber, Ref, TestClock } from "effect";
import * as Scheduler from "../src/Scheduler.ts";

const berlin: Scheduler.DailySchedule = { enabled: true, timeOfDay: "06:30", timeZone: "Europe/Berlin" };
const created = new Date("2026-01-01T00:00:00Z");

describe("Scheduler.due", () => {
  it("is due at the connection's local time, not before (R4)", () => {
    const c = { connectionId: "c1", schedule: berlin, lastScheduledFor: null, createdAt: created };
    // 06:30 in Berlin in winter is 05:30 UTC.
    expect(Scheduler.due([c], new Date("2026-02-10T05:29:59Z"))).toHaveLength(1); // yesterday's run is owed
    const onTime = Scheduler.due(
      [{ ...c, lastScheduledFor: new Date("2026-02-09T05:30:00Z") }],
      new Date("2026-02-10T05:30:00Z"),
    );
    expect(onTime).toEqual([
      { connectionId: "c1", scheduledFor: new Date("2026-02-10T05:30:00Z"), localDate: "2026-02-10" },
    ]);
    const before = Scheduler.due(
      [{ ...c, lastScheduledFor: new Date("2026-02-09T05:30:00Z") }],
      new Date("2026-02-10T05:29:00Z"),
    );
    expect(before).toEqual([]);
  });

  it("follows daylight saving time: 06:30 Berlin is 04:30 UTC in summer", () => {
    const c = {
      connectionId: "c1",
      schedule: berlin,
      lastScheduledFor: new Date("2026-07-09T04:30:00Z"),
      createdAt: created,
    };
    expect(Scheduler.due([c], new Date("2026-07-10T04:29:00Z"))).toEqual([]);
    expect(Scheduler.due([c], new Date("2026-07-10T04:30:00Z")).map((d) => d.scheduledFor)).toEqual([
      new Date("2026-07-10T04:30:00Z"),
    ]);
  });

  it("catches up a missed day once, not once per missed day", () => {
    const c = {
      connectionId: "c1",
      schedule: berlin,
      lastScheduledFor: new Date("2026-02-01T05:30:00Z"),
      createdAt: created,
    };
    const d = Scheduler.due([c], new Date("2026-02-05T12:00:00Z"));
    expect(d.map((x) => x.localDate)).toEqual(["2026-02-05"]);
  });

  it("owes nothing scheduled before the connection existed, and skips disabled schedules", () => {
    const fresh = {
      connectionId: "c1",
      schedule: berlin,
      lastScheduledFor: null,
      createdAt: new Date("2026-02-10T06:00:00Z"),
    };
    expect(Scheduler.due([fresh], new Date("2026-02-10T12:00:00Z"))).toEqual([]);
    const off = {
      connectionId: "c2",
      schedule: { ...berlin, enabled: false },
      lastScheduledFor: null,
      createdAt: created,
    };
    expect(Scheduler.due([off], new Date("2026-02-10T12:00:00Z"))).toEqual([]);
  });

  it("names the field of an invalid time zone", () => {
    const r = Scheduler.cronOf({ enabled: true, timeOfDay: "06:30", timeZone: "Mars/Olympus" });
    expect(Either.isLeft(r) && r.left.message).toContain("schedule.timeZone");
  });
});

describe("Scheduler.loop", () => {
  it.effect("fires at the connection's local time under TestClock and records it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(new Date("2026-03-02T00:00:00Z").getTime());
      const fired = yield* Ref.make<ReadonlyArray<Scheduler.Due>>([]);
      const last = yield* Ref.make<Date | null>(new Date("2026-03-01T05:30:00Z"));
      const fiber = yield* Effect.fork(
        Scheduler.loop({
          load: Effect.map(Ref.get(last), (l) => [
            { connectionId: "c1", schedule: berlin, lastScheduledFor: l, createdAt: created },
          ]),
          trigger: (d) =>
            Effect.zipRight(
              Ref.update(fired, (xs) => [...xs, d]),
              Ref.set(last, d.scheduledFor),
            ),
        }),
      );
      yield* TestClock.adjust("5 hours");
      expect(yield* Ref.get(fired)).toEqual([]);
      yield* TestClock.adjust("31 minutes");
      expect((yield* Ref.get(fired)).map((d) => d.localDate)).toEqual(["2026-03-02"]);
      yield* TestClock.adjust("1 day");
      expect((yield* Ref.get(fired)).map((d) => d.localDate)).toEqual(["2026-03-02", "2026-03-03"]);
      yield* Fiber.interrupt(fiber);
    }),
  );

  it.effect("catches up a day missed while the process was down", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(new Date("2026-03-05T09:00:00Z").getTime());
      const fired = yield* Ref.make<ReadonlyArray<string>>([]);
      const fiber = yield* Effect.fork(
        Scheduler.loop({
          load: Effect.succeed([
            {
              connectionId: "c1",
              schedule: berlin,
              lastScheduledFor: new Date("2026-03-03T05:30:00Z"),
              createdAt: created,
            },
          ]),
          trigger: (d) => Ref.update(fired, (xs) => [...xs, d.localDate]),
        }),
      );
      yield* TestClock.adjust("1 second");
      expect(yield* Ref.get(fired)).toEqual(["2026-03-05"]);
      yield* Fiber.interrupt(fiber);
    }),
  );
});
