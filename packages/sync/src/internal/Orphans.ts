/**
 * Runs orphaned by a lost lease (SPEC R3): a run whose lease was taken over cannot record its end (the
 * store fences its writes), so it would stay `running` forever. The next holder of the connection's
 * lease marks every run of an older generation still `running` as `failed` with reason `LeaseLost`.
 */
import type { Lease, SyncStore } from "@harvest-runn/storage";
import { Effect } from "effect";
import * as SyncError from "../SyncError.ts";
import { errorText } from "./Record.ts";

/** How many recent runs are looked at (older orphans were closed by earlier holders). */
const window = 50;

/** Marks the connection's runs of older generations that are still `running` as failed; returns their ids. */
export const failOrphans = (store: SyncStore.Shape, lease: Lease.Lease) =>
  Effect.gen(function* () {
    const page = yield* store.runs.list(lease.connectionId, { limit: window });
    const orphans = page.runs.filter((r) => r.status === "running" && r.generation < lease.generation);
    const error = errorText(
      SyncError.make("LeaseLost", "the run lost its lease to another holder before it could finish"),
    );
    yield* Effect.forEach(
      orphans,
      (r) =>
        store.runs
          .finish(lease, r.id, { status: "failed", error })
          .pipe(
            Effect.tap(() =>
              Effect.logWarning("marked a run that lost its lease as failed", { runId: r.id }),
            ),
          ),
      { discard: true },
    );
    return orphans.map((r) => r.id);
  }).pipe(Effect.mapError(SyncError.fromStore), Effect.withSpan("Sync.failOrphans"));
