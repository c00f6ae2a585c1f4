import { describe, expect, it } from "vitest";
import * as Cursor from "../src/internal/Cursor.ts";

const overlapMs = 10 * 60_000;
const harvestNow = new Date("2026-03-16T18:00:00Z");

describe("the A6 updated_since cursor follows Harvest's clock (SPEC A6)", () => {
  it("a first run seeds it from Harvest's clock minus the overlap", () => {
    expect(Cursor.next({ previous: null, newestSeen: "2026-03-16T17:59:00Z", harvestNow, overlapMs })).toBe(
      "2026-03-16T17:50:00Z",
    );
  });

  it("a first run without a Date header falls back to the newest change seen, else stays unset", () => {
    expect(
      Cursor.next({ previous: null, newestSeen: "2026-03-16T12:00:00Z", harvestNow: null, overlapMs }),
    ).toBe("2026-03-16T11:50:00Z");
    expect(Cursor.next({ previous: null, newestSeen: null, harvestNow: null, overlapMs })).toBeNull();
  });

  it("later runs advance to the newest change seen minus the overlap, never backwards", () => {
    const previous = "2026-03-16T17:50:00Z";
    expect(Cursor.next({ previous, newestSeen: "2026-03-17T09:00:30Z", harvestNow, overlapMs })).toBe(
      "2026-03-17T08:50:30Z",
    );
    expect(Cursor.next({ previous, newestSeen: "2026-03-16T17:55:00Z", harvestNow, overlapMs })).toBe(
      previous,
    );
    expect(Cursor.next({ previous, newestSeen: null, harvestNow, overlapMs })).toBe(previous);
  });

  it("ignores Harvest's clock once seeded, so a clock jump cannot skip changes", () => {
    const previous = "2026-03-16T17:50:00Z";
    const later = new Date("2026-04-01T00:00:00Z");
    expect(Cursor.next({ previous, newestSeen: null, harvestNow: later, overlapMs })).toBe(previous);
  });

  it("formats whole seconds in UTC, as updated_since takes them", () => {
    expect(Cursor.format(Date.parse("2026-03-16T17:50:00.999Z"))).toBe("2026-03-16T17:50:00Z");
  });

  it("measures skew as Harvest minus local, in seconds", () => {
    expect(Cursor.skewSeconds(harvestNow, new Date("2026-03-16T20:00:00Z"))).toBe(-7200);
  });
});
