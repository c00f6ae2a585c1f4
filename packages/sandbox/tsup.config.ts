import { defineConfig } from "tsup";
import { base, bin } from "../../tsup.base.ts";

// Two builds run side by side, so neither cleans `dist`: the package's build script does, before both.
export default defineConfig([
  { ...base({ index: "src/index.ts" }), clean: false },
  bin({ bin: "src/bin.ts" }),
]);
