import { defineConfig } from "tsup";

/**
 * One ESM bundle for the installed `harvest-runn` bin: the workspace packages and Effect are bundled
 * (one file to parse instead of hundreds), what only some commands need is split into chunks loaded on
 * demand, and native or optional modules stay external.
 */
const external = [
  "better-sqlite3",
  "pg-native",
  "pg-cloudflare",
  "cloudflare:sockets",
  "@parcel/watcher",
  "msgpackr-extract",
  "bufferutil",
  "utf-8-validate",
  "msw",
  "graphql",
];

export default defineConfig({
  entry: { bin: "src/bin.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  clean: true,
  dts: false,
  sourcemap: false,
  minify: false,
  tsconfig: "tsconfig.json",
  // Everything is bundled except native or optional modules and the sandbox's msw handlers (tests'
  // business; the demo's server never loads them).
  noExternal: [new RegExp(`^(?!(${external.join("|")})(/|$))`)],
  external,
  // Bundled CommonJS dependencies call `require` for Node's built-ins.
  banner: {
    js: 'import { createRequire as __harvestRunnRequire } from "node:module"; const require = __harvestRunnRequire(import.meta.url);',
  },
  esbuildOptions: (o) => {
    o.conditions = ["@harvest-runn/source"];
  },
});
