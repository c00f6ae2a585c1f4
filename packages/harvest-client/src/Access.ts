/**
 * What a token's permission level means for the sync. Harvest answers non-administrators with 200
 * and silently partial lists, so the sync checks `me().access_roles` up front.
 */
import type { Harvest } from "@harvest-runn/domain";

/** A warning about a token that cannot see the whole account. */
export interface AccessWarning {
  readonly level: "manager" | "member";
  readonly message: string;
}

/** Undefined for an administrator; otherwise what the token will not see. */
export const accessWarning = (me: Harvest.Me): AccessWarning | undefined => {
  const roles = new Set(me.access_roles);
  if (roles.has("administrator")) return undefined;
  if (roles.has("manager")) {
    return {
      level: "manager",
      message:
        `The Harvest token belongs to ${me.first_name} ${me.last_name}, a manager: lists will be partial ` +
        "(only managed projects, their teammates and their time), and /roles and /company are refused. " +
        "Use a token of a Harvest administrator for a complete sync.",
    };
  }
  return {
    level: "member",
    message:
      `The Harvest token belongs to ${me.first_name} ${me.last_name}, a member: /users, /roles and /company ` +
      "are refused and time entries are only their own. Use a token of a Harvest administrator.",
  };
};
