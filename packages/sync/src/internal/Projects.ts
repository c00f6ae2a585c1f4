/**
 * The Runn projects linked to a Harvest project by the connection's reference (SPEC E1): what hosts
 * offer "Sync Actuals" for. A light read: one paged list of Runn projects, nothing from Harvest.
 */
import { Chunk, Effect, Stream } from "effect";
import type { LinkedProject } from "../Output.ts";
import type * as SyncError from "../SyncError.ts";
import { type Env, loadConnection } from "./Env.ts";
import { loadError } from "./Load.ts";

const harvestIdOf = (text: string): number | null => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

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
    const linked: Array<LinkedProject> = [];
    for (const p of all)
      for (const ref of p.references) {
        const harvestId = ref.referenceName === referenceName ? harvestIdOf(ref.externalId) : null;
        if (harvestId !== null)
          linked.push({ harvestId, runnId: p.id, name: p.name, archived: p.isArchived });
      }
    return linked.sort((a, b) => a.name.localeCompare(b.name) || a.harvestId - b.harvestId);
  }).pipe(Effect.withSpan("Sync.projects"));
