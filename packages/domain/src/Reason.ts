/**
 * Reason codes: why the sync did not write something. Every skipped or held item in a run report and
 * in the store carries one (SPEC A4, A5, E8, E9, R7).
 */
import { Schema } from "effect";

/** Why an item was skipped or held. */
export const ReasonCode = Schema.Literal(
  "person_not_linked",
  "project_not_linked",
  "ambiguous_link",
  "unknown_role",
  "do_not_import",
  "possible_duplicate",
  "conflicting_link",
  "archived",
  "not_approved",
  "manual_edit_conflict",
  "negative_day_clamped",
  "malformed_record",
  "identity_only",
  "switched_off",
  "out_of_scope",
  "client_not_linked",
  "identity_unreadable",
  "no_role",
).annotations({ identifier: "ReasonCode" });
export type ReasonCode = typeof ReasonCode.Type;
