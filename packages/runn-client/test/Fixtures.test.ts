/**
 * The records the msw handlers answer with are shaped as `openapi/runn.yaml` describes Runn's
 * answers, so the client is tested against what Runn sends (every required field, nulls where Runn
 * has them), not against a thinner stand-in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ids } from "@harvest-runn/domain";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as F from "./support/Fixtures.ts";

const file = fileURLToPath(new URL("../../../openapi/runn.yaml", import.meta.url));
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
ajv.addFormat("date", { type: "string", validate: Ids.isIsoDate });
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat("url", /^https?:\/\/\S+$/);
ajv.addSchema({ ...(parse(readFileSync(file, "utf8")) as object), $id: "runn.yaml" });

/** The validation errors of `value` against one of the file's component schemas. */
const errors = (schema: string, value: unknown) => {
  const validate = ajv.compile({ $ref: `runn.yaml#/components/schemas/${schema}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describe("msw fixtures", () => {
  it.each([
    ["Client", F.client(1, [F.ref("Harvest", "7")])],
    ["Project", F.project(2)],
    ["ListedPerson", F.person(3)],
    ["Person", F.personRecord(3)],
    ["Role", F.role(4)],
    ["Actual", F.actual(5)],
    ["UnauthorizedError", F.errorBody(401, "Unauthorized", "Unauthorized")],
    ["NotFoundError", F.errorBody(404, "Not Found", "Person 9 not found")],
  ])("%s validates against runn.yaml", (schema, value) => {
    expect(errors(schema, value)).toEqual([]);
  });

  it("the check fails on what Runn would not send", () => {
    const { tags: _, ...untagged } = F.project(2);
    expect(errors("Project", untagged)).toEqual([" must have required property 'tags'"]);
    expect(errors("Person", F.person(3)).length).toBe(3);
    expect(errors("UnauthorizedError", F.errorBody(401, "Unauthorized", "token expired"))).not.toEqual([]);
  });
});
