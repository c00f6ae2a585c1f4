import { Clock, Duration, Effect, Fiber } from "effect";
import { describe, expect, it } from "vitest";
import { Pacer } from "../src/index.ts";

/**
 * A virtual clock: `sleep` parks the caller until `drive` advances time to its wake-up, so the pacer's
 * schedule is checked exactly, whatever else the machine is doing. `lateBy` makes chosen sleeps wake late.
 */
const virtualTime = (
  lateBy: (sleep: number) => number = () => 0,
  /** Holds everything from `from` to `to` ms (a collection): a wake-up due then happens at `to`. */
  pause?: { readonly from: number; readonly to: number },
) => {
  let t = 0;
  let count = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const nanos = () => BigInt(Math.round(t * 1e6));
  const clock: Clock.Clock = {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => t,
    currentTimeMillis: Effect.sync(() => t),
    unsafeCurrentTimeNanos: nanos,
    currentTimeNanos: Effect.sync(nanos),
    sleep: (duration) =>
      Effect.async<void>((resume) => {
        const due = t + Duration.toMillis(duration) + lateBy(count++);
        const sleeper = {
          at: pause !== undefined && due >= pause.from && due < pause.to ? pause.to : due,
          wake: () => resume(Effect.void),
        };
        sleepers.push(sleeper);
        return Effect.sync(() => sleepers.splice(sleepers.indexOf(sleeper), 1));
      }),
  };
  /** Runs `effect` on this clock, waking sleepers in time order until it ends. */
  const drive = async <A>(effect: Effect.Effect<A>): Promise<A> => {
    const work = Effect.runPromise(effect.pipe(Effect.withClock(clock)));
    let done = false;
    work.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < 100_000 && !done; i++) {
      await new Promise((r) => setImmediate(r));
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers.shift();
      if (next !== undefined) {
        t = Math.max(t, next.at);
        next.wake();
      }
    }
    return work;
  };
  return { drive, now: () => t };
};

/** Sends the request of `permit` now: records the time in `sent` and reports it to the pacer. */
const send = (permit: Pacer.Permit, sent: Array<number>) =>
  Effect.clockWith((c) =>
    Effect.sync(() => {
      sent.push(c.unsafeCurrentTimeMillis());
      permit.sent();
    }),
  );

/** `n` requests of account `key` through `pacer`, each sent as soon as it is let through. */
const burst = (pacer: Pacer.Service, key: string, budget: Pacer.Budget, n: number, sent: Array<number>) =>
  Effect.forEach(
    Array.from({ length: n }, (_, i) => i),
    () => Effect.flatMap(pacer.take(key, budget), (permit) => send(permit, sent)),
    { concurrency: "unbounded", discard: true },
  );

describe("Pacer", () => {
  it("spaces one account's requests so no window holds more than the limit, without drifting", async () => {
    const clock = virtualTime();
    const sent: Array<number> = [];
    const budget = { limit: 10, window: "50 millis" } as const;
    await clock.drive(burst(Pacer.unsafeMake(), "a", budget, 30, sent));
    const interval = Pacer.intervalOf(budget);
    expect(interval).toBe(30); // (50 ms + 250 ms slack) / 10
    expect(sent).toHaveLength(30);
    // No window of window + slack (300 ms) ever holds more than 10 requests.
    for (let i = 10; i < sent.length; i++) expect(sent[i]! - sent[i - 10]!).toBeGreaterThanOrEqual(300);
    // Fixed slots: request k starts at k intervals, so 30 requests end at 29 intervals, with no drift.
    for (const [k, at] of sent.entries()) expect(at).toBeCloseTo(k * interval, 6);
  });

  it("compresses a budget's window and keeps only the real pause it is given as slack", async () => {
    // Runn's 120 a minute against a server running 80 times fast: a 750 ms window and 10 ms of slack.
    const budget = Pacer.compressed({ limit: 120, window: "60 seconds" }, 80, 10);
    expect(Pacer.spanOf(budget)).toBeCloseTo(750 + 10, 9);
    expect(Pacer.spanOf(Pacer.compressed({ limit: 120, window: "60 seconds" }, 80))).toBeCloseTo(752, 9);
    expect(Pacer.spanOf({ limit: 120, window: "60 seconds" })).toBe(61_200);
    expect(Pacer.slackOf({ limit: 10, window: "1 second" })).toBe(250);
    const clock = virtualTime();
    const sent: Array<number> = [];
    await clock.drive(burst(Pacer.unsafeMake(), "a", budget, 360, sent));
    for (let i = 120; i < sent.length; i++)
      expect(sent[i]! - sent[i - 120]!).toBeGreaterThanOrEqual(760 - 1e-6);
    // The 360th request goes 359 intervals in (timers round up to whole milliseconds): the pace is the
    // compressed span's, not that of the 250 ms floor (which would take 3.2 s).
    expect(sent.at(-1)).toBeGreaterThanOrEqual((359 * 760) / 120 - 1e-6);
    expect(sent.at(-1)).toBeLessThan((359 * 760) / 120 + 1);
  });

  it("shares one schedule between the clients of one account, and none between accounts", async () => {
    const clock = virtualTime();
    const pacer = Pacer.unsafeMake();
    const budget = { limit: 5, window: "50 millis" } as const;
    const shared: Array<number> = [];
    const other: Array<number> = [];
    await clock.drive(
      Effect.all(
        [
          burst(pacer, "shared", budget, 6, shared),
          burst(pacer, "shared", budget, 6, shared),
          burst(pacer, "other", budget, 6, other),
        ],
        { concurrency: "unbounded" },
      ),
    );
    shared.sort((a, b) => a - b);
    expect(shared).toHaveLength(12);
    for (let i = 5; i < shared.length; i++) expect(shared[i]! - shared[i - 5]!).toBeGreaterThanOrEqual(300);
    expect(shared.at(-1)).toBeCloseTo(11 * 60, 6);
    // The other account kept its own pace: its sixth request did not queue behind the shared twelve.
    expect(other.at(-1)).toBeCloseTo(5 * 60, 6);
  });

  it("waits on real send times when late timers bunch requests up, as the server's sliding window does", async () => {
    // The first sleeps wake 250 ms late (a busy event loop), so their slots bunch up with later ones.
    const clock = virtualTime((n) => (n < 3 ? 250 : 0));
    const sent: Array<number> = [];
    const budget = { limit: 3, window: "50 millis" } as const; // span 300 ms, interval 100 ms
    await clock.drive(burst(Pacer.unsafeMake(), "late", budget, 7, sent));
    expect(sent).toHaveLength(7);
    for (let i = 3; i < sent.length; i++) expect(sent[i]! - sent[i - 3]!).toBeGreaterThanOrEqual(300);
  });

  it("uses the slots a pause made it miss while the account is busy, within the window's limit", async () => {
    // Three workers send one request after another: 5 ms of exchange (counted as sent at its end), then
    // 10 ms of bookkeeping. Interval 30 ms. Everything is held from 100 to 200 ms, so the slots that
    // come up meanwhile find no request waiting; the requests reserved after it take them late.
    const clock = virtualTime(() => 0, { from: 100, to: 200 });
    const pacer = Pacer.unsafeMake();
    const budget = { limit: 10, window: "50 millis" } as const; // span 300 ms, interval 30 ms
    const sent: Array<number> = [];
    const request = Effect.flatMap(pacer.take("busy", budget), (permit) =>
      Effect.zipRight(Effect.sleep("5 millis"), send(permit, sent)),
    ).pipe(Effect.zipRight(Effect.sleep("10 millis")));
    const worker = Effect.forEach(Array.from({ length: 10 }), () => request, { discard: true });
    await clock.drive(Effect.all([worker, worker, worker], { concurrency: "unbounded" }));
    sent.sort((a, b) => a - b);
    expect(sent).toHaveLength(30);
    for (let i = 10; i < sent.length; i++) expect(sent[i]! - sent[i - 10]!).toBeGreaterThanOrEqual(300);
    // The three requests whose slots came up during the pause go at its end, and the next ones take
    // the slots they missed at once instead of moving the schedule back by the pause.
    expect(sent.slice(4, 8)).toEqual([205, 205, 205, 220]);
    // The 30th request's exchange ends at 890 ms: 885 without the pause (each window waits on the
    // end of an exchange, 5 ms later than its slot), and 905 when the missed slots were lost.
    expect(sent.at(-1)).toBe(890);
  });

  it("starts afresh from now after the account was idle: a pause in the work is no burst", async () => {
    const clock = virtualTime();
    const pacer = Pacer.unsafeMake();
    const budget = { limit: 10, window: "50 millis" } as const; // interval 30 ms
    const sent: Array<number> = [];
    const take = Effect.flatMap(pacer.take("idle", budget), (permit) => send(permit, sent));
    await clock.drive(
      Effect.gen(function* () {
        yield* Effect.all([take, take], { concurrency: "unbounded" });
        yield* Effect.sleep("1 second");
        yield* Effect.all([take, take, take], { concurrency: "unbounded" });
      }),
    );
    expect(sent).toEqual([0, 30, 1030, 1060, 1090]);
  });

  it("gives the slot of an abandoned wait back, so the abandoned request uses no budget", async () => {
    const clock = virtualTime();
    const pacer = Pacer.unsafeMake();
    const budget = { limit: 10, window: "50 millis" } as const; // interval 30 ms
    const sent: Array<number> = [];
    const take = Effect.flatMap(pacer.take("give", budget), (permit) => send(permit, sent));
    await clock.drive(
      Effect.gen(function* () {
        const waiters = yield* Effect.forEach([0, 1, 2, 3], () => Effect.fork(take));
        yield* Effect.sleep("10 millis");
        // The requests holding the slots at 60 and 90 ms give up while they wait.
        yield* Fiber.interrupt(waiters[2]!);
        yield* Fiber.interrupt(waiters[3]!);
        // Two later requests get those slots back instead of the next free ones (120 and 150 ms).
        yield* Effect.all([take, take], { concurrency: "unbounded" });
        yield* Fiber.join(waiters[1]!);
      }),
    );
    expect(sent.sort((a, b) => a - b)).toEqual([0, 30, 60, 90]);
  });

  it.each([
    // The first request reaches fetch 100 ms after its slot: the third waits for a span after that.
    { holdMs: 100, expected: [100, 150, 400] },
    // Still not sent when the third one's slot comes: it counts as sending then, and the third waits
    // until the second is a span old, then checks again and finds the first sent at 350.
    { holdMs: 350, expected: [150, 350, 450] },
  ])(
    "records a send when the request reaches fetch, not when its slot came up (held $holdMs ms)",
    async ({ holdMs, expected }) => {
      const clock = virtualTime();
      const pacer = Pacer.unsafeMake();
      const budget = { limit: 2, window: "50 millis" } as const; // span 300 ms, interval 150 ms
      const sent: Array<number> = [];
      const late = Effect.flatMap(pacer.take("held", budget), (permit) =>
        // The fiber yields between its slot and its send, as a busy one does before openapi-fetch calls fetch.
        Effect.zipRight(Effect.sleep(Duration.millis(holdMs)), send(permit, sent)),
      );
      const onTime = Effect.flatMap(pacer.take("held", budget), (permit) => send(permit, sent));
      await clock.drive(
        Effect.gen(function* () {
          const first = yield* Effect.fork(late);
          yield* Effect.all([onTime, onTime], { concurrency: "unbounded" });
          yield* Fiber.join(first);
        }),
      );
      expect(sent.sort((a, b) => a - b)).toEqual(expected);
      // The server's sliding window never holds more than two of these requests.
      expect(sent[2]! - sent[0]!).toBeGreaterThanOrEqual(300);
    },
  );

  it("gives the slot of a request that never reached fetch back", async () => {
    const clock = virtualTime();
    const pacer = Pacer.unsafeMake();
    const budget = { limit: 1, window: "50 millis" } as const; // one request per 300 ms
    const sent: Array<number> = [];
    await clock.drive(
      Effect.gen(function* () {
        const unsent = yield* pacer.take("cancel", budget);
        unsent.cancel();
        unsent.sent(); // too late: a cancelled permit records nothing
        yield* Effect.flatMap(pacer.take("cancel", budget), (permit) => send(permit, sent));
        yield* Effect.flatMap(pacer.take("cancel", budget), (permit) => send(permit, sent));
      }),
    );
    expect(sent).toEqual([0, 300]);
  });
});
