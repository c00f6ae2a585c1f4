/**
 * The records the tests serve are valid under our OpenAPI file (JSON Schema 2020-12, ajv), and
 * what the spec allows decodes into the domain models: the spec, the fixtures and the domain agree.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Harvest } from "@harvest-runn/domain";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as Fixtures from "./support/Fixtures.ts";

const specFile = resolve(dirname(fileURLToPath(import.meta.url)), "../../../openapi/harvest.yaml");
const ajv = new Ajv2020({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
ajv.addSchema({ ...parse(readFileSync(specFile, "utf8")), $id: "harvest" });

const valid = (schema: string, value: unknown) => {
  const validate = ajv.getSchema(`harvest#/components/schemas/${schema}`);
  if (validate === undefined) throw new Error(`no schema ${schema}`);
  const ok = validate(value);
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describe("fixtures against our OpenAPI file", () => {
  it.each([
    ["User", Fixtures.user(1), Harvest.User],
    ["Client", Fixtures.client(1), Harvest.Client],
    ["TimeEntry", Fixtures.timeEntry(1), Harvest.TimeEntry],
    ["Company", Fixtures.company(), Harvest.Company],
    ["Accounts", Fixtures.accounts(), Harvest.Accounts],
  ] as const)("%s is valid and decodes into the domain model", (name, value, model) => {
    expect(valid(name, value)).toEqual([]);
    expect(Schema.decodeUnknownEither(model as Schema.Schema<unknown, unknown>)(value)._tag).toBe("Right");
  });

  it("list envelopes of both pagination styles are valid", () => {
    expect(valid("UserPage", Fixtures.cursorPage("users", [Fixtures.user(1)], null))).toEqual([]);
    expect(
      valid("TimeEntryPage", Fixtures.numberedPage("time_entries", [Fixtures.timeEntry(1)], 1, 2)),
    ).toEqual([]);
  });

  it("rejects what Harvest never sends", () => {
    expect(valid("User", { ...Fixtures.user(1), email: null })).not.toEqual([]);
    expect(valid("TimeEntry", { ...Fixtures.timeEntry(1), approval_status: "rejected" })).not.toEqual([]);
    expect(valid("UserPage", { users: [], per_page: 2000 })).not.toEqual([]);
  });
});
