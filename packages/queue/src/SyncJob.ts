/**
 * The jobs on the queue: their names, the payload of a `sync` job, and the deterministic id that
 * makes a connection's scheduled run a singleton per local date.
 */
import { createHash } from "node:crypto";
import { Output } from "@harvest-runn/sync";
import { Schema } from "effect";

/** The queue every run goes through (policy `stately`, one job in flight per connection). */
export const syncQueue = "harvest-runn-sync";
/** Where jobs land after their last retry; its worker records them in the run history. */
export const deadLetterQueue = "harvest-runn-sync-dead";
/** The periodic tick (pg-boss cron), handled by one worker in the cluster per slot. */
export const tickQueue = "harvest-runn-tick";

/** The payload of a `sync` job. */
export const SyncJob = Schema.Struct({
  connectionId: Schema.NonEmptyString,
  trigger: Output.Trigger,
  /** Entity types or one project's actuals; absent = every type the switches allow. */
  scope: Schema.optional(Output.Scope),
  /** Scheduled runs: the instant the run was due (ISO). */
  scheduledFor: Schema.optional(Schema.String),
  /** Scheduled runs: the connection's local date of `scheduledFor` (part of the job id). */
  localDate: Schema.optional(Schema.String),
  /** The `queued` run recorded when the run was requested; the worker's run keeps its id. */
  runId: Schema.optional(Schema.String),
}).annotations({ identifier: "SyncJob" });
export interface SyncJob extends Schema.Schema.Type<typeof SyncJob> {}

/** Decodes a job's data; unknown fields are dropped. */
export const decode = Schema.decodeUnknown(SyncJob);

/** What a completed `sync` job stores as its output. */
export interface JobOutput {
  readonly runId: string | null;
  readonly status: "succeeded" | "partial" | "failed" | "skipped";
  /** For `skipped` and non-retried `failed`: why. */
  readonly reason?: string;
}

/**
 * The id of a connection's scheduled job for one local date: a name-based UUID (version 5 layout
 * over SHA-1), so a second tick for the same day inserts nothing while the job exists.
 */
export const scheduledJobId = (connectionId: string, localDate: string): string => {
  const h = createHash("sha1").update(`harvest-runn:schedule:${connectionId}:${localDate}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
};
