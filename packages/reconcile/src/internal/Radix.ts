/**
 * A stable LSD radix sort of (code, payload) pairs by code: linear in the number of pairs, with small
 * histograms that stay in cache, so grouping a million keys costs a few sequential passes.
 */

const BITS = 11;
const RADIX = 1 << BITS;

/**
 * Sorts the first `n` pairs of `codes` and `payload` by code (0 ≤ code < limit, integers), keeping the
 * input order of equal codes. Returns the sorted arrays: the inputs themselves or the spare pair, which
 * the sort also uses as scratch space. Codes of 2^32 and more (a decade-long backfill over a very large
 * account) take a comparison sort instead.
 */
export const radixSort = (
  codes: Array<number>,
  payload: Array<number>,
  spareCodes: Array<number>,
  sparePayload: Array<number>,
  n: number,
  limit: number,
): { readonly codes: Array<number>; readonly payload: Array<number> } => {
  if (limit > 2 ** 32) return comparisonSort(codes, payload, spareCodes, sparePayload, n);
  let from = { codes, payload };
  let to = { codes: spareCodes, payload: sparePayload };
  const count = new Int32Array(RADIX);
  for (let shift = 0; shift === 0 || limit - 1 >= 2 ** shift; shift += BITS) {
    count.fill(0);
    const fc = from.codes;
    for (let i = 0; i < n; i++) count[(fc[i]! >>> shift) & (RADIX - 1)]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    const fp = from.payload;
    const tc = to.codes;
    const tp = to.payload;
    for (let i = 0; i < n; i++) {
      const c = fc[i]!;
      const at = count[(c >>> shift) & (RADIX - 1)]!++;
      tc[at] = c;
      tp[at] = fp[i]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
};

const comparisonSort = (
  codes: Array<number>,
  payload: Array<number>,
  spareCodes: Array<number>,
  sparePayload: Array<number>,
  n: number,
) => {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => codes[a]! - codes[b]! || a - b);
  for (let i = 0; i < n; i++) {
    spareCodes[i] = codes[order[i]!]!;
    sparePayload[i] = payload[order[i]!]!;
  }
  return { codes: spareCodes, payload: sparePayload };
};
