/**
 * The Runn projects linked to a Harvest project by the connection's reference (SPEC E1): what hosts
 * offer "Sync Actuals" for. A light read: one paged list of Runn projects, nothing from Harvest.
 */
import { Chunk, Effect, Stream } from "effect";
import type { LinkedProject } from "../Output.ts";
import type * as SyncError from "../SyncError.ts";
import { type Env, loadConnection } from "./Env.ts";
import { loadError } from "./Load.ts";
import { linkedProjects } from "./RecordForPages.ts";

/** The linked projects of a connection, archived ones included (flagged), sorted by name. */
export const projects = (
  env: Env,
  connectionId: string,
): Effect.Effect<ReadonlyArray<LinkedProject>, SyncError.SyncError> =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const pair = yield* env.clients.make(conn.input);
    const referenceName = conn.settings.referenceName;
    const all = yield* Stream.runCollect(pair.runn.projects()).pipe(
      Effect.map(Chunk.toReadonlyArray),
      Effect.mapError(loadError("Runn", pair.urls.runn)),
    );
    return linkedProjects(all, referenceName);
  }).pipe(Effect.withSpan("Sync.projects"));
