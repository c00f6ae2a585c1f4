/** The help people read matches what the parser accepts: every command and every flag, both ways. */
import { CommandDescriptor, type Usage } from "@effect/cli";
import { describe, expect, it } from "vitest";
import { root } from "../src/Cli.ts";
import * as Help from "../src/Help.ts";
import * as HelpText from "../src/HelpText.ts";
import * as UsageText from "../src/UsageText.ts";

/** The long flags in a usage tree (a subcommand's usage is not part of its parent's). */
const flagsOf = (u: Usage.Usage): Array<string> => {
  switch (u._tag) {
    case "Named":
      return u.names.filter((n) => n.startsWith("--"));
    case "Optional":
    case "Repeated":
      return flagsOf(u.usage);
    case "Alternation":
    case "Concat":
      return [...flagsOf(u.left), ...flagsOf(u.right)];
    default:
      return [];
  }
};

/** A node of the parser's command tree (its descriptor's shape). */
interface Node {
  readonly _tag: string;
  readonly name?: string;
  readonly command?: Node;
  readonly parent?: Node;
  readonly children?: ReadonlyArray<Node>;
}

/** Every command of the tree by its path (e.g. `runs show`) with its own flags. */
const commandsOf = (): Map<string, Array<string>> => {
  const out = new Map<string, Array<string>>();
  const own = (n: Node) => [...new Set(flagsOf(CommandDescriptor.getUsage(n as never)))].sort();
  const nameOf = (n: Node): string =>
    n._tag === "Map" && n.command
      ? nameOf(n.command)
      : n._tag === "Subcommands" && n.parent
        ? nameOf(n.parent)
        : (n.name ?? "");
  const walk = (prefix: string, n: Node, top: boolean): void => {
    if (n._tag === "Map" && n.command) {
      walk(prefix, n.command, top);
      return;
    }
    const path = top ? "" : prefix === "" ? nameOf(n) : `${prefix} ${nameOf(n)}`;
    if (n._tag === "Subcommands" && n.parent) {
      if (!top) out.set(path, own(n.parent));
      for (const child of n.children ?? []) walk(path, child, false);
    } else if (!top) out.set(path, own(n));
  };
  walk("", root.descriptor as unknown as Node, true);
  return out;
};

describe("help", () => {
  it("describes exactly the commands and flags the parser accepts", () => {
    const parsed = commandsOf();
    expect([...parsed.keys()].sort()).toEqual(HelpText.commands.map((c) => c.path).sort());
    for (const c of HelpText.commands) {
      const described = c.options.flatMap(([flag]) => flag.match(/--[a-z-]+/g) ?? []).sort();
      expect(described, c.path).toEqual(parsed.get(c.path));
    }
  });

  it("suggests the command or flag meant and names the argument at fault", () => {
    expect(Help.closest("snyc", HelpText.topLevel)).toBe("sync");
    expect(Help.closest("stauts", HelpText.topLevel)).toBe("status");
    expect(Help.closest("xyz", HelpText.topLevel)).toBeUndefined();
    expect(Help.early(["snyc"], "1.0.0")).toMatchObject({ _tag: "Unknown" });
    expect(Help.early(["runs", "show", "--help"], "1.0.0")).toMatchObject({
      _tag: "Print",
      text: expect.stringContaining("harvest-runn runs show <run id> [options]"),
    });
    expect(UsageText.explain("'abc' is not a integer", ["link", "client", "abc", "1"])).toMatch(
      /^<runn id> takes a whole number; got "abc"/,
    );
    expect(UsageText.explain("'x' is not a integer", ["link", "client", "1", "x"])).toMatch(/^<harvest id> /);
    expect(
      UsageText.explain("Expected one of the following cases: tiny, small, large", [
        "demo",
        "--preset",
        "huge",
      ]),
    ).toMatch(/^--preset takes one of tiny, small, large; got "huge"/);
  });
});
