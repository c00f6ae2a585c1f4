import { SyncStore } from "../src/index.ts";
import { SyncStoreContract } from "../src/testing/index.ts";

SyncStoreContract.suite("memory", SyncStore.layerMemory, SyncStore.memoryCapabilities);
