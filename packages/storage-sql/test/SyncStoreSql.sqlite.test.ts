import { SyncStoreContract } from "@harvest-runn/storage/testing";
import { SyncStoreSql } from "../src/index.ts";
import * as Stores from "./support/Stores.ts";

SyncStoreContract.suite("sqlite", Stores.sqlite().layer, SyncStoreSql.capabilities);
