import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicates, runnState, start } from "./support/World.ts";

/** Runn write requests of one uninterrupted first run on tiny: N sweeps across all of them. */
const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13, 15, 17, 19, 21, 23, 24, 25, 26];

describe("crash safety: a run stopped after N Runn writes, then a normal run (SPEC R6)", () => {
  let reference: Awaited<ReturnType<typeof runnState>>;
  let writes = 0;
  beforeAll(async () => {
    const w = await start();
    await w.control("DELETE", "/stats");
    await w.sync((s) => s.run(w.connectionId));
    reference = await runnState(w);
    writes = (await w.control("GET", "/stats")).runn.writes;
    await w.close();
  });
  afterAll(() => undefined);

  it("sweeps N across the whole run", () => {
    expect(writes).toBeGreaterThan(values[values.length - 1]!);
    expect(new Set(values).size).toBe(20);
  });

  for (const mode of ["refuse", "commitAndDrop"] as const) {
    it.each(values)(
      `${mode}: after %i writes, then a normal run, Runn equals one uninterrupted run`,
      async (n) => {
        const w = await start({
          faults: { apis: ["runn"], afterWrites: { count: n, mode } },
          maxAttempts: 2,
        });
        try {
          const broken = await w.sync((s) => s.run(w.connectionId));
          expect(broken.status).not.toBe("succeeded");
          expect(duplicates(await runnState(w))).toEqual([]);
          await w.control("PUT", "/faults", {});
          const fixed = await w.sync((s) => s.run(w.connectionId));
          expect(fixed.status).toBe("succeeded");
          const state = await runnState(w);
          expect(duplicates(state)).toEqual([]);
          expect(state).toEqual(reference);
        } finally {
          await w.close();
        }
      },
    );
  }
});
