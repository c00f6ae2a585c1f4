/**
 * Builders of Harvest and Runn records for tests and benchmarks: the fields that matter are named, the
 * rest take plain defaults, and any field of the record can be overridden. Records are plain objects,
 * not decoded: numbers are cast to their branded ids.
 *
 * @example
 * const e = Records.entry({ id: 1, userId: 1, projectId: 100, date: "2026-11-20", minutes: 60, billable: false });
 */
import type * as Harvest from "../Harvest.ts";
import type { IsoDateTime } from "../Ids.ts";
import type * as Ledger from "../Ledger.ts";
import type * as Runn from "../Runn.ts";
import * as Snapshot from "../Snapshot.ts";

/** The default `created_at` / `updated_at` of built records. */
export const T = "2026-11-01T00:00:00Z" as IsoDateTime;

/** Overrides of a record's fields; values are loose so tests can pass plain numbers for branded ids. */
// biome-ignore lint/suspicious/noExplicitAny: builders cast plain numbers into branded ids
export type Loose<A> = { -readonly [K in keyof A]?: any };
const cast = <A>(a: object): A => a as A;

/** The Harvest reference of a Harvest id on a Runn record. */
export const ref = (harvestId: number, referenceName = "Harvest"): Runn.Reference => ({
  referenceName,
  externalId: String(harvestId),
});
const refs = (harvestId: number | null) => (harvestId === null ? [] : [ref(harvestId)]);

/** A Harvest user. */
export const user = ({ id, ...o }: { id: number } & Loose<Harvest.User>): Harvest.User =>
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
export const client = ({ id, ...o }: { id: number } & Loose<Harvest.Client>): Harvest.Client =>
  cast({ id, name: `Client ${id}`, is_active: true, created_at: T, updated_at: T, ...o });

/** A Harvest project of a client. */
export const project = ({
  id,
  clientId,
  ...o
}: { id: number; clientId: number } & Loose<Harvest.Project>): Harvest.Project =>
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

/** The named fields of a time entry: who, where, when, and how long (`minutes`, or `hours` itself). */
export interface EntryFields {
  readonly id: number;
  readonly userId: number;
  readonly projectId: number;
  readonly date: string;
  /** Sets `hours` to minutes ÷ 60 and `rounded_hours` to the nearest quarter hour. */
  readonly minutes?: number;
}

/** A Harvest time entry. */
export const entry = ({
  id,
  userId,
  projectId,
  date,
  minutes = 0,
  ...o
}: EntryFields & Loose<Omit<Harvest.TimeEntry, "id">>): Harvest.TimeEntry =>
  cast({
    id,
    spent_date: date,
    user: { id: userId, name: `User ${userId}` },
    client: { id: 1, name: "Client" },
    project: { id: projectId, name: `Project ${projectId}` },
    task: { id: 1, name: "Task" },
    hours: minutes / 60,
    rounded_hours: Math.round((minutes / 60) * 4) / 4 || 0,
    billable: true,
    is_running: false,
    is_locked: false,
    approval_status: "unsubmitted",
    notes: null,
    created_at: T,
    updated_at: T,
    ...o,
  });

/** A Runn client, linked to `harvestId` when given. */
export const runnClient = ({
  id,
  harvestId = null,
  ...o
}: { id: number; harvestId?: number | null } & Loose<Runn.Client>): Runn.Client =>
  cast({
    id,
    name: `Client ${harvestId ?? id}`,
    isArchived: false,
    references: refs(harvestId),
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A Runn project of a Runn client, linked to `harvestId` when given. */
export const runnProject = ({
  id,
  harvestId = null,
  clientId,
  ...o
}: { id: number; harvestId?: number | null; clientId: number } & Loose<Runn.Project>): Runn.Project =>
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
export const runnPerson = ({
  id,
  harvestId = null,
  ...o
}: { id: number; harvestId?: number | null } & Loose<Runn.Person>): Runn.Person =>
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
export const runnRole = ({ id, name, ...o }: { id: number; name: string } & Loose<Runn.Role>): Runn.Role =>
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

/** Who holds a role where: the named fields of contracts, memberships and assignments. */
interface InRole {
  readonly id: number;
  readonly personId: number;
  readonly roleId: number;
}

/** A person's current contract in a role. */
export const contract = ({ id, personId, roleId, ...o }: InRole & Loose<Runn.Contract>): Runn.Contract =>
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
    ...o,
  });

/** A project membership in a role. */
export const member = ({
  id,
  personId,
  projectId,
  roleId,
  ...o
}: InRole & { projectId: number } & Loose<Runn.ProjectMember>): Runn.ProjectMember =>
  cast({
    id,
    personId,
    projectId,
    roleId,
    workstreamId: null,
    isPlaceholder: false,
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A scheduled assignment in a role. */
export const assignment = ({
  id,
  personId,
  projectId,
  roleId,
  ...o
}: InRole & { projectId: number } & Loose<Runn.Assignment>): Runn.Assignment =>
  cast({
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
    ...o,
  });

/** An actual key as plain numbers and a date. */
export interface Key {
  readonly personId: number;
  readonly projectId: number;
  readonly roleId: number;
  readonly date: string;
}

/** A Runn actual on a key (non-billable minutes default to 0). */
export const actual = ({
  id,
  key,
  billableMinutes,
  nonbillableMinutes = 0,
  ...o
}: { id: number; key: Key; billableMinutes: number } & Loose<Omit<Runn.Actual, "id">>): Runn.Actual =>
  cast({
    id,
    ...key,
    workstreamId: null,
    phaseId: null,
    billableMinutes,
    nonbillableMinutes,
    createdAt: T,
    updatedAt: T,
    ...o,
  });

/** A ledger row: the sync wrote these minutes to this Runn actual for these Harvest entries. */
export const ledgerEntry = ({
  key,
  billableMinutes,
  nonbillableMinutes = 0,
  harvestEntryIds,
  runnActualId = null,
  writtenAt = T,
}: {
  key: Key;
  billableMinutes: number;
  nonbillableMinutes?: number;
  harvestEntryIds: ReadonlyArray<number>;
  runnActualId?: number | null;
  writtenAt?: string;
}): Ledger.LedgerEntry =>
  cast({ key, billableMinutes, nonbillableMinutes, runnActualId, harvestEntryIds, writtenAt });

/** A Harvest snapshot from partial lists. */
export const harvestSnapshot = (o: Partial<Snapshot.HarvestSnapshot> = {}): Snapshot.HarvestSnapshot => ({
  ...Snapshot.emptyHarvest,
  ...o,
});

/** A Runn snapshot from partial lists. */
export const runnSnapshot = (o: Partial<Snapshot.RunnSnapshot> = {}): Snapshot.RunnSnapshot => ({
  ...Snapshot.emptyRunn,
  ...o,
});
