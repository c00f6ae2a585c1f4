/** Runn actuals as plain JSON for the control API's state dump. */
import { actualJson } from "../runn/RunnJson.ts";
import type { RunnAccount } from "../runn/RunnModel.ts";

/** Every live actual (as JSON when `json`, else just the indices). */
export const actualJsonAll = (a: RunnAccount, json: boolean): unknown[] => {
  const out: unknown[] = [];
  for (let i = 0; i < a.actuals.size; i++) if (!a.actuals.deleted[i]) out.push(json ? actualJson(a, i) : i);
  return out;
};
