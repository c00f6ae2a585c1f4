/**
 * The contract every `SyncStore` adapter passes, split by concern. Call it in one line per adapter:
 *
 * @example
 * SyncStoreContract.suite("memory", SyncStore.layerMemory, SyncStore.memoryCapabilities);
 *
 * The layer is built once for the suite; tests isolate by unique connection ids and use `TestClock`.
 * Adapters named in `StoreRegistry.known` run only when `HARVEST_RUNN_STORES` selects them.
 */
import { describe, it, layer } from "@effect/vitest";
import type { Layer } from "effect";
import type { Capabilities, SyncStore } from "../SyncStore.ts";
import * as CapabilitiesContract from "./contract/CapabilitiesContract.ts";
import * as ConnectionsContract from "./contract/ConnectionsContract.ts";
import * as LeasesContract from "./contract/LeasesContract.ts";
import * as LedgerContract from "./contract/LedgerContract.ts";
import * as LinksContract from "./contract/LinksContract.ts";
import * as PagesContract from "./contract/PagesContract.ts";
import * as ProgressContract from "./contract/ProgressContract.ts";
import * as RequestedRunsContract from "./contract/RequestedRunsContract.ts";
import * as RunsContract from "./contract/RunsContract.ts";
import * as SettingsContract from "./contract/SettingsContract.ts";
import * as StoreRegistry from "./StoreRegistry.ts";

/** The concerns of the contract, in the order they run. */
export const concerns = [
  ConnectionsContract,
  SettingsContract,
  LeasesContract,
  RunsContract,
  RequestedRunsContract,
  LedgerContract,
  LinksContract,
  PagesContract,
  ProgressContract,
  CapabilitiesContract,
] as const;

/** Registers the contract suite for one adapter. */
export const suite = <E>(
  name: string,
  store: Layer.Layer<SyncStore, E>,
  capabilities: Capabilities,
): void => {
  const title = `SyncStore contract: ${name}`;
  const registered = (StoreRegistry.known as ReadonlyArray<string>).includes(name);
  if (registered && !StoreRegistry.isSelected(name)) {
    console.info(`[storage] ${title} not selected by HARVEST_RUNN_STORES`);
    describe.skip(title, () => it("is not selected by HARVEST_RUNN_STORES", () => {}));
    return;
  }
  layer(store, { timeout: "60 seconds" })(title, (it) => {
    for (const concern of concerns) concern.tests({ it, layer: store, capabilities });
  });
};
