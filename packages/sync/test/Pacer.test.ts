import { describe, expect, it } from "vitest";
import * as Pacer from "../src/Pacer.ts";

/** Milliseconds between the pacer admitting a request and the wrapped fetch starting it. */
const jitter = 5;

describe("Pacer", () => {
  it("spaces one account's requests so no window holds more than the limit, without drifting", async () => {
    const sent: Array<number> = [];
    const fetch = Pacer.paced(`test-${Math.random()}`, { limit: 10, window: "50 millis" }, async () => {
      sent.push(performance.now());
      return new Response(null, { status: 204 });
    });
    const start = performance.now();
    await Promise.all(Array.from({ length: 30 }, () => fetch(new Request("http://127.0.0.1/x"))));
    const interval = Pacer.intervalOf({ limit: 10, window: "50 millis" });
    expect(interval).toBe(30); // (50 ms + 250 ms slack) / 10
    for (let i = 10; i < sent.length; i++) {
      // The server's rule: no 50 ms window holds more than 10 requests.
      expect(sent[i]! - sent[i - 10]!).toBeGreaterThan(50);
      // The pacer's own schedule keeps window + slack; the times are taken inside fetch, a few event-loop
      // turns after the pacer admitted the request, so allow that jitter (not the slack) on the measure.
      expect(sent[i]! - sent[i - 10]!).toBeGreaterThanOrEqual(300 - jitter);
    }
    // 30 requests: the last starts at 29 intervals, not 29 intervals plus accumulated timer overhead.
    expect(sent.at(-1)! - start).toBeLessThan(29 * interval + 40);
  });

  it("shares one schedule between the clients of one account", async () => {
    const key = `shared-${Math.random()}`;
    const sent: Array<number> = [];
    const base = async () => {
      sent.push(performance.now());
      return new Response(null);
    };
    const a = Pacer.paced(key, { limit: 5, window: "50 millis" }, base);
    const b = Pacer.paced(key, { limit: 5, window: "50 millis" }, base);
    await Promise.all([a, b, a, b, a, b, a, b, a, b, a, b].map((f) => f(new Request("http://127.0.0.1/y"))));
    for (let i = 5; i < sent.length; i++) {
      expect(sent[i]! - sent[i - 5]!).toBeGreaterThan(50);
      expect(sent[i]! - sent[i - 5]!).toBeGreaterThanOrEqual(300 - jitter);
    }
  });
});
