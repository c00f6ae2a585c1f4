import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

type Entry = { id: number; is_closed: boolean; approval_status?: string };
const entries = async (t: ReturnType<typeof harness>) =>
  (await t.harvest("GET", "/time_entries?per_page=2000")).json.time_entries as Array<Entry>;

describe("Harvest simulator: the approval field of time entries", () => {
  it("omitApprovalStatus serves entries with is_closed only, true exactly where approval_status is approved", async () => {
    const full = await entries(harness());
    const legacy = await entries(harness({ omitApprovalStatus: true }));
    expect(legacy.map((e) => e.id)).toEqual(full.map((e) => e.id));
    expect(legacy.some((e) => "approval_status" in e)).toBe(false);
    expect(full.every((e) => "approval_status" in e)).toBe(true);
    const approved = full.filter((e) => e.approval_status === "approved").map((e) => e.id);
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.length).toBeLessThan(full.length);
    expect(legacy.filter((e) => e.is_closed).map((e) => e.id)).toEqual(approved);
  });
});
