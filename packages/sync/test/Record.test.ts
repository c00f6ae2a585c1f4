import { describe, expect, it } from "@effect/vitest";
import type { Run } from "@harvest-runn/storage";
import * as Record from "../src/internal/Record.ts";
import * as SyncError from "../src/SyncError.ts";

const stored = (error: string | null): Run.Run =>
  ({
    id: "run-1",
    connectionId: "c1",
    trigger: "manual",
    scope: { scope: { kind: "entities", types: ["people"] } },
    status: error === null ? "succeeded" : "failed",
    startedAt: "2026-11-27T10:00:00.000Z",
    finishedAt: "2026-11-27T10:01:00.000Z",
    counts: {
      created: 1,
      linked: 0,
      unlinked: 0,
      written: 2,
      deleted: 0,
      archived: 0,
      skipped: 0,
      held: 3,
      failed: 0,
    },
    error,
  }) as unknown as Run.Run;

describe("Record.toSummary", () => {
  it("reads back every SyncError reason a failed run was stored with", () => {
    for (const reason of SyncError.SyncErrorReason.literals) {
      const summary = Record.toSummary(stored(`${reason}: it went wrong`));
      expect(summary.error).toEqual({ reason, message: "it went wrong" });
    }
  });

  it("keeps an unknown stored reason as a Runn failure with the whole text, and no error as null", () => {
    expect(Record.toSummary(stored("Oops: text")).error).toEqual({ reason: "Runn", message: "Oops: text" });
    const ok = Record.toSummary(stored(null));
    expect(ok.error).toBeNull();
    expect(ok.counts).toMatchObject({ created: 1, written: 2, held: 3 });
  });
});
