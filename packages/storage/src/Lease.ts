/**
 * A lease gives one holder the right to run a connection's sync (SPEC R3). Its generation is a
 * fencing token: every store write of a run carries it, and the store refuses it once a newer holder
 * took the lease over.
 */
import { Ids } from "@harvest-runn/domain";
import { Schema } from "effect";

/** A held lease, as returned by `acquire` and `renew`; pass it to every write of the run. */
export const Lease = Schema.Struct({
  connectionId: Ids.ConnectionId,
  holder: Schema.String,
  generation: Schema.Int,
  acquiredAt: Ids.IsoDateTime,
  expiresAt: Ids.IsoDateTime,
}).annotations({ identifier: "Lease" });
export interface Lease extends Schema.Schema.Type<typeof Lease> {}

/** What the store knows about a connection's lease, for status pages. */
export const LeaseState = Schema.Struct({
  ...Lease.fields,
  expired: Schema.Boolean,
}).annotations({ identifier: "LeaseState" });
export interface LeaseState extends Schema.Schema.Type<typeof LeaseState> {}
