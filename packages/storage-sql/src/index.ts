export * as SyncStoreSql from "./SyncStoreSql.ts";
