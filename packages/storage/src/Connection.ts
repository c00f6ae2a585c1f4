/**
 * A connection pairs one Harvest account with one Runn account (SPEC C1). The view the store lists
 * never carries a token; tokens come back only through `getSecrets`, wrapped in `Redacted`.
 */
import { Ids } from "@harvest-runn/domain";
import { type Redacted, Schema } from "effect";

/** The Runn API base URL used when none is given (EU region). */
export const defaultRunnBaseUrl = "https://api.runn.io";

/** A connection as listed: everything but the secrets. */
export const Connection = Schema.Struct({
  id: Ids.ConnectionId,
  name: Schema.String,
  harvest: Schema.Struct({ accountId: Ids.HarvestAccountId, userAgent: Schema.String }),
  runn: Schema.Struct({ baseUrl: Schema.String }),
  createdAt: Ids.IsoDateTime,
  updatedAt: Ids.IsoDateTime,
}).annotations({ identifier: "Connection" });
export interface Connection extends Schema.Schema.Type<typeof Connection> {}

/** What a host passes to create a connection; `id` is generated when absent. */
export interface NewConnection {
  readonly id?: Ids.ConnectionId;
  readonly name: string;
  readonly harvest: {
    readonly accountId: Ids.HarvestAccountId;
    readonly userAgent: string;
    readonly token: Redacted.Redacted<string>;
  };
  readonly runn: { readonly baseUrl?: string; readonly token: Redacted.Redacted<string> };
}

/** A partial update of a connection; absent fields keep their value. */
export interface ConnectionPatch {
  readonly name?: string;
  readonly harvest?: {
    readonly accountId?: Ids.HarvestAccountId;
    readonly userAgent?: string;
    readonly token?: Redacted.Redacted<string>;
  };
  readonly runn?: { readonly baseUrl?: string; readonly token?: Redacted.Redacted<string> };
}

/** The two tokens of a connection, for the orchestrator only. */
export interface Secrets {
  readonly harvestToken: Redacted.Redacted<string>;
  readonly runnToken: Redacted.Redacted<string>;
}
