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

/** The width tables fit: the terminal's, else `COLUMNS`, else unlimited (piped output keeps whole cells). */
export const terminalWidth = (): number => {
  const columns = process.stdout.isTTY === true ? process.stdout.columns : Number(process.env.COLUMNS);
  return typeof columns === "number" && columns >= 20 ? columns : Number.POSITIVE_INFINITY;
};

/** Splits `text` into lines of at most `w` characters at spaces; a longer word is cut with "…". */
const wrapCell = (text: string, w: number): Array<string> => {
  if (width(text) <= w) return [text];
  const out: Array<string> = [];
  let line = "";
  for (const raw of plain(text).split(" ")) {
    const word = raw.length > w ? `${raw.slice(0, Math.max(1, w - 1))}…` : raw;
    if (line !== "" && line.length + 1 + word.length > w) {
      out.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  out.push(line);
  return out;
};

/**
 * A plain text table: a header row, aligned columns two spaces apart, fitted to `width` (default the
 * terminal's) by narrowing the widest columns and wrapping their cells at spaces. A header is never
 * narrower than its longest word.
 */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  options: {
    readonly width?: number;
    /** Columns never narrowed (ids people copy). */
    readonly fixed?: ReadonlyArray<number>;
  } = {},
): Array<string> => {
  const cells = [header.map(String), ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  // A column narrows only down to its longest word (up to 30), so wrapping happens at spaces.
  const longestWord = (i: number) =>
    Math.min(
      30,
      Math.max(
        0,
        ...cells.slice(1).flatMap((r) =>
          plain(r[i] ?? "")
            .split(" ")
            .map((w) => w.length),
        ),
      ),
    );
  const floor = header.map((h, i) =>
    options.fixed?.includes(i)
      ? (widths[i] ?? 0)
      : Math.min(widths[i] ?? 0, Math.max(8, longestWord(i), ...h.split(" ").map((word) => word.length))),
  );
  const limit = options.width ?? terminalWidth();
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  // Each pass narrows one column by one, so this ends within the sum of the widths.
  while (total() > limit) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if ((widths[i] ?? 0) > (floor[i] ?? 0) && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)))
        widest = i;
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 1) - 1;
  }
  const render = (r: ReadonlyArray<string>): Array<string> => {
    const wrapped = r.map((c, i) => wrapCell(c, widths[i] ?? 1));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped
        .map((w, i) => {
          const c = w[k] ?? "";
          return c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
        })
        .join("  ")
        .trimEnd(),
    );
  };
  const [head, ...body] = cells;
  return [...render(head ?? []).map(style.bold), ...body.flatMap(render)];
};

/** A setting's value for people: on/off, none, `key value` pairs for objects, lists joined. */
export const value = (v: unknown): string => {
  if (v === null || v === undefined) return "none";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(value).join(", ");
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length === 0 ? "none" : entries.map(([k, x]) => `${k} ${value(x)}`).join(", ");
  }
  return String(v);
};

/** `1 client`, `2 clients`; `1 person`, `2 people`; `1 entry`, `2 entries`. */
export const plural = (n: number, word: string): string => {
  if (n === 1) return `${n} ${word}`;
  const irregular: Record<string, string> = { person: "people", entry: "entries", day: "days" };
  const many =
    irregular[word] ??
    (word.endsWith("y") && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`);
  return `${n} ${many}`;
};

const two = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as this machine's local time to the second, e.g. `2026-12-05 23:48:31`. */
export const localTime = (iso: string | null): string => {
  if (iso === null) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
};

/** A recent instant, short: the local time of day when it is today, else the date and minute. */
export const shortTime = (iso: string, now: Date = new Date()): string => {
  const full = localTime(iso);
  return full.slice(0, 10) === localTime(now.toISOString()).slice(0, 10) ? full.slice(11) : full.slice(0, 16);
};

/** A duration for people: `0.4 s`, `12 s`, `3 min 5 s`, `2 h 10 min`. */
export const duration = (ms: number): string => {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
};

/** How long a run took (empty while it runs). */
export const took = (startedAt: string, endedAt: string | null): string =>
  endedAt === null ? "running" : duration(Date.parse(endedAt) - Date.parse(startedAt));

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
