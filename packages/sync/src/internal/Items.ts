/** Small helpers shared by the apply phases: run items and chunking. */
import { Chunk } from "effect";
import type { RunItem } from "../Output.ts";

/** Builds a run item with nulls for what it does not name. */
export const item = (i: Partial<RunItem> & Pick<RunItem, "kind" | "outcome" | "label">): RunItem => ({
  harvestId: null,
  runnId: null,
  reason: null,
  error: null,
  ...i,
});

/** Splits a list into chunks of at most `size`. */
export const chunks = <A>(as: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> =>
  Chunk.toArray(Chunk.chunksOf(Chunk.fromIterable(as), size)).map((c) => Chunk.toReadonlyArray(c));
