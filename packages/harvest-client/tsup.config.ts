import { defineConfig } from "tsup";
import { base } from "../../tsup.base.ts";

// openapi-fetch is bundled: its CommonJS build exports `default`, which a CJS bundle would unwrap wrongly.
export default defineConfig({ ...base({ index: "src/index.ts" }), noExternal: ["openapi-fetch"] });
