import { defineConfig } from "tsup";
import { base } from "../../tsup.base.ts";

// The contract suite's test runner is an optional peer dependency, so tsup leaves it external.
export default defineConfig(base({ index: "src/index.ts", testing: "src/testing/index.ts" }));
