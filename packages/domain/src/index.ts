export * as Harvest from "./Harvest.ts";
/** @deprecated Flat aliases kept only until the Runn client and the sync executor import `Ids`; use `Ids.RunId` etc. */
export type { RunId, RunnActualId, RunnClientId, RunnPersonId, RunnProjectId } from "./Ids.ts";
export * as Ids from "./Ids.ts";
export * as Ledger from "./Ledger.ts";
export * as Optional from "./Optional.ts";
export * as Plan from "./Plan.ts";
export * as Reason from "./Reason.ts";
export * as ReconcileOptions from "./ReconcileOptions.ts";
export * as Runn from "./Runn.ts";
export * as Settings from "./Settings.ts";
export * as Skipped from "./Skipped.ts";
export * as Snapshot from "./Snapshot.ts";
