/** The pages' wording of run details: an error said once, counts that never call a failed run "nothing to do". */
import { Run } from "@harvest-runn/storage";
import type { Output } from "@harvest-runn/sync";
import { describe, expect, it } from "vitest";
import { countsText, duration, errorText, triggerLabel } from "../src/page/Format.ts";

const run = (patch: Partial<Output.RunSummary>): Output.RunSummary => ({
  id: "r1",
  connectionId: "acme",
  trigger: "page",
  scope: { kind: "entities", types: ["people"] },
  status: "succeeded",
  startedAt: "2026-03-16T10:00:00.000Z",
  endedAt: "2026-03-16T10:01:05.000Z",
  counts: Run.zeroCounts,
  error: null,
  dryRun: false,
  ...patch,
});

describe("run wording", () => {
  it.each([
    [
      { reason: "Harvest", message: "Harvest: Harvest: Harvest failed on GET /users (HTTP 500)" },
      "Harvest failed on GET /users (HTTP 500)",
    ],
    [{ reason: "Runn", message: "the token cannot write" }, "Runn: the token cannot write"],
    [{ reason: "Store", message: "Store: database failed" }, "Store: database failed"],
  ] as const)("says a failure's cause once: %j", (error, text) => {
    expect(errorText(error)).toBe(text);
  });

  it("counts in words, and an empty count depends on how the run ended", () => {
    expect(countsText(run({ counts: { ...run({}).counts, created: 2, held: 5 } }))).toBe(
      "2 created · 5 held",
    );
    expect(countsText(run({}))).toBe("no changes needed");
    expect(countsText(run({ status: "failed" }))).toBe("—");
    expect(countsText(run({ status: "running", endedAt: null }))).toBe("so far nothing");
  });

  it("gives a duration and who started the run", () => {
    expect(duration(run({}))).toBe("1 min 5 s");
    expect(duration(run({ endedAt: null, status: "running" }))).toBe("running");
    expect([
      triggerLabel("page"),
      triggerLabel("api"),
      triggerLabel("schedule"),
      triggerLabel("manual"),
    ]).toEqual(["page", "api", "schedule", "command"]);
  });
});
