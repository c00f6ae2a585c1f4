/**
 * The settings and inputs `reconcile` takes besides the two snapshots. They are plain data so a plan can
 * carry the settings it was computed with, and a saved plan can be checked against them later.
 */
import { Schema } from "effect";
import { ConnectionId, IsoDate, IsoDateTime } from "./Ids.ts";
import { LedgerEntry } from "./Ledger.ts";

/** Entity types a run handles (Runn's per-page "Import from Harvest" buttons, plus actuals). */
export const EntityType = Schema.Literal("clients", "projects", "people", "actuals");
export type EntityType = typeof EntityType.Type;

/** What one run covers: some entity types, or one Harvest project's actuals (SPEC A10, R4). */
export const Scope = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("entities"), types: Schema.Array(EntityType) }),
  Schema.Struct({ kind: Schema.Literal("project"), harvestProjectId: Schema.Int }),
).annotations({ identifier: "Scope" });
export type Scope = typeof Scope.Type;

/** The three per-connection switches (SPEC C4). */
export const Switches = Schema.Struct({
  clientsAndProjects: Schema.Boolean,
  people: Schema.Boolean,
  actuals: Schema.Boolean,
}).annotations({ identifier: "Switches" });
export interface Switches extends Schema.Schema.Type<typeof Switches> {}

/** Rounding policy (SPEC A2): which Harvest field, rounded per entry or per day total. */
export const Rounding = Schema.Struct({
  source: Schema.Literal("hours", "rounded_hours"),
  mode: Schema.Literal("entry", "day"),
}).annotations({ identifier: "Rounding" });
export interface Rounding extends Schema.Schema.Type<typeof Rounding> {}

/** One entry of the do-not-import list (SPEC E10): a Harvest id of a kind the sync must not create. */
export const DoNotImport = Schema.Struct({
  kind: Schema.Literal("client", "project", "person"),
  harvestId: Schema.Int,
}).annotations({ identifier: "DoNotImport" });
export interface DoNotImport extends Schema.Schema.Type<typeof DoNotImport> {}

/** The policy part of the options: what a plan records as the settings it was computed with. */
export const Settings = Schema.Struct({
  today: IsoDate,
  windowDays: Schema.Int.pipe(Schema.positive()),
  backfillFrom: Schema.NullOr(IsoDate),
  scope: Scope,
  switches: Switches,
  referenceName: Schema.String.pipe(Schema.minLength(1)),
  rounding: Rounding,
  onPossibleDuplicate: Schema.Literal("hold", "create", "link"),
  onRemovedTime: Schema.Literal("delete", "zero"),
  roleMapping: Schema.Record({ key: Schema.String, value: Schema.String }),
  includeArchived: Schema.Boolean,
  protectManualEdits: Schema.Boolean,
  approvedOnly: Schema.Boolean,
  doNotImport: Schema.Array(DoNotImport),
}).annotations({ identifier: "ReconcileSettings" });
export interface Settings extends Schema.Schema.Type<typeof Settings> {}

/** Everything `reconcile` takes besides the snapshots: settings, plan metadata and the actuals ledger. */
export const Options = Schema.Struct({
  ...Settings.fields,
  connectionId: ConnectionId,
  now: IsoDateTime,
  ledger: Schema.Array(LedgerEntry),
}).annotations({ identifier: "ReconcileOptions" });
export interface Options extends Schema.Schema.Type<typeof Options> {}

/** Defaults of every setting except `today` (SPEC: 45-day window, hold duplicates, delete removed time). */
export const defaults: Omit<Settings, "today"> = {
  windowDays: 45,
  backfillFrom: null,
  scope: { kind: "entities", types: ["clients", "projects", "people", "actuals"] },
  switches: { clientsAndProjects: true, people: true, actuals: false },
  referenceName: "Harvest",
  rounding: { source: "hours", mode: "entry" },
  onPossibleDuplicate: "hold",
  onRemovedTime: "delete",
  roleMapping: {},
  includeArchived: false,
  protectManualEdits: false,
  approvedOnly: false,
  doNotImport: [],
};

/** Builds options from the defaults, a day, plan metadata and overrides. */
export const make = (
  input: { today: IsoDate; connectionId: ConnectionId; now: IsoDateTime } & Partial<Omit<Options, "today">>,
): Options => ({ ...defaults, ledger: [], ...input });
