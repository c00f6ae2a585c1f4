export * as Connection from "./Connection.ts";
export * as Lease from "./Lease.ts";
export * as Links from "./Links.ts";
export * as Run from "./Run.ts";
export * as RunProgress from "./RunProgress.ts";
export * as SecretBox from "./SecretBox.ts";
export * as SyncStore from "./SyncStore.ts";
export * as SyncStoreError from "./SyncStoreError.ts";
