/** Small helpers shared by the apply phases: run items. */
import type { RunItem } from "../Output.ts";

/** Builds a run item with nulls for what it does not name. */
export const item = (i: Partial<RunItem> & Pick<RunItem, "kind" | "outcome" | "label">): RunItem => ({
  harvestId: null,
  runnId: null,
  reason: null,
  error: null,
  ...i,
});
