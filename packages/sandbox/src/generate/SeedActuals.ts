/**
 * Pre-existing Runn actuals: a previous sync's output (most equal to what the next run computes, some
 * stale), manual actuals on days without Harvest time, foreign actuals carrying a workstream, and
 * history before the window, up to exactly the preset's count.
 */

import type { RunnAccount } from "../runn/RunnModel.ts";
import type { WindowTotals } from "./ActualsPlan.ts";
import type { RunnSeedInfo } from "./GenerateRunn.ts";
import { pairKey } from "./ImportPlan.ts";
import type { Rng } from "./Random.ts";

/**
 * Adds up to `target` actuals to `runn` (keys are unique by construction, so no lookups) and returns,
 * per window key of `totals`, the index of the actual seeded on it (or -1).
 */
export const seedActuals = (
  rng: Rng,
  runn: RunnAccount,
  totals: WindowTotals,
  info: RunnSeedInfo,
  primaryRole: Map<number, number>,
  target: number,
  anchorInstant: number,
): Int32Array => {
  const store = runn.actuals;
  const existing = new Int32Array(totals.user.length).fill(-1);
  const at = anchorInstant - 30 * 86_400;
  const add = (
    day: number,
    person: number,
    project: number,
    role: number,
    workstream: number,
    b: number,
    n: number,
  ) => {
    if (store.size >= target) return -1;
    return store.push({
      id: runn.nextId.actual++,
      day,
      person,
      project,
      role,
      workstream,
      phase: -1,
      billable: b,
      nonbillable: n,
      at: at + 3 * store.size,
    });
  };
  const bases: Array<[number, number, number]> = [];
  const seen = new Set<number>();
  for (let k = 0; k < totals.user.length && store.size < target; k++) {
    const person = totals.person[k] as number;
    const project = totals.runnProject[k] as number;
    const role = totals.role[k] as number;
    if (totals.held[k] || person <= 0 || project <= 0 || role <= 0) continue;
    if (bases.length < 50_000 && !seen.has(pairKey(person, project))) {
      seen.add(pairKey(person, project));
      bases.push([person, project, role]);
    }
    const b = Math.max(0, totals.billable[k] as number);
    const n = Math.max(0, totals.nonbillable[k] as number);
    const roll = rng.next();
    if (roll < 0.6) existing[k] = add(totals.day[k] as number, person, project, role, -1, b, n);
    else if (roll < 0.8) existing[k] = add(totals.day[k] as number, person, project, role, -1, b + 15, n);
    if (roll > 0.97) add(totals.day[k] as number, person, project, role, 1, 60, 0);
  }
  if (bases.length === 0)
    for (const [, person] of info.personOfUser)
      for (const [, project] of info.projectOfProject) {
        if (bases.length >= 20) break;
        bases.push([person, project, primaryRole.get(person) ?? 0]);
      }
  if (bases.length === 0) return existing;
  // Manual actuals inside the window on days the sync computes nothing for, then history before it.
  for (let j = 0; j < Math.min(bases.length, 20) && store.size < target; j++) {
    const [person, project, role] = bases[j] as [number, number, number];
    const day = totals.windowStart + rng.int(44);
    let free = true;
    for (let k = 0; k < totals.user.length && free; k++)
      if (totals.person[k] === person && totals.runnProject[k] === project && totals.day[k] === day)
        free = false;
    if (free) add(day, person, project, role, -1, 0, 120);
  }
  const limit = target * 3;
  for (let j = 0; store.size < target && j < limit; j++) {
    const [person, project, role] = bases[j % bases.length] as [number, number, number];
    const day = totals.windowStart - 2 - Math.floor(j / bases.length);
    add(day, person, project, role, -1, 60 * (1 + (j % 8)), j % 5 === 0 ? 30 : 0);
  }
  store.version = 0;
  return existing;
};
