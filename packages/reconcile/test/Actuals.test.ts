import type { Plan } from "@harvest-runn/domain";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import * as B from "./support/Builder.ts";

const ops = <T extends Plan.Operation["_tag"]>(plan: Plan.Plan, tag: T) =>
  plan.operations.filter((o) => o._tag === tag) as Array<Extract<Plan.Operation, { _tag: T }>>;
const report = <T extends Plan.ReportItem["_tag"]>(plan: Plan.Plan, tag: T) =>
  plan.report.filter((r) => r._tag === tag) as Array<Extract<Plan.ReportItem, { _tag: T }>>;
const D = "2026-11-20";
const run = (entries: ReturnType<typeof B.entry>[], o: Parameters<typeof B.options>[0] = {}) => {
  const w = B.linkedWorld();
  return Reconcile.reconcile({ ...w.harvest, timeEntries: entries }, w.runn, B.options(o));
};
const minutes = (plan: Plan.Plan) =>
  ops(plan, "UpsertActual").map((u) => [u.date, u.billableMinutes, u.nonbillableMinutes]);

describe("A1 entries become actuals keyed by person, project, role, day", () => {
  it("A1: tasks of a day combine; billable and non-billable sum apart", () => {
    const plan = run([
      B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 30 }),
      B.entry({ id: 2, userId: 1, projectId: 100, date: D, minutes: 45, task: { id: 2, name: "B" } }),
      B.entry({ id: 3, userId: 1, projectId: 100, date: D, minutes: 20, billable: false }),
    ]);
    expect(ops(plan, "UpsertActual")).toEqual([
      {
        _tag: "UpsertActual",
        personId: 501,
        projectId: 600,
        roleId: 7,
        date: D,
        billableMinutes: 75,
        nonbillableMinutes: 20,
        harvestEntryIds: [1, 2, 3],
        runnActualId: null,
        previous: null,
      },
    ]);
  });
  it("A1: different days are different keys", () => {
    expect(
      minutes(
        run([
          B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-20", minutes: 30 }),
          B.entry({ id: 2, userId: 1, projectId: 100, date: "2026-11-21", minutes: 30 }),
        ]),
      ),
    ).toEqual([
      ["2026-11-20", 30, 0],
      ["2026-11-21", 30, 0],
    ]);
  });
  it("A1: actuals carrying a workstream are foreign and left alone", () => {
    const w = B.linkedWorld();
    const foreign = B.actual({
      id: 1,
      key: B.key(D),
      billableMinutes: 99,
      nonbillableMinutes: 0,
      workstreamId: 5,
    });
    const plan = Reconcile.reconcile(w.harvest, { ...w.runn, actuals: [foreign] }, B.options({ ledger: [] }));
    expect(plan.operations).toEqual([]);
  });
});

describe("A2 rounding", () => {
  const e = (id: number, seconds: number, o = {}) =>
    B.entry({ id, userId: 1, projectId: 100, date: D, minutes: seconds / 60, ...o });
  const cases: ReadonlyArray<[string, ReturnType<typeof e>[], Parameters<typeof B.options>[0], number]> = [
    ["three entries of 10m20s give 30 minutes", [e(1, 620), e(2, 620), e(3, 620)], {}, 30],
    [
      "per-day rounding: three entries of 10m20s give 31 minutes",
      [e(1, 620), e(2, 620), e(3, 620)],
      { rounding: { source: "hours", mode: "day" } },
      31,
    ],
    ["10m30s rounds up to 11 minutes", [e(1, 630)], {}, 11],
    [
      "rounded_hours as the source field",
      [e(1, 620, { rounded_hours: 0.25 })],
      { rounding: { source: "rounded_hours", mode: "entry" } },
      15,
    ],
  ];
  for (const [name, entries, o, expected] of cases) {
    it(`A2: ${name}`, () => expect(minutes(run(entries, o))).toEqual([[D, expected, 0]]));
  }
  it("A2: a day total below zero is written as zero and reported", () => {
    const plan = run([
      B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 30 }),
      B.entry({ id: 2, userId: 1, projectId: 100, date: D, minutes: -50 }),
    ]);
    expect(minutes(plan)).toEqual([[D, 0, 0]]);
    expect(report(plan, "NegativeDayClamped")).toEqual([
      {
        _tag: "NegativeDayClamped",
        person: 501,
        project: 600,
        role: 7,
        date: D,
        billableMinutes: -20,
        nonbillableMinutes: 0,
      },
    ]);
  });
  it("A2: a negative day total that rounds to no minutes is 0, not -0, so the plan survives JSON", () => {
    const plan = run([e(1, -30), e(2, -1, { billable: false })], {
      rounding: { source: "hours", mode: "day" },
    });
    const [clamped] = report(plan, "NegativeDayClamped");
    expect(clamped).toMatchObject({ billableMinutes: -1 });
    expect(Object.is(clamped!.nonbillableMinutes, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe("A3 A5 role of an actual", () => {
  const world = (extra: Partial<ReturnType<typeof B.runnSnapshot>>) => {
    const w = B.linkedWorld();
    const runn = {
      ...w.runn,
      roles: [...w.runn.roles, B.runnRole({ id: 8, name: "Lead" }), B.runnRole({ id: 9, name: "Unknown" })],
      ...extra,
    };
    return Reconcile.reconcile(
      { ...w.harvest, timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })] },
      runn,
      B.options(),
    );
  };
  const cases: ReadonlyArray<[string, Partial<ReturnType<typeof B.runnSnapshot>>, number | null]> = [
    ["no role on the project → the primary role", {}, 7],
    [
      "a single role from a project membership",
      { projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 8 })] },
      8,
    ],
    [
      "a single role from an assignment",
      { assignments: [B.assignment({ id: 1, personId: 501, projectId: 600, roleId: 8 })] },
      8,
    ],
    [
      "the same role twice is still one role",
      {
        projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 8 })],
        assignments: [B.assignment({ id: 1, personId: 501, projectId: 600, roleId: 8 })],
      },
      8,
    ],
    [
      "several roles → the primary role",
      {
        projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 8 })],
        assignments: [B.assignment({ id: 1, personId: 501, projectId: 600, roleId: 9 })],
      },
      7,
    ],
    [
      "placeholder memberships do not count",
      {
        projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 8, isPlaceholder: true })],
      },
      7,
    ],
    [
      "a membership on another project does not count",
      { projectMembers: [B.member({ id: 1, personId: 501, projectId: 601, roleId: 8 })] },
      7,
    ],
    [
      "the primary role is Unknown → held",
      { contracts: [B.contract({ id: 900, personId: 501, roleId: 9 })] },
      null,
    ],
    [
      "the single project role is Unknown → held",
      { projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 9 })] },
      null,
    ],
  ];
  for (const [name, extra, role] of cases) {
    it(`A3: ${name}`, () => {
      const plan = world(extra);
      if (role === null) {
        expect(plan.operations).toEqual([]);
        expect(report(plan, "Skipped").map((s) => s.reason)).toEqual(["unknown_role"]);
      } else expect(ops(plan, "UpsertActual").map((u) => u.roleId)).toEqual([role]);
    });
  }
  it("A5: time of a person held on Unknown does not hold anyone else's", () => {
    const w = B.linkedWorld();
    const runn = {
      ...w.runn,
      people: [...w.runn.people, B.runnPerson({ id: 502, harvestId: 2 })],
      roles: [...w.runn.roles, B.runnRole({ id: 9, name: "Unknown" })],
      contracts: [...w.runn.contracts, B.contract({ id: 901, personId: 502, roleId: 9 })],
    };
    const harvest = {
      ...w.harvest,
      users: [B.user({ id: 1 }), B.user({ id: 2 })],
      timeEntries: [
        B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 }),
        B.entry({ id: 2, userId: 2, projectId: 100, date: D, minutes: 60 }),
      ],
    };
    const plan = Reconcile.reconcile(harvest, runn, B.options());
    expect(ops(plan, "UpsertActual").map((u) => u.personId)).toEqual([501]);
    expect(report(plan, "Skipped")).toMatchObject([
      { reason: "unknown_role", harvestUserId: 2, entryIds: [2] },
    ]);
  });
  it("A5: a new person created in role Unknown has their time held", () => {
    const w = B.linkedWorld();
    const harvest = {
      ...w.harvest,
      users: [B.user({ id: 3, roles: [] })],
      timeEntries: [B.entry({ id: 1, userId: 3, projectId: 100, date: D, minutes: 60 })],
    };
    const plan = Reconcile.reconcile(harvest, w.runn, B.options());
    expect(ops(plan, "UpsertActual")).toEqual([]);
    expect(report(plan, "Skipped").map((s) => s.reason)).toEqual(["unknown_role"]);
  });
});

describe("A4 unlinked people and projects", () => {
  it("A4: entries of an unlinked person and an unlinked project are skipped with reasons, aggregated per day", () => {
    const w = B.linkedWorld();
    const harvest = {
      ...w.harvest,
      timeEntries: [
        B.entry({ id: 1, userId: 2, projectId: 100, date: D, minutes: 30 }),
        B.entry({ id: 2, userId: 2, projectId: 100, date: D, minutes: 30 }),
        B.entry({ id: 3, userId: 1, projectId: 200, date: D, minutes: 15 }),
      ],
    };
    const plan = Reconcile.reconcile(
      harvest,
      w.runn,
      B.options({ switches: { clientsAndProjects: false, people: false, actuals: true } }),
    );
    expect(plan.operations).toEqual([]);
    expect(report(plan, "Skipped")).toEqual([
      {
        _tag: "Skipped",
        reason: "person_not_linked",
        harvestUserId: 2,
        harvestProjectId: 100,
        date: D,
        entryCount: 2,
        entryIds: [1, 2],
        minutes: 60,
      },
      {
        _tag: "Skipped",
        reason: "project_not_linked",
        harvestUserId: 1,
        harvestProjectId: 200,
        date: D,
        entryCount: 1,
        entryIds: [3],
        minutes: 15,
      },
    ]);
  });
  it("A4: people and projects created in the same plan get their actuals through symbolic refs", () => {
    const harvest = B.harvestSnapshot({
      users: [B.user({ id: 1 })],
      clients: [B.client({ id: 10 })],
      projects: [B.project({ id: 100, clientId: 10 })],
      timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })],
    });
    const plan = Reconcile.reconcile(
      harvest,
      B.runnSnapshot({ roles: [B.runnRole({ id: 7, name: "Developer" })] }),
      B.options(),
    );
    expect(ops(plan, "UpsertActual")).toMatchObject([
      { personId: "new:person:1", projectId: "new:project:100", roleId: 7 },
    ]);
  });
  it("A4: entry ids in a skipped item are capped", () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      B.entry({ id: i + 1, userId: 2, projectId: 100, date: D, minutes: 1 }),
    );
    const [item] = report(
      run(entries, { switches: { clientsAndProjects: false, people: false, actuals: true } }),
      "Skipped",
    );
    expect([item!.entryCount, item!.entryIds.length]).toEqual([30, 20]);
  });
});
