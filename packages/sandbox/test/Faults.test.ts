import { describe, expect, it } from "vitest";
import { Faults } from "../src/control/Faults.ts";
import { harness } from "./support/Harness.ts";

describe("faults", () => {
  it("decides by (seed, method, path, body, attempt): order does not matter, retries get fresh draws", () => {
    const paths = Array.from({ length: 200 }, (_, i) => `/users?page=${i}`);
    const decide = (order: string[]) => {
      const f = new Faults(1);
      f.set({ serverError: 0.3 });
      return new Map(order.map((p) => [p, f.decide("harvest", "GET", p, null, false).serverError]));
    };
    const a = decide(paths);
    const b = decide([...paths].reverse());
    expect([...a.keys()].map((k) => a.get(k))).toEqual([...a.keys()].map((k) => b.get(k)));
    const hits = [...a.values()].filter(Boolean).length;
    expect(hits).toBeGreaterThan(30);
    expect(hits).toBeLessThan(90);
    const f = new Faults(1);
    f.set({ serverError: 0.5 });
    const attempts = Array.from(
      { length: 20 },
      () => f.decide("harvest", "GET", "/same", null, false).serverError,
    );
    expect(new Set(attempts).size).toBe(2);
  });

  it("commitThenFail applies the write, then answers 500", async () => {
    const t = harness({ runnData: "existing" });
    await t.control("PUT", "/faults", { commitThenFail: 1 });
    const r = await t.runn("POST", "/clients/", { body: { name: "Committed anyway" }, unchecked: true });
    expect(r.status).toBe(500);
    await t.control("PUT", "/faults", {});
    const list = await t.runn("GET", "/clients/?name=Committed%20anyway");
    expect(list.json.values).toHaveLength(1);
    await t.control("PUT", "/faults", { commitThenFail: 1, commitThenFailWith: "reset" });
    const h = await t.harvest("POST", "/clients", { body: { name: "Harvest commit" }, unchecked: true });
    expect(h.reset).toBe(true);
    await t.control("PUT", "/faults", {});
    expect(
      (await t.harvest("GET", "/clients")).json.clients.some(
        (c: { name: string }) => c.name === "Harvest commit",
      ),
    ).toBe(true);
    const stats = (await t.control("GET", "/stats")).json;
    expect(stats.runn.faults.commitThenFail).toBe(1);
  });

  it("after N writes: refuse the rest, or commit them and drop the responses", async () => {
    const t = harness();
    await t.control("PUT", "/faults", { afterWrites: { count: 2, mode: "refuse" } });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.runn("POST", "/roles/", { body: { name: `R${i}` }, unchecked: true })).status);
    expect(statuses).toEqual([201, 201, 503, 503]);
    expect((await t.runn("GET", "/roles/", { unchecked: true })).json.values).toHaveLength(2);
    await t.control("PUT", "/faults", { afterWrites: { count: 1, mode: "commitAndDrop" } });
    const a = await t.runn("POST", "/roles/", { body: { name: "S0" }, unchecked: true });
    const b = await t.runn("POST", "/roles/", { body: { name: "S1" }, unchecked: true });
    expect([a.status, b.reset]).toEqual([201, true]);
    expect((await t.runn("GET", "/roles/")).json.values.map((r: { name: string }) => r.name)).toEqual([
      "R0",
      "R1",
      "S0",
      "S1",
    ]);
  });

  it("injects 429, 5xx, resets, latency, malformed records and envelopes", async () => {
    const t = harness();
    await t.control("PUT", "/faults", { rateLimit: 1, apis: ["harvest"] });
    const limited = await t.harvest("GET", "/users", { unchecked: true });
    expect([limited.status, Number(limited.headers["retry-after"]) > 0]).toEqual([429, true]);
    expect((await t.runn("GET", "/me/")).status).toBe(200);
    await t.control("PUT", "/faults", { serverError: 1 });
    expect((await t.harvest("GET", "/users", { unchecked: true })).status).toBe(500);
    await t.control("PUT", "/faults", { reset: 1, paths: ["/clients"] });
    expect((await t.harvest("GET", "/clients", { unchecked: true })).reset).toBe(true);
    expect((await t.harvest("GET", "/users")).status).toBe(200);
    await t.control("PUT", "/faults", { latency: { probability: 1, ms: 250 } });
    const before = t.clock.now();
    await t.harvest("GET", "/users");
    expect(t.clock.now() - before).toBe(250);
    await t.control("PUT", "/faults", { malformedRecord: 1 });
    const bad = await t.harvest("GET", "/time_entries", { unchecked: true });
    expect(bad.json.time_entries.filter((e: { hours: unknown }) => typeof e.hours !== "number")).toHaveLength(
      1,
    );
    await t.control("PUT", "/faults", { malformedEnvelope: 1 });
    expect((await t.runn("GET", "/people/", { unchecked: true })).json.values).toBe("malformed");
  });
});
