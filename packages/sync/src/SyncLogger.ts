/**
 * Where the library's log lines go. Nothing is written to stdout: by default warnings and errors go to
 * stderr, one line each; a service passes its own `logger` (and `logLevel`) to route them into its
 * logger. The Promise facade installs this itself (`createSync({ logger, logLevel })`); Effect programs
 * provide `SyncLogger.layer(options)`.
 *
 * @example
 * const sync = createSync({ logger: (e) => pino[e.level === "warning" ? "warn" : e.level](e.fields, e.message) });
 * const program = myProgram.pipe(Effect.provide(SyncLogger.layer({ logLevel: "info" })));
 */
import { Cause, HashMap, Layer, Logger, LogLevel } from "effect";

/** How severe a line is. */
export type Level = "debug" | "info" | "warning" | "error";

/** One log line: its level, its text, and the structured fields (run and connection ids, details). */
export interface LogEntry {
  readonly level: Level;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly time: Date;
}

/** Where lines go and from which level on. */
export interface Options {
  /** Receives every line at or above `logLevel`; default: one line per entry on stderr. */
  readonly logger?: (entry: LogEntry) => void;
  /** The lowest level written; `"none"` silences the library. Default `"warning"`. */
  readonly logLevel?: Level | "none";
}

const levels: Record<Level | "none", LogLevel.LogLevel> = {
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warning: LogLevel.Warning,
  error: LogLevel.Error,
  none: LogLevel.None,
};

const levelOf = (l: LogLevel.LogLevel): Level =>
  l._tag === "Trace" || l._tag === "Debug"
    ? "debug"
    : l._tag === "Info"
      ? "info"
      : l._tag === "Warning"
        ? "warning"
        : "error";

/** The default sink: `harvest-runn WARN message key=value …` on stderr. */
export const stderr = (entry: LogEntry): void => {
  const fields = Object.entries(entry.fields).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`);
  process.stderr.write(`harvest-runn ${entry.level.toUpperCase()} ${entry.message}${fields.join("")}\n`);
};

/** A logger that turns Effect's log calls into `LogEntry` values for `sink`. */
export const make = (sink: (entry: LogEntry) => void): Logger.Logger<unknown, void> =>
  Logger.make(({ logLevel, message, annotations, cause, date }) => {
    const parts = Array.isArray(message) ? message : [message];
    const fields: Record<string, unknown> = Object.fromEntries(HashMap.toEntries(annotations));
    const details = parts.filter((p) => typeof p !== "string");
    if (details.length === 1) fields.detail = details[0];
    else if (details.length > 1) fields.detail = details;
    if (!Cause.isEmpty(cause)) fields.cause = Cause.pretty(cause).split("\n")[0];
    const text = parts.filter((p): p is string => typeof p === "string").join(" ");
    try {
      sink({ level: levelOf(logLevel), message: text, fields, time: date });
    } catch {
      // A failing sink must not fail the sync; there is nowhere left to report it.
    }
  });

/** Replaces Effect's default logger (which writes to stdout) with `options.logger` or stderr, from `logLevel` on. */
export const layer = (options: Options = {}): Layer.Layer<never> =>
  Layer.merge(
    Logger.replace(Logger.defaultLogger, make(options.logger ?? stderr)),
    Logger.minimumLogLevel(levels[options.logLevel ?? "warning"]),
  );
