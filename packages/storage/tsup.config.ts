import { defineConfig } from "tsup";
import { base } from "../../tsup.base.ts";

const entries = { index: "src/index.ts", testing: "src/testing/index.ts" };
export default defineConfig({ ...base(entries), external: ["@effect/vitest", "vitest"] });
