import { defineConfig } from "tsup";
import { base } from "../../tsup.base.ts";

// The `harvest-runn-sandbox` bin awaits at top level, so it is built as ESM only.
export default defineConfig([
  base({ index: "src/index.ts" }),
  {
    ...base({ bin: "src/bin.ts" }),
    format: ["esm"],
    dts: false,
    clean: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
