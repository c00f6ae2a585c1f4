export * as Clients from "./Clients.ts";
export * as Facade from "./Facade.ts";
export * as Notify from "./Notify.ts";
export * as Output from "./Output.ts";
export * as Progress from "./Progress.ts";
export * as Scheduler from "./Scheduler.ts";
export * as Sync from "./Sync.ts";
export * as SyncError from "./SyncError.ts";
