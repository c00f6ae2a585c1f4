import { Harvest, type Plan } from "@harvest-runn/domain";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Reconcile } from "../src/index.ts";
import * as B from "./support/Builder.ts";

const D = "2026-11-20";
const OLD = "2026-09-01";
const tags = (plan: Plan.Plan) => plan.operations.map((o) => o._tag);
const plan = (
  entries: ReadonlyArray<ReturnType<typeof B.entry>>,
  actuals: ReadonlyArray<ReturnType<typeof B.actual>>,
  ledger: ReadonlyArray<ReturnType<typeof B.ledgerEntry>>,
  o: Parameters<typeof B.options>[0] = {},
  harvestExtra: Partial<ReturnType<typeof B.harvestSnapshot>> = {},
) => {
  const w = B.linkedWorld();
  return Reconcile.reconcile(
    { ...w.harvest, timeEntries: entries, ...harvestExtra },
    { ...w.runn, actuals },
    B.options({ ledger, ...o }),
  );
};

describe("A7 unchanged keys are not written", () => {
  it("A7: a key whose Runn value already equals the computed value writes nothing", () => {
    expect(
      plan(
        [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })],
        [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
        [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
      ).operations,
    ).toEqual([]);
  });
  it("A7: the ledger's entry ids match in any order, and a changed set is re-recorded", () => {
    const entries = [
      B.entry({ id: 3, userId: 1, projectId: 100, date: D, minutes: 20 }),
      B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 20 }),
      B.entry({ id: 2, userId: 1, projectId: 100, date: D, minutes: 20 }),
    ];
    const actuals = [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })];
    expect(
      plan(entries, actuals, [
        B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [2, 3, 1], runnActualId: 1 }),
      ]).operations,
    ).toEqual([]);
    expect(
      plan(entries, actuals, [
        B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [4, 3, 1], runnActualId: 1 }),
      ]).operations.map((o) => (o._tag === "RecordLedger" ? o.harvestEntryIds : o._tag)),
    ).toEqual([[1, 2, 3]]);
  });
  it("A7: an equal value the ledger does not own yet is recorded in the ledger only", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })],
      [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
      [],
    );
    expect(p.operations).toEqual([
      {
        _tag: "RecordLedger",
        key: B.key(D),
        billableMinutes: 60,
        nonbillableMinutes: 0,
        runnActualId: 1,
        harvestEntryIds: [1],
      },
    ]);
  });
});

describe("A8 ownership and removals", () => {
  it("A8: a manual Runn actual on a key the sync computes is overwritten", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })],
      [B.actual({ id: 1, key: B.key(D), billableMinutes: 15 })],
      [],
    );
    expect(p.operations).toMatchObject([
      { _tag: "UpsertActual", billableMinutes: 60, runnActualId: 1, previous: { billableMinutes: 15 } },
    ]);
  });
  it("A8: protectManualEdits reports a conflict instead of overwriting a ledger key edited in Runn", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 90 })],
      [B.actual({ id: 1, key: B.key(D), billableMinutes: 15 })],
      [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
      { protectManualEdits: true },
    );
    expect(p.operations).toEqual([]);
    expect(p.report).toEqual([
      {
        _tag: "ManualEditConflict",
        key: B.key(D),
        written: { billableMinutes: 60, nonbillableMinutes: 0 },
        inRunn: { billableMinutes: 15, nonbillableMinutes: 0 },
        computed: { billableMinutes: 90, nonbillableMinutes: 0 },
      },
    ]);
  });
  it("A8: protectManualEdits still updates a ledger key nobody edited", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 90 })],
      [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
      [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
      { protectManualEdits: true },
    );
    expect(tags(p)).toEqual(["UpsertActual"]);
  });
  const removal: ReadonlyArray<["delete" | "zero", Plan.RemoveActual["mode"]]> = [
    ["delete", "delete"],
    ["zero", "zero"],
  ];
  for (const [mode, expected] of removal) {
    it(`A8: a deleted entry's key is removed with onRemovedTime ${mode}`, () => {
      const p = plan(
        [],
        [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
        [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
        {
          onRemovedTime: mode,
        },
      );
      expect(p.operations).toEqual([
        {
          _tag: "RemoveActual",
          mode: expected,
          key: B.key(D),
          runnActualId: 1,
          previous: { billableMinutes: 60, nonbillableMinutes: 0 },
        },
      ]);
    });
  }
  it("A8: an actual the sync never wrote is left alone when Harvest has no time for it", () => {
    expect(plan([], [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })], []).operations).toEqual([]);
  });
  it("A8: a ledger key whose actual is gone from Runn is forgotten", () => {
    expect(
      tags(
        plan(
          [],
          [],
          [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
        ),
      ),
    ).toEqual(["ForgetLedger"]);
  });
  it("A8: an entry moved to another day inside the window moves the time", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-21", minutes: 60 })],
      [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
      [B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 })],
    );
    expect(p.operations).toMatchObject([
      { _tag: "UpsertActual", date: "2026-11-21", billableMinutes: 60 },
      { _tag: "RemoveActual", key: B.key(D) },
    ]);
  });
  it("A8: a changed role moves the time to the new role's key", () => {
    const w = B.linkedWorld();
    const runn = {
      ...w.runn,
      roles: [...w.runn.roles, B.runnRole({ id: 8, name: "Lead" })],
      projectMembers: [B.member({ id: 1, personId: 501, projectId: 600, roleId: 8 })],
      actuals: [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
    };
    const p = Reconcile.reconcile(
      { ...w.harvest, timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })] },
      runn,
      B.options({
        ledger: [
          B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 }),
        ],
      }),
    );
    expect(p.operations).toMatchObject([
      { _tag: "UpsertActual", roleId: 8 },
      { _tag: "RemoveActual", key: B.key(D) },
    ]);
  });
  it("A8: a ledger key whose time is held (Unknown role) is not removed", () => {
    const w = B.linkedWorld();
    const runn = {
      ...w.runn,
      roles: [...w.runn.roles, B.runnRole({ id: 9, name: "Unknown" })],
      contracts: [B.contract({ id: 900, personId: 501, roleId: 9 })],
      actuals: [B.actual({ id: 1, key: B.key(D), billableMinutes: 60 })],
    };
    const p = Reconcile.reconcile(
      { ...w.harvest, timeEntries: [B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })] },
      runn,
      B.options({
        ledger: [
          B.ledgerEntry({ key: B.key(D), billableMinutes: 60, harvestEntryIds: [1], runnActualId: 1 }),
        ],
      }),
    );
    expect(p.operations).toEqual([]);
  });
});

describe("A6 window and old days", () => {
  it("A6: entries and ledger keys older than the window are ignored without an old day", () => {
    const p = plan(
      [B.entry({ id: 1, userId: 1, projectId: 100, date: OLD, minutes: 60 })],
      [],
      [
        B.ledgerEntry({
          key: B.key("2026-09-02"),
          billableMinutes: 60,
          harvestEntryIds: [2],
          runnActualId: 2,
        }),
      ],
    );
    expect(p.operations).toEqual([]);
  });
  it("A6: the window is the last windowDays days", () => {
    expect(
      tags(plan([B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-10-14", minutes: 60 })], [], [])),
    ).toEqual(["UpsertActual"]);
    expect(
      tags(plan([B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-10-13", minutes: 60 })], [], [])),
    ).toEqual([]);
    expect(
      tags(
        plan([B.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-07", minutes: 60 })], [], [], {
          windowDays: 20,
        }),
      ),
    ).toEqual([]);
  });
  it("A6: an old entry moved from one day to another outside the window is recomputed on both days", () => {
    const moved = B.entry({
      id: 1,
      userId: 1,
      projectId: 100,
      date: "2026-09-05",
      minutes: 60,
      updated_at: "2026-11-26T10:00:00Z",
    });
    const p = plan(
      [],
      [B.actual({ id: 1, key: B.key("2026-09-01"), billableMinutes: 60 })],
      [
        B.ledgerEntry({
          key: B.key("2026-09-01"),
          billableMinutes: 60,
          harvestEntryIds: [1],
          runnActualId: 1,
        }),
      ],
      {},
      {
        updatedEntries: [moved],
        oldDays: [
          { userId: 1, date: "2026-09-01" },
          { userId: 1, date: "2026-09-05" },
        ] as unknown as ReturnType<typeof B.harvestSnapshot>["oldDays"],
        oldDayEntries: [moved],
      },
    );
    expect(p.operations).toMatchObject([
      { _tag: "UpsertActual", date: "2026-09-05", billableMinutes: 60 },
      { _tag: "RemoveActual", key: B.key("2026-09-01") },
    ]);
  });
  it("A6: backfillFrom widens the window", () => {
    expect(
      tags(
        plan([B.entry({ id: 1, userId: 1, projectId: 100, date: OLD, minutes: 60 })], [], [], {
          backfillFrom: "2026-08-01" as never,
        }),
      ),
    ).toEqual(["UpsertActual"]);
  });
});

describe("A9 approvals and running timers", () => {
  it("A9: unapproved entries sync unless approvedOnly", () => {
    expect(tags(plan([B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })], [], []))).toEqual(
      ["UpsertActual"],
    );
    const p = plan([B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 })], [], [], {
      approvedOnly: true,
    });
    expect(p.report).toMatchObject([{ reason: "not_approved" }]);
  });
  it("A9: without approval_status, approvedOnly reads is_closed (the documented field)", () => {
    // Wire JSON as Harvest documents it: `is_closed`, no `approval_status`; decoded as the client does.
    const wire = (id: number, isClosed: boolean) => {
      const { approval_status: _, ...rest } = B.entry({
        id,
        userId: 1,
        projectId: 100,
        date: D,
        minutes: 60,
      });
      return Schema.decodeUnknownSync(Harvest.TimeEntry)({ ...rest, is_closed: isClosed });
    };
    const p = plan([wire(1, true), wire(2, false)], [], [], { approvedOnly: true });
    expect(p.operations).toMatchObject([{ _tag: "UpsertActual", billableMinutes: 60, harvestEntryIds: [1] }]);
    expect(p.report).toMatchObject([{ reason: "not_approved", entryIds: [2] }]);
    // When both are sent, approval_status decides.
    const both = B.entry({
      id: 3,
      userId: 1,
      projectId: 100,
      date: D,
      minutes: 60,
      approval_status: "submitted",
      is_closed: true,
    });
    expect(tags(plan([both], [], [], { approvedOnly: true }))).toEqual([]);
  });
  it("A9: a running timer counts with its current hours, the fresh copy winning", () => {
    const stale = B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 30, is_running: true });
    const fresh = B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 45, is_running: true });
    const p = plan([stale], [], [], {}, { runningEntries: [fresh] });
    expect(p.operations).toMatchObject([{ billableMinutes: 45, harvestEntryIds: [1] }]);
  });
});

describe("A10 one project's actuals", () => {
  it("A10: scope limited to one project writes and removes only that project's actuals", () => {
    const w = B.linkedWorld();
    const runn = {
      ...w.runn,
      projects: [...w.runn.projects, B.runnProject({ id: 601, harvestId: 101, clientId: 510 })],
    };
    const other = { personId: 501, projectId: 601, roleId: 7, date: D };
    const harvest = {
      ...w.harvest,
      users: [B.user({ id: 1 }), B.user({ id: 3 })],
      projects: [B.project({ id: 100, clientId: 10 }), B.project({ id: 101, clientId: 10 })],
      timeEntries: [
        B.entry({ id: 1, userId: 1, projectId: 100, date: D, minutes: 60 }),
        B.entry({ id: 2, userId: 1, projectId: 101, date: D, minutes: 60 }),
        B.entry({ id: 3, userId: 3, projectId: 100, date: D, minutes: 5 }),
      ],
    };
    const p = Reconcile.reconcile(
      harvest,
      { ...runn, actuals: [B.actual({ id: 1, key: other, billableMinutes: 10 })] },
      B.options({
        scope: { kind: "project", harvestProjectId: 101 },
        ledger: [
          B.ledgerEntry({ key: other, billableMinutes: 10, harvestEntryIds: [9], runnActualId: 1 }),
          B.ledgerEntry({
            key: B.key("2026-11-19"),
            billableMinutes: 10,
            harvestEntryIds: [8],
            runnActualId: 2,
          }),
        ],
      }),
    );
    expect(p.operations).toMatchObject([{ _tag: "UpsertActual", projectId: 601, billableMinutes: 60 }]);
    expect(p.report).toEqual([]);
  });
});
