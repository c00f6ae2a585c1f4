/**
 * The settings and inputs `reconcile` takes besides the two snapshots. They are plain data so a plan can
 * carry the settings it was computed with, and a saved plan can be checked against them later.
 */
import { Schema, Struct } from "effect";
import { ConnectionId, IsoDate, IsoDateTime } from "./Ids.ts";
import { LedgerEntry } from "./Ledger.ts";
import * as ConnectionSettings from "./Settings.ts";

/** Entity types a run handles (Runn's per-page "Import from Harvest" buttons, plus actuals). */
export const EntityType = Schema.Literal("clients", "projects", "people", "actuals");
export type EntityType = typeof EntityType.Type;

/** What started a run (SPEC R1): the schedule, a command, the HTTP API, or a button on a host's page. */
export const Trigger = Schema.Literal("schedule", "manual", "api", "page");
export type Trigger = typeof Trigger.Type;

/** What one run covers: some entity types, or one Harvest project's actuals (SPEC A10, R4). */
export const Scope = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("entities"), types: Schema.Array(EntityType) }),
  Schema.Struct({ kind: Schema.Literal("project"), harvestProjectId: Schema.Int }),
).annotations({ identifier: "Scope" });
export type Scope = typeof Scope.Type;

/** One entry of the do-not-import list (SPEC E10): a Harvest id of a kind the sync must not create. */
export const DoNotImport = Schema.Struct({
  kind: Schema.Literal("client", "project", "person"),
  harvestId: Schema.Int,
}).annotations({ identifier: "DoNotImport" });
export interface DoNotImport extends Schema.Schema.Type<typeof DoNotImport> {}

/** What a plan records as the settings it was computed with: the connection's policy plus this run's inputs. */
export const Settings = Schema.Struct({
  today: IsoDate,
  backfillFrom: Schema.NullOr(IsoDate),
  scope: Scope,
  ...ConnectionSettings.Policy.fields,
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

/** Defaults of every setting except `today`: the stored defaults' policy, no backfill, every entity type. */
export const defaults: Omit<Settings, "today"> = {
  ...ConnectionSettings.policyOf(ConnectionSettings.defaults),
  backfillFrom: null,
  scope: { kind: "entities", types: EntityType.literals },
  doNotImport: [],
};

/** The settings part of some options, as a plan records it. */
export const settingsOf = (options: Options): Settings =>
  Struct.pick(options, ...Struct.keys(Settings.fields));

/** Builds options from the defaults, a day, plan metadata and overrides. */
export const make = (
  input: { today: IsoDate; connectionId: ConnectionId; now: IsoDateTime } & Partial<Omit<Options, "today">>,
): Options => ({ ...defaults, ledger: [], ...input });
