/**
 * Runn's "autofill missing actuals" account setting: every Sunday Runn writes a zero actual for each
 * working day of the week before on which a person was assigned to a project and had no actual on it.
 * The zeros carry the assignment's role, no workstream and no phase.
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
    // A day "has an actual" for a person and project whatever its role or workstream.
    const logged = new Set<string>();
    const st = a.actuals;
    for (let i = 0; i < st.size; i++)
      if (!st.deleted[i] && st.day[i]! >= s - 7 && st.day[i]! < s)
        logged.add(`${st.day[i]}|${st.person[i]}|${st.project[i]}`);
    for (const asg of a.assignments.values()) {
      if (asg.isPlaceholder || asg.isTemplate || asg.isNonWorkingDay) continue;
      const from = Math.max(dayOf(asg.startDate), s - 7);
      const to = Math.min(dayOf(asg.endDate), s - 1);
      for (let day = from; day <= to; day++) {
        const wd = weekday(day);
        if (wd === 0 || wd === 6) continue;
        if (!a.people.has(asg.personId) || !a.projects.has(asg.projectId)) continue;
        const slot = `${day}|${asg.personId}|${asg.projectId}`;
        if (logged.has(slot)) continue;
        logged.add(slot);
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
