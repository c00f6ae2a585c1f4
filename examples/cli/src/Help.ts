/**
 * What the bin answers before it loads the sync: `--version`, `--help` (top level and per command) and
 * unknown commands with a "did you mean". No Effect here, so these answer in a blink.
 */
import * as HelpText from "./HelpText.ts";

/** How the user runs the command: `pnpm -s harvest-runn` inside this repository, else `harvest-runn`. */
export const invokedAs = (env: NodeJS.ProcessEnv = process.env): string =>
  env.npm_lifecycle_event === "harvest-runn" || env.npm_lifecycle_event === "demo"
    ? "pnpm -s harvest-runn"
    : "harvest-runn";

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean". */
export const distance = (a: string, b: string): number => {
  const d: Array<Array<number>> = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as Array<number>;
      const prev = d[i - 1] as Array<number>;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as Array<number>)[j - 2] ?? 0) + 1);
    }
  return (d[a.length] as Array<number>)[b.length] ?? 0;
};

/** The closest candidate within a third of the word's length (at least 1, at most 3 edits). */
export const closest = (word: string, candidates: ReadonlyArray<string>): string | undefined => {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const n = distance(word, c);
    if (n < bestDistance) {
      best = c;
      bestDistance = n;
    }
  }
  return best;
};

const wrap = (text: string, width: number, indent: string): Array<string> => {
  const out: Array<string> = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") out.push(indent + line);
  return out;
};

/** The screen width help is laid out for: the terminal's, within 60 to 100 columns. */
const widthOf = (columns: number | undefined) => Math.max(60, Math.min(100, columns ?? 100));

/** The top-level help: one line per command. */
export const topHelp = (version: string, name = invokedAs(), columns?: number): string => {
  const width = widthOf(columns);
  const shown = HelpText.commands;
  const pad = Math.max(...shown.map((c) => c.path.length)) + 2;
  const lines = [
    `${name} ${version}: one-way sync from Harvest time tracking into Runn`,
    "",
    "Usage:",
    `  ${name} <command> [options]`,
    "",
    "Commands:",
    ...shown.map((c) => {
      const room = width - 2 - pad;
      const summary = c.summary.length > room ? `${c.summary.slice(0, room - 1)}…` : c.summary;
      return `  ${c.path.padEnd(pad)}${summary}`;
    }),
    "",
    "Every command takes --json (one JSON document on stdout) and --help.",
    "Exit codes: 0 ok, 1 failed, 2 wrong usage, 3 partial (the next run completes it)",
    "",
    "Start here:",
    `  ${name} demo                try it on a built-in local sandbox`,
    `  ${name} connect --actuals   connect your Harvest and Runn accounts`,
    `  ${name} <command> --help    more about one command`,
  ];
  return `${lines.join("\n")}\n`;
};

/** The help of one command. */
export const commandHelp = (c: HelpText.CommandHelp, name = invokedAs(), columns?: number): string => {
  const width = widthOf(columns);
  const flagWidth = Math.min(30, Math.max(...c.options.map(([f]) => f.length), 6) + 2);
  const optionLines = c.options.flatMap(([flag, description]) => {
    const body = wrap(description, width, " ".repeat(2 + flagWidth));
    const first = body[0]?.trimStart() ?? "";
    return flag.length + 2 <= flagWidth
      ? [`  ${flag.padEnd(flagWidth)}${first}`, ...body.slice(1)]
      : [`  ${flag}`, ...body];
  });
  const lines = [
    `${name} ${c.path}: ${c.summary.charAt(0).toLowerCase()}${c.summary.slice(1)}`,
    "",
    "Usage:",
    ...c.usage.split("\n").map((u, i) => (i === 0 ? `  ${name} ${c.path} ${u}` : `  ${name} ${u.trim()}`)),
    "",
    ...wrap(c.purpose, width, ""),
    "",
    "Options:",
    ...optionLines,
    `  ${"-h, --help".padEnd(flagWidth)}this text`,
    "",
    "Examples:",
    ...c.examples.map((e) => `  ${name} ${e}`),
  ];
  const subs = HelpText.commands.filter((s) => s.path.startsWith(`${c.path} `));
  if (subs.length > 0)
    lines.push("", "Subcommands:", ...subs.map((s) => `  ${name} ${s.path.padEnd(20)} ${s.summary}`));
  return `${lines.join("\n")}\n`;
};

/** What the bin does before loading the sync. */
export type Early =
  | { readonly _tag: "Print"; readonly text: string }
  | { readonly _tag: "Unknown"; readonly message: string }
  | { readonly _tag: "Run" };

/** The command words at the start of `args` (skipping flags), e.g. `["runs", "show"]`. */
export const commandPath = (args: ReadonlyArray<string>): Array<string> => {
  const words = args.filter((a) => !a.startsWith("-"));
  const first = words[0];
  if (first === undefined) return [];
  const second = words[1];
  return second !== undefined && HelpText.find(`${first} ${second}`) !== undefined
    ? [first, second]
    : [first];
};

/** Decides whether `args` (after the program name) are answered here or run. */
export const early = (args: ReadonlyArray<string>, version: string, columns?: number): Early => {
  const name = invokedAs();
  const path = commandPath(args);
  const first = path[0];
  const wantsHelp = args.some((a) => a === "--help" || a === "-h");
  if (first === undefined) {
    if (args.includes("--version") || args.includes("-v")) return { _tag: "Print", text: `${version}\n` };
    if (wantsHelp || args.length === 0) return { _tag: "Print", text: topHelp(version, name, columns) };
    return { _tag: "Run" };
  }
  if (first === "help") {
    const topic = HelpText.find(args.filter((a) => a !== "help" && !a.startsWith("-")).join(" "));
    return {
      _tag: "Print",
      text: topic ? commandHelp(topic, name, columns) : topHelp(version, name, columns),
    };
  }
  if (!HelpText.topLevel.includes(first)) {
    const guess = closest(first, HelpText.topLevel);
    return {
      _tag: "Unknown",
      message: `unknown command "${first}"${guess ? `; did you mean \`${name} ${guess}\`?` : ""} (\`${name} --help\` lists the commands)`,
    };
  }
  const help = HelpText.find(path.join(" "));
  if (wantsHelp && help !== undefined) return { _tag: "Print", text: commandHelp(help, name, columns) };
  return { _tag: "Run" };
};
