/**
 * Terminal output: one JSON document on stdout under `--json`, otherwise lines and tables. Colour only
 * when stdout is a TTY and `NO_COLOR` is unset.
 */
import { Effect } from "effect";

const colourOn = (): boolean =>
  process.stdout.isTTY === true && (process.env.NO_COLOR ?? "") === "" && process.env.TERM !== "dumb";

const paint = (code: number) => (s: string) => (colourOn() ? `\u001b[${code}m${s}\u001b[0m` : s);

/** ANSI styles that fall back to plain text. */
export const style = {
  bold: paint(1),
  dim: paint(2),
  red: paint(31),
  green: paint(32),
  yellow: paint(33),
  cyan: paint(36),
};

/** Writes one JSON document to stdout. */
export const json = (value: unknown): Effect.Effect<void> =>
  Effect.sync(() => {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  });

/** Writes lines to stdout. */
export const lines = (...text: ReadonlyArray<string>): Effect.Effect<void> =>
  Effect.sync(() => {
    if (text.length > 0) process.stdout.write(`${text.join("\n")}\n`);
  });

/** Writes a line to stderr (progress, warnings). */
export const note = (text: string): Effect.Effect<void> =>
  Effect.sync(() => {
    process.stderr.write(`${text}\n`);
  });

/** Either the JSON document or the human lines, by `--json`. */
export const out = (
  asJson: boolean,
  value: unknown,
  human: () => ReadonlyArray<string>,
): Effect.Effect<void> => (asJson ? json(value) : Effect.suspend(() => lines(...human())));

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const ansi = /\u001b\[[0-9;]*m/g;
const width = (s: string) => s.replace(ansi, "").length;

/** A plain text table: a header row, aligned columns, two spaces apart. */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): Array<string> => {
  const cells = [header.map(String), ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c))))
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  return [style.bold(line(head ?? [])), ...body.map(line)];
};

/** Strips ANSI codes (for messages that go into JSON). */
export const plain = (s: string): string => s.replace(ansi, "");

/** Counts values by a key, sorted by key. */
export const countBy = <A>(items: ReadonlyArray<A>, key: (a: A) => string): Array<[string, number]> => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/**
 * Strips colour codes from everything written to a stream that should not get colour (not a TTY, or
 * `NO_COLOR`), including the parser's help and usage messages.
 */
export const stripColourWhenOff = (stream: NodeJS.WriteStream): void => {
  const off = stream.isTTY !== true || (process.env.NO_COLOR ?? "") !== "" || process.env.TERM === "dumb";
  if (!off) return;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: Array<unknown>) => boolean;
  stream.write = ((chunk: unknown, ...rest: Array<unknown>) =>
    write(typeof chunk === "string" ? chunk.replace(ansi, "") : chunk, ...rest)) as typeof stream.write;
};
