/** Builds the sandbox's world: N Harvest accounts, N Runn accounts and the ground truth of each pair. */

import { dayOf, isIsoDate } from "../Dates.ts";
import type { HarvestAccount } from "../harvest/HarvestModel.ts";
import { emptyRunnAccount, type RunnAccount } from "../runn/RunnModel.ts";
import { totalsOfWindow } from "./ActualsPlan.ts";
import { generateHarvest } from "./GenerateHarvest.ts";
import { generateRunnEntities } from "./GenerateRunn.ts";
import { planImport } from "./ImportPlan.ts";
import { isPresetName, type PresetName, presets } from "./Presets.ts";
import { hashString, Rng } from "./Random.ts";
import { seedActuals } from "./SeedActuals.ts";
import { computeTruth, type FirstImportTruth } from "./Truth.ts";

/** Inputs of the generator. */
export interface GenerateOptions {
  readonly seed: number;
  readonly preset: PresetName;
  /** The sandbox's today, `YYYY-MM-DD`. */
  readonly anchorDate: string;
  readonly accounts?: number;
  /** Pre-existing Runn data: "existing" (linked entities, look-alikes, actuals…) or "empty". */
  readonly runnData?: "empty" | "existing";
}

/** Everything the sandbox serves. */
export interface World {
  readonly seed: number;
  readonly preset: PresetName;
  readonly anchorDate: string;
  readonly anchorDay: number;
  /** Epoch seconds of "now" on the anchor day (18:00 UTC). */
  readonly anchorInstant: number;
  readonly runnData: "empty" | "existing";
  readonly harvest: HarvestAccount[];
  readonly runn: RunnAccount[];
  /** Ground truth of each account's first import, recorded at generation. */
  readonly truth: FirstImportTruth[];
}

/** Generates a world deterministically: same options, same bytes. */
export const generate = (options: GenerateOptions): World => {
  if (!isPresetName(options.preset)) throw new Error(`unknown preset ${options.preset}`);
  if (!isIsoDate(options.anchorDate))
    throw new Error(`anchorDate must be YYYY-MM-DD, got ${options.anchorDate}`);
  const preset = presets[options.preset];
  const anchorDay = dayOf(options.anchorDate);
  const anchorInstant = anchorDay * 86_400 + 18 * 3600;
  const runnData = options.runnData ?? (preset.existingRunnByDefault ? "existing" : "empty");
  const harvest: HarvestAccount[] = [];
  const runn: RunnAccount[] = [];
  const truth: FirstImportTruth[] = [];
  const count = Math.max(1, Math.floor(options.accounts ?? 1));
  for (let index = 0; index < count; index++) {
    const accountSeed = hashString(`${options.seed}:${index}`);
    const rng = new Rng(accountSeed);
    const h = generateHarvest({
      rng: rng.fork(1),
      preset,
      seed: options.seed,
      index,
      anchorDay,
      anchorInstant,
    });
    const token = `runn_live_${hashString(`${options.seed}:runn:${index}`).toString(16).padStart(8, "0")}${hashString(`runn:${index}:${options.seed}`).toString(16).padStart(8, "0")}`;
    const readOnlyToken = `runn_read_${hashString(`${options.seed}:runn-read:${index}`).toString(16).padStart(8, "0")}`;
    const r = emptyRunnAccount(
      token,
      `Sandbox Runn ${index + 1}`,
      runnData === "existing" ? preset.runnActuals : 64,
      readOnlyToken,
    );
    let totals: ReturnType<typeof totalsOfWindow> | undefined;
    let existingOf: Int32Array | undefined;
    const info = runnData === "existing" ? generateRunnEntities(rng.fork(2), h, r, anchorInstant) : null;
    const plan = planImport(h, r);
    if (info) {
      totals = totalsOfWindow(h, plan, anchorDay, anchorInstant);
      existingOf = seedActuals(
        rng.fork(3),
        r,
        totals,
        info,
        plan.primaryRole,
        preset.runnActuals,
        anchorInstant,
      );
    }
    r.version = 0;
    truth.push(computeTruth(h, r, plan, anchorDay, anchorInstant, totals, existingOf));
    harvest.push(h);
    runn.push(r);
  }
  return {
    seed: options.seed,
    preset: options.preset,
    anchorDate: options.anchorDate,
    anchorDay,
    anchorInstant,
    runnData,
    harvest,
    runn,
    truth,
  };
};
