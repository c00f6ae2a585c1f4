#!/usr/bin/env node
/**
 * The `harvest-runn` executable. `--version`, `--help` and unknown commands are answered before the
 * sync is loaded, so they print at once; everything else runs through `Main`.
 */
import { readFileSync } from "node:fs";
import * as Help from "./Help.ts";

/** The package's version (`package.json` sits one folder up from both `src/` and `dist/`). */
const version = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
};

// A reader that stops early (`| head`) ends the command quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

const args = process.argv.slice(2);
const decision = Help.early(args, version(), process.stdout.columns);
if (decision._tag === "Print") process.stdout.write(decision.text);
else if (decision._tag === "Unknown") {
  if (args.includes("--json"))
    process.stdout.write(
      `${JSON.stringify({ _tag: "UsageError", reason: "Usage", message: decision.message }, null, 2)}\n`,
    );
  else process.stderr.write(`error: ${decision.message}\n`);
  process.exitCode = 2;
} else {
  const { run } = await import("./Main.ts");
  run(process.argv, version());
}
