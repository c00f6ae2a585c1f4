import { describe, expect, it } from "vitest";
import * as Pacer from "../src/internal/Pacer.ts";

/**
 * A virtual clock: `sleep` parks the caller until `drive` advances time to its wake-up, so the pacer's
 * schedule is checked exactly, whatever else the machine is doing.
 */
const virtualTime = (lateBy: (sleep: number) => number = () => 0) => {
  let t = 0;
  let count = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const timer: Pacer.Timer = {
    now: () => t,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: t + ms + lateBy(count++), wake })),
  };
  const drive = async <A>(work: Promise<A>): Promise<A> => {
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
  return { timer, drive, now: () => t };
};

describe("Pacer", () => {
  it("spaces one account's requests so no window holds more than the limit, without drifting", async () => {
    const clock = virtualTime();
    const sent: Array<number> = [];
    const budget = { limit: 10, window: "50 millis" } as const;
    const fetch = Pacer.paced(
      `test-${Math.random()}`,
      budget,
      async () => {
        sent.push(clock.now());
        return new Response(null, { status: 204 });
      },
      clock.timer,
    );
    await clock.drive(
      Promise.all(Array.from({ length: 30 }, () => fetch(new Request("http://127.0.0.1/x")))),
    );
    const interval = Pacer.intervalOf(budget);
    expect(interval).toBe(30); // (50 ms + 250 ms slack) / 10
    expect(sent).toHaveLength(30);
    // No window of window + slack (300 ms) ever holds more than 10 requests.
    for (let i = 10; i < sent.length; i++) expect(sent[i]! - sent[i - 10]!).toBeGreaterThanOrEqual(300);
    // Fixed slots: request k starts at k intervals, so 30 requests end at 29 intervals, with no drift.
    for (const [k, at] of sent.entries()) expect(at).toBeCloseTo(k * interval, 6);
  });

  it("shares one schedule between the clients of one account", async () => {
    const clock = virtualTime();
    const key = `shared-${Math.random()}`;
    const sent: Array<number> = [];
    const base = async () => {
      sent.push(clock.now());
      return new Response(null);
    };
    const budget = { limit: 5, window: "50 millis" } as const;
    const a = Pacer.paced(key, budget, base, clock.timer);
    const b = Pacer.paced(key, budget, base, clock.timer);
    await clock.drive(
      Promise.all([a, b, a, b, a, b, a, b, a, b, a, b].map((f) => f(new Request("http://127.0.0.1/y")))),
    );
    expect(sent).toHaveLength(12);
    for (let i = 5; i < sent.length; i++) expect(sent[i]! - sent[i - 5]!).toBeGreaterThanOrEqual(300);
  });

  it("waits on real send times when late timers bunch requests up, as the server's sliding window does", async () => {
    // The first sleeps wake 250 ms late (a busy event loop), so their slots bunch up with later ones.
    const clock = virtualTime((n) => (n < 3 ? 250 : 0));
    const sent: Array<number> = [];
    const budget = { limit: 3, window: "50 millis" } as const; // span 300 ms, interval 100 ms
    const fetch = Pacer.paced(
      `bunch-${Math.random()}`,
      budget,
      async () => {
        sent.push(clock.now());
        return new Response(null);
      },
      clock.timer,
    );
    await clock.drive(Promise.all(Array.from({ length: 7 }, () => fetch(new Request("http://127.0.0.1/z")))));
    for (let i = 3; i < sent.length; i++) expect(sent[i]! - sent[i - 3]!).toBeGreaterThanOrEqual(300);
  });
});
