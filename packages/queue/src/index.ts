export * as Dispatch from "./Dispatch.ts";
export * as Enqueuer from "./Enqueuer.ts";
export * as QueueError from "./QueueError.ts";
export * as SyncJob from "./SyncJob.ts";
export * as SyncQueue from "./SyncQueue.ts";
