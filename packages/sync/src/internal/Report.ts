/**
 * Turns a plan into run items: its report (skipped, held, conflicts, malformed records) as the items a
 * run records without writing, and its operations as `planned` items for a dry run (SPEC R1, R2).
 */
import type { Plan } from "@harvest-runn/domain";
import type { RunItem } from "../Output.ts";
import { item } from "./Items.ts";

/** Reasons that hold an item until a user acts, rather than skip it (SPEC A5, E8, E9, A8). */
const holding = new Set<string>([
  "unknown_role",
  "possible_duplicate",
  "conflicting_link",
  "manual_edit_conflict",
  "ambiguous_link",
  "identity_unreadable",
]);

const mins = (m: { billableMinutes: number; nonbillableMinutes: number }) =>
  `${m.billableMinutes}+${m.nonbillableMinutes} min`;

const reportItem = (r: Plan.ReportItem): RunItem => {
  switch (r._tag) {
    case "Skipped":
      return item({
        kind: "actual",
        outcome: holding.has(r.reason) ? "held" : "skipped",
        harvestId: r.harvestUserId,
        label: `user ${r.harvestUserId} · project ${r.harvestProjectId} · ${r.date} (${r.entryCount} entries, ${r.minutes} min)`,
        reason: r.reason,
      });
    case "PossibleDuplicate":
      return item({
        kind: r.kind,
        outcome: r.outcome === "held" ? "held" : r.outcome === "linked" ? "linked" : "created",
        harvestId: r.harvestId,
        runnId: r.suggestions[0]?.runnId ?? null,
        label: r.name,
        reason: "possible_duplicate",
      });
    case "ConflictingLink":
      return item({
        kind: r.kind,
        outcome: "held",
        harvestId: r.harvestId,
        label: `Runn ${r.kind}s ${r.runnIds.join(", ")} carry the same Harvest id`,
        reason: "conflicting_link",
      });
    case "ManualEditConflict":
      return item({
        kind: "actual",
        outcome: "held",
        label: `${r.key.personId}:${r.key.projectId}:${r.key.roleId}:${r.key.date} written ${mins(r.written)}, in Runn ${r.inRunn === null ? "none" : mins(r.inRunn)}`,
        reason: "manual_edit_conflict",
      });
    case "NegativeDayClamped":
      return item({
        kind: "actual",
        outcome: "skipped",
        label: `${r.person}:${r.project}:${r.role}:${r.date} below zero (${mins(r)}), written as 0`,
        reason: "negative_day_clamped",
      });
    case "Held":
      return item({
        kind: r.kind,
        outcome: holding.has(r.reason) ? "held" : "skipped",
        harvestId: r.harvestId,
        label: r.detail,
        reason: r.reason,
      });
    case "Malformed":
      return item({
        kind: r.record.resource.includes("time") || r.record.resource.includes("actual") ? "actual" : "link",
        outcome: "skipped",
        harvestId: typeof r.record.id === "number" && r.record.source === "harvest" ? r.record.id : null,
        label: `${r.record.source} ${r.record.resource} ${r.record.id ?? "?"}`,
        reason: "malformed_record",
        error: `${r.record.path}: ${r.record.message}`,
      });
  }
};

/** The items of a plan's report. */
export const reportItems = (report: ReadonlyArray<Plan.ReportItem>): Array<RunItem> => report.map(reportItem);

const plannedItem = (op: Plan.Operation): Array<RunItem> => {
  switch (op._tag) {
    case "CreateRole":
      return [item({ kind: "role", outcome: "planned", label: `create role ${op.name}` })];
    case "CreateClient":
      return [
        item({ kind: "client", outcome: "planned", harvestId: op.harvestId, label: `create ${op.name}` }),
      ];
    case "CreateProject":
      return [
        item({ kind: "project", outcome: "planned", harvestId: op.harvestId, label: `create ${op.name}` }),
      ];
    case "CreatePerson":
      return [
        item({
          kind: "person",
          outcome: "planned",
          harvestId: op.harvestId,
          label: `create ${op.firstName} ${op.lastName}`,
        }),
      ];
    case "LinkEntity":
      return [
        item({
          kind: "link",
          outcome: "planned",
          harvestId: op.harvestId,
          runnId: op.runnId,
          label: `link ${op.kind} ${op.runnId}`,
        }),
      ];
    case "UpsertActual":
      return [
        item({
          kind: "actual",
          outcome: "planned",
          label: `write ${op.personId}:${op.projectId}:${op.roleId}:${op.date} ${mins(op)}`,
        }),
      ];
    case "RemoveActual":
      return [
        item({
          kind: "actual",
          outcome: "planned",
          runnId: op.runnActualId,
          label: `${op.mode === "delete" ? "delete" : "zero"} ${op.key.personId}:${op.key.projectId}:${op.key.roleId}:${op.key.date}`,
        }),
      ];
    case "RecordLedger":
    case "ForgetLedger":
      return [];
  }
};

/** The `planned` items of a plan's Runn writes, for a dry run. */
export const plannedItems = (operations: ReadonlyArray<Plan.Operation>): Array<RunItem> =>
  operations.flatMap(plannedItem);
