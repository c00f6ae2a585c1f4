import { Array as Arr } from "effect";
import { describe, expect, it } from "vitest";
import { Batch } from "../src/index.ts";

describe("Batch.chunks", () => {
  it("splits like effect's Array.chunksOf, in order, the last batch shorter", () => {
    for (const length of [0, 1, 99, 100, 101, 250, 1_000]) {
      const items = Array.from({ length }, (_, i) => i);
      for (const size of [1, 7, 100, 1_000]) {
        expect(Batch.chunks(items, size)).toEqual(Arr.chunksOf(items, size));
      }
    }
  });

  it("gives batches of at least one item for a size below one, and none for an empty list", () => {
    expect(Batch.chunks([1, 2], 0)).toEqual([[1], [2]]);
    expect(Batch.chunks([], 100)).toEqual([]);
  });

  it("splits an xl import's 727,169 actual writes into 7,272 batches of 100 and a last of 69", () => {
    const items = Array.from({ length: 727_169 }, (_, i) => i);
    const batches = Batch.chunks(items, 100);
    expect(batches).toHaveLength(7_272);
    expect(batches.at(-1)).toEqual(items.slice(727_100));
    expect(batches.reduce((n, b) => n + b.length, 0)).toBe(727_169);
  });
});
