/**
 * In-memory state of one simulated Runn account. Entities are kept wire-shaped (camelCase) in maps in id
 * order; actuals, which reach 400k in the xl preset, live in columnar arrays.
 */
import { ActualStore } from "./ActualStore.ts";

/** An external reference as Runn stores it (as sent). */
export interface RReference {
  referenceName: string;
  externalId: string;
}

export interface RClient {
  readonly id: number;
  name: string;
  website: string | null;
  isArchived: boolean;
  references: RReference[];
  createdAt: string;
  updatedAt: string;
}

export interface RProject {
  readonly id: number;
  name: string;
  clientId: number;
  isTemplate: boolean;
  isArchived: boolean;
  isConfirmed: boolean;
  pricingModel: "tm" | "fp" | "nb";
  rateType: "hours" | "days";
  teamId: number | null;
  budget: number | null;
  expensesBudget: number | null;
  references: RReference[];
  rateCardId: number;
  managerIds: number[];
  tags: { id: number; name: string }[];
  customFields: { select: unknown[]; text: unknown[]; checkbox: unknown[]; date: unknown[] };
  emoji: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RPerson {
  readonly id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  isArchived: boolean;
  teamId: number | null;
  references: RReference[];
  tags: { id: number; name: string }[];
  holidaysGroupId: number | null;
  managers: { id: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface RRole {
  readonly id: number;
  name: string | null;
  isArchived: boolean;
  defaultHourCost: number;
  standardRate: number;
  references: RReference[];
  createdAt: string;
  updatedAt: string;
}

export interface RContract {
  readonly id: number;
  personId: number;
  roleId: number;
  employmentType: "employee" | "contractor";
  costPerHour: number | null;
  minutesPerDay: number | null;
  rosteredDays: { monday: number; tuesday: number; wednesday: number; thursday: number; friday: number };
  startDate: string;
  endDate: string | null;
  jobTitle: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RProjectMember {
  readonly id: number;
  personId: number;
  projectId: number;
  roleId: number;
  workstreamId: number | null;
  isPlaceholder: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RAssignment {
  readonly id: number;
  personId: number;
  projectId: number;
  roleId: number;
  startDate: string;
  endDate: string;
  minutesPerDay: number;
  isActive: boolean;
  note: string | null;
  isBillable: boolean;
  phaseId: number | null;
  isNonWorkingDay: boolean;
  isTemplate: boolean;
  isPlaceholder: boolean;
  workstreamId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One Runn account. */
export interface RunnAccount {
  readonly token: string;
  /** A token that may read everything but gets 403 on every write. */
  readonly readOnlyToken: string;
  readonly name: string;
  readonly clients: Map<number, RClient>;
  readonly projects: Map<number, RProject>;
  readonly people: Map<number, RPerson>;
  readonly roles: Map<number, RRole>;
  readonly contracts: Map<number, RContract>;
  readonly members: Map<number, RProjectMember>;
  readonly assignments: Map<number, RAssignment>;
  readonly actuals: ActualStore;
  /** Deletion events for `/activity-log/`, oldest first. */
  readonly events: Array<{
    eventId: string;
    type: string;
    timestamp: string;
    actor: { type: string };
    [k: string]: unknown;
  }>;
  /** Next id per entity kind. */
  readonly nextId: Record<
    "client" | "project" | "person" | "role" | "contract" | "member" | "assignment" | "actual",
    number
  >;
  /** Bumped on every write, to invalidate cached list queries. */
  version: number;
}

/** An empty Runn account. */
export const emptyRunnAccount = (
  token: string,
  name: string,
  actualsCapacity = 64,
  readOnlyToken = `${token}_read`,
): RunnAccount => ({
  token,
  readOnlyToken,
  name,
  clients: new Map(),
  projects: new Map(),
  people: new Map(),
  roles: new Map(),
  contracts: new Map(),
  members: new Map(),
  assignments: new Map(),
  actuals: new ActualStore(actualsCapacity),
  events: [],
  nextId: {
    client: 41_001,
    project: 52_001,
    person: 63_001,
    role: 74_001,
    contract: 85_001,
    member: 96_001,
    assignment: 107_001,
    actual: 5_000_001,
  },
  version: 0,
});

/** The reference name the sync uses for Harvest ids (SPEC E1). */
export const REFERENCE_NAME = "Harvest";
