/**
 * Turns the parser's terse messages ("'abc' is not a integer", "Expected one of the following cases:
 * on, off") into ones that name the flag or argument, the accepted values and where to read more.
 */
import * as Help from "./Help.ts";
import * as HelpText from "./HelpText.ts";

/** The long flags of a command, e.g. `--actuals`, from its help. */
const flagsOf = (c: HelpText.CommandHelp | undefined): Array<string> =>
  (c?.options ?? []).flatMap(([flag]) => flag.match(/--[a-z-]+/g) ?? []);

/** The positional argument names of a command, e.g. `["kind", "runn id", "harvest id"]`. */
const argNamesOf = (c: HelpText.CommandHelp | undefined): Array<string> => {
  const first = (c?.usage ?? "").split("\n")[0] ?? "";
  return [...first.matchAll(/<([^>]+)>/g)]
    .filter((m) => !first.slice(0, m.index).trimEnd().endsWith("--from"))
    .map((m) => (m[1]?.includes("|") ? "kind" : (m[1] ?? "")));
};

/** The value given after `--flag` (or in `--flag=value`). */
const flagBefore = (args: ReadonlyArray<string>, value: string): string | undefined => {
  const i = args.indexOf(value);
  if (i > 0 && args[i - 1]?.startsWith("-")) return args[i - 1];
  return args.find((a) => a.startsWith("--") && a.endsWith(`=${value}`))?.split("=")[0];
};

/** A person-friendly message for a parser error `raw` about the command line `args`. */
export const explain = (raw: string, args: ReadonlyArray<string>): string => {
  const name = Help.invokedAs();
  const path = Help.commandPath(args);
  const command = HelpText.find(path.join(" "));
  const more = `\`${name} ${path.join(" ")} --help\` shows the usage`.replace("  ", " ");
  const positionals = args.filter((a, i) => !a.startsWith("-") && !args[i - 1]?.startsWith("-"));
  const unknown = /Received unknown argument: '(.+)'/.exec(raw);
  if (unknown?.[1] !== undefined) {
    const token = unknown[1];
    if (token.startsWith("-")) {
      const guess = Help.closest(token, flagsOf(command));
      const needsValue = command?.options.some(([f]) => f.includes(token) && /[<|]/.test(f));
      if (needsValue && !guess) return `${token} needs a value (${more})`;
      return `unknown option ${token} for ${path.join(" ")}${guess ? `; did you mean ${guess}?` : ""} (${more})`;
    }
    return `unexpected argument "${token}" for ${path.join(" ")} (${more})`;
  }
  const choice = /Expected one of the following cases: (.+)/.exec(raw);
  if (choice?.[1] !== undefined) {
    const allowed = choice[1].split(",").map((s) => s.trim());
    const bad =
      args.find(
        (a, i) => i > 0 && !a.startsWith("-") && !allowed.includes(a) && args[i - 1]?.startsWith("--"),
      ) ?? positionals.slice(path.length).find((a) => !allowed.includes(a));
    const flag = bad === undefined ? undefined : flagBefore(args, bad);
    const what = flag ?? `<${argNamesOf(command)[0] ?? "value"}>`;
    const shown = allowed.length > 6 ? `${allowed.slice(0, 6).join(", ")}, …` : allowed.join(", ");
    return `${what} takes one of ${shown}${bad === undefined ? "" : `; got "${bad}"`} (${more})`;
  }
  const integer = /'(.*)' is not a integer/.exec(raw);
  if (integer?.[1] !== undefined) {
    const value = integer[1];
    const flag = flagBefore(args, value);
    const at = positionals.indexOf(value) - path.length;
    const what = flag ?? `<${argNamesOf(command)[at] ?? "value"}>`;
    return `${what} takes a whole number; got "${value}" (${more})`;
  }
  const missing = /Expected to find option: '(.+)'/.exec(raw);
  if (missing?.[1] !== undefined) return `${path.join(" ")} needs ${missing[1]} (${more})`;
  return `${raw.trim()} (${more})`;
};
