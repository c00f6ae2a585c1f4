/**
 * Order-independent fingerprints of snapshot sections (SPEC R2): a sum and a xor of per-record hashes,
 * so shuffled input gives the same fingerprint and any changed record changes it.
 */

/** A 32-bit hash of a string (FNV-1a). */
export const hashString = (s: string, seed = 0x811c9dc5): number => {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Mixes a 32-bit value (murmur3 finaliser). */
export const mix = (x: number): number => {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** An accumulator over records in any order. */
export class Accumulator {
  private sum = 0;
  private xor = 0;
  private count = 0;
  /** Adds one record's hash. */
  add(h: number): void {
    this.sum = (this.sum + h) | 0;
    this.xor = (this.xor ^ mix(h)) | 0;
    this.count++;
  }
  /** The fingerprint: count, sum and xor in hex. */
  digest(): string {
    return `${this.count}-${(this.sum >>> 0).toString(16)}-${(this.xor >>> 0).toString(16)}`;
  }
}

/** Fingerprints a list by a per-record string (id, updated-at and whatever the plan reads). */
export const ofList = <A>(items: ReadonlyArray<A>, key: (a: A) => string): string => {
  const acc = new Accumulator();
  for (const item of items) acc.add(hashString(key(item)));
  return acc.digest();
};
