/**
 * fast-check arbitraries for whole worlds: Harvest and Runn snapshots that partly agree (linked, unlinked,
 * look-alikes, conflicting), entries in and out of the window, Runn actuals and ledger rows, and options.
 */
import type { Harvest, Ledger, ReconcileOptions, Runn, Snapshot } from "@harvest-runn/domain";
import fc from "fast-check";
import * as B from "./Builder.ts";

/** A generated world. */
export interface World {
  readonly harvest: Snapshot.HarvestSnapshot;
  readonly runn: Snapshot.RunnSnapshot;
  readonly options: ReconcileOptions.Options;
}

const halfAway = (x: number) => (x >= 0 ? Math.round(x) : -Math.round(-x));
const DAYS = ["2026-10-10", "2026-10-20", "2026-11-01", "2026-11-20", "2026-11-21", "2026-11-27"];
const ROLE_SETS: ReadonlyArray<ReadonlyArray<string>> = [
  [],
  ["Developer"],
  ["designer"],
  ["Developer", "Lead"],
];

/** Worlds with up to 4 users, 3 clients, 4 projects, 25 entries. */
export const world = (
  o: {
    readonly protect?: boolean;
    readonly simple?: boolean;
    /**
     * Runn and the ledger often already agree with Harvest (actuals holding the key's day total, ledger
     * rows its entry ids), keys may carry a second, newer actual, an owned actual may be gone from Runn or
     * named by another id, and some entries carry approval only as `is_closed`: the cases a rule-by-rule
     * comparison needs.
     */
    readonly synced?: boolean;
  } = {},
): fc.Arbitrary<World> =>
  fc
    .record({
      users: fc.array(
        fc.record({
          link: fc.constantFrom("linked", "unlinked", "lookalike"),
          roles: fc.integer({ min: 0, max: 3 }),
          active: fc.boolean(),
          role: fc.constantFrom(7, 8, 9),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      clients: fc.array(
        fc.record({ link: fc.constantFrom("linked", "unlinked", "lookalike"), active: fc.boolean() }),
        { minLength: 1, maxLength: 3 },
      ),
      projects: fc.array(
        fc.record({
          link: fc.constantFrom("linked", "unlinked", "lookalike", "conflict"),
          client: fc.nat(),
          active: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      members: fc.array(fc.record({ user: fc.nat(), project: fc.nat(), role: fc.constantFrom(7, 8, 9) }), {
        maxLength: 4,
      }),
      entries: fc.array(
        fc.record({
          user: fc.nat(),
          project: fc.nat(),
          day: fc.nat(DAYS.length - 1),
          seconds: fc.integer({ min: -1800, max: 20_000 }),
          billable: fc.boolean(),
          approved: fc.boolean(),
          closedOnly: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      actuals: fc.array(
        fc.record({
          user: fc.nat(),
          project: fc.nat(),
          day: fc.nat(DAYS.length - 1),
          role: fc.constantFrom(7, 8),
          minutes: fc.nat(300),
          owned: fc.boolean(),
          drift: fc.boolean(),
          synced: fc.boolean(),
          second: fc.boolean(),
          /** Under `synced`: the owned actual was since deleted in Runn, or the ledger names another actual id. */
          runnSide: fc.constantFrom("kept", "deleted", "otherId"),
        }),
        { maxLength: 8 },
      ),
      policy: fc.constantFrom("hold", "create", "link") as fc.Arbitrary<"hold" | "create" | "link">,
      removed: fc.constantFrom("delete", "zero") as fc.Arbitrary<"delete" | "zero">,
      perDay: fc.boolean(),
      archived: fc.boolean(),
      approvedOnly: fc.boolean(),
    })
    .map((g) => {
      const users: Array<Harvest.User> = [];
      const people: Array<Runn.Person> = [];
      const contracts: Array<Runn.Contract> = [];
      g.users.forEach((u, i) => {
        const id = i + 1;
        users.push(B.user({ id, roles: ROLE_SETS[u.roles], is_active: u.active }));
        if (u.link === "linked") {
          people.push(B.runnPerson({ id: 500 + id, harvestId: id }));
          contracts.push(B.contract({ id: 900 + id, personId: 500 + id, roleId: u.role }));
        } else if (u.link === "lookalike") people.push(B.runnPerson({ id: 500 + id }));
      });
      const clients: Array<Harvest.Client> = [];
      const runnClients: Array<Runn.Client> = [];
      g.clients.forEach((c, i) => {
        const id = 10 + i;
        clients.push(B.client({ id, is_active: c.active }));
        if (c.link !== "unlinked")
          runnClients.push(B.runnClient({ id: 510 + i, harvestId: c.link === "linked" ? id : null }));
      });
      const projects: Array<Harvest.Project> = [];
      const runnProjects: Array<Runn.Project> = [];
      g.projects.forEach((p, i) => {
        const id = 100 + i;
        const client = 10 + (p.client % clients.length);
        projects.push(B.project({ id, clientId: client, is_active: p.active }));
        const runnClient = runnClients.find((c) => c.name === `Client ${client}`)?.id ?? 509;
        if (p.link === "linked" || p.link === "conflict")
          runnProjects.push(B.runnProject({ id: 600 + i, harvestId: id, clientId: runnClient }));
        if (p.link === "conflict")
          runnProjects.push(B.runnProject({ id: 650 + i, harvestId: id, clientId: runnClient }));
        if (p.link === "lookalike")
          runnProjects.push(B.runnProject({ id: 600 + i, clientId: runnClient, name: `Project ${id}` }));
      });
      const members = g.members.map((m, i) =>
        B.member({
          id: i + 1,
          personId: 500 + 1 + (m.user % users.length),
          projectId: 600 + (m.project % projects.length),
          roleId: m.role,
        }),
      );
      const entries = g.entries.map((e, i) =>
        B.entry({
          id: i + 1,
          userId: 1 + (e.user % users.length),
          projectId: 100 + (e.project % projects.length),
          date: DAYS[e.day]!,
          minutes: e.seconds / 60,
          billable: e.billable,
          ...(o.synced && e.closedOnly
            ? { approval_status: null, is_closed: e.approved }
            : { approval_status: e.approved ? "approved" : "submitted" }),
        }),
      );
      const actuals: Array<Runn.Actual> = [];
      const ledger: Array<Ledger.LedgerEntry> = [];
      const seen = new Set<string>();
      g.actuals.forEach((a, i) => {
        // Under `synced`, on the key of a Harvest entry (its person's contract role) when there is one.
        const from = o.synced && g.entries.length > 0 ? g.entries[a.user % g.entries.length]! : null;
        const user = from === null ? a.user : from.user;
        const k = {
          personId: 500 + 1 + (user % users.length),
          projectId: 600 + ((from === null ? a.project : from.project) % projects.length),
          roleId: from === null ? a.role : g.users[user % users.length]!.role,
          date: DAYS[from === null ? a.day : from.day]!,
        };
        const ks = JSON.stringify(k);
        if (seen.has(ks)) {
          if (o.synced && a.second)
            actuals.push(B.actual({ id: 100 + i, key: k, billableMinutes: a.minutes }));
          return;
        }
        seen.add(ks);
        // The key's Harvest entries and day total, as the sync would have written them (roles aside).
        const same = g.entries.flatMap((e, j) =>
          1 + (e.user % users.length) === k.personId - 500 &&
          100 + (e.project % projects.length) === k.projectId - 500 &&
          DAYS[e.day] === k.date
            ? [{ ...e, id: j + 1 }]
            : [],
        );
        const total = (billable: boolean) => {
          const mine = same.filter((e) => e.billable === billable).map((e) => e.seconds);
          const m = g.perDay
            ? halfAway(mine.reduce((x, y) => x + y, 0) / 60)
            : mine.reduce((x, y) => x + halfAway(y / 60), 0);
          return Math.max(m, 0);
        };
        const synced = o.synced === true && a.synced;
        const b = synced ? total(true) : a.minutes;
        const n = synced ? total(false) : 0;
        const side = o.synced ? a.runnSide : "kept";
        if (side !== "deleted" || !a.owned)
          actuals.push(B.actual({ id: i + 1, key: k, billableMinutes: b, nonbillableMinutes: n }));
        if (a.owned)
          ledger.push(
            B.ledgerEntry({
              key: k,
              billableMinutes: a.drift && o.protect ? b + 5 : b,
              nonbillableMinutes: n,
              harvestEntryIds: synced && !a.drift ? same.map((e) => e.id) : [1000 + i],
              runnActualId: side === "otherId" ? 900 + i : i + 1,
            }),
          );
      });
      const runn = B.runnSnapshot({
        people,
        contracts,
        clients: runnClients,
        projects: runnProjects,
        roles: [
          B.runnRole({ id: 7, name: "Developer" }),
          B.runnRole({ id: 8, name: "Lead" }),
          B.runnRole({ id: 9, name: "Unknown" }),
        ],
        projectMembers: members,
        actuals,
      });
      const options = B.options({
        ledger,
        onPossibleDuplicate: g.policy,
        onRemovedTime: g.removed,
        includeArchived: g.archived,
        protectManualEdits: o.protect ?? false,
        rounding: { source: "hours", mode: o.simple ? "entry" : g.perDay ? "day" : "entry" },
        approvedOnly: o.simple ? false : g.approvedOnly,
      });
      return {
        harvest: B.harvestSnapshot({ users, clients, projects, timeEntries: entries }),
        runn,
        options,
      };
    });

/** Shuffles every list of a world with a seeded permutation. */
export const shuffled = (w: World, seed: number): World => {
  let s = seed | 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sh = <A>(xs: ReadonlyArray<A>): Array<A> => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const shAll = <A extends object>(o: A): A =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? sh(v) : v])) as A;
  return {
    harvest: shAll(w.harvest),
    runn: shAll(w.runn),
    options: { ...w.options, ledger: sh(w.options.ledger) },
  };
};
