/**
 * How far the running run of a connection has got, saved by the run as it writes so that any process
 * (a status command, a page, another worker) can show "importing: 31,204 of 58,945 entities, about
 * 3 h 40 min left" without asking the run (DESIGN decision 15). One record per connection: the
 * latest run's, replaced as it advances, so it never grows with the work.
 */
import { Ids } from "@harvest-runn/domain";
import { Schema } from "effect";

/** Done and planned in all. */
export const Count = Schema.Struct({
  done: Schema.NonNegativeInt,
  total: Schema.NonNegativeInt,
}).annotations({ identifier: "Count" });
export interface Count extends Schema.Schema.Type<typeof Count> {}

/** One connection's progress record. */
export const RunProgress = Schema.Struct({
  runId: Ids.RunId,
  connectionId: Ids.ConnectionId,
  /** The run's phase (`load`, `reconcile`, `projects`, `actuals`, …, `record` when it ended). */
  phase: Schema.String,
  /** Runn entities the plan creates or links (roles, clients, projects, people, links). */
  entities: Count,
  /** Actual day totals the plan writes. */
  actuals: Count,
  /** Runn write requests the plan needs (bulk endpoints carry up to 100 items each). */
  requests: Count,
  /** When the first write was sent, or null before it: the rate so far is measured from here. */
  writesStartedAt: Schema.NullOr(Ids.IsoDateTime),
  /** Stamped by the store when the record is saved. */
  updatedAt: Ids.IsoDateTime,
}).annotations({ identifier: "RunProgress" });
export interface RunProgress extends Schema.Schema.Type<typeof RunProgress> {}

/** A progress record to save; the store stamps `updatedAt`. */
export type ProgressWrite = Omit<RunProgress, "updatedAt">;
