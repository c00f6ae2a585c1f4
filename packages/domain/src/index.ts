export * as Harvest from "./Harvest.ts";
export * from "./Ids.ts";
export * as Ledger from "./Ledger.ts";
export * as Plan from "./Plan.ts";
export * from "./Reason.ts";
export * as ReconcileOptions from "./ReconcileOptions.ts";
export * as Runn from "./Runn.ts";
export * as Skipped from "./Skipped.ts";
export * as Snapshot from "./Snapshot.ts";
