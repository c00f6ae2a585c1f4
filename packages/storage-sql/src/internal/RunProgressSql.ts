/** Progress records in SQL: one row per connection, replaced as its run advances (fenced). */
import { RunProgress, type SyncStore } from "@harvest-runn/storage";
import { Effect, Option, Schema } from "effect";
import { type Deps, fence, mapErrors, now, requireConnection } from "./Support.ts";

const decode = Schema.decodeUnknown(Schema.parseJson(RunProgress.RunProgress));

/** The progress part of the SQL store. */
export const makeProgress = ({ sql }: Deps): SyncStore.ProgressStore => ({
  put: (lease, progress) =>
    Effect.gen(function* () {
      const t = yield* now;
      const saved: RunProgress.RunProgress = { ...progress, updatedAt: t.iso };
      const doc = JSON.stringify(saved);
      yield* sql.withTransaction(
        Effect.zipRight(
          fence(sql, lease),
          sql`INSERT INTO hr_run_progress (connection_id, run_id, doc, updated_at)
              VALUES (${lease.connectionId}, ${progress.runId}, ${doc}, ${t.iso})
              ON CONFLICT (connection_id) DO UPDATE
              SET run_id = excluded.run_id, doc = excluded.doc, updated_at = excluded.updated_at`,
        ),
      );
      return saved;
    }).pipe(mapErrors("progress.put")),
  get: (id) =>
    Effect.zipRight(
      requireConnection(sql, id),
      sql<{ doc: string }>`SELECT doc FROM hr_run_progress WHERE connection_id = ${id}`,
    ).pipe(
      Effect.flatMap((rows) =>
        rows[0] === undefined ? Effect.succeed(Option.none()) : Effect.map(decode(rows[0].doc), Option.some),
      ),
      mapErrors("progress.get"),
    ),
});
