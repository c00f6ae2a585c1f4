import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, type KeyParts, KeySpace, PairMap } from "../src/internal/Keys.ts";
import { radixSort } from "../src/internal/Radix.ts";

describe("PairMap", () => {
  it("agrees with a Map of string keys, for 32-bit and wider numbers, through growth and replacement", () => {
    const id = fc.oneof(
      fc.integer({ min: -5, max: 40 }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      fc.constantFrom(2 ** 31, 2 ** 32 + 7, 9_007_199_254_740_991, -(2 ** 31) - 1, 0.5),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, id, fc.integer({ min: 0, max: 2 ** 31 - 1 })), {
          maxLength: 3000,
          size: "max",
        }),
        (writes) => {
          const map = new PairMap();
          const expected = new Map<string, number>();
          for (const [a, b, v] of writes) {
            map.set(a, b, v);
            expected.set(`${a}:${b}`, v);
          }
          for (const [a, b] of writes) expect(map.get(a, b)).toBe(expected.get(`${a}:${b}`));
          for (const [a, b] of writes) if (!expected.has(`${b}:${a}`)) expect(map.get(b, a)).toBe(-1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("radixSort", () => {
  it("sorts by code, keeps equal codes in input order, for one to three digits and for wider codes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 2048, 2049, 5_000_000, 2 ** 31 - 1, 2 ** 32, 2 ** 40),
        fc.array(fc.oneof(fc.nat(), fc.nat({ max: Number.MAX_SAFE_INTEGER })), {
          maxLength: 2000,
          size: "max",
        }),
        (limit, raw) => {
          const codes = raw.map((c) => c % limit);
          const payload = codes.map((_, i) => i);
          const n = codes.length;
          const sorted = radixSort([...codes], [...payload], new Array(n), new Array(n), n, limit);
          const expected = payload
            .map((p) => [codes[p]!, p] as const)
            .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          expect(sorted.codes.slice(0, n)).toEqual(expected.map((e) => e[0]));
          expect(sorted.payload.slice(0, n)).toEqual(expected.map((e) => e[1]));
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("KeySpace", () => {
  it("numbers keys in plan order: pairs by (person, project) then day, then other keys sorted", () => {
    const keys = new KeySpace("2026-11-01", "2026-11-27");
    const role = (num: number) => () => ({ num, ref: num as never, name: "R" });
    keys.pair(5, 9, role(1));
    keys.pair(2, 3, role(1));
    keys.pair(2, 1, () => "unknown_role" as const);
    const codes = [
      keys.code(5, 9, 1, "2026-11-02"),
      keys.code(2, 3, 1, "2026-11-27"),
      keys.code(2, 3, 1, "2026-11-01"),
      keys.code(2, 3, 2, "2026-11-05"), // another role: a key of the string map
      keys.code(2, 1, 1, "2026-11-05"), // a pair whose role is not resolved
      keys.code(5, 9, 1, "2026-10-31"), // before the blocks
    ];
    keys.finalize();
    const final = codes.map((c) => keys.final(c));
    const parts = (code: number) => {
      const p: KeyParts = { person: 0, project: 0, role: 0, date: "" };
      keys.key(code, p);
      return `${p.person}:${p.project}:${p.role}:${p.date}`;
    };
    expect([...final].sort((a, b) => a - b).map(parts)).toEqual([
      "2:3:1:2026-11-01",
      "2:3:1:2026-11-27",
      "5:9:1:2026-11-02",
      "2:1:1:2026-11-05",
      "2:3:2:2026-11-05",
      "5:9:1:2026-10-31",
    ]);
    expect(new Set(final).size).toBe(final.length);
    expect(Math.max(...final)).toBeLessThan(keys.limit);
  });
  it("gives a pair a block over a long backfill: its keys a year back sort with the pair, by day", () => {
    const keys = new KeySpace("2025-11-01", "2026-11-27");
    keys.pair(2, 3, () => ({ num: 1, ref: 1 as never, name: "R" }));
    keys.pair(1, 3, () => ({ num: 1, ref: 1 as never, name: "R" }));
    const codes = [
      keys.code(2, 3, 1, "2025-11-02"),
      keys.code(1, 3, 1, "2026-11-27"),
      keys.code(2, 3, 1, "2026-01-01"),
    ];
    keys.finalize();
    expect(codes.every((c) => c >= 0)).toBe(true);
    const final = codes.map((c) => keys.final(c));
    expect(final[1]! < final[0]! && final[0]! < final[2]!).toBe(true);
  });
  it("dayNumber counts days from 1970-01-01 across leap years", () => {
    for (const d of ["1970-01-01", "2000-02-29", "2024-12-31", "2026-11-27", "2100-03-01"])
      expect(dayNumber(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  });
});
