/**
 * A snapshot builder for reconcile tests: small constructors with sensible defaults for every Harvest and
 * Runn record, and a `world` that gathers them into snapshots and options.
 */
import {
  type ConnectionId,
  type Harvest,
  type IsoDate,
  type IsoDateTime,
  type Ledger,
  ReconcileOptions,
  type Runn,
  Snapshot,
} from "@harvest-runn/domain";

/** The day tests run on. */
export const TODAY = "2026-11-27" as IsoDate;
const T = "2026-11-01T00:00:00Z" as IsoDateTime;

// biome-ignore lint/suspicious/noExplicitAny: builders cast plain numbers into branded ids
type Loose<A> = { -readonly [K in keyof A]?: any };
const cast = <A>(a: object): A => a as A;

/** A Harvest user. */
export const user = (id: number, o: Loose<Harvest.User> = {}): Harvest.User =>
  cast({
    id,
    first_name: `First${id}`,
    last_name: `Last${id}`,
    email: `user${id}@example.com`,
    is_contractor: false,
    is_active: true,
    weekly_capacity: 144_000,
    cost_rate: null,
    roles: ["Developer"],
    access_roles: ["member"],
    created_at: T,
    updated_at: T,
    ...o,
  });

/** A Harvest client. */
export const client = (id: number, o: Loose<Harvest.Client> = {}): Harvest.Client =>
  cast({ id, name: `Client ${id}`, is_active: true, created_at: T, updated_at: T, ...o });

/** A Harvest project of a client. */
export const project = (id: number, clientId: number, o: Loose<Harvest.Project> = {}): Harvest.Project =>
  cast({
    id,
    name: `Project ${id}`,
    code: null,
    client: { id: clientId, name: `Client ${clientId}` },
    is_active: true,
    is_billable: true,
    is_fixed_fee: false,
    bill_by: "Project",
    budget: null,
    budget_by: "none",
    budget_is_monthly: false,
    cost_budget: null,
    created_at: T,
    updated_at: T,
    ...o,
  });

/** A Harvest time entry of `minutes` (or `o.hours`) on a day. */
export const entry = (
  id: number,
  userId: number,
  projectId: number,
  date: string,
  minutes: number,
  o: Loose<Harvest.TimeEntry> = {},
): Harvest.TimeEntry =>
  cast({
    id,
    spent_date: date,
    user: { id: userId, name: `User ${userId}` },
    client: { id: 1, name: "Client" },
    project: { id: projectId, name: `Project ${projectId}` },
    task: { id: 1, name: "Task" },
    hours: minutes / 60,
    rounded_hours: Math.round((minutes / 60) * 4) / 4,
    billable: true,
    is_running: false,
    is_locked: false,
    approval_status: "unsubmitted",
    notes: null,
    created_at: T,
    updated_at: T,
    ...o,
  });

/** The Harvest reference of a Harvest id. */
export const ref = (harvestId: number, referenceName = "Harvest"): Runn.Reference => ({
  referenceName,
  externalId: String(harvestId),
});

const refs = (harvestId: number | null) => (harvestId === null ? [] : [ref(harvestId)]);

/** A Runn client, linked to `harvestId` when given. */
export const runnClient = (id: number, harvestId: number | null, o: Loose<Runn.Client> = {}): Runn.Client =>
  cast({
    id,
    name: `Client ${harvestId ?? id}`,
    isArchived: false,
    references: refs(harvestId),
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A Runn project, linked to `harvestId` when given. */
export const runnProject = (
  id: number,
  harvestId: number | null,
  clientId: number,
  o: Loose<Runn.Project> = {},
): Runn.Project =>
  cast({
    id,
    name: `Project ${harvestId ?? id}`,
    clientId,
    isArchived: false,
    isConfirmed: true,
    isTemplate: false,
    pricingModel: "tm",
    budget: null,
    references: refs(harvestId),
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A Runn person, linked to `harvestId` when given. */
export const runnPerson = (id: number, harvestId: number | null, o: Loose<Runn.Person> = {}): Runn.Person =>
  cast({
    id,
    firstName: `First${harvestId ?? id}`,
    lastName: `Last${harvestId ?? id}`,
    email: `user${harvestId ?? id}@example.com`,
    isArchived: false,
    references: refs(harvestId),
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A Runn role. */
export const runnRole = (id: number, name: string, o: Loose<Runn.Role> = {}): Runn.Role =>
  cast({
    id,
    name,
    isArchived: false,
    defaultHourCost: 0,
    standardRate: 0,
    references: [],
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A person's current contract in a role. */
export const contract = (id: number, personId: number, roleId: number): Runn.Contract =>
  cast({
    id,
    personId,
    roleId,
    employmentType: "employee",
    costPerHour: null,
    minutesPerDay: 480,
    startDate: "2020-01-01",
    endDate: null,
    createdAt: T,
    updatedAt: T,
  });

/** A project membership in a role. */
export const member = (
  id: number,
  personId: number,
  projectId: number,
  roleId: number,
  placeholder = false,
) =>
  cast<Runn.ProjectMember>({
    id,
    personId,
    projectId,
    roleId,
    workstreamId: null,
    isPlaceholder: placeholder,
    createdAt: T,
    updatedAt: T,
  });

/** A scheduled assignment in a role. */
export const assignment = (id: number, personId: number, projectId: number, roleId: number) =>
  cast<Runn.Assignment>({
    id,
    personId,
    projectId,
    roleId,
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    minutesPerDay: 240,
    isPlaceholder: false,
    isActive: true,
    workstreamId: null,
    createdAt: T,
    updatedAt: T,
  });

/** A Runn actual. */
export const actual = (
  id: number,
  k: { personId: number; projectId: number; roleId: number; date: string },
  billableMinutes: number,
  nonbillableMinutes = 0,
  o: Loose<Runn.Actual> = {},
): Runn.Actual =>
  cast({
    id,
    ...k,
    workstreamId: null,
    phaseId: null,
    billableMinutes,
    nonbillableMinutes,
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A ledger row: the sync wrote these minutes for these entries. */
export const ledgerEntry = (
  k: { personId: number; projectId: number; roleId: number; date: string },
  billableMinutes: number,
  harvestEntryIds: ReadonlyArray<number>,
  runnActualId: number | null = null,
  nonbillableMinutes = 0,
): Ledger.LedgerEntry =>
  cast({ key: k, billableMinutes, nonbillableMinutes, runnActualId, harvestEntryIds, writtenAt: T });

/** Snapshots from partial lists. */
export const harvestSnapshot = (o: Partial<Snapshot.HarvestSnapshot> = {}): Snapshot.HarvestSnapshot => ({
  ...Snapshot.emptyHarvest,
  ...o,
});
export const runnSnapshot = (o: Partial<Snapshot.RunnSnapshot> = {}): Snapshot.RunnSnapshot => ({
  ...Snapshot.emptyRunn,
  ...o,
});

/** Options with every switch on (actuals included) and overrides. */
export const options = (o: Partial<ReconcileOptions.Options> = {}): ReconcileOptions.Options =>
  ReconcileOptions.make({
    today: TODAY,
    connectionId: "test" as ConnectionId,
    now: "2026-11-27T12:00:00Z" as IsoDateTime,
    switches: { clientsAndProjects: true, people: true, actuals: true },
    ...o,
  });

/** A small linked world: Harvest user 1, client 10, project 100, each linked; role 7 "Developer". */
export const linkedWorld = () => ({
  harvest: harvestSnapshot({ users: [user(1)], clients: [client(10)], projects: [project(100, 10)] }),
  runn: runnSnapshot({
    people: [runnPerson(501, 1)],
    clients: [runnClient(510, 10)],
    projects: [runnProject(600, 100, 510)],
    roles: [runnRole(7, "Developer")],
    contracts: [contract(900, 501, 7)],
  }),
});

/** The key of person 501, project 600, role 7 on a day (the linked world's key). */
export const key = (date: string, roleId = 7) => ({ personId: 501, projectId: 600, roleId, date });
