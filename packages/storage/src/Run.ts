/**
 * Runs and their item outcomes (SPEC R1, R5, R9) as the store keeps them. The orchestrator fills
 * items as writes complete; the scope is opaque JSON the orchestrator owns.
 */
import { Ids, Ledger, Reason, ReconcileOptions } from "@harvest-runn/domain";
import { Schema } from "effect";

/**
 * Status of a run: `queued` from the moment it is requested until a worker starts it, then `running`
 * until finished; a holder that died leaves it `running`.
 */
export const RunStatus = Schema.Literal("queued", "running", "succeeded", "partial", "failed");
export type RunStatus = typeof RunStatus.Type;

/** What happened to one item. */
export const Outcome = Schema.Literal(
  "created",
  "linked",
  "unlinked",
  "written",
  "deleted",
  "archived",
  "skipped",
  "held",
  "failed",
);
export type Outcome = typeof Outcome.Type;

/** The kind of thing an item is about. */
export const ItemKind = Schema.Literal("role", "client", "project", "person", "actual", "link");
export type ItemKind = typeof ItemKind.Type;

/** Number of items per outcome. */
export const Counts = Schema.Struct({
  created: Schema.Int,
  linked: Schema.Int,
  unlinked: Schema.Int,
  written: Schema.Int,
  deleted: Schema.Int,
  archived: Schema.Int,
  skipped: Schema.Int,
  held: Schema.Int,
  failed: Schema.Int,
}).annotations({ identifier: "Counts" });
export interface Counts extends Schema.Schema.Type<typeof Counts> {}

/** Counts of a run with no items. */
export const zeroCounts: Counts = {
  created: 0,
  linked: 0,
  unlinked: 0,
  written: 0,
  deleted: 0,
  archived: 0,
  skipped: 0,
  held: 0,
  failed: 0,
};

/** One run. `number` counts runs per connection from 1; `generation` is the lease it ran under. */
export const Run = Schema.Struct({
  id: Ids.RunId,
  connectionId: Ids.ConnectionId,
  number: Schema.Int,
  trigger: ReconcileOptions.Trigger,
  scope: Schema.Unknown,
  status: RunStatus,
  generation: Schema.Int,
  startedAt: Ids.IsoDateTime,
  finishedAt: Schema.NullOr(Ids.IsoDateTime),
  counts: Counts,
  error: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Run" });
export interface Run extends Schema.Schema.Type<typeof Run> {}

/** One item outcome as the orchestrator records it. */
export const ItemInput = Schema.Struct({
  outcome: Outcome,
  kind: ItemKind,
  harvestId: Schema.NullOr(Schema.Int),
  runnId: Schema.NullOr(Schema.Int),
  actualKey: Schema.NullOr(Ledger.ActualKey),
  reason: Schema.NullOr(Reason.ReasonCode),
  message: Schema.NullOr(Schema.String),
  detail: Schema.Unknown,
}).annotations({ identifier: "RunItemInput" });
export interface ItemInput extends Schema.Schema.Type<typeof ItemInput> {}

/** One stored item: its input plus its position in the run and the time it was recorded. */
export const Item = Schema.Struct({
  ...ItemInput.fields,
  runId: Ids.RunId,
  seq: Schema.Int,
  at: Ids.IsoDateTime,
}).annotations({ identifier: "RunItem" });
export interface Item extends Schema.Schema.Type<typeof Item> {}

/** How a run ended. `succeeded` lists the entity types whose sync completed (SPEC R5). */
export interface Finish {
  readonly status: Exclude<RunStatus, "running">;
  readonly error?: string | null;
  readonly succeeded?: ReadonlyArray<ReconcileOptions.EntityType>;
}

/** A page of runs, newest first; `next` is the `before` of the following page. */
export interface Page {
  readonly runs: ReadonlyArray<Run>;
  readonly next: number | null;
}

/** Which items `get` returns: by outcome and reason, paged by `seq`. */
export interface ItemFilter {
  readonly outcome?: Outcome | ReadonlyArray<Outcome>;
  readonly reason?: Reason.ReasonCode | ReadonlyArray<Reason.ReasonCode>;
  readonly after?: number;
  readonly limit?: number;
}

/** A run with a page of its items; `next` is the `after` of the following page. */
export interface Detail {
  readonly run: Run;
  readonly items: ReadonlyArray<Item>;
  readonly next: number | null;
}

/** The last successful sync of one entity type. */
export interface LastSuccess {
  readonly at: string;
  readonly runId: Ids.RunId;
}
