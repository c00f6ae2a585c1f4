import type { Plan } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import * as B from "./support/Builder.ts";

const entityOptions = (o: Parameters<typeof B.options>[0] = {}) =>
  B.options({ switches: { clientsAndProjects: true, people: true, actuals: false }, ...o });
const items = (plan: Plan.Plan, tag: Plan.ReportItem["_tag"]) => plan.report.filter((r) => r._tag === tag);

describe("E8 possible duplicates under each policy", () => {
  const harvest = B.harvestSnapshot({
    users: [B.user({ id: 1, email: " Ann@Example.com " })],
    clients: [B.client({ id: 10, name: "Acme  Ltd" })],
    projects: [B.project({ id: 100, clientId: 10, name: "Web", client: { id: 10, name: "Acme Ltd" } })],
  });
  const runn = B.runnSnapshot({
    people: [B.runnPerson({ id: 501, email: "ann@example.com" })],
    clients: [B.runnClient({ id: 510, name: "acme ltd" })],
    projects: [B.runnProject({ id: 600, clientId: 510, name: "WEB" })],
    roles: [B.runnRole({ id: 7, name: "Developer" })],
  });
  const cases: ReadonlyArray<
    [Plan.PossibleDuplicate["outcome"], "hold" | "create" | "link", ReadonlyArray<string>]
  > = [
    ["held", "hold", []],
    ["created", "create", ["CreateClient", "CreateProject", "CreatePerson"]],
    ["linked", "link", ["LinkEntity", "LinkEntity", "LinkEntity"]],
  ];
  for (const [outcome, policy, tags] of cases) {
    it(`E8: onPossibleDuplicate ${policy} → ${outcome}, with a suggestion per entity`, () => {
      const plan = Reconcile.reconcile(harvest, runn, entityOptions({ onPossibleDuplicate: policy }));
      expect(plan.operations.map((o) => o._tag)).toEqual(tags);
      const dups = items(plan, "PossibleDuplicate") as Array<Plan.PossibleDuplicate>;
      expect(dups.map((d) => [d.kind, d.outcome, d.suggestions])).toEqual([
        ["client", outcome, [{ kind: "client", runnId: 510, harvestId: 10 }]],
        ["person", outcome, [{ kind: "person", runnId: 501, harvestId: 1 }]],
        ["project", outcome, [{ kind: "project", runnId: 600, harvestId: 100 }]],
      ]);
    });
  }
  it("E8: link writes the entity's existing references plus the Harvest one", () => {
    const withRefs = {
      ...runn,
      people: [B.runnPerson({ id: 501, email: "ann@example.com", references: [B.ref(9, "HR")] })],
    };
    const plan = Reconcile.reconcile(harvest, withRefs, entityOptions({ onPossibleDuplicate: "link" }));
    const link = plan.operations.find(
      (o) => o._tag === "LinkEntity" && o.kind === "person",
    ) as Plan.LinkEntity;
    expect(link.references).toEqual([B.ref(9, "HR"), B.ref(1)]);
  });
  it("E8: link with two Harvest look-alikes holds both instead of guessing", () => {
    const twins = {
      ...harvest,
      users: [B.user({ id: 1, email: "ann@example.com" }), B.user({ id: 2, email: "ANN@example.com" })],
    };
    const plan = Reconcile.reconcile(twins, runn, entityOptions({ onPossibleDuplicate: "link" }));
    const people = (items(plan, "PossibleDuplicate") as Array<Plan.PossibleDuplicate>).filter(
      (d) => d.kind === "person",
    );
    expect(people.map((d) => d.outcome)).toEqual(["held", "held"]);
  });
  it("E8: a linked Runn entity is never a duplicate candidate", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10, name: "Acme" })] }),
      B.runnSnapshot({ clients: [B.runnClient({ id: 510, harvestId: 99, name: "Acme" })] }),
      entityOptions(),
    );
    expect(plan.operations.map((o) => o._tag)).toEqual(["CreateClient"]);
  });
});

describe("E9 conflicting links", () => {
  it("E9: two Runn entities with one Harvest id are reported; nothing is created; actuals are held", () => {
    const harvest = B.harvestSnapshot({
      users: [B.user({ id: 1 })],
      timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-20", minutes: 60 })],
    });
    const runn = B.runnSnapshot({
      people: [B.runnPerson({ id: 501, harvestId: 1 }), B.runnPerson({ id: 502, harvestId: 1 })],
      projects: [B.runnProject({ id: 600, harvestId: 100, clientId: 510 })],
      roles: [B.runnRole({ id: 7, name: "Developer" })],
      contracts: [
        B.contract({ id: 900, personId: 501, roleId: 7 }),
        B.contract({ id: 901, personId: 502, roleId: 7 }),
      ],
    });
    const plan = Reconcile.reconcile(harvest, runn, B.options());
    expect(plan.operations).toEqual([]);
    expect(items(plan, "ConflictingLink")).toEqual([
      { _tag: "ConflictingLink", kind: "person", harvestId: 1, runnIds: [501, 502] },
    ]);
    expect((items(plan, "Skipped") as Array<Plan.Skipped>).map((s) => s.reason)).toEqual(["ambiguous_link"]);
  });
});

describe("E10 do-not-import list", () => {
  it("E10: an entity on the do-not-import list is not created, and its time is skipped with that reason", () => {
    const harvest = B.harvestSnapshot({
      users: [B.user({ id: 1 })],
      timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-20", minutes: 60 })],
    });
    const runn = B.runnSnapshot({
      projects: [B.runnProject({ id: 600, harvestId: 100, clientId: 510 })],
      roles: [B.runnRole({ id: 7, name: "Developer" })],
    });
    const plan = Reconcile.reconcile(
      harvest,
      runn,
      B.options({ doNotImport: [{ kind: "person", harvestId: 1 }] }),
    );
    expect(plan.operations).toEqual([]);
    expect(items(plan, "Held")).toMatchObject([{ kind: "person", harvestId: 1, reason: "do_not_import" }]);
    expect(items(plan, "Skipped")).toMatchObject([{ reason: "do_not_import", entryIds: [1] }]);
  });
});

describe("E10 migration from another reference name", () => {
  const harvest = B.harvestSnapshot({ users: [B.user({ id: 1, email: "changed@example.com" })] });
  const runn = B.runnSnapshot({
    people: [B.runnPerson({ id: 501, email: "old@example.com", references: [B.ref(1, "HarvestApp")] })],
    roles: [B.runnRole({ id: 7, name: "Developer" })],
  });
  it("E10: a Harvest id held under another Harvest reference name is offered for adoption, not duplicated", () => {
    const plan = Reconcile.reconcile(harvest, runn, entityOptions());
    expect(plan.operations).toEqual([]);
    expect(items(plan, "PossibleDuplicate")).toMatchObject([
      {
        kind: "person",
        harvestId: 1,
        outcome: "held",
        suggestions: [{ kind: "person", runnId: 501, harvestId: 1 }],
      },
    ]);
  });
  it("E10: with onPossibleDuplicate link the entity is adopted, keeping its old reference", () => {
    const plan = Reconcile.reconcile(harvest, runn, entityOptions({ onPossibleDuplicate: "link" }));
    expect(plan.operations).toMatchObject([
      { _tag: "LinkEntity", runnId: 501, references: [B.ref(1, "HarvestApp"), B.ref(1)] },
    ]);
  });
  it("E10: references of unrelated systems are not taken for Harvest ids", () => {
    const other = {
      ...runn,
      people: [B.runnPerson({ id: 501, email: "old@example.com", references: [B.ref(1, "HR")] })],
    };
    expect(Reconcile.reconcile(harvest, other, entityOptions()).operations.map((o) => o._tag)).toEqual([
      "CreatePerson",
    ]);
  });
});

describe("R7 records known only by identity", () => {
  it("R7: a Runn record known only by identity counts as linked and is not re-created", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10 })] }),
      B.runnSnapshot({
        identityOnly: [{ kind: "client", id: 510, references: [B.ref(10)], error: "name: missing" }],
      }),
      entityOptions(),
    );
    expect(plan.operations).toEqual([]);
  });
  it("R7: when some record's identity failed, creates of that kind are held", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10 })] }),
      B.runnSnapshot({ unreadableKinds: ["client"] }),
      entityOptions(),
    );
    expect(plan.operations).toEqual([]);
    expect(items(plan, "Held")).toMatchObject([{ kind: "client", reason: "identity_unreadable" }]);
  });
  it("R7: malformed records of both snapshots reach the report", () => {
    const record = {
      source: "harvest" as const,
      resource: "users",
      id: 3,
      path: "email",
      message: "expected string",
    };
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ malformed: [record] }),
      B.runnSnapshot(),
      entityOptions(),
    );
    expect(plan.report).toEqual([{ _tag: "Malformed", record }]);
  });
});

describe("C4 R4 switches and scope", () => {
  const harvest = B.harvestSnapshot({
    users: [B.user({ id: 1 })],
    clients: [B.client({ id: 10 })],
    projects: [B.project({ id: 100, clientId: 10 })],
  });
  it("C4: with every switch off nothing is written", () => {
    const plan = Reconcile.reconcile(
      harvest,
      B.runnSnapshot(),
      B.options({ switches: { clientsAndProjects: false, people: false, actuals: false } }),
    );
    expect(plan.operations).toEqual([]);
  });
  it("R4: an entity-type scope creates only those types", () => {
    const plan = Reconcile.reconcile(
      harvest,
      B.runnSnapshot(),
      entityOptions({ scope: { kind: "entities", types: ["people"] } }),
    );
    expect(plan.operations.map((o) => o._tag)).toEqual(["CreateRole", "CreatePerson"]);
  });
});
