// Repairs tsup's bundled declarations (rollup-plugin-dts) for `export * as X from "./X.ts"` barrels: a
// name that is both a value and a type (`export const Settings = Schema.Struct(…)` beside
// `export interface Settings`) is re-exported from the namespace as only one of the two, so consumers
// that type-check libraries (`skipLibCheck: false`) fail on `X.Settings` used as a type. This adds the
// missing half. Usage: node scripts/dts-namespaces.mjs <dist folder> (run after tsup).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
let repaired = 0;
for (const file of readdirSync(dir).filter((f) => /\.d\.c?ts$/.test(f))) {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const types = new Map(); // name → generic?
  for (const [, name, generic] of text.matchAll(
    /^(?:export )?(?:declare )?(?:interface|type|class) ([\w$]+)\s*(<)?/gm,
  ))
    types.set(name, generic === "<");
  const values = new Set();
  for (const [, name] of text.matchAll(
    /^(?:export )?declare (?:const|function|class|let|var|enum) ([\w$]+)/gm,
  ))
    values.add(name);
  const both = new Set();
  let out = text.replace(/^declare const ([\w$]+): typeof ([\w$]+);$/gm, (line, alias, name) => {
    if (types.get(name) !== false || types.has(alias)) return line;
    both.add(alias);
    return `${line}\ntype ${alias} = ${name};`;
  });
  out = out.replace(/^type ([\w$]+) = ([\w$]+);$/gm, (line, alias, name) => {
    if (!values.has(name) || values.has(alias) || both.has(alias)) return line;
    both.add(alias);
    return `${line}\ndeclare const ${alias}: typeof ${name};`;
  });
  if (both.size === 0) continue;
  out = out.replace(/export \{[^}]*\}/g, (list) =>
    list.replace(/\btype ([\w$]+)(?=[ ,\n}])/g, (m, alias) => (both.has(alias) ? alias : m)),
  );
  writeFileSync(path, out);
  repaired += both.size;
}
console.log(`dts-namespaces: ${dir}: ${repaired} names re-exported as both value and type`);
