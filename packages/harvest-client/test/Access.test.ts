import { Harvest } from "@harvest-runn/domain";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { HarvestClient } from "../src/index.ts";
import * as Fixtures from "./support/Fixtures.ts";

const me = (accessRoles: ReadonlyArray<string>) =>
  Schema.decodeUnknownSync(Harvest.Me)(Fixtures.user(1, { access_roles: accessRoles }));

describe("accessWarning", () => {
  it("says nothing for an administrator", () => {
    expect(HarvestClient.accessWarning(me(["administrator"]))).toBeUndefined();
  });

  it("flags a manager's lists as partial", () => {
    const warning = HarvestClient.accessWarning(me(["manager", "project_creator"]));
    expect(warning?.level).toBe("manager");
    expect(warning?.message).toMatch(/partial/);
    expect(warning?.message).toMatch(/administrator/);
  });

  it("flags a member as unable to read users and roles", () => {
    const warning = HarvestClient.accessWarning(me(["member"]));
    expect(warning?.level).toBe("member");
    expect(warning?.message).toMatch(/\/users, \/roles/);
  });
});
