/**
 * The shapes hosts print: one run's summary and items, a connection's status, a connection without
 * its secrets. All are Schemas of plain JSON (strings, numbers, booleans, arrays, objects).
 */

import { Plan, ReconcileOptions, Settings } from "@harvest-runn/domain";
import { Run } from "@harvest-runn/storage";
import { Schema } from "effect";
import { SyncErrorReason } from "./SyncError.ts";

/** What started a run (SPEC R1). */
export const Trigger = ReconcileOptions.Trigger;
export type Trigger = ReconcileOptions.Trigger;

/** What one run covers: entity types, or one Harvest project's actuals (SPEC R4, A10). */
export const Scope = ReconcileOptions.Scope;
export type Scope = ReconcileOptions.Scope;

/** Every entity type (the connection's switches still apply, SPEC C4). */
export const scopeAll: Scope = { kind: "entities", types: ReconcileOptions.EntityType.literals };

/** Status of a run (SPEC R1): the store's run status. */
export const RunStatus = Run.RunStatus;
export type RunStatus = Run.RunStatus;

/** Outcome of one item of a run (SPEC R1): the store's outcomes, plus `planned` for dry runs. */
export const Outcome = Schema.Literal(...Run.Outcome.literals, "planned");
export type Outcome = typeof Outcome.Type;

/** The kind of thing an item is about: the store's item kinds. */
export const ItemKind = Run.ItemKind;
export type ItemKind = Run.ItemKind;

/** One item of a run: what happened to one entity or one actual key, and why. */
export const RunItem = Schema.Struct({
  kind: ItemKind,
  outcome: Outcome,
  /** The Harvest id this item is about, when there is one. */
  harvestId: Schema.NullOr(Schema.Number),
  /** The Runn id written or found, when there is one. */
  runnId: Schema.NullOr(Schema.Number),
  /** An actual's key `person:project:role:date`, or the entity's name. */
  label: Schema.String,
  /** Reason code for skipped and held items (SPEC A4, A5, E8, E9). */
  reason: Schema.NullOr(Schema.String),
  /** For failed items: what failed, without secrets. */
  error: Schema.NullOr(Schema.String),
}).annotations({ identifier: "RunItem" });
export interface RunItem extends Schema.Schema.Type<typeof RunItem> {}

/** Counts per outcome: the store's run counts. */
export const Counts = Run.Counts;
export type Counts = Run.Counts;

/** All-zero counts. */
export const emptyCounts: Counts = Run.zeroCounts;

/** Counts the outcomes of some items. */
export const countItems = (items: ReadonlyArray<RunItem>): Counts => {
  const c = { ...emptyCounts };
  for (const i of items) if (i.outcome !== "planned") c[i.outcome] += 1;
  return c;
};

/** The summary of one run (SPEC R1). */
export const RunSummary = Schema.Struct({
  id: Schema.String,
  connectionId: Schema.String,
  trigger: Trigger,
  scope: Scope,
  status: RunStatus,
  startedAt: Schema.String,
  endedAt: Schema.NullOr(Schema.String),
  counts: Counts,
  error: Schema.NullOr(Schema.Struct({ reason: SyncErrorReason, message: Schema.String })),
  dryRun: Schema.Boolean,
}).annotations({ identifier: "RunSummary" });
export interface RunSummary extends Schema.Schema.Type<typeof RunSummary> {}

/** A run with its items (`run(id)`). */
export const RunDetail = Schema.Struct({
  summary: RunSummary,
  items: Schema.Array(RunItem),
}).annotations({ identifier: "RunDetail" });
export interface RunDetail extends Schema.Schema.Type<typeof RunDetail> {}

/** The three switches of a connection (SPEC C4). */
export const Switches = Settings.Switches;
export type Switches = Settings.Switches;

/** A connection as hosts show it: everything but the tokens (SPEC C1, C3). */
export const ConnectionView = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  harvestAccountId: Schema.Number,
  harvestUserAgent: Schema.String,
  runnBaseUrl: Schema.String,
  switches: Switches,
  schedule: Settings.Schedule,
  /** The webhook's origin only: a URL can carry a token in its path or query. */
  webhookOrigin: Schema.NullOr(Schema.String),
  createdAt: Schema.String,
}).annotations({ identifier: "ConnectionView" });
export interface ConnectionView extends Schema.Schema.Type<typeof ConnectionView> {}

/** A connection's status: last runs, last success per type, whether a run holds the lease (SPEC R5). */
export const Status = Schema.Struct({
  connection: ConnectionView,
  running: Schema.Boolean,
  /** How far the running run has got, in words ("importing: 31,204 of 58,945 entities, …"); null when none runs. */
  progress: Schema.NullOr(Schema.String),
  lastRun: Schema.NullOr(RunSummary),
  lastSuccess: Schema.Struct({
    clients: Schema.NullOr(Schema.String),
    projects: Schema.NullOr(Schema.String),
    people: Schema.NullOr(Schema.String),
    actuals: Schema.NullOr(Schema.String),
  }),
  nextScheduledAt: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Status" });
export interface Status extends Schema.Schema.Type<typeof Status> {}

/** A suggested link between an unlinked Runn entity and an unlinked Harvest entity (SPEC E8). */
export const LinkSuggestion = Schema.Struct({
  kind: Schema.Literal("client", "project", "person"),
  runnId: Schema.Number,
  harvestId: Schema.Number,
  label: Schema.String,
  /** Why it is suggested: same email, same name, or an adoptable reference of another name (E10). */
  basis: Schema.String,
}).annotations({ identifier: "LinkSuggestion" });
export interface LinkSuggestion extends Schema.Schema.Type<typeof LinkSuggestion> {}

/** One check of `doctor`: what was checked, whether it passed, and what to do otherwise. */
export const DoctorCheck = Schema.Struct({
  name: Schema.String,
  ok: Schema.Boolean,
  level: Schema.Literal("ok", "warning", "error"),
  message: Schema.String,
}).annotations({ identifier: "DoctorCheck" });
export interface DoctorCheck extends Schema.Schema.Type<typeof DoctorCheck> {}

const { webhookUrl: _webhookUrl, ...settingsFields } = Settings.Settings.fields;

/** A connection's full settings as the store keeps them, but the webhook as its origin only (SPEC C4). */
export const SettingsView = Schema.Struct({
  ...settingsFields,
  /** The webhook's origin only: a URL can carry a token in its path or query. */
  webhookOrigin: Schema.NullOr(Schema.String),
}).annotations({ identifier: "SettingsView" });
export interface SettingsView extends Schema.Schema.Type<typeof SettingsView> {}

/** A Runn project linked to a Harvest project by the connection's reference (for "Sync Actuals"). */
export const LinkedProject = Schema.Struct({
  harvestId: Schema.Number,
  runnId: Schema.Number,
  name: Schema.String,
  archived: Schema.Boolean,
}).annotations({ identifier: "LinkedProject" });
export interface LinkedProject extends Schema.Schema.Type<typeof LinkedProject> {}

/** A page of a connection's runs, newest first; `next` is the cursor of the following page. */
export const RunsPage = Schema.Struct({
  runs: Schema.Array(RunSummary),
  next: Schema.NullOr(Schema.Number),
}).annotations({ identifier: "RunsPage" });
export interface RunsPage extends Schema.Schema.Type<typeof RunsPage> {}

/** What `undo` did or would do (SPEC E11). */
export const UndoReport = Schema.Struct({
  runId: Schema.String,
  connectionId: Schema.String,
  dryRun: Schema.Boolean,
  /** The run that recorded the undo (null for a dry run). */
  undoRunId: Schema.NullOr(Schema.String),
  items: Schema.Array(RunItem),
}).annotations({ identifier: "UndoReport" });
export interface UndoReport extends Schema.Schema.Type<typeof UndoReport> {}

/** A dry run: the plan (JSON, savable and appliable later) and what it would do (SPEC R2). */
export const PlanResult = Schema.Struct({
  /** The plan in its JSON form; pass it to `apply` unchanged. */
  plan: Schema.encodedSchema(Plan.Plan),
  /** `planned` items for every write, plus held and skipped items of the report. */
  items: Schema.Array(RunItem),
  /** Counts of held and skipped items. */
  counts: Counts,
  /** How many Runn writes (requests aside) the plan holds. */
  writes: Schema.Number,
}).annotations({ identifier: "PlanResult" });
export interface PlanResult extends Schema.Schema.Type<typeof PlanResult> {}

/** The result of `connect`: the saved connection and what its tokens cannot see (SPEC C2). */
export const ConnectResult = Schema.Struct({
  connection: ConnectionView,
  warnings: Schema.Array(Schema.String),
}).annotations({ identifier: "ConnectResult" });
export interface ConnectResult extends Schema.Schema.Type<typeof ConnectResult> {}
