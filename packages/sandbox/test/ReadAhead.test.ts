import { setImmediate as tick } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

const limits = { harvest: { requests: 1e9, windowMs: 1 }, runn: { requests: 1e9, windowMs: 1 } };
/** Builds pages ahead (frozen data clock). */
const ahead = () => harness({ preset: "small", limits });
/** Never builds ahead: with a real data clock a page may depend on the time (the manual wall clock stays put). */
const onDemand = () => harness({ preset: "small", limits, clock: "real" });

/** Walks `/time_entries` page by page, letting background work run between pages; `between` runs after page 1. */
const walk = async (t: ReturnType<typeof harness>, between?: () => Promise<unknown>) => {
  const bodies: Array<string | null> = [];
  for (let page = 1, guard = 0; guard < 100; guard++) {
    const r = await t.harvest("GET", `/time_entries?per_page=2000&page=${page}`);
    expect(r.status).toBe(200);
    bodies.push(r.text);
    await tick();
    if (page === 1) await between?.();
    if (r.json.next_page === null) break;
    page = r.json.next_page;
  }
  return bodies;
};

describe("read-ahead of page-numbered lists", () => {
  it("serves every page exactly as it would build it on demand", async () => {
    const a = await walk(ahead());
    expect(a.length).toBeGreaterThan(3);
    expect(a).toEqual(await walk(onDemand()));
  });

  it("a write after a page was built ahead is seen by the next page", async () => {
    const write = (t: ReturnType<typeof harness>) => async () => {
      const list = await t.harvest("GET", "/time_entries?per_page=1&page=2500");
      const id = list.json.time_entries[0].id as number;
      // Edits an entry on page 2 (the 2,500th newest), after page 2 was built ahead.
      const patched = await t.harvest("PATCH", `/time_entries/${id}`, { body: { notes: "edited later" } });
      expect(patched.status).toBe(200);
    };
    const a = ahead();
    const bodies = await walk(a, write(a));
    expect(bodies.join("")).toContain("edited later");
    const b = onDemand();
    expect(bodies).toEqual(await walk(b, write(b)));
  });
});
