/** Scale presets of the generator: how many of each Harvest record, and the Runn data that may pre-exist. */

/** Name of a preset. */
export type PresetName = "tiny" | "small" | "large" | "xl";

/** The sizes one preset generates. */
export interface Preset {
  readonly name: PresetName;
  readonly users: number;
  readonly clients: number;
  readonly projects: number;
  readonly tasks: number;
  readonly roles: number;
  readonly entries: number;
  /** Spent dates span this many days ending at the anchor date. */
  readonly spanDays: number;
  /** Projects each active user is assigned to: [min, max]. */
  readonly assignmentsPerUser: readonly [number, number];
  /** Runn actuals generated when pre-existing Runn data is on. */
  readonly runnActuals: number;
  /** Whether pre-existing Runn data is on unless the caller says otherwise. */
  readonly existingRunnByDefault: boolean;
}

/** Every preset, by name. */
export const presets: Readonly<Record<PresetName, Preset>> = {
  tiny: {
    name: "tiny",
    users: 12,
    clients: 12,
    projects: 12,
    tasks: 6,
    roles: 6,
    entries: 120,
    spanDays: 30,
    assignmentsPerUser: [2, 3],
    runnActuals: 12,
    existingRunnByDefault: false,
  },
  small: {
    name: "small",
    users: 200,
    clients: 40,
    projects: 400,
    tasks: 20,
    roles: 12,
    entries: 20_000,
    spanDays: 730,
    assignmentsPerUser: [3, 6],
    runnActuals: 2_000,
    existingRunnByDefault: false,
  },
  large: {
    name: "large",
    users: 2_000,
    clients: 400,
    projects: 4_000,
    tasks: 40,
    roles: 16,
    entries: 200_000,
    spanDays: 730,
    assignmentsPerUser: [3, 6],
    runnActuals: 20_000,
    existingRunnByDefault: false,
  },
  xl: {
    name: "xl",
    users: 25_000,
    clients: 5_000,
    projects: 50_000,
    tasks: 60,
    roles: 20,
    entries: 1_000_000,
    spanDays: 45,
    assignmentsPerUser: [3, 6],
    runnActuals: 400_000,
    existingRunnByDefault: true,
  },
};

/** True when `name` is a preset name. */
export const isPresetName = (name: string): name is PresetName => name in presets;

/** The default actuals window of the sync (SPEC A6): spent dates in the last 45 days. */
export const WINDOW_DAYS = 45;
