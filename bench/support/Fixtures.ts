/**
 * A deterministic fixture generator for the reconcile benchmark: linked Harvest and Runn snapshots of a
 * preset size, every time entry inside the window, part of the keys already synced (Runn actuals and
 * ledger rows), part of those edited since. Same preset and seed → the same snapshots.
 */
import type {
  Harvest,
  Ids,
  Ledger,
  ReconcileOptions as Options,
  Runn,
  Snapshot,
} from "../../packages/domain/src/index.ts";
import { ReconcileOptions } from "../../packages/domain/src/index.ts";
import { Records as R } from "../../packages/domain/src/testing/index.ts";

/** Sizes of one preset. */
export interface Preset {
  readonly people: number;
  readonly projects: number;
  readonly clients: number;
  readonly entries: number;
  readonly actuals: number;
}

/** The benchmark presets; `xl` is the DESIGN.md budget preset. */
export const presets: Record<string, Preset> = {
  tiny: { people: 50, projects: 100, clients: 10, entries: 2_000, actuals: 800 },
  small: { people: 500, projects: 1_000, clients: 100, entries: 20_000, actuals: 8_000 },
  large: { people: 5_000, projects: 10_000, clients: 1_000, entries: 200_000, actuals: 80_000 },
  xl: { people: 25_000, projects: 50_000, clients: 5_000, entries: 1_000_000, actuals: 400_000 },
};

/** Scales a preset (for the linearity fit). */
export const scale = (p: Preset, f: number): Preset => ({
  people: Math.round(p.people * f),
  projects: Math.round(p.projects * f),
  clients: Math.round(p.clients * f),
  entries: Math.round(p.entries * f),
  actuals: Math.round(p.actuals * f),
});

/** mulberry32: a small seeded PRNG. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const TODAY = "2026-11-27";
const T = "2026-10-01T08:00:00Z" as Ids.IsoDateTime;
const ROLES = ["Developer", "Designer", "Manager", "Analyst", "Tester", "Architect", "Consultant", "Writer"];
const days = Array.from({ length: 45 }, (_, i) =>
  new Date(Date.UTC(2026, 10, 27) - i * 86_400_000).toISOString().slice(0, 10),
);
/** Harvest and Runn timestamps of every generated record. */
const AT = { created_at: T, updated_at: T };
const RUNN_AT = { createdAt: T, updatedAt: T };

/** Generated snapshots and options. */
export interface Fixture {
  readonly harvest: Snapshot.HarvestSnapshot;
  readonly runn: Snapshot.RunnSnapshot;
  readonly options: Options.Options;
}

/** Builds the fixture of a preset. */
export const generate = (p: Preset, seed = 42): Fixture => {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const users: Array<Harvest.User> = [];
  const people: Array<Runn.Person> = [];
  const contracts: Array<Runn.Contract> = [];
  const members: Array<Runn.ProjectMember> = [];
  const roles: Array<Runn.Role> = ROLES.map((name, i) => R.runnRole({ id: i + 1, name, ...RUNN_AT }));
  const clients: Array<Harvest.Client> = [];
  const runnClients: Array<Runn.Client> = [];
  for (let i = 0; i < p.clients; i++) {
    const id = 10_000_000 + i;
    clients.push(R.client({ id, name: `Client ${i}`, ...AT }));
    runnClients.push(R.runnClient({ id: 1 + i, harvestId: id, name: `Client ${i}`, ...RUNN_AT }));
  }
  const projects: Array<Harvest.Project> = [];
  const runnProjects: Array<Runn.Project> = [];
  for (let i = 0; i < p.projects; i++) {
    const id = 20_000_000 + i;
    const c = i % p.clients;
    projects.push(
      R.project({
        id,
        clientId: 10_000_000 + c,
        name: `Project ${i}`,
        client: { id: 10_000_000 + c, name: `Client ${c}` },
        is_billable: i % 5 !== 0,
        is_fixed_fee: i % 7 === 0,
        ...AT,
      }),
    );
    runnProjects.push(
      R.runnProject({ id: 1 + i, harvestId: id, clientId: 1 + c, name: `Project ${i}`, ...RUNN_AT }),
    );
  }
  const userProjects: Array<Array<number>> = [];
  for (let i = 0; i < p.people; i++) {
    const id = 30_000_000 + i;
    const role = ROLES[i % ROLES.length]!;
    const name = { first_name: `First${i}`, last_name: `Last${i}`, email: `user${i}@example.com` };
    users.push(R.user({ id, ...name, is_contractor: i % 10 === 0, cost_rate: 50, roles: [role], ...AT }));
    people.push(
      R.runnPerson({
        id: 1 + i,
        harvestId: id,
        firstName: name.first_name,
        lastName: name.last_name,
        email: name.email,
        ...RUNN_AT,
      }),
    );
    contracts.push(
      R.contract({ id: 1 + i, personId: 1 + i, roleId: 1 + (i % ROLES.length), costPerHour: 50, ...RUNN_AT }),
    );
    const mine = [int(p.projects), int(p.projects), int(p.projects)];
    userProjects.push(mine);
    members.push(
      R.member({
        id: 1 + i,
        personId: 1 + i,
        projectId: 1 + mine[0]!,
        roleId: 1 + ((i + 3) % ROLES.length),
        ...RUNN_AT,
      }),
    );
  }

  // Time entries, and per key (person:project:date) the synced state of the first `actuals` keys.
  const timeEntries: Array<Harvest.TimeEntry> = [];
  const keyOf = new Map<string, { minutes: number; ids: Array<number>; u: number; pr: number; d: string }>();
  for (let i = 0; i < p.entries; i++) {
    const u = int(p.people);
    const pr = userProjects[u]![int(3)]!;
    const d = days[int(45)]!;
    const seconds = 60 * (15 + int(225)) + int(60);
    const billable = r() < 0.8;
    const e = R.entry({
      id: 100_000_000 + i,
      userId: 30_000_000 + u,
      projectId: 20_000_000 + pr,
      date: d,
      // Named by index, as the snapshots were before the shared builders (keeps the data identical).
      user: { id: 30_000_000 + u, name: `User ${u}` },
      project: { id: 20_000_000 + pr, name: `Project ${pr}` },
      client: { id: 10_000_000 + (pr % p.clients), name: "Client" },
      hours: seconds / 3600,
      rounded_hours: Math.ceil(seconds / 900) / 4,
      billable,
      ...AT,
    });
    timeEntries.push(e);
    if (!billable) continue;
    const k = `${u}:${pr}:${d}`;
    const acc = keyOf.get(k);
    if (acc) {
      acc.minutes += Math.round(e.hours * 60);
      acc.ids.push(e.id);
    } else keyOf.set(k, { minutes: Math.round(e.hours * 60), ids: [e.id], u, pr, d });
  }
  const actuals: Array<Runn.Actual> = [];
  const ledger: Array<Ledger.LedgerEntry> = [];
  // Billable-only keys synced before; a quarter were edited in Harvest since (value differs).
  for (const acc of keyOf.values()) {
    if (actuals.length >= p.actuals) break;
    const roleId = 1 + ((acc.u + 3) % ROLES.length);
    const onMember = acc.pr === userProjects[acc.u]![0];
    const key = {
      personId: 1 + acc.u,
      projectId: 1 + acc.pr,
      roleId: onMember ? roleId : 1 + (acc.u % ROLES.length),
      date: acc.d,
    };
    const minutes = actuals.length % 4 === 0 ? acc.minutes + 15 : acc.minutes;
    const id = 1 + actuals.length;
    actuals.push(R.actual({ id, key, billableMinutes: minutes, ...RUNN_AT }));
    ledger.push(
      R.ledgerEntry({
        key,
        billableMinutes: minutes,
        runnActualId: id,
        harvestEntryIds: acc.ids,
        writtenAt: T,
      }),
    );
  }
  const harvest: Snapshot.HarvestSnapshot = {
    users,
    clients,
    projects,
    timeEntries,
    runningEntries: [],
    updatedEntries: [],
    oldDays: [],
    oldDayEntries: [],
    malformed: [],
  };
  const runn: Snapshot.RunnSnapshot = {
    clients: runnClients,
    projects: runnProjects,
    people,
    roles,
    contracts,
    projectMembers: members,
    assignments: [],
    actuals,
    identityOnly: [],
    unreadableKinds: [],
    malformed: [],
  };
  const options = ReconcileOptions.make({
    today: TODAY as Ids.IsoDate,
    connectionId: "bench" as Ids.ConnectionId,
    now: "2026-11-27T12:00:00Z" as Ids.IsoDateTime,
    switches: { clientsAndProjects: true, people: true, actuals: true },
    ledger,
  });
  return { harvest, runn, options };
};
