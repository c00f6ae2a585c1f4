export * as Fixtures from "./Fixtures.ts";
export * as StoreRegistry from "./StoreRegistry.ts";
export * as SyncStoreContract from "./SyncStoreContract.ts";
