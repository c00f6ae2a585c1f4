import { describe, expect, it } from "@effect/vitest";
import { Either, Schema } from "effect";
import { Ids } from "../src/index.ts";

describe("Ids", () => {
  it("IsoDate accepts a calendar date and rejects a date-time", () => {
    expect(Either.isRight(Schema.decodeUnknownEither(Ids.IsoDate)("2026-11-27"))).toBe(true);
    expect(Either.isLeft(Schema.decodeUnknownEither(Ids.IsoDate)("2026-11-27T10:00:00Z"))).toBe(true);
    expect(Either.isLeft(Schema.decodeUnknownEither(Ids.IsoDate)("2026-13-01"))).toBe(true);
  });

  it("IsoDate rejects days the calendar does not have, and knows leap years", () => {
    const ok = (s: string) => Either.isRight(Schema.decodeUnknownEither(Ids.IsoDate)(s));
    expect(["2024-02-31", "2023-02-29", "2026-04-31", "1900-02-29"].filter(ok)).toEqual([]);
    expect(["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"].every(ok)).toBe(true);
  });

  it("ids are non-negative integers", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Ids.HarvestUserId)(1.5))).toBe(true);
    expect(Either.isLeft(Schema.decodeUnknownEither(Ids.RunnPersonId)(-1))).toBe(true);
    expect(Schema.decodeUnknownSync(Ids.RunnPersonId)(7)).toBe(7);
  });
});
