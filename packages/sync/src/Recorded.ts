/**
 * What a run records from the APIs for hosts' pages to show without calling Harvest or Runn (DESIGN
 * decision 15): the Runn projects linked to Harvest (behind "Sync Actuals") and, per run, the names and
 * ids behind its skipped and held time, so a page can say "Ada Lovelace · Platform 7" and group by who
 * must act. Documents live in `SyncStore.recorded`; these are their names and schemas.
 *
 * @example
 * const doc = yield* store.recorded.get(connectionId, Recorded.projectsDoc);
 * const projects = Option.map(doc, (d) => Recorded.decodeProjects(d.value));
 */
import { Schema } from "effect";
import { LinkedProject } from "./Output.ts";

/** The document holding the linked projects seen by the latest entity run. */
export const projectsDoc = "linked-projects";

/** The document holding one run's names and skipped time. */
export const runDoc = (runId: string): string => `run/${runId}`;

/** The linked projects document. */
export const Projects = Schema.Array(LinkedProject);

/** Skipped or held time of one (reason, person, project, day), with ids to name and group it by. */
export const SkippedTime = Schema.Struct({
  reason: Schema.String,
  harvestUserId: Schema.Number,
  harvestProjectId: Schema.Number,
  date: Schema.String,
  minutes: Schema.Number,
  entryCount: Schema.Number,
});
export interface SkippedTime extends Schema.Schema.Type<typeof SkippedTime> {}

/** One run's document: names of the Harvest people and projects its items mention, and its skipped time. */
export const RunNames = Schema.Struct({
  people: Schema.Record({ key: Schema.String, value: Schema.String }),
  projects: Schema.Record({ key: Schema.String, value: Schema.String }),
  skipped: Schema.Array(SkippedTime),
  /** How many skipped-time rows were left out of `skipped` (it is capped). */
  omitted: Schema.Number,
});
export interface RunNames extends Schema.Schema.Type<typeof RunNames> {}

/** Decodes a linked projects document (an unreadable one reads as none). */
export const decodeProjects = (value: unknown): ReadonlyArray<LinkedProject> =>
  Schema.decodeUnknownOption(Projects)(value).pipe((o) => (o._tag === "Some" ? o.value : []));

/** Decodes a run's document (an unreadable one reads as null). */
export const decodeRunNames = (value: unknown): RunNames | null =>
  Schema.decodeUnknownOption(RunNames)(value).pipe((o) => (o._tag === "Some" ? o.value : null));
