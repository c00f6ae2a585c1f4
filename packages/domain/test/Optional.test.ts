import { describe, expect, expectTypeOf, it } from "vitest";
import { Optional } from "../src/index.ts";

describe("Optional", () => {
  it("fields drops undefined values and keeps null, 0, empty strings and false", () => {
    const absent: string | undefined = undefined as string | undefined;
    const out = Optional.fields({ a: absent, b: null, c: 0, d: "", e: false, f: "x" });
    expect(out).toEqual({ b: null, c: 0, d: "", e: false, f: "x" });
    expect(Object.keys(out)).toEqual(["b", "c", "d", "e", "f"]);
  });

  it("fields types a field that may be undefined as optional, and keeps the others required", () => {
    const before = "2026-01-01" as string | undefined;
    const page = 2;
    const query = { page, ...Optional.fields({ before, size: 10 }) };
    expectTypeOf(query).toEqualTypeOf<{ page: number; size: number; before?: string }>();
    expect(query).toEqual({ page: 2, before: "2026-01-01", size: 10 });
  });

  it("map keeps literal types, so a transformed field still fits a union member", () => {
    const types = ["people"] as ReadonlyArray<string> | undefined;
    const scope = Optional.fields({ scope: Optional.map(types, (t) => ({ kind: "entities", types: t })) });
    expectTypeOf(scope).toEqualTypeOf<{
      scope?: { readonly kind: "entities"; readonly types: ReadonlyArray<string> };
    }>();
  });

  it("map applies the function only to a defined value", () => {
    const seen: Array<number> = [];
    const double = (n: number) => {
      seen.push(n);
      return n * 2;
    };
    expect(Optional.map(undefined as number | undefined, double)).toBeUndefined();
    expect(Optional.map(0 as number | undefined, double)).toBe(0);
    expect(Optional.map(21 as number | undefined, double)).toBe(42);
    expect(seen).toEqual([0, 21]);
  });
});
