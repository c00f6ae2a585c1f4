import { describe, expect, it } from "@effect/vitest";
import { StoreRegistry } from "../src/testing/index.ts";

describe("StoreRegistry", () => {
  it("defaults to memory and sqlite, plus pg when DATABASE_URL is set or under CI", () => {
    expect(StoreRegistry.selected({})).toEqual(["memory", "sqlite"]);
    expect(StoreRegistry.selected({ DATABASE_URL: "postgres://x" })).toEqual(["memory", "sqlite", "pg"]);
    expect(StoreRegistry.selected({ CI: "true" })).toEqual(["memory", "sqlite", "pg"]);
  });

  it("takes the adapters from HARVEST_RUNN_STORES", () => {
    expect(StoreRegistry.selected({ HARVEST_RUNN_STORES: " sqlite , pg " })).toEqual(["sqlite", "pg"]);
    expect(StoreRegistry.isSelected("memory", { HARVEST_RUNN_STORES: "sqlite" })).toBe(false);
  });

  it("throws on an unknown adapter name", () => {
    expect(() => StoreRegistry.selected({ HARVEST_RUNN_STORES: "memory,mongo" })).toThrow(
      /unknown store adapter "mongo"/,
    );
  });

  it("without the server variable: skips with a reason outside CI, fails under CI=true", () => {
    const env = { HARVEST_RUNN_STORES: "pg" };
    const printed: Array<string> = [];
    expect(StoreRegistry.server("pg", "DATABASE_URL", env, (m) => printed.push(m))).toBeUndefined();
    expect(printed).toEqual([
      expect.stringContaining("skipping the pg store adapter: DATABASE_URL is not set"),
    ]);
    expect(() => StoreRegistry.server("pg", "DATABASE_URL", { ...env, CI: "true" })).toThrow(
      /DATABASE_URL is not set/,
    );
    expect(StoreRegistry.server("pg", "DATABASE_URL", { ...env, DATABASE_URL: "postgres://db" })).toBe(
      "postgres://db",
    );
    expect(
      StoreRegistry.server("pg", "DATABASE_URL", { HARVEST_RUNN_STORES: "memory", CI: "true" }),
    ).toBeUndefined();
  });
});
