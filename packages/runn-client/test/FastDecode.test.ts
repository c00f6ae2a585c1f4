import { Runn } from "@harvest-runn/domain";
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect";
import { describe, expect, it } from "vitest";
import * as FastDecode from "../src/internal/FastDecode.ts";
import * as Fixtures from "./support/Fixtures.ts";

const decode = Schema.decodeUnknownEither(Runn.Actual);
const encode = Schema.encodeSync(Runn.Actual);
/** Valid actuals as they arrive: encoded, then through JSON (records JSON no longer makes valid are left out). */
const wire = Arbitrary.make(Runn.Actual)
  .map((a) => JSON.parse(JSON.stringify(encode(a))) as unknown)
  .filter((record) => Either.isRight(decode(record)));

const fields = Object.keys(Fixtures.actual(1));
/** A wire record with one field removed or replaced by any JSON value (or a date that may not exist). */
const mutated = fc
  .tuple(
    wire,
    fc.constantFrom(...fields, "extra"),
    fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constantFrom("2026-02-30", "2024-02-29", -1, 1.5)),
  )
  .map(([record, key, value]) => {
    const copy = { ...(record as Record<string, unknown>) };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });

describe("the quick actual decoder", () => {
  it("decodes every valid wire record exactly as the schema does", () => {
    fc.assert(
      fc.property(wire, (record) => {
        expect(FastDecode.actual(record)).toStrictEqual(Either.getOrThrow(decode(record)));
      }),
      { numRuns: 500 },
    );
  });

  it("accepts a record only where the schema accepts it, with the same result", () => {
    let quickTaken = 0;
    let deferred = 0;
    fc.assert(
      fc.property(mutated, (record) => {
        const quick = FastDecode.actual(record);
        if (quick === undefined) return void deferred++;
        quickTaken++;
        expect(quick).toStrictEqual(Either.getOrThrow(decode(record)));
      }),
      { numRuns: 3_000 },
    );
    // Both branches ran many times: the check above is not vacuous.
    expect(quickTaken).toBeGreaterThan(300);
    expect(deferred).toBeGreaterThan(300);
  });

  it("takes the fixture's shape and defers what it cannot vouch for", () => {
    const a = Fixtures.actual(7);
    expect(FastDecode.actual(a)).toStrictEqual(Either.getOrThrow(decode(a)));
    expect(FastDecode.actual({ ...a, date: "2026-02-29" })).toBeUndefined();
    expect(FastDecode.actual({ ...a, workstreamId: -1 })).toBeUndefined();
    expect(FastDecode.actual({ ...a, billableMinutes: "60" })).toBeUndefined();
  });
});
