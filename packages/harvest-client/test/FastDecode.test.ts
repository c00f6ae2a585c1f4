import { Harvest } from "@harvest-runn/domain";
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect";
import { describe, expect, it } from "vitest";
import * as FastDecode from "../src/internal/FastDecode.ts";
import * as Fixtures from "./support/Fixtures.ts";

const decode = Schema.decodeUnknownEither(Harvest.TimeEntry);
/** One decoder for the whole file, as for one long list: its shared objects must never leak between records. */
const quick = FastDecode.timeEntries();
const encode = Schema.encodeSync(Harvest.TimeEntry);
/**
 * Valid time entries as they arrive: encoded, then through JSON (which has no NaN or Infinity: the
 * generated records whose numbers JSON turns into null are no longer valid, and are left out).
 */
const wire = Arbitrary.make(Harvest.TimeEntry)
  .map((e) => JSON.parse(JSON.stringify(encode(e))) as unknown)
  .filter((record) => Either.isRight(decode(record)));

const fields = Object.keys(Fixtures.timeEntry(1));
/** A wire record with one change: a field removed, replaced by any JSON value, or a nested one replaced. */
const mutated = fc
  .tuple(
    wire,
    fc.constantFrom(...fields, "user.id", "user.name", "project.id", "task", "extra"),
    fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constantFrom("2026-02-30", "2026-02-29", "2024-02-29"),
    ),
  )
  .map(([record, path, value]) => {
    const copy = structuredClone(record) as Record<string, Record<string, unknown>>;
    const [head, leaf] = path.split(".") as [string, string | undefined];
    const target = leaf === undefined ? (copy as Record<string, unknown>) : copy[head];
    const key = leaf ?? head;
    if (target === undefined || typeof target !== "object" || target === null) return copy;
    if (value === undefined) delete target[key];
    else target[key] = value;
    return copy;
  });

describe("the quick time-entry decoder", () => {
  it("decodes every valid wire record exactly as the schema does", () => {
    fc.assert(
      fc.property(wire, (record) => {
        expect(quick(record)).toStrictEqual(Either.getOrThrow(decode(record)));
      }),
      { numRuns: 500 },
    );
  });

  it("accepts a record only where the schema accepts it, with the same result", () => {
    let quickTaken = 0;
    let deferred = 0;
    fc.assert(
      fc.property(mutated, (record) => {
        const fast = quick(record);
        if (fast === undefined) return void deferred++;
        quickTaken++;
        const full = decode(record);
        expect(Either.isRight(full)).toBe(true);
        expect(fast).toStrictEqual(Either.getOrThrow(full));
      }),
      { numRuns: 3_000 },
    );
    // Both branches ran many times: the check above is not vacuous.
    expect(quickTaken).toBeGreaterThan(300);
    expect(deferred).toBeGreaterThan(300);
  });

  it("takes the common shape (the fixture, Harvest's documented example fields) and defers the rest", () => {
    const entry = Fixtures.timeEntry(7);
    expect(quick(entry)).toStrictEqual(Either.getOrThrow(decode(entry)));
    const { approval_status: _a, is_locked: _l, notes: _n, is_closed: _c, ...bare } = entry;
    expect(quick(bare)).toStrictEqual(Either.getOrThrow(decode(bare)));
    expect(quick({ ...entry, spent_date: "2026-02-29" })).toBeUndefined();
    expect(quick({ ...entry, hours: "1.5" })).toBeUndefined();
    expect(quick(Object.assign(Object.create({ id: 7 }), { ...entry, id: undefined }))).toBeUndefined();
  });

  it("shares one object per (id, name) of a kind, and keeps a renamed one apart", () => {
    const fresh = FastDecode.timeEntries();
    const a = fresh(Fixtures.timeEntry(1));
    const b = fresh(Fixtures.timeEntry(2));
    const renamed = fresh({ ...Fixtures.timeEntry(3), user: { id: 1, name: "Ada Renamed" } });
    expect(a?.user).toBe(b?.user);
    expect(a?.project).toBe(b?.project);
    expect(a?.spent_date).toBe(b?.spent_date);
    expect(renamed?.user).toEqual({ id: 1, name: "Ada Renamed" });
    expect(a?.user).toEqual({ id: 1, name: "Ada Person1" });
    expect(fresh(Fixtures.timeEntry(4))?.user).toBe(a?.user);
  });
});
