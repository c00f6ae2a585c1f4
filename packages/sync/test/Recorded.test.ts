/**
 * A run records what the pages show from the APIs (DESIGN decision 15): the linked projects behind
 * "Sync Actuals" and the names behind its skipped and held time, so pages never call Harvest or Runn.
 */
import type { FirstImport } from "@harvest-runn/sandbox";
import { SyncStore } from "@harvest-runn/storage";
import { Effect, Option } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Recorded } from "../src/index.ts";
import { start, type World } from "./support/World.ts";

describe("what a run records for the pages (sandbox tiny)", () => {
  let w: World;
  let truth: FirstImport.FirstImportTruth;
  beforeAll(async () => {
    w = await start();
    truth = (await w.control("GET", "/truth")).firstImport;
  });
  afterAll(async () => {
    await w?.close();
  });

  const doc = (name: string) =>
    w.runtime.runPromise(
      Effect.flatMap(SyncStore.SyncStore, (s) => s.recorded.get(w.connectionId as never, name)),
    );

  it("records the linked projects and, per run, the names of the people and projects of skipped time", async () => {
    expect(Option.isNone(await doc(Recorded.projectsDoc))).toBe(true);
    const summary = await w.sync((s) => s.run(w.connectionId));
    const linked = await w.sync((s) => s.projects(w.connectionId));
    const projects = Recorded.decodeProjects(Option.getOrThrow(await doc(Recorded.projectsDoc)).value);
    expect(projects.length).toBeGreaterThan(0);
    expect(projects).toEqual(linked);

    const names = Recorded.decodeRunNames(Option.getOrThrow(await doc(Recorded.runDoc(summary.id))).value);
    expect(names).not.toBeNull();
    const held = names!.skipped.filter((s) => s.reason === "unknown_role");
    expect(held.reduce((n, s) => n + s.entryCount, 0)).toBe(truth.actuals.heldEntries.unknown_role);
    // Every person and project that skipped time mentions has its Harvest name.
    for (const s of names!.skipped) {
      expect(names!.people[String(s.harvestUserId)], `user ${s.harvestUserId}`).toMatch(/\S+ \S+/);
      expect(names!.projects[String(s.harvestProjectId)], `project ${s.harvestProjectId}`).toBeTruthy();
    }
  });

  it("a one-project run keeps the full project list", async () => {
    const before = Option.getOrThrow(await doc(Recorded.projectsDoc)).value;
    const one = Recorded.decodeProjects(before)[0]!;
    await w.sync((s) =>
      s.run(w.connectionId, { scope: { kind: "project", harvestProjectId: one.harvestId } }),
    );
    expect(Option.getOrThrow(await doc(Recorded.projectsDoc)).value).toEqual(before);
  });
});
