/**
 * Runn's "autofill missing actuals" account setting: every Sunday Runn writes a zero actual for each
 * working day of the week before on which a person was assigned to a project and logged nothing. The
 * zeros carry the assignment's role, no workstream and no phase.
 */
import { dayOf, weekday } from "../Dates.ts";
import type { RunnAccount } from "./RunnModel.ts";

/** The last Sunday (day number) each account has been autofilled through. */
const filledThrough = new WeakMap<RunnAccount, number>();

/** The most recent Sunday on or before `day`. */
const sundayOnOrBefore = (day: number): number => day - weekday(day);

/**
 * Writes the zeros of every Sunday after the last one handled, up to `today` (a Sunday counts from its
 * start). The first call only records where the account stands, so the generated data stays as it is.
 * Returns how many zero actuals it wrote.
 */
export const autofillActuals = (a: RunnAccount, today: number, stamp: () => number): number => {
  const sunday = sundayOnOrBefore(today);
  const last = filledThrough.get(a);
  filledThrough.set(a, sunday);
  if (last === undefined || sunday <= last) return 0;
  let written = 0;
  for (let s = last + 7; s <= sunday; s += 7) {
    const at = stamp();
    for (const asg of a.assignments.values()) {
      if (asg.isPlaceholder || asg.isTemplate || asg.isNonWorkingDay) continue;
      const from = Math.max(dayOf(asg.startDate), s - 7);
      const to = Math.min(dayOf(asg.endDate), s - 1);
      for (let day = from; day <= to; day++) {
        const wd = weekday(day);
        if (wd === 0 || wd === 6) continue;
        if (!a.people.has(asg.personId) || !a.projects.has(asg.projectId)) continue;
        if (a.actuals.find(day, asg.personId, asg.projectId, asg.roleId, -1) !== null) continue;
        a.actuals.push({
          id: a.nextId.actual++,
          day,
          person: asg.personId,
          project: asg.projectId,
          role: asg.roleId,
          workstream: -1,
          phase: -1,
          billable: 0,
          nonbillable: 0,
          at,
        });
        written++;
      }
    }
  }
  return written;
};
