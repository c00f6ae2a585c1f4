import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

describe("rate limits", () => {
  it("Harvest: 150 quick requests get 429 with Retry-After after the 100th within 15 s", async () => {
    const t = harness();
    const statuses: number[] = [];
    let retryAfter = "";
    for (let i = 0; i < 150; i++) {
      const r = await t.harvest("GET", "/users/me");
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers["retry-after"] ?? "";
    }
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBe(15);
    const stats = (await t.control("GET", "/stats")).json;
    expect([
      stats.harvest.throttled,
      stats.harvest.maxInWindow,
      stats.harvest.requests["GET /users/me"],
    ]).toEqual([50, 100, 150]);
    t.clock.advance(15_001);
    expect((await t.harvest("GET", "/users/me")).status).toBe(200);
  });

  it("stats say how close admitted requests came to a 429 and how deep a refused one was", async () => {
    const t = harness();
    const stats = async () => (await t.control("GET", "/stats")).json.runn;
    for (let i = 0; i < 120; i++) await t.runn("GET", "/me/");
    expect((await stats()).closestMarginMs).toBeNull(); // the window never was full
    expect((await t.runn("GET", "/me/")).status).toBe(429);
    expect((await stats()).deepestRefusalMs).toBe(60_000); // a whole window early
    t.clock.advance(60_010); // the next goes 10 ms after the first left the window
    expect((await t.runn("GET", "/me/")).status).toBe(200);
    expect((await stats()).closestMarginMs).toBe(10);
  });

  it("the limit is per account", async () => {
    const t = harness({ accounts: 2 });
    for (let i = 0; i < 100; i++) await t.harvest("GET", "/users/me");
    expect((await t.harvest("GET", "/users/me")).status).toBe(429);
    expect((await t.harvest("GET", "/users/me", { account: 1 })).status).toBe(200);
  });

  it("Runn: 120 requests per minute, then 429 with Retry-After and x-ratelimit-reset", async () => {
    const t = harness();
    for (let i = 0; i < 120; i++) expect((await t.runn("GET", "/me/")).status).toBe(200);
    const r = await t.runn("GET", "/me/");
    expect(r.status).toBe(429);
    expect(r.json.statusCode).toBe(429);
    expect([r.headers["retry-after"], r.headers["x-ratelimit-reset"]]).toEqual(["60", "60"]);
    t.clock.advance(30_000);
    expect((await t.runn("GET", "/me/")).status).toBe(429);
    t.clock.advance(30_001);
    expect((await t.runn("GET", "/me/")).status).toBe(200);
  });

  it("Runn's block behaviour and limit are configurable", async () => {
    const t = harness({ limits: { runn: { requests: 5, windowMs: 10_000, blockMs: 60_000 } } });
    for (let i = 0; i < 5; i++) expect((await t.runn("GET", "/me/")).status).toBe(200);
    expect((await t.runn("GET", "/me/")).headers["retry-after"]).toBe("60");
    t.clock.advance(20_000);
    expect((await t.runn("GET", "/me/")).status).toBe(429);
    t.clock.advance(40_001);
    expect((await t.runn("GET", "/me/")).status).toBe(200);
  });

  it("timeScale compresses the window and Retry-After", async () => {
    const t = harness({ timeScale: 100 });
    for (let i = 0; i < 100; i++) await t.harvest("GET", "/users/me");
    const r = await t.harvest("GET", "/users/me");
    expect(r.status).toBe(429);
    expect(Number(r.headers["retry-after"])).toBeCloseTo(0.15, 3);
    t.clock.advance(151);
    expect((await t.harvest("GET", "/users/me")).status).toBe(200);
  });
});
