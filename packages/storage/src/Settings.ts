/**
 * Per-connection settings (SPEC C4, A2, A6, A8, A9, E5, E7, E8, R4, R8, R9). Stored as one JSON
 * document; decoding fills every missing field with its default, so a new setting never needs a
 * migration and `get` on a connection nobody configured returns the defaults.
 */
import { Schema } from "effect";

const withDefault = <S extends Schema.Schema.AnyNoContext>(schema: S, value: () => Schema.Schema.Type<S>) =>
  Schema.optionalWith(schema, { default: value, exact: true });

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

/** The three switches (SPEC C4); actuals start off. */
export const Switches = Schema.Struct({
  clientsAndProjects: withDefault(Schema.Boolean, () => true),
  people: withDefault(Schema.Boolean, () => true),
  actuals: withDefault(Schema.Boolean, () => false),
});

/** Rounding of Harvest hours into minutes (SPEC A2). */
export const Rounding = Schema.Struct({
  source: withDefault(Schema.Literal("hours", "rounded_hours"), () => "hours" as const),
  mode: withDefault(Schema.Literal("entry", "day"), () => "entry" as const),
});

/** When the daily run starts (SPEC R4): local time of day `HH:MM` in an IANA time zone. */
export const Schedule = Schema.Struct({
  enabled: withDefault(Schema.Boolean, () => true),
  timeOfDay: withDefault(Schema.String.pipe(Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/)), () => "02:00"),
  timeZone: withDefault(TimeZone, () => "UTC"),
});

/** All settings of one connection; every field has a default. */
export const Settings = Schema.Struct({
  switches: withDefault(Switches, () => ({ clientsAndProjects: true, people: true, actuals: false })),
  windowDays: withDefault(Schema.Int.pipe(Schema.between(1, 3660)), () => 45),
  rounding: withDefault(Rounding, () => ({ source: "hours" as const, mode: "entry" as const })),
  onPossibleDuplicate: withDefault(Schema.Literal("hold", "create", "link"), () => "hold" as const),
  onRemovedTime: withDefault(Schema.Literal("delete", "zero"), () => "delete" as const),
  protectManualEdits: withDefault(Schema.Boolean, () => false),
  approvedOnly: withDefault(Schema.Boolean, () => false),
  includeArchived: withDefault(Schema.Boolean, () => false),
  referenceName: withDefault(Schema.String.pipe(Schema.minLength(1)), () => "Harvest"),
  /** Harvest role name → Runn role name; overrides the one-role rule of SPEC E7. */
  roleMapping: withDefault(Schema.Record({ key: Schema.String, value: Schema.String }), () => ({})),
  schedule: withDefault(Schedule, () => ({ enabled: true, timeOfDay: "02:00", timeZone: "UTC" })),
  webhookUrl: withDefault(Schema.NullOr(Schema.String), () => null),
  /** Run items older than this many days are pruned (SPEC R9). */
  retentionDays: withDefault(Schema.Int.pipe(Schema.between(1, 36500)), () => 90),
}).annotations({ identifier: "Settings" });
export interface Settings extends Schema.Schema.Type<typeof Settings> {}

/** The settings of a connection nobody configured. */
export const defaults: Settings = Schema.decodeUnknownSync(Settings)({});

/** Decodes stored or user-supplied JSON into settings, filling defaults. */
export const decode = Schema.decodeUnknown(Settings);

/** Encodes settings into a JSON-safe object. */
export const encode = Schema.encode(Settings);
