/** Contract: the do-not-import list and the audit log of link changes (SPEC E10, E11). */
import { describe, expect } from "@effect/vitest";
import { Effect, TestClock } from "effect";
import { type Context, newConnection } from "./Support.ts";

/** Registers the do-not-import and audit tests. */
export const tests = ({ it }: Context) => {
  describe("do-not-import list", () => {
    it.effect("adds, lists and removes entries keyed by (kind, Harvest id)", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        yield* store.doNotImport.add(id, [
          { kind: "project", harvestId: 5, note: "undo of run 3" },
          { kind: "person", harvestId: 5 },
          { kind: "client", harvestId: 9 },
        ]);
        yield* store.doNotImport.add(id, [{ kind: "person", harvestId: 5, note: "again" }]);
        const listed = yield* store.doNotImport.list(id);
        expect(listed.map((e) => [e.kind, e.harvestId, e.note])).toEqual([
          ["client", 9, null],
          ["person", 5, null],
          ["project", 5, "undo of run 3"],
        ]);
        yield* store.doNotImport.remove(id, [
          { kind: "person", harvestId: 5 },
          { kind: "person", harvestId: 77 },
        ]);
        expect((yield* store.doNotImport.list(id)).map((e) => `${e.kind}:${e.harvestId}`)).toEqual([
          "client:9",
          "project:5",
        ]);
      }),
    );
  });

  describe("audit log", () => {
    it.effect("records link changes, newest first, paged", () =>
      Effect.gen(function* () {
        const { store, id } = yield* newConnection;
        const first = yield* store.audit.record(id, {
          action: "link",
          kind: "person",
          harvestId: 1,
          runnId: 10,
          actor: "cli",
        });
        yield* TestClock.adjust("1 minute");
        yield* store.audit.record(id, { action: "unlink", kind: "person", harvestId: 1, runnId: 10 });
        yield* store.audit.record(id, {
          action: "do_not_import",
          kind: "project",
          harvestId: 3,
          runnId: null,
        });
        expect(first).toMatchObject({ connectionId: id, action: "link", actor: "cli", note: null });
        const all = yield* store.audit.list(id);
        expect(all.map((e) => e.action)).toEqual(["do_not_import", "unlink", "link"]);
        expect(all[2]).toEqual(first);
        const page = yield* store.audit.list(id, { limit: 1, before: all[0]!.seq });
        expect(page.map((e) => e.action)).toEqual(["unlink"]);
      }),
    );
  });
};
