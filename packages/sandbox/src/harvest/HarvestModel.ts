/**
 * In-memory state of one simulated Harvest account. Records keep creation order (ids ascending); list
 * endpoints return them newest first. Timestamps are epoch seconds; JSON is built per response.
 */
import type { EntryStore } from "./EntryStore.ts";

/** Permission level a token acts with. */
export type AccessRole = "administrator" | "manager" | "member";

export interface HUser {
  readonly id: number;
  firstName: string;
  lastName: string;
  email: string;
  telephone: string;
  timezone: string;
  isContractor: boolean;
  isActive: boolean;
  weeklyCapacity: number;
  defaultHourlyRate: number | null;
  costRate: number | null;
  roles: string[];
  accessRoles: string[];
  hasAccessToAllFutureProjects: boolean;
  readonly createdAt: number;
  updatedAt: number;
}

export interface HRole {
  readonly id: number;
  name: string;
  userIds: number[];
  readonly createdAt: number;
  updatedAt: number;
}

export interface HClient {
  readonly id: number;
  name: string;
  isActive: boolean;
  address: string | null;
  currency: string;
  readonly createdAt: number;
  updatedAt: number;
}

export interface HProject {
  readonly id: number;
  /** Index of the client in `clients`. */
  client: number;
  name: string;
  code: string | null;
  isActive: boolean;
  isBillable: boolean;
  isFixedFee: boolean;
  billBy: string;
  hourlyRate: number | null;
  budget: number | null;
  budgetBy: string;
  budgetIsMonthly: boolean;
  costBudget: number | null;
  fee: number | null;
  notes: string;
  startsOn: string | null;
  endsOn: string | null;
  readonly createdAt: number;
  updatedAt: number;
}

export interface HTask {
  readonly id: number;
  name: string;
  billableByDefault: boolean;
  defaultHourlyRate: number | null;
  isDefault: boolean;
  isActive: boolean;
  readonly createdAt: number;
  updatedAt: number;
}

export interface HUserAssignment {
  readonly id: number;
  readonly user: number;
  readonly project: number;
  isActive: boolean;
  isProjectManager: boolean;
  hourlyRate: number | null;
  readonly createdAt: number;
  updatedAt: number;
}

export interface HTaskAssignment {
  readonly id: number;
  readonly project: number;
  readonly task: number;
  isActive: boolean;
  billable: boolean;
  hourlyRate: number | null;
  readonly createdAt: number;
  updatedAt: number;
}

/** One Harvest account: records, tokens and id counters. */
export interface HarvestAccount {
  readonly accountId: number;
  readonly forecastAccountId: number;
  readonly name: string;
  readonly users: HUser[];
  readonly roles: HRole[];
  readonly clients: HClient[];
  readonly projects: HProject[];
  readonly tasks: HTask[];
  readonly userAssignments: HUserAssignment[];
  readonly taskAssignments: HTaskAssignment[];
  readonly entries: EntryStore;
  /** Token → (access role, index of the token's user). */
  readonly tokens: Map<string, { readonly role: AccessRole; readonly user: number }>;
  readonly tokenByRole: Readonly<Record<AccessRole, string>>;
  /** Bumped on every write, to invalidate cached list queries. */
  version: number;
}

/** Index of a record in a creation-ordered array by id (binary search), or null. */
export const findById = <A extends { readonly id: number }>(
  items: ReadonlyArray<A>,
  id: number,
): number | null => {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = (items[mid] as A).id;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
};

/** The full name Harvest shows for a user. */
export const fullName = (u: HUser): string => `${u.firstName} ${u.lastName}`;
