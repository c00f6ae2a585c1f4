/**
 * Runn API v1 records as the sync needs them. Field names follow the API (camelCase); fields the sync
 * never reads are not declared (decoding ignores them).
 */
import { Schema } from "effect";
import {
  IsoDate,
  IsoDateTime,
  RunnActualId,
  RunnAssignmentId,
  RunnClientId,
  RunnContractId,
  RunnPersonId,
  RunnPhaseId,
  RunnProjectId,
  RunnProjectMemberId,
  RunnRoleId,
  RunnWorkstreamId,
} from "./Ids.ts";

/** An external reference: how a Runn entity is linked to a record of another system (SPEC E1). */
export const Reference = Schema.Struct({
  referenceName: Schema.String.pipe(Schema.minLength(1)),
  externalId: Schema.String.pipe(Schema.minLength(1)),
}).annotations({ identifier: "Runn/Reference" });
export interface Reference extends Schema.Schema.Type<typeof Reference> {}

/** Whether two references name the same record: same reference name, same external id. */
export const sameReference = (a: Reference, b: Reference): boolean =>
  a.referenceName === b.referenceName && a.externalId === b.externalId;

/** Whether `references` hold exactly `wanted` (name and value). */
export const carries = (references: ReadonlyArray<Reference>, wanted: Reference): boolean =>
  references.some((r) => sameReference(r, wanted));

/** Pricing model of a Runn project: fixed price, time and materials, non-billable. */
export const PricingModel = Schema.Literal("fp", "tm", "nb");
export type PricingModel = typeof PricingModel.Type;

/** Employment type of a Runn contract. */
export const EmploymentType = Schema.Literal("employee", "contractor");
export type EmploymentType = typeof EmploymentType.Type;

/** A Runn client. */
export const Client = Schema.Struct({
  id: RunnClientId,
  name: Schema.String,
  isArchived: Schema.Boolean,
  references: Schema.Array(Reference),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Client" });
export interface Client extends Schema.Schema.Type<typeof Client> {}

/** A Runn project. */
export const Project = Schema.Struct({
  id: RunnProjectId,
  name: Schema.String,
  clientId: RunnClientId,
  isArchived: Schema.Boolean,
  isConfirmed: Schema.Boolean,
  isTemplate: Schema.Boolean,
  pricingModel: PricingModel,
  budget: Schema.NullOr(Schema.Number),
  references: Schema.Array(Reference),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Project" });
export interface Project extends Schema.Schema.Type<typeof Project> {}

/** A Runn person (list form). The role lives in the person's contracts, not here. */
export const Person = Schema.Struct({
  id: RunnPersonId,
  firstName: Schema.String,
  lastName: Schema.String,
  email: Schema.NullOr(Schema.String),
  isArchived: Schema.Boolean,
  references: Schema.Array(Reference),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Person" });
export interface Person extends Schema.Schema.Type<typeof Person> {}

/** A Runn role. */
export const Role = Schema.Struct({
  id: RunnRoleId,
  name: Schema.NullOr(Schema.String),
  isArchived: Schema.Boolean,
  defaultHourCost: Schema.Number,
  standardRate: Schema.Number,
  references: Schema.Array(Reference),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Role" });
export interface Role extends Schema.Schema.Type<typeof Role> {}

/** A Runn contract; the current contract's role is the person's primary role. */
export const Contract = Schema.Struct({
  id: RunnContractId,
  personId: RunnPersonId,
  roleId: RunnRoleId,
  employmentType: Schema.String,
  costPerHour: Schema.NullOr(Schema.Number),
  minutesPerDay: Schema.NullOr(Schema.Number),
  startDate: IsoDate,
  endDate: Schema.NullOr(IsoDate),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Contract" });
export interface Contract extends Schema.Schema.Type<typeof Contract> {}

/** A person's membership of a project, in a role (`GET /project-members/`). */
export const ProjectMember = Schema.Struct({
  id: RunnProjectMemberId,
  personId: RunnPersonId,
  projectId: RunnProjectId,
  roleId: RunnRoleId,
  workstreamId: Schema.NullOr(RunnWorkstreamId),
  isPlaceholder: Schema.Boolean,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/ProjectMember" });
export interface ProjectMember extends Schema.Schema.Type<typeof ProjectMember> {}

/** A scheduled assignment of a person to a project in a role. */
export const Assignment = Schema.Struct({
  id: RunnAssignmentId,
  personId: RunnPersonId,
  projectId: RunnProjectId,
  roleId: RunnRoleId,
  startDate: IsoDate,
  endDate: IsoDate,
  minutesPerDay: Schema.Number,
  isPlaceholder: Schema.Boolean,
  isActive: Schema.Boolean,
  workstreamId: Schema.NullOr(RunnWorkstreamId),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Assignment" });
export interface Assignment extends Schema.Schema.Type<typeof Assignment> {}

/** A Runn actual: the time one person logged on one project in one role on one day. */
export const Actual = Schema.Struct({
  id: RunnActualId,
  date: IsoDate,
  personId: RunnPersonId,
  projectId: RunnProjectId,
  roleId: RunnRoleId,
  workstreamId: Schema.NullOr(RunnWorkstreamId),
  phaseId: Schema.NullOr(RunnPhaseId),
  billableMinutes: Schema.Number,
  nonbillableMinutes: Schema.Number,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).annotations({ identifier: "Runn/Actual" });
export interface Actual extends Schema.Schema.Type<typeof Actual> {}

/** What the bulk actuals endpoint takes per item: the minutes are the day's total for the key. */
export const ActualInput = Schema.Struct({
  date: IsoDate,
  personId: RunnPersonId,
  projectId: RunnProjectId,
  roleId: RunnRoleId,
  workstreamId: Schema.optional(Schema.NullOr(RunnWorkstreamId)),
  phaseId: Schema.optional(Schema.NullOr(RunnPhaseId)),
  billableMinutes: Schema.Number.pipe(Schema.nonNegative()),
  nonbillableMinutes: Schema.Number.pipe(Schema.nonNegative()),
  billableNote: Schema.optional(Schema.String),
  nonbillableNote: Schema.optional(Schema.String),
}).annotations({ identifier: "Runn/ActualInput" });
export interface ActualInput extends Schema.Schema.Type<typeof ActualInput> {}

/** The token's account (`GET /me/`). */
export const Me = Schema.Struct({ name: Schema.String }).annotations({ identifier: "Runn/Me" });
export interface Me extends Schema.Schema.Type<typeof Me> {}

/** The kinds of Runn entity that carry references and that the sync may create. */
export const EntityKind = Schema.Literal("client", "project", "person", "role");
export type EntityKind = typeof EntityKind.Type;

/**
 * A Runn record whose identity (id and references) decoded while other fields did not (SPEC R7): it
 * still counts as linked, so a bad field never causes a re-create.
 */
export const IdentityOnly = Schema.Struct({
  kind: EntityKind,
  id: Schema.Int,
  references: Schema.Array(Reference),
  error: Schema.String,
}).annotations({ identifier: "Runn/IdentityOnly" });
export interface IdentityOnly extends Schema.Schema.Type<typeof IdentityOnly> {}

/** A new client (`POST /clients/bulk/` item); its references are set in the same request. */
export const ClientInput = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1)),
  website: Schema.optional(Schema.String),
  references: Schema.Array(Reference),
}).annotations({ identifier: "Runn/ClientInput" });
export interface ClientInput extends Schema.Schema.Type<typeof ClientInput> {}

/** A new project (`POST /projects/`); its references are set in the same request. */
export const ProjectInput = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1)),
  clientId: RunnClientId,
  pricingModel: Schema.optional(PricingModel),
  isConfirmed: Schema.optional(Schema.Boolean),
  budget: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  references: Schema.Array(Reference),
}).annotations({ identifier: "Runn/ProjectInput" });
export interface ProjectInput extends Schema.Schema.Type<typeof ProjectInput> {}

/** A new person (`POST /people/`) with the role and contract fields of their first contract. */
export const PersonInput = Schema.Struct({
  firstName: Schema.String.pipe(Schema.minLength(1)),
  lastName: Schema.String.pipe(Schema.minLength(1)),
  email: Schema.optional(Schema.String),
  roleId: RunnRoleId,
  references: Schema.Array(Reference),
  startDate: Schema.optional(IsoDate),
  employmentType: Schema.optional(EmploymentType),
  costPerHour: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  minutesPerDay: Schema.optional(Schema.Number.pipe(Schema.positive())),
  jobTitle: Schema.optional(Schema.String),
}).annotations({ identifier: "Runn/PersonInput" });
export interface PersonInput extends Schema.Schema.Type<typeof PersonInput> {}

/** A new role (`POST /roles/`); its references are set in the same request. */
export const RoleInput = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1)),
  defaultHourCost: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  standardRate: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  references: Schema.Array(Reference),
}).annotations({ identifier: "Runn/RoleInput" });
export interface RoleInput extends Schema.Schema.Type<typeof RoleInput> {}

/** The Runn record of each entity kind, for functions that take a kind. */
export interface EntityOf {
  readonly client: Client;
  readonly project: Project;
  readonly person: Person;
  readonly role: Role;
}
