/**
 * What runs record from the APIs for hosts to show without calling them (DESIGN decision 15): JSON
 * documents per connection and name, e.g. the projects behind "Sync Actuals" or the names of held
 * records. A later write under the same name replaces the document; deleting the connection removes it.
 */
import type { Ids } from "@harvest-runn/domain";
import type { Effect, Option } from "effect";
import type { SyncStoreError } from "./SyncStoreError.ts";

/** One recorded document and when it was written. */
export interface RecordedDoc {
  readonly value: unknown;
  readonly recordedAt: string;
}

/** The recorded-documents part of the store. */
export interface RecordedStore {
  /** Writes (or replaces) a document; fails with `NotFound` for an unknown connection. */
  readonly put: (
    connectionId: Ids.ConnectionId,
    name: string,
    value: unknown,
  ) => Effect.Effect<RecordedDoc, SyncStoreError>;
  /** The document of a name; none when never written. */
  readonly get: (
    connectionId: Ids.ConnectionId,
    name: string,
  ) => Effect.Effect<Option.Option<RecordedDoc>, SyncStoreError>;
}
