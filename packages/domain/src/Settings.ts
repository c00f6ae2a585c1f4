/**
 * Per-connection settings (SPEC C4, A2, A6, A8, A9, E5, E7, E8, R4, R8, R9): one schema and one table
 * of defaults. The store keeps them as one JSON document that decodes with every missing field (nested
 * ones too) filled from `defaults`, so a new setting never needs a migration. The reconcile options
 * take the policy part (`Policy`, `policyOf`) of the same schema, so the two cannot disagree.
 */
import { Schema, Struct } from "effect";

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone name such as `Europe/Paris`. */
export const TimeZone = Schema.String.pipe(
  Schema.filter(isTimeZone, { message: () => "an IANA time zone name" }),
  Schema.annotations({ identifier: "TimeZone" }),
);

/** The three per-connection switches (SPEC C4). */
export const Switches = Schema.Struct({
  clientsAndProjects: Schema.Boolean,
  people: Schema.Boolean,
  actuals: Schema.Boolean,
}).annotations({ identifier: "Switches" });
export interface Switches extends Schema.Schema.Type<typeof Switches> {}

/** Rounding policy (SPEC A2): which Harvest field, rounded per entry or per day total. */
export const Rounding = Schema.Struct({
  source: Schema.Literal("hours", "rounded_hours"),
  mode: Schema.Literal("entry", "day"),
}).annotations({ identifier: "Rounding" });
export interface Rounding extends Schema.Schema.Type<typeof Rounding> {}

/** When the daily run starts (SPEC R4): local time of day `HH:MM` in an IANA time zone. */
export const Schedule = Schema.Struct({
  enabled: Schema.Boolean,
  timeOfDay: Schema.String.pipe(Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/)),
  timeZone: TimeZone,
}).annotations({ identifier: "Schedule" });
export interface Schedule extends Schema.Schema.Type<typeof Schedule> {}

/**
 * Days of the window every run recomputes (SPEC A6): at least one; days older than ten years are a
 * backfill's job (a backfill recomputes every day from a given date), not a window's.
 */
export const WindowDays = Schema.Int.pipe(
  Schema.between(1, 3660),
  Schema.annotations({ identifier: "WindowDays" }),
);

/** Every setting of a connection, each one required. */
export const Complete = Schema.Struct({
  switches: Switches,
  windowDays: WindowDays,
  rounding: Rounding,
  onPossibleDuplicate: Schema.Literal("hold", "create", "link"),
  onRemovedTime: Schema.Literal("delete", "zero"),
  protectManualEdits: Schema.Boolean,
  approvedOnly: Schema.Boolean,
  includeArchived: Schema.Boolean,
  referenceName: Schema.String.pipe(Schema.minLength(1)),
  /** Harvest role name → Runn role name; overrides the one-role rule of SPEC E7. */
  roleMapping: Schema.Record({ key: Schema.String, value: Schema.String }),
  schedule: Schedule,
  webhookUrl: Schema.NullOr(Schema.String),
  /** Run items older than this many days are pruned (SPEC R9). */
  retentionDays: Schema.Int.pipe(Schema.between(1, 36500)),
}).annotations({ identifier: "CompleteSettings" });
export interface Settings extends Schema.Schema.Type<typeof Complete> {}

/** The settings of a connection nobody configured: the one table of defaults (SPEC C4, A6, E5, R4, R9). */
export const defaults: Settings = {
  switches: { clientsAndProjects: true, people: true, actuals: false },
  windowDays: 45,
  rounding: { source: "hours", mode: "entry" },
  onPossibleDuplicate: "hold",
  onRemovedTime: "delete",
  protectManualEdits: false,
  approvedOnly: false,
  includeArchived: false,
  referenceName: "Harvest",
  roleMapping: {},
  schedule: { enabled: true, timeOfDay: "02:00", timeZone: "UTC" },
  webhookUrl: null,
  retentionDays: 90,
};

type Defaulted<F extends Record<string, Schema.Schema.AnyNoContext>> = {
  readonly [K in keyof F]: Schema.optionalWith<
    F[K],
    { default: () => Schema.Schema.Type<F[K]>; exact: true }
  >;
};

/** Makes every field optional on decode, taking its value from `table` when missing. */
const defaulted = <F extends Record<string, Schema.Schema.AnyNoContext>>(
  fields: F,
  table: { readonly [K in keyof F]: Schema.Schema.Type<F[K]> },
): Defaulted<F> =>
  Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [
      key,
      Schema.optionalWith(schema, { default: () => table[key], exact: true }),
    ]),
  ) as Defaulted<F>;

/** All settings of one connection as stored: every field, nested ones too, defaults from `defaults`. */
export const Settings = Schema.Struct(
  defaulted(
    {
      ...Complete.fields,
      switches: Schema.Struct(defaulted(Switches.fields, defaults.switches)),
      rounding: Schema.Struct(defaulted(Rounding.fields, defaults.rounding)),
      schedule: Schema.Struct(defaulted(Schedule.fields, defaults.schedule)),
    },
    defaults,
  ),
).annotations({ identifier: "Settings" });

/** The settings `reconcile` reads (the rest drive the scheduler, notifications and pruning). */
export const policyKeys = [
  "windowDays",
  "switches",
  "referenceName",
  "rounding",
  "onPossibleDuplicate",
  "onRemovedTime",
  "roleMapping",
  "includeArchived",
  "protectManualEdits",
  "approvedOnly",
] as const satisfies ReadonlyArray<keyof Settings>;

/** The policy part of the settings, each field required. */
export const Policy = Complete.pick(...policyKeys).annotations({ identifier: "Policy" });
export interface Policy extends Schema.Schema.Type<typeof Policy> {}

/** The policy part of some settings (stored ones, or those a plan recorded). */
export const policyOf = (settings: Policy): Policy => Struct.pick(settings, ...policyKeys);

/** Decodes stored or user-supplied JSON into settings, filling defaults. */
export const decode = Schema.decodeUnknown(Settings);

/** Encodes settings into a JSON-safe object. */
export const encode = Schema.encode(Settings);
