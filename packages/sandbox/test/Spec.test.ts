import { describe, expect, it } from "vitest";
import { harvestSpec, runnSpec } from "./support/Spec.ts";

describe("the OpenAPI validator used by these tests can fail", () => {
  it("flags bad responses, undeclared statuses and unknown paths", () => {
    expect(harvestSpec.response("GET", "/users", 200, { users: [{ id: "x" }] }).length).toBeGreaterThan(0);
    expect(harvestSpec.response("GET", "/users", 418, {})).toEqual(["GET /users: status 418 not declared"]);
    expect(harvestSpec.response("GET", "/nowhere", 200, {})[0]).toContain("no operation");
    expect(runnSpec.response("GET", "/people/", 200, { values: [] }).length).toBeGreaterThan(0);
    expect(runnSpec.response("GET", "/people/", 200, { values: [], nextCursor: null })).toEqual([]);
  });

  it("flags bad requests: missing headers, undeclared or ill-typed parameters, bad bodies", () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(harvestSpec.request("GET", "/users", q(""), {}, undefined)).toEqual([
      "GET /users: missing header User-Agent",
    ]);
    expect(
      harvestSpec.request("GET", "/users", q("per_page=5000"), { "user-agent": "x" }, undefined).length,
    ).toBe(1);
    expect(harvestSpec.request("GET", "/users", q("bogus=1"), { "user-agent": "x" }, undefined)).toEqual([
      "GET /users: undeclared query parameter bogus",
    ]);
    expect(
      runnSpec.request("POST", "/actuals/bulk/", q(""), { "accept-version": "1.0.0" }, { actuals: [] })
        .length,
    ).toBeGreaterThan(0);
    expect(
      runnSpec.request(
        "GET",
        "/actuals/",
        q("minDate=2024-01-01&limit=500"),
        { "accept-version": "1.0.0" },
        undefined,
      ),
    ).toEqual([]);
  });
});
