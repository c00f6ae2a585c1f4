import type { Plan } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import * as B from "./support/Builder.ts";

const ops = (plan: Plan.Plan, tag: Plan.Operation["_tag"]) => plan.operations.filter((o) => o._tag === tag);
const entityOptions = (o: Parameters<typeof B.options>[0] = {}) =>
  B.options({ switches: { clientsAndProjects: true, people: true, actuals: false }, ...o });

describe("E1 identity is the Harvest id only", () => {
  it("E1: a Runn person carrying the Harvest reference is linked, whatever its name and email", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ users: [B.user({ id: 1, email: "new@x.com", first_name: "Renamed" })] }),
      B.runnSnapshot({ people: [B.runnPerson({ id: 501, harvestId: 1, email: "old@x.com" })] }),
      entityOptions(),
    );
    expect(plan.operations).toEqual([]);
  });
  it("E1: a reference under another reference name does not link", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10 })] }),
      B.runnSnapshot({
        clients: [B.runnClient({ id: 510, name: "Other", references: [B.ref(10, "Legacy")] })],
      }),
      entityOptions(),
    );
    expect(ops(plan, "CreateClient")).toHaveLength(1);
  });
  it("E1: the reference name is configurable", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10 })] }),
      B.runnSnapshot({ clients: [B.runnClient({ id: 510, references: [B.ref(10, "HV")] })] }),
      entityOptions({ referenceName: "HV" }),
    );
    expect(plan.operations).toEqual([]);
  });
});

describe("E2 E6 unlinked Harvest entities are created with their reference", () => {
  it("E2: client, project and person are created, the project pointing at the new client symbolically", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({
        users: [B.user({ id: 1 })],
        clients: [B.client({ id: 10 })],
        projects: [B.project({ id: 100, clientId: 10 })],
      }),
      B.runnSnapshot({ roles: [B.runnRole({ id: 7, name: "Developer" })] }),
      entityOptions(),
    );
    expect(plan.operations.map((o) => o._tag)).toEqual(["CreateClient", "CreateProject", "CreatePerson"]);
    const [client, project, person] = plan.operations as [
      Plan.CreateClient,
      Plan.CreateProject,
      Plan.CreatePerson,
    ];
    expect(client.references).toEqual([B.ref(10)]);
    expect(project.clientId).toBe(client.ref);
    expect(project.references).toEqual([B.ref(100)]);
    expect(person.references).toEqual([B.ref(1)]);
    expect(person.roleId).toBe(7);
  });
  const pricing: ReadonlyArray<
    [string, Partial<Record<string, unknown>>, Plan.CreateProject["pricingModel"], number | null]
  > = [
    ["non-billable → nb", { is_billable: false }, "nb", null],
    ["fixed fee → fp", { is_fixed_fee: true }, "fp", null],
    ["time and materials → tm", {}, "tm", null],
    ["total project fees budget → cost_budget", { budget_by: "project_cost", cost_budget: 5000 }, "tm", 5000],
    [
      "monthly fees budget → none",
      { budget_by: "project_cost", cost_budget: 5000, budget_is_monthly: true },
      "tm",
      null,
    ],
    ["hours budget → none", { budget_by: "project", budget: 100, cost_budget: 9 }, "tm", null],
  ];
  for (const [name, fields, model, budget] of pricing) {
    it(`E6: ${name}`, () => {
      const plan = Reconcile.reconcile(
        B.harvestSnapshot({
          clients: [B.client({ id: 10 })],
          projects: [B.project({ id: 100, clientId: 10, ...fields })],
        }),
        B.runnSnapshot({ clients: [B.runnClient({ id: 510, harvestId: 10 })] }),
        entityOptions(),
      );
      const [p] = ops(plan, "CreateProject") as [Plan.CreateProject];
      expect([p.pricingModel, p.budget, p.isConfirmed, p.clientId]).toEqual([model, budget, true, 510]);
    });
  }
  it("E6: a project of an archived client creates that client too", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({
        clients: [B.client({ id: 10, is_active: false })],
        projects: [B.project({ id: 100, clientId: 10 })],
      }),
      B.runnSnapshot(),
      entityOptions(),
    );
    expect(plan.operations.map((o) => o._tag)).toEqual(["CreateClient", "CreateProject"]);
  });
});

describe("E3 E4 after import the sides are independent", () => {
  it("E3: a renamed Harvest project does not update its linked Runn project", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({
        clients: [B.client({ id: 10 })],
        projects: [B.project({ id: 100, clientId: 10, name: "Renamed" })],
      }),
      B.runnSnapshot({
        clients: [B.runnClient({ id: 510, harvestId: 10 })],
        projects: [B.runnProject({ id: 600, harvestId: 100, clientId: 510 })],
      }),
      entityOptions(),
    );
    expect(plan.operations).toEqual([]);
  });
  it("E4: a linked Runn entity deleted in Runn is imported again", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ clients: [B.client({ id: 10 })] }),
      B.runnSnapshot(),
      entityOptions(),
    );
    expect(ops(plan, "CreateClient")).toHaveLength(1);
  });
});

describe("E5 archived entities", () => {
  const harvest = B.harvestSnapshot({
    users: [B.user({ id: 1, is_active: false })],
    clients: [B.client({ id: 10, is_active: false })],
  });
  it("E5: archived Harvest entities are not imported by default", () => {
    expect(Reconcile.reconcile(harvest, B.runnSnapshot(), entityOptions()).operations).toEqual([]);
  });
  it("E5: includeArchived imports them", () => {
    const plan = Reconcile.reconcile(harvest, B.runnSnapshot(), entityOptions({ includeArchived: true }));
    expect(plan.operations.map((o) => o._tag)).toEqual(["CreateRole", "CreateClient", "CreatePerson"]);
  });
});

describe("E7 people", () => {
  const person = (
    user: ReturnType<typeof B.user>,
    roles = [B.runnRole({ id: 7, name: "Developer" })],
    roleMapping = {},
  ) => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ users: [user] }),
      B.runnSnapshot({ roles }),
      entityOptions({ roleMapping }),
    );
    return {
      plan,
      person: ops(plan, "CreatePerson")[0] as Plan.CreatePerson,
      roles: ops(plan, "CreateRole"),
    };
  };
  it("E7: fields: names, email, contractor, minutes per day from weekly capacity, cost rate", () => {
    const { person: p } = person(
      B.user({ id: 1, is_contractor: true, weekly_capacity: 126_000, cost_rate: 80 }),
    );
    expect(p).toMatchObject({ firstName: "First1", lastName: "Last1", email: "user1@example.com" });
    expect([p.employmentType, p.minutesPerDay, p.costPerHour]).toEqual(["contractor", 420, 80]);
  });
  it("E7: minutes per day is at least 1", () => {
    expect(person(B.user({ id: 1, weekly_capacity: 0 })).person.minutesPerDay).toBe(1);
  });
  const cases: ReadonlyArray<[string, ReadonlyArray<string>, Record<string, string>, string, boolean]> = [
    [
      "one Harvest role → the Runn role of that name, case-insensitive",
      ["developer"],
      {},
      "Developer",
      false,
    ],
    ["one Harvest role missing in Runn → created", ["Designer"], {}, "Designer", true],
    ["no role → Unknown, created", [], {}, "Unknown", true],
    ["several roles → Unknown", ["Developer", "Designer"], {}, "Unknown", true],
    ["mapping table overrides the single role", ["Dev"], { dev: "Developer" }, "Developer", false],
    [
      "mapping table resolves several roles to one",
      ["Dev", "Coder"],
      { Dev: "Developer", Coder: "developer" },
      "Developer",
      false,
    ],
  ];
  for (const [name, roles, mapping, expected, created] of cases) {
    it(`E7: ${name}`, () => {
      const r = person(B.user({ id: 1, roles }), [B.runnRole({ id: 7, name: "Developer" })], mapping);
      if (created) {
        expect(r.roles).toEqual([
          { _tag: "CreateRole", ref: `new:role:${expected.toLowerCase()}`, name: expected },
        ]);
        expect(r.person.roleId).toBe(`new:role:${expected.toLowerCase()}`);
      } else {
        expect(r.roles).toEqual([]);
        expect(r.person.roleId).toBe(7);
      }
    });
  }
  it("E7: a missing role is created once for several people", () => {
    const plan = Reconcile.reconcile(
      B.harvestSnapshot({ users: [B.user({ id: 1, roles: [] }), B.user({ id: 2, roles: [] })] }),
      B.runnSnapshot(),
      entityOptions(),
    );
    expect(ops(plan, "CreateRole")).toHaveLength(1);
  });
});
