/**
 * A read-only Runn token on an account `connect` could not probe (nothing in Runn to write back to):
 * `connect` says so, and the first run's first write is the probe — refused, it fails the run with
 * one reason and sends nothing else (SPEC C2, R1).
 */
import { Redacted } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type World } from "./support/World.ts";

let w: World;
beforeAll(async () => {
  w = await start({ runnData: "empty" });
  // One connection per account pair: the world's own connection (full token) makes way for this one.
  await w.sync((s) => s.disconnect(w.connectionId));
});
afterAll(() => w?.close());

describe("a read-only Runn token on an empty Runn account", () => {
  it("connect warns that write scope could not be checked, and the first run fails as RunnReadOnly after one write", async () => {
    const connected = await w.sync((s) =>
      s.connect({
        name: "read-only",
        harvest: {
          accountId: Number(w.sb.info.harvest.accountId),
          userAgent: "HarvestRunnTests (tests@example.com)",
          token: Redacted.make(w.sb.info.harvest.token),
        },
        runn: { baseUrl: w.sb.info.runn.baseUrl, token: Redacted.make(w.sb.info.runn.tokens.readOnly) },
        settings: { switches: { actuals: true } },
      }),
    );
    const scopeWarning = connected.warnings.find((m) => m.includes("not verified"));
    expect(scopeWarning).toContain("no role and no client");
    expect(scopeWarning).toContain("first run");

    const before = await w.control("GET", "/runn/state");
    const writesBefore = (await w.control("GET", "/stats")).runn.writes;
    const summary = await w.sync((s) => s.run(connected.connection.id));
    expect(summary.status).toBe("failed");
    expect(summary.error?.reason).toBe("RunnReadOnly");
    expect(summary.error?.message).toContain("403");
    expect(summary.error?.message).not.toContain(w.sb.info.runn.tokens.readOnly);
    // One write was the probe; nothing else was sent, and Runn is as it was.
    expect((await w.control("GET", "/stats")).runn.writes - writesBefore).toBe(1);
    expect(await w.control("GET", "/runn/state")).toEqual(before);
    const detail = await w.sync((s) => s.runDetail(summary.id));
    const failed = detail.items.filter((i) => i.outcome === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((i) => !i.error?.startsWith("RunnReadOnly: "))).toEqual([]);
    expect(failed.filter((i) => !i.error?.startsWith("RunnReadOnly: not sent"))).toHaveLength(1);
  });
});
