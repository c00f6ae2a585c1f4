// Every file a package's README names must ship in its tarball: relative links, and `code` spans that
// look like paths inside the package (src/…, test/…, *.md, LICENSE). Usage: node readme-files.mjs <unpacked package>
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const readme = readFileSync(join(dir, "README.md"), "utf8");
const named = new Set(["LICENSE"]);
for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g))
  if (!/^([a-z]+:|#)/.test(target)) named.add(target.replace(/#.*$/, ""));
for (const [, span] of readme.matchAll(/`([^`\s]+)`/g))
  if (
    /^(\.\/)?(src|dist|test|bench|scripts|docs)\/[\w./-]+\.\w+$/.test(span) ||
    /^[\w.-]+\.md$/.test(span) ||
    span === "LICENSE"
  )
    named.add(span);
const missing = [...named].filter((f) => !existsSync(join(dir, f)));
for (const f of missing) console.error(`${dir}: README names ${f}, which the tarball does not hold`);
process.exit(missing.length === 0 ? 0 : 1);
