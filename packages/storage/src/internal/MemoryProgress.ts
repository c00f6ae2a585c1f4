/** The in-memory adapter's progress records: one per connection, kept on the connection's row. */
import { Effect, Option } from "effect";
import type { RunProgress } from "../RunProgress.ts";
import type * as SyncStore from "../SyncStore.ts";
import { fence, now, row, type State } from "./MemoryState.ts";

/** Progress records on the connections' rows (deleted with them). */
export const makeProgress = (state: State): SyncStore.ProgressStore => ({
  put: (lease, progress) =>
    Effect.gen(function* () {
      yield* fence(state, lease);
      const r = yield* row(state, lease.connectionId);
      const t = yield* now;
      const saved: RunProgress = structuredClone({ ...progress, updatedAt: t.iso });
      r.progress = saved;
      return structuredClone(saved);
    }),
  get: (id) =>
    Effect.map(row(state, id), (r) =>
      r.progress === undefined ? Option.none() : Option.some(structuredClone(r.progress)),
    ),
});
