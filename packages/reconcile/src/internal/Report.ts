/** Deterministic order of report items, so shuffled snapshots give the same plan. */
import type { Plan } from "@harvest-runn/domain";

const tags: Record<Plan.ReportItem["_tag"], number> = {
  ConflictingLink: 0,
  PossibleDuplicate: 1,
  Held: 2,
  ManualEditConflict: 3,
  NegativeDayClamped: 4,
  Skipped: 5,
  Malformed: 6,
};

const pad = (n: number | string) => String(n).padStart(16, "0");

const sortKey = (item: Plan.ReportItem): string => {
  switch (item._tag) {
    case "ConflictingLink":
    case "PossibleDuplicate":
      return `${item.kind}|${pad(item.harvestId)}`;
    case "Held":
      return `${item.kind}|${pad(item.harvestId ?? -1)}|${item.reason}`;
    case "ManualEditConflict":
      return `${pad(item.key.personId)}|${pad(item.key.projectId)}|${pad(item.key.roleId)}|${item.key.date}`;
    case "NegativeDayClamped":
      return `${pad(item.person)}|${pad(item.project)}|${pad(item.role)}|${item.date}`;
    case "Skipped":
      return `${item.reason}|${pad(item.harvestUserId)}|${pad(item.harvestProjectId)}|${item.date}`;
    case "Malformed":
      return `${item.record.source}|${item.record.resource}|${item.record.id}|${item.record.path}|${item.record.message}`;
  }
};

/** Sorts report items by kind, then by their identifying fields. */
export const sortReport = (items: ReadonlyArray<Plan.ReportItem>): Array<Plan.ReportItem> =>
  items
    .map((item) => ({ item, key: `${tags[item._tag]}|${sortKey(item)}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
