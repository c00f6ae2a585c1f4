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

/** A reason code in plain words, for people: what happened, and what to do about it (empty when nothing). */
export interface Text {
  readonly label: string;
  readonly action: string;
}

/**
 * The one table of plain-word texts for every reason code, shared by every host (CLI, pages), so that
 * nobody reading a run sees a raw code.
 */
export const texts: { readonly [code in ReasonCode]: Text } = {
  person_not_linked: {
    label: "Person not in Runn",
    action: "Import people, or link the Runn person to the Harvest user.",
  },
  project_not_linked: {
    label: "Project not in Runn",
    action: "Import clients and projects, or link the Runn project to the Harvest project.",
  },
  ambiguous_link: {
    label: "Linked to several Runn records",
    action: "Unlink all but one of the Runn records that carry this Harvest id.",
  },
  unknown_role: {
    label: "Role is Unknown",
    action: "Give the person a role in Runn (or map their Harvest role in settings); their time then syncs.",
  },
  do_not_import: {
    label: "On the do-not-import list",
    action: "Allow import again if it should be imported.",
  },
  possible_duplicate: {
    label: "Possible duplicate",
    action: "Link it to the Runn record with the same name or email, or ignore it.",
  },
  conflicting_link: {
    label: "Two Runn records claim it",
    action: "Unlink one of the Runn records that carry this Harvest id.",
  },
  archived: { label: "Archived", action: "" },
  not_approved: {
    label: "Not approved in Harvest",
    action: "Approve the timesheet, or turn off approved-only.",
  },
  manual_edit_conflict: {
    label: "Edited in Runn by hand",
    action: "Keep the Runn value, or turn off manual-edit protection to let the sync overwrite it.",
  },
  negative_day_clamped: { label: "Negative day total written as zero", action: "" },
  malformed_record: { label: "Unreadable record", action: "Fix the record's field named in the detail." },
  identity_only: { label: "Readable only by its id", action: "" },
  switched_off: { label: "Switched off", action: "Turn the switch on in settings to sync it." },
  out_of_scope: { label: "Outside this run's scope", action: "" },
  client_not_linked: {
    label: "Client not in Runn",
    action: "Import clients and projects, or link the Runn client to the Harvest client.",
  },
  identity_unreadable: {
    label: "Runn records unreadable",
    action: "Some Runn records could not be read; creates of that kind wait until they can.",
  },
  no_role: { label: "Person has no role", action: "Give the person a role in Runn." },
};

/** The plain-word label of a reason code. */
export const labelOf = (code: ReasonCode): string => texts[code].label;
