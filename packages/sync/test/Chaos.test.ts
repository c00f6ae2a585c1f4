import { describe, expect, it } from "vitest";
import { duplicates, runnState, start } from "./support/World.ts";

describe("chaos (SPEC R6)", () => {
  it("10% 5xx, 5% 429, 2% resets, 5% commit-then-fail: the final Runn state equals the fault-free one", async () => {
    const clean = await start({ preset: "small" });
    await clean.sync((s) => s.run(clean.connectionId));
    const reference = await runnState(clean);
    await clean.close();

    const w = await start({
      preset: "small",
      faults: { serverError: 0.1, rateLimit: 0.05, reset: 0.02, commitThenFail: 0.05 },
    });
    try {
      const statuses: Array<string> = [];
      // Runs until one succeeds (bounded): each partial run leaves nothing duplicated behind.
      for (let i = 0; i < 6 && statuses.at(-1) !== "succeeded"; i++) {
        const summary = await w.sync((s) => s.run(w.connectionId));
        statuses.push(summary.status);
        expect(duplicates(await runnState(w))).toEqual([]);
      }
      expect(statuses.at(-1)).toBe("succeeded");
      const stats = await w.control("GET", "/stats");
      const injected = (api: "runn" | "harvest", kind: string) => stats[api].faults[kind] ?? 0;
      expect(injected("runn", "commitThenFail")).toBeGreaterThan(0);
      expect(injected("runn", "serverError") + injected("harvest", "serverError")).toBeGreaterThan(0);
      expect(injected("runn", "rateLimit") + injected("harvest", "rateLimit")).toBeGreaterThan(0);
      await w.control("PUT", "/faults", {});
      expect(await runnState(w)).toEqual(reference);
    } finally {
      await w.close();
    }
  });
});
