/**
 * A plain reference implementation of the actuals rules (SPEC A1–A9) for property tests: Maps and
 * strings, one rule per line, no speed. The entity decisions (E1–E10: which Harvest user or project is
 * linked, linked by this plan, created by it, or not written) are read from the plan's entity operations.
 */
import { Harvest, type Ledger, type Plan, type Runn } from "@harvest-runn/domain";
import type { World } from "./Arbitraries.ts";

type Ref = number | string;
type Side = { ref: Ref; skip?: undefined } | { skip: string; conflictIds: ReadonlyArray<number> };
type Time = { person: Ref; project: Ref; role: Ref; date: string; b: number; n: number; ids: Array<number> };

/** What the reference decides: the actual operations and the report items the actuals rules produce. */
export interface Expected {
  readonly operations: Array<Plan.Operation>;
  readonly report: Array<Plan.ReportItem>;
}

const halfAway = (x: number) => (x >= 0 ? Math.round(x) : -Math.round(-x)) || 0;
const minutes = (b: number, n: number) => ({ billableMinutes: b, nonbillableMinutes: n });

/** The actuals part of the plan for world `w`, given the plan's entity operations. */
export const expected = ({ harvest, runn, options: o }: World, plan: Plan.Plan): Expected => {
  const operations: Array<Plan.Operation> = [];
  const report: Array<Plan.ReportItem> = [];
  const ops = plan.operations;
  const start = new Date(Date.parse(o.today) - (o.windowDays - 1) * 86_400_000).toISOString().slice(0, 10);
  // E1: Runn records carrying the Harvest reference; else what this plan links or creates.
  const resolve = (
    kind: "person" | "project",
    list: ReadonlyArray<Runn.Person | Runn.Project>,
    id: number,
  ) => {
    const ids = list
      .filter((r) =>
        r.references.some((x) => x.referenceName === o.referenceName && x.externalId === `${id}`),
      )
      .map((r) => r.id as number);
    if (ids.length > 1) return { skip: "ambiguous_link", conflictIds: ids } satisfies Side;
    if (ids.length === 1) return { ref: ids[0]! };
    const link = ops.find((x) => x._tag === "LinkEntity" && x.kind === kind && x.harvestId === id);
    if (link?._tag === "LinkEntity") return { ref: link.runnId };
    const tag = kind === "person" ? "CreatePerson" : "CreateProject";
    const create = ops.find((x) => x._tag === tag && x.harvestId === id);
    return create?._tag === tag ? { ref: create.ref } : { skip: "not_linked", conflictIds: [] };
  };
  const roleName = (r: Ref) =>
    typeof r === "string"
      ? ops.find((x): x is Plan.CreateRole => x._tag === "CreateRole" && x.ref === r)?.name
      : runn.roles.find((x) => x.id === r)?.name;
  // A3: the one distinct role on the project (members and assignments, no placeholders), else the contract's.
  const roleOf = (harvestUser: number, person: Ref, project: Ref): Ref | "no_role" | "unknown_role" => {
    let role: Ref | undefined;
    const create = ops.find((x) => x._tag === "CreatePerson" && x.harvestId === harvestUser);
    if (create?._tag === "CreatePerson") role = create.roleId;
    else {
      const onProject = new Set(
        [...runn.projectMembers, ...runn.assignments]
          .filter((m) => !m.isPlaceholder && m.personId === person && m.projectId === project)
          .map((m) => m.roleId as number),
      );
      const contract = runn.contracts
        .filter((c) => c.personId === person)
        .sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : a.startDate < b.startDate ? 1 : -1))[0];
      role = onProject.size === 1 ? [...onProject][0]! : contract?.roleId;
    }
    if (role === undefined) return "no_role";
    return roleName(role)?.trim().toLowerCase() === "unknown" ? "unknown_role" : role; // A5
  };

  // A1, A2, A4, A5, A9: each counted entry adds to its key; the others are skipped with a reason.
  const byId = new Map<number, Harvest.TimeEntry>(harvest.timeEntries.map((e) => [e.id, e]));
  for (const e of [...harvest.updatedEntries, ...harvest.runningEntries]) byId.set(e.id, e);
  const times = new Map<string, Time>();
  const skipped = new Map<string, Plan.Skipped & { amount: number; all: Array<number> }>();
  const held = new Set<string>();
  const perDay = o.rounding.mode === "day";
  for (const e of byId.values()) {
    if (e.spent_date < start) continue;
    const h = o.rounding.source === "hours" ? e.hours : e.rounded_hours;
    const amount = perDay ? Math.round(h * 3600) || 0 : halfAway(h * 60);
    const skip = (reason: string) => {
      const k = `${reason}|${e.user.id}|${e.project.id}|${e.spent_date}`;
      const s =
        skipped.get(k) ??
        ({
          _tag: "Skipped",
          reason,
          harvestUserId: e.user.id,
          harvestProjectId: e.project.id,
          date: e.spent_date,
          entryCount: 0,
          entryIds: [],
          minutes: 0,
          amount: 0,
          all: [],
        } as never);
      skipped.set(k, {
        ...s,
        entryCount: s.entryCount + 1,
        amount: s.amount + (perDay ? amount / 60 : amount),
        all: [...s.all, e.id],
      });
    };
    if (o.approvedOnly && !Harvest.isApproved(e)) {
      skip("not_approved");
      continue;
    }
    const person: Side = resolve("person", runn.people, e.user.id);
    if (person.skip !== undefined) {
      for (const id of person.conflictIds) held.add(`${id}:*:${e.spent_date}`);
      skip(person.skip);
      continue;
    }
    const project: Side = resolve("project", runn.projects, e.project.id);
    if (project.skip !== undefined) {
      for (const id of project.conflictIds) held.add(`${person.ref}:${id}:${e.spent_date}`);
      skip(project.skip);
      continue;
    }
    const role = roleOf(e.user.id, person.ref, project.ref);
    if (role === "no_role" || role === "unknown_role") {
      if (role === "unknown_role") held.add(`${person.ref}:${project.ref}:${e.spent_date}`);
      skip(role);
      continue;
    }
    const k = `${person.ref}:${project.ref}:${role}:${e.spent_date}`;
    const t = times.get(k) ?? {
      person: person.ref,
      project: project.ref,
      role,
      date: e.spent_date,
      b: 0,
      n: 0,
      ids: [],
    };
    times.set(k, {
      ...t,
      b: t.b + (e.billable ? amount : 0),
      n: t.n + (e.billable ? 0 : amount),
      ids: [...t.ids, e.id],
    });
  }
  for (const s of skipped.values()) {
    const { amount, all, ...item } = s;
    report.push({
      ...item,
      entryIds: all.sort((a, b) => a - b).slice(0, 20),
      minutes: Math.round(amount) || 0,
    });
  }

  // A1: the oldest Runn actual without a workstream per key; A8: the ledger's rows; both inside the window.
  const keyOf = (k: Ledger.ActualKey | Runn.Actual) => `${k.personId}:${k.projectId}:${k.roleId}:${k.date}`;
  const actuals = new Map<string, Runn.Actual>();
  for (const a of [...runn.actuals].sort((x, y) => y.id - x.id))
    if (a.workstreamId === null && a.date >= start) actuals.set(keyOf(a), a);
  const owned = new Map(o.ledger.filter((l) => l.key.date >= start).map((l) => [keyOf(l.key), l]));

  for (const k of new Set([...times.keys(), ...actuals.keys(), ...owned.keys()])) {
    const t = times.get(k);
    const a = actuals.get(k);
    const l = owned.get(k);
    const edited =
      l !== undefined &&
      (a === undefined ||
        a.billableMinutes !== l.billableMinutes ||
        a.nonbillableMinutes !== l.nonbillableMinutes);
    if (t === undefined) {
      if (l === undefined) continue; // A8: actuals the sync never wrote are left alone
      const [p, pr, , date] = k.split(":");
      if (held.has(`${p}:${pr}:${date}`) || held.has(`${p}:*:${date}`)) continue; // A5: held, not gone
      if (a === undefined) operations.push({ _tag: "ForgetLedger", key: l.key });
      else if (o.protectManualEdits && edited)
        report.push({
          _tag: "ManualEditConflict",
          key: l.key,
          written: minutes(l.billableMinutes, l.nonbillableMinutes),
          inRunn: minutes(a.billableMinutes, a.nonbillableMinutes),
          computed: null,
        });
      else if (o.onRemovedTime === "zero" && a.billableMinutes === 0 && a.nonbillableMinutes === 0)
        operations.push({ _tag: "ForgetLedger", key: l.key });
      else
        operations.push({
          _tag: "RemoveActual",
          mode: o.onRemovedTime,
          key: l.key,
          runnActualId: a.id,
          previous: minutes(a.billableMinutes, a.nonbillableMinutes),
        });
      continue;
    }
    const b = perDay ? halfAway(t.b / 60) : t.b; // A2
    const n = perDay ? halfAway(t.n / 60) : t.n;
    if (b < 0 || n < 0)
      report.push({
        _tag: "NegativeDayClamped",
        person: t.person,
        project: t.project,
        role: t.role,
        date: t.date,
        billableMinutes: b,
        nonbillableMinutes: n,
      } as Plan.NegativeDayClamped);
    const value = minutes(Math.max(b, 0), Math.max(n, 0));
    const ids = [...t.ids].sort((x, y) => x - y);
    if (
      a !== undefined &&
      a.billableMinutes === value.billableMinutes &&
      a.nonbillableMinutes === value.nonbillableMinutes
    ) {
      // A7: not written; the ledger records the key unless it already holds exactly this.
      const same =
        l !== undefined &&
        l.billableMinutes === value.billableMinutes &&
        l.nonbillableMinutes === value.nonbillableMinutes &&
        l.runnActualId === a.id &&
        JSON.stringify([...l.harvestEntryIds].sort((x, y) => x - y)) === JSON.stringify(ids);
      const key = { personId: a.personId, projectId: a.projectId, roleId: a.roleId, date: a.date };
      if (!same)
        operations.push({ _tag: "RecordLedger", key, ...value, runnActualId: a.id, harvestEntryIds: ids });
    } else if (o.protectManualEdits && edited)
      report.push({
        _tag: "ManualEditConflict",
        key: l!.key,
        written: minutes(l!.billableMinutes, l!.nonbillableMinutes),
        inRunn: a ? minutes(a.billableMinutes, a.nonbillableMinutes) : null,
        computed: value,
      });
    else
      operations.push({
        _tag: "UpsertActual",
        personId: t.person,
        projectId: t.project,
        roleId: t.role,
        date: t.date,
        ...value,
        harvestEntryIds: ids,
        runnActualId: a?.id ?? null,
        previous: a ? minutes(a.billableMinutes, a.nonbillableMinutes) : null,
      } as unknown as Plan.UpsertActual);
  }
  return { operations, report };
};
