/** The ground truth a correct first import must reproduce, recorded when the data is generated. */

import { isoDay, isoSeconds } from "../Dates.ts";
import type { HarvestAccount } from "../harvest/HarvestModel.ts";
import { REFERENCE_NAME, type RunnAccount } from "../runn/RunnModel.ts";
import { totalsOfWindow, type WindowTotals } from "./ActualsPlan.ts";
import type { ImportPlan, Kind } from "./ImportPlan.ts";
import { WINDOW_DAYS } from "./Presets.ts";

/** Ground truth of one account's first import under default options. */
export interface FirstImportTruth {
  readonly referenceName: string;
  readonly assumptions: {
    readonly includeArchived: false;
    readonly onPossibleDuplicate: "hold";
    readonly window: { readonly days: number; readonly from: string; readonly to: string };
    readonly rounding: "per entry, nearest minute, field hours";
    readonly runningTimersAt: string;
  };
  readonly create: { clients: number; projects: number; people: number; roles: number };
  readonly createdRoleNames: ReadonlyArray<string>;
  /** Harvest user ids of people the import creates with the role "Unknown" (E7). */
  readonly unknownRolePeople: ReadonlyArray<number>;
  readonly alreadyLinked: Readonly<Record<Kind, number>>;
  /** Archived Harvest records left out by default (E5). */
  readonly notImported: Readonly<Record<Kind, number>>;
  /** Harvest ids held, by reason and kind (E8, E9). */
  readonly holds: {
    readonly possible_duplicate: Readonly<Record<Kind, ReadonlyArray<number>>>;
    readonly conflicting_link: Readonly<Record<Kind, ReadonlyArray<number>>>;
  };
  readonly actuals: {
    readonly entriesInWindow: number;
    /** Keys (person, project, role, day) computed and not held. */
    readonly keys: number;
    /** Keys whose Runn value differs (these are written, in ⌈writes / 100⌉ bulk requests). */
    readonly writes: number;
    readonly unchanged: number;
    readonly billableMinutes: number;
    readonly nonbillableMinutes: number;
    readonly negativeDaysClamped: number;
    readonly heldKeys: { readonly unknown_role: number };
    readonly heldEntries: { readonly unknown_role: number };
    readonly skippedEntries: {
      readonly person_not_linked: number;
      readonly project_not_linked: number;
      readonly ambiguous_link: number;
      readonly possible_duplicate: number;
    };
  };
}

/** Computes the truth from the generated state. */
export const computeTruth = (
  harvest: HarvestAccount,
  runn: RunnAccount,
  plan: ImportPlan,
  anchorDay: number,
  nowSeconds: number,
  computed?: WindowTotals,
  /** Per window key, the index of the Runn actual already on it (from seeding), instead of lookups. */
  existingOf?: Int32Array,
): FirstImportTruth => {
  const totals = computed ?? totalsOfWindow(harvest, plan, anchorDay, nowSeconds);
  let keys = 0;
  let writes = 0;
  let held = 0;
  let billable = 0;
  let nonbillable = 0;
  let clamped = 0;
  for (let k = 0; k < totals.user.length; k++) {
    if (totals.held[k]) {
      held++;
      continue;
    }
    keys++;
    const rawB = totals.billable[k] as number;
    const rawN = totals.nonbillable[k] as number;
    if (rawB < 0 || rawN < 0) clamped++;
    const b = Math.max(0, rawB);
    const n = Math.max(0, rawN);
    billable += b;
    nonbillable += n;
    const person = totals.person[k] as number;
    const project = totals.runnProject[k] as number;
    const role = totals.role[k] as number;
    const known = existingOf ? (existingOf[k] as number) : null;
    const existing =
      known !== null
        ? known < 0
          ? null
          : known
        : person > 0 && project > 0 && role > 0 && runn.actuals.size > 0
          ? runn.actuals.find(totals.day[k] as number, person, project, role, -1)
          : null;
    const same =
      existing !== null && runn.actuals.billable[existing] === b && runn.actuals.nonbillable[existing] === n;
    if (!same) writes++;
  }
  return {
    referenceName: REFERENCE_NAME,
    assumptions: {
      includeArchived: false,
      onPossibleDuplicate: "hold",
      window: { days: WINDOW_DAYS, from: isoDay(totals.windowStart), to: isoDay(anchorDay) },
      rounding: "per entry, nearest minute, field hours",
      runningTimersAt: isoSeconds(nowSeconds),
    },
    create: plan.create,
    createdRoleNames: plan.createdRoleNames,
    unknownRolePeople: plan.unknownRolePeople,
    alreadyLinked: plan.alreadyLinked,
    notImported: plan.notImported,
    holds: plan.holds,
    actuals: {
      entriesInWindow: totals.entriesInWindow,
      keys,
      writes,
      unchanged: keys - writes,
      billableMinutes: billable,
      nonbillableMinutes: nonbillable,
      negativeDaysClamped: clamped,
      heldKeys: { unknown_role: held },
      heldEntries: totals.heldEntries,
      skippedEntries: totals.skippedEntries,
    },
  };
};
