/**
 * Large working arrays of the engine live on the JavaScript heap, not in typed arrays. V8 starts a full
 * mark of the whole heap each time ArrayBuffer memory grows by about 64 MB, whatever the heap's size:
 * with a caller holding a gigabyte of snapshots, that pause would cost more than the whole plan. Heap
 * arrays count toward the ordinary heap limit instead, which grows with the heap.
 */

/** An array of `n` small integers, all 0 (V8 keeps it as a flat array of small integers). */
export const ints = (n: number): Array<number> => new Array<number>(n).fill(0);

/** An array of `n` numbers, all NaN (V8 keeps it as a flat array of doubles). */
export const doubles = (n: number): Array<number> => new Array<number>(n).fill(Number.NaN);
