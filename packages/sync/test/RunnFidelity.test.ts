/**
 * The sync against behaviour of Runn that the sandbox reproduces on request: bulk-create answers in
 * another order, and the "autofill missing actuals" zeros Runn writes every Sunday.
 */
import { afterEach, describe, expect, it } from "vitest";
import { anchorDate, runnState, start, type World } from "./support/World.ts";

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});
const open = async (options: Parameters<typeof start>[0]) => {
  const w = await start(options);
  worlds.push(w);
  return w;
};

const isZero = (a: { readonly billableMinutes: number; readonly nonbillableMinutes: number }) =>
  a.billableMinutes === 0 && a.nonbillableMinutes === 0;

describe("sync against Runn's less obvious behaviour", () => {
  it("links every client to its own Harvest client when the bulk create answers in another order", async () => {
    const plain = await open({});
    const reversed = await open({ runnBulkOrder: "reversed" });
    const a = await plain.sync((s) => s.run(plain.connectionId));
    const b = await reversed.sync((s) => s.run(reversed.connectionId));
    expect([a.status, b.status]).toEqual(["succeeded", "succeeded"]);
    const created = (await reversed.sync((s) => s.runDetail(b.id))).items.filter(
      (i) => i.kind === "client" && i.outcome === "created",
    );
    expect(created.length).toBeGreaterThan(1);
    expect(await runnState(reversed)).toEqual(await runnState(plain));
  });

  it("leaves Runn's Sunday zero actuals alone and never calls them manual edits", async () => {
    /** First run, then Sunday passes, then a second run; what the second run did and what Runn holds. */
    const scenario = async (autofillActuals: boolean) => {
      const w = await open({
        runnData: "existing",
        autofillActuals,
        settings: { switches: { actuals: true }, protectManualEdits: true },
      });
      const actualsOf = async () => (await w.control("GET", "/runn/state")).actuals ?? [];
      expect((await w.sync((s) => s.run(w.connectionId))).status).toBe("succeeded");
      const before = new Set((await actualsOf()).map((a) => a.id));
      // Sunday comes: with autofill, Runn writes zeros for the week's assigned days that have no actual.
      await w.control("POST", "/clock", { advanceDays: 6 });
      await w.sync((s) => s.plan(w.connectionId));
      const zeros = (await actualsOf()).filter((a) => !before.has(a.id));
      const second = await w.sync((s) => s.run(w.connectionId));
      expect(second.status).toBe("succeeded");
      const items = (await w.sync((s) => s.runDetail(second.id))).items
        .filter((i) => i.kind === "actual")
        .map((i) => `${i.outcome} ${i.reason ?? ""} ${i.label}`)
        .sort();
      const after = new Map((await actualsOf()).map((a) => [a.id, a]));
      return { zeros, items, after };
    };
    const plain = await scenario(false);
    const filled = await scenario(true);
    expect(plain.zeros).toEqual([]);
    expect(filled.zeros.length).toBeGreaterThan(0);
    expect(filled.zeros.every((a) => isZero(a) && a.date >= anchorDate)).toBe(true);
    // The zeros change nothing the sync does: no extra write, removal or manual-edit conflict ...
    expect(filled.items).toEqual(plain.items);
    expect(filled.items.filter((i) => i.includes("manual_edit_conflict"))).toEqual([]);
    // ... and they are still there, still zero.
    expect(filled.zeros.map((a) => filled.after.get(a.id))).toEqual(filled.zeros);
  });
});
