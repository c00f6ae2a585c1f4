import type { Options } from "tsup";

/** Shared tsup settings: ESM + CJS + declarations for Node 20, one entry per public subpath. */
export const base = (entry: Record<string, string> = { index: "src/index.ts" }): Options => ({
  entry,
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
});

/** A command-line entry: ESM only (it may await at top level), no declarations, with a shebang. */
export const bin = (entry: Record<string, string>): Options => ({
  ...base(entry),
  format: ["esm"],
  dts: false,
  clean: false,
  banner: { js: "#!/usr/bin/env node" },
});
