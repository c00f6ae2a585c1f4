/**
 * A record a list endpoint returned that did not decode (SPEC R7): it is skipped, not fatal, and
 * reported with its id (when readable) and the path of the field that failed.
 */
import { Schema } from "effect";

/** A malformed record skipped while reading a list. */
export const MalformedRecord = Schema.Struct({
  source: Schema.Literal("harvest", "runn"),
  resource: Schema.String,
  id: Schema.NullOr(Schema.Union(Schema.Number, Schema.String)),
  path: Schema.String,
  message: Schema.String,
}).annotations({ identifier: "MalformedRecord" });
export interface MalformedRecord extends Schema.Schema.Type<typeof MalformedRecord> {}
