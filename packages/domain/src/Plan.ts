/**
 * A plan: everything one run would write to Runn (and to the ledger), and why it writes nothing else.
 * It is plain JSON-serialisable data (`Schema.encode`/`decode` round-trip it), so a dry run can be saved
 * and applied later while its fingerprints still match the snapshots (SPEC R2).
 *
 * Entities created by the plan are referred to symbolically: a create carries a `ref` (`new:person:42`,
 * `new:role:designer`, ...), and later operations use either an existing Runn id (a number) or that ref.
 * The orchestrator applies operations in their order (roles → clients → projects → people → links →
 * actual upserts → removals → ledger-only records) and resolves each ref to the id its create returned;
 * an operation whose ref did not resolve (its create failed) fails too. So a first run with actuals on
 * imports people, projects and their actuals in one go: `UpsertActual` may name new people and projects.
 * Refs are derived from Harvest ids and role names only, so they are stable across runs.
 */
import { Schema } from "effect";
import {
  IsoDate,
  IsoDateTime,
  RunnActualId,
  RunnClientId,
  RunnPersonId,
  RunnProjectId,
  RunnRoleId,
} from "./Ids.ts";
import { ActualKey } from "./Ledger.ts";
import { ReportItem } from "./PlanReport.ts";
import { Settings } from "./ReconcileOptions.ts";
import * as Runn from "./Runn.ts";

export * from "./PlanReport.ts";

/** A symbolic reference to an entity created earlier in the same plan, `new:<kind>:<key>`. */
export const NewRef = Schema.String.pipe(
  Schema.pattern(/^new:(role|client|project|person):.+$/),
  Schema.brand("NewRef"),
);
export type NewRef = typeof NewRef.Type;

/** A Runn role: an existing id or a role created in this plan. */
export const RoleRef = Schema.Union(RunnRoleId, NewRef);
export type RoleRef = typeof RoleRef.Type;
/** A Runn client: an existing id or a client created in this plan. */
export const ClientRef = Schema.Union(RunnClientId, NewRef);
export type ClientRef = typeof ClientRef.Type;
/** A Runn project: an existing id or a project created in this plan. */
export const ProjectRef = Schema.Union(RunnProjectId, NewRef);
export type ProjectRef = typeof ProjectRef.Type;
/** A Runn person: an existing id or a person created in this plan. */
export const PersonRef = Schema.Union(RunnPersonId, NewRef);
export type PersonRef = typeof PersonRef.Type;

/** Create a Runn role by name (SPEC E7: a Harvest role name, a mapped name, or "Unknown"). */
export const CreateRole = Schema.TaggedStruct("CreateRole", {
  ref: NewRef,
  name: Schema.String,
});
export interface CreateRole extends Schema.Schema.Type<typeof CreateRole> {}

/** Create a Runn client with its Harvest reference (SPEC E2, E6). */
export const CreateClient = Schema.TaggedStruct("CreateClient", {
  ref: NewRef,
  harvestId: Schema.Int,
  name: Schema.String,
  references: Schema.Array(Runn.Reference),
});
export interface CreateClient extends Schema.Schema.Type<typeof CreateClient> {}

/** Create a Runn project with its Harvest reference (SPEC E2, E6). */
export const CreateProject = Schema.TaggedStruct("CreateProject", {
  ref: NewRef,
  harvestId: Schema.Int,
  name: Schema.String,
  clientId: ClientRef,
  pricingModel: Runn.PricingModel,
  budget: Schema.NullOr(Schema.Number),
  isConfirmed: Schema.Boolean,
  references: Schema.Array(Runn.Reference),
});
export interface CreateProject extends Schema.Schema.Type<typeof CreateProject> {}

/** Create a Runn person (and so its first contract) with its Harvest reference (SPEC E2, E7). */
export const CreatePerson = Schema.TaggedStruct("CreatePerson", {
  ref: NewRef,
  harvestId: Schema.Int,
  firstName: Schema.String,
  lastName: Schema.String,
  email: Schema.NullOr(Schema.String),
  roleId: RoleRef,
  employmentType: Runn.EmploymentType,
  minutesPerDay: Schema.Int,
  costPerHour: Schema.NullOr(Schema.Number),
  references: Schema.Array(Runn.Reference),
});
export interface CreatePerson extends Schema.Schema.Type<typeof CreatePerson> {}

/** Link an existing Runn entity to a Harvest id: write `references` (existing ones plus the new one). */
export const LinkEntity = Schema.TaggedStruct("LinkEntity", {
  kind: Schema.Literal("client", "project", "person"),
  runnId: Schema.Int,
  harvestId: Schema.Int,
  reference: Runn.Reference,
  references: Schema.Array(Runn.Reference),
});
export interface LinkEntity extends Schema.Schema.Type<typeof LinkEntity> {}

/** Minutes of one actual. */
export const Minutes = Schema.Struct({ billableMinutes: Schema.Number, nonbillableMinutes: Schema.Number });
export interface Minutes extends Schema.Schema.Type<typeof Minutes> {}

/** Write one day total (SPEC A1, A7); on success the ledger records it with `harvestEntryIds`. */
export const UpsertActual = Schema.TaggedStruct("UpsertActual", {
  personId: PersonRef,
  projectId: ProjectRef,
  roleId: RoleRef,
  date: IsoDate,
  billableMinutes: Schema.Number,
  nonbillableMinutes: Schema.Number,
  harvestEntryIds: Schema.Array(Schema.Int),
  runnActualId: Schema.NullOr(RunnActualId),
  previous: Schema.NullOr(Minutes),
});
export interface UpsertActual extends Schema.Schema.Type<typeof UpsertActual> {}

/** Remove time the sync wrote that no longer exists in Harvest (SPEC A8); then drop its ledger row. */
export const RemoveActual = Schema.TaggedStruct("RemoveActual", {
  mode: Schema.Literal("delete", "zero"),
  key: ActualKey,
  runnActualId: RunnActualId,
  previous: Minutes,
});
export interface RemoveActual extends Schema.Schema.Type<typeof RemoveActual> {}

/** Store-only: Runn already holds the computed value; record (or refresh) the ledger row for the key. */
export const RecordLedger = Schema.TaggedStruct("RecordLedger", {
  key: ActualKey,
  billableMinutes: Schema.Number,
  nonbillableMinutes: Schema.Number,
  runnActualId: Schema.NullOr(RunnActualId),
  harvestEntryIds: Schema.Array(Schema.Int),
});
export interface RecordLedger extends Schema.Schema.Type<typeof RecordLedger> {}

/** Store-only: the key has no Harvest time and nothing is left to remove in Runn; drop its ledger row. */
export const ForgetLedger = Schema.TaggedStruct("ForgetLedger", { key: ActualKey });
export interface ForgetLedger extends Schema.Schema.Type<typeof ForgetLedger> {}

/** One operation of a plan. */
export const Operation = Schema.Union(
  CreateRole,
  CreateClient,
  CreateProject,
  CreatePerson,
  LinkEntity,
  UpsertActual,
  RemoveActual,
  RecordLedger,
  ForgetLedger,
);
export type Operation = typeof Operation.Type;

/** The current plan format version. */
export const version = 1 as const;

/**
 * A plan. `fingerprints` are order-independent hashes of the snapshot sections the operations depend on
 * (running entries excluded); a saved plan is stale when `Reconcile.fingerprints` of fresh snapshots differ.
 */
export const Plan = Schema.Struct({
  version: Schema.Literal(version),
  connectionId: Schema.String,
  createdAt: IsoDateTime,
  options: Settings,
  fingerprints: Schema.Record({ key: Schema.String, value: Schema.String }),
  operations: Schema.Array(Operation),
  report: Schema.Array(ReportItem),
}).annotations({ identifier: "Plan" });
export interface Plan extends Schema.Schema.Type<typeof Plan> {}

/** The JSON form of a plan (what `Schema.encode(Plan)` yields). */
export type Encoded = typeof Plan.Encoded;
