/**
 * Generates `packages/<stem>-client/src/generated/<stem>.ts` from every `openapi/<stem>.yaml` whose
 * client package exists. `--check` writes nothing and exits 1 naming each stale or missing file.
 * Stems given as arguments (`pnpm codegen harvest`) limit the run to those specs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.filter((arg) => !arg.startsWith("--"));

const header = (source: string) =>
  [
    "/**",
    ` * generated — do not edit. Source: ${source}`,
    " * Regenerate with `pnpm codegen`; CI runs `pnpm codegen:check`.",
    " */",
    "",
  ].join("\n");

/** The (spec, output) pairs: one per OpenAPI file that has a matching client package. */
const targets = readdirSync(join(root, "openapi"))
  .filter((file) => file.endsWith(".yaml") && file !== "redocly.yaml")
  .map((file) => file.slice(0, -".yaml".length))
  .filter((stem) => existsSync(join(root, "packages", `${stem}-client`)))
  .filter((stem) => only.length === 0 || only.includes(stem))
  .sort()
  .map((stem) => ({
    spec: join(root, "openapi", `${stem}.yaml`),
    out: join(root, "packages", `${stem}-client`, "src", "generated", `${stem}.ts`),
  }));

const stale: Array<string> = [];
for (const { spec, out } of targets) {
  const ast = await openapiTS(pathToFileURL(spec), { alphabetize: true });
  const text = `${header(relative(root, spec))}${astToString(ast)}`;
  const current = existsSync(out) ? readFileSync(out, "utf8") : undefined;
  if (current === text) continue;
  if (check) {
    stale.push(relative(root, out));
  } else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`wrote ${relative(root, out)}`);
  }
}

if (stale.length > 0) {
  console.error(`generated types are stale (run pnpm codegen): ${stale.join(", ")}`);
  process.exit(1);
}
if (check) console.log(`generated types are up to date (${targets.length} specs)`);
