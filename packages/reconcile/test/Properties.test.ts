import { Plan, Snapshot } from "@harvest-runn/domain";
import { Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import { apply } from "./support/Applier.ts";
import { shuffled, type World, world } from "./support/Arbitraries.ts";

const runs = { numRuns: 300 };
const again = (w: World, plan: Plan.Plan) => {
  const applied = apply(plan, w.runn, w.options.ledger);
  return {
    applied,
    plan: Reconcile.reconcile(w.harvest, applied.runn, { ...w.options, ledger: applied.ledger }),
  };
};

describe("properties", () => {
  it("apply the plan, reconcile again → no operations", () => {
    fc.assert(
      fc.property(world(), (w) => {
        expect(again(w, Reconcile.reconcile(w.harvest, w.runn, w.options)).plan.operations).toEqual([]);
      }),
      runs,
    );
  });
  it("apply the plan, reconcile again → no operations, under protectManualEdits", () => {
    fc.assert(
      fc.property(world({ protect: true }), (w) => {
        expect(again(w, Reconcile.reconcile(w.harvest, w.runn, w.options)).plan.operations).toEqual([]);
      }),
      runs,
    );
  });
  it("shuffling the input order gives the same plan", () => {
    fc.assert(
      fc.property(world(), fc.integer(), (w, seed) => {
        expect(
          Reconcile.reconcile(shuffled(w, seed).harvest, shuffled(w, seed).runn, shuffled(w, seed).options),
        ).toEqual(Reconcile.reconcile(w.harvest, w.runn, w.options));
      }),
      runs,
    );
  });
  it("no plan creates an entity that is already linked", () => {
    fc.assert(
      fc.property(world(), (w) => {
        const plan = Reconcile.reconcile(w.harvest, w.runn, w.options);
        const linked = (
          list: ReadonlyArray<{ references: ReadonlyArray<{ referenceName: string; externalId: string }> }>,
        ) =>
          new Set(
            list.flatMap((r) =>
              r.references.filter((x) => x.referenceName === "Harvest").map((x) => x.externalId),
            ),
          );
        const kinds = {
          CreateClient: linked(w.runn.clients),
          CreateProject: linked(w.runn.projects),
          CreatePerson: linked(w.runn.people),
        };
        for (const op of plan.operations) {
          if (op._tag === "CreateClient" || op._tag === "CreateProject" || op._tag === "CreatePerson") {
            expect(kinds[op._tag].has(String(op.harvestId))).toBe(false);
          }
        }
      }),
      runs,
    );
  });
  it("conservation: after applying, every linked non-held key holds max(0, its rounded Harvest day total)", () => {
    fc.assert(
      fc.property(world({ simple: true }), (w) => {
        const { applied } = again(w, Reconcile.reconcile(w.harvest, w.runn, w.options));
        const plan = Reconcile.reconcile(w.harvest, applied.runn, { ...w.options, ledger: applied.ledger });
        const runn = applied.runn;
        const personOf = new Map<number, number[]>();
        for (const p of runn.people)
          for (const r of p.references)
            personOf.set(Number(r.externalId), [...(personOf.get(Number(r.externalId)) ?? []), p.id]);
        const projectOf = new Map<number, number[]>();
        for (const p of runn.projects)
          for (const r of p.references)
            projectOf.set(Number(r.externalId), [...(projectOf.get(Number(r.externalId)) ?? []), p.id]);
        const roleName = new Map(runn.roles.map((r) => [r.id, r.name]));
        const expected = new Map<string, [number, number]>();
        const held = new Set<string>();
        for (const e of w.harvest.timeEntries) {
          if (e.spent_date < "2026-10-14") continue;
          const people = personOf.get(e.user.id) ?? [];
          const projects = projectOf.get(e.project.id) ?? [];
          if (people.length > 1) for (const p of people) held.add(`${p}:*:${e.spent_date}`);
          if (people.length === 1 && projects.length > 1)
            for (const p of projects) held.add(`${people[0]}:${p}:${e.spent_date}`);
          if (people.length !== 1 || projects.length !== 1) continue;
          const [person, project] = [people[0]!, projects[0]!];
          const onProject = new Set(
            runn.projectMembers
              .filter((m) => m.personId === person && m.projectId === project)
              .map((m) => m.roleId),
          );
          const role =
            onProject.size === 1
              ? [...onProject][0]!
              : runn.contracts.find((c) => c.personId === person)?.roleId;
          if (role === undefined || roleName.get(role) === "Unknown") {
            held.add(`${person}:${project}:${e.spent_date}`);
            continue;
          }
          const key = `${person}:${project}:${role}:${e.spent_date}`;
          const m = e.hours >= 0 ? Math.round(e.hours * 60) : -Math.round(-e.hours * 60);
          const [b, n] = expected.get(key) ?? [0, 0];
          expected.set(key, e.billable ? [b + m, n] : [b, n + m]);
        }
        const actual = new Map(
          runn.actuals
            .filter((a) => a.workstreamId === null)
            .map((a) => [`${a.personId}:${a.projectId}:${a.roleId}:${a.date}`, a]),
        );
        for (const [key, [b, n]] of expected) {
          const a = actual.get(key);
          expect([key, a?.billableMinutes, a?.nonbillableMinutes]).toEqual([
            key,
            Math.max(0, b),
            Math.max(0, n),
          ]);
        }
        // Owned keys in the window have Harvest time, unless that day's time is held (A5).
        for (const l of applied.ledger) {
          const key = `${l.key.personId}:${l.key.projectId}:${l.key.roleId}:${l.key.date}`;
          const day = `${l.key.personId}:${l.key.projectId}:${l.key.date}`;
          const anyProject = `${l.key.personId}:*:${l.key.date}`;
          if (l.key.date >= "2026-10-14" && !held.has(day) && !held.has(anyProject))
            expect(expected.has(key)).toBe(true);
        }
        expect(plan.operations).toEqual([]);
      }),
      runs,
    );
  });
  it("plans round-trip through JSON", () => {
    fc.assert(
      fc.property(world(), (w) => {
        const plan = Reconcile.reconcile(w.harvest, w.runn, w.options);
        const json = JSON.parse(JSON.stringify(Schema.encodeSync(Plan.Plan)(plan)));
        expect(Schema.decodeUnknownSync(Plan.Plan)(json)).toEqual(plan);
      }),
      { numRuns: 100 },
    );
  });
  it("snapshots built by the test builder decode with the domain schemas", () => {
    fc.assert(
      fc.property(world(), (w) => {
        expect(() => Schema.decodeUnknownSync(Snapshot.HarvestSnapshot)(w.harvest)).not.toThrow();
        expect(() => Schema.decodeUnknownSync(Snapshot.RunnSnapshot)(w.runn)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});
