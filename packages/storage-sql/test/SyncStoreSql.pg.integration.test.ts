import { describe, it } from "@effect/vitest";
import { SyncStoreContract } from "@harvest-runn/storage/testing";
import { SyncStoreSql } from "../src/index.ts";
import * as Stores from "./support/Stores.ts";

const url = Stores.databaseUrl();
if (url) {
  const schema = Stores.schemaName("contract");
  Stores.dropSchemaAfterAll(url, schema);
  SyncStoreContract.suite("pg", Stores.pg(url, schema).layer, SyncStoreSql.capabilities);
} else {
  describe.skip("SyncStore contract: pg", () => it("needs DATABASE_URL", () => {}));
}
