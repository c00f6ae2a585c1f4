#!/usr/bin/env bash
# The SDK as a user installs it: builds, packs every published package, installs the tarballs with plain
# npm into fresh projects outside the workspace (a Postgres-only ESM service and a SQLite CommonJS one),
# type-checks a TypeScript consumer under node16 and bundler resolution, and runs connect → plan → run
# against the sandbox (installed from its own tarball) through the Promise facade and the Effect API.
# Fails on a second copy of effect, `workspace:` in a manifest, a file a README names missing from its
# tarball, or a line the library printed to stdout. Prints figures; the last line is JSON.
# Usage: scripts/consumer-check.sh [--no-build]   (Postgres: DATABASE_URL must be set)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fail() { printf 'consumer-check: FAIL: %s\n' "$1" >&2; exit 1; }
say() { printf 'consumer-check: %s (%ss)\n' "$1" "$SECONDS"; }
[ -n "${DATABASE_URL:-}" ] || fail "DATABASE_URL is not set (the Postgres consumer needs a server)"

work=$(mktemp -d "${TMPDIR:-/tmp}/harvest-runn-consumer.XXXXXX")
case "$work" in "$root"/*) fail "the temporary folder $work is inside the workspace" ;; esac
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  if [ -z "${KEEP_CONSUMER:-}" ]; then rm -rf "$work"; else say "kept $work"; fi
}
trap cleanup EXIT
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

if [ "${1:-}" != "--no-build" ]; then pnpm -s build >/dev/null; fi

# 1. Pack every published package; check manifests and the files each README names.
mkdir -p "$work/tarballs" "$work/unpacked"
published=()
for dir in packages/*/; do
  name=$(node -p "const p=require('./${dir}package.json'); p.private ? '' : p.name")
  [ -n "$name" ] || continue
  published+=("$name")
  (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
for tgz in "$work"/tarballs/*.tgz; do
  out="$work/unpacked/$(basename "$tgz" .tgz)"
  mkdir -p "$out" && tar -xzf "$tgz" -C "$out"
  if grep -q '"workspace:' "$out/package/package.json"; then fail "$(basename "$tgz"): workspace: left in package.json"; fi
  node "$root/scripts/consumer/readme-files.mjs" "$out/package" || fail "$(basename "$tgz"): a file its README names is not in the tarball"
done
say "packed ${#published[@]} packages; manifests and README files checked"
tarball() { echo "$work/tarballs/harvest-runn-$1-$(node -p "require('./packages/$1/package.json').version").tgz"; }
sdk=()
for p in domain http harvest-client runn-client reconcile storage storage-sql sync; do sdk+=("$(tarball "$p")"); done

# 2. Fresh projects: Postgres-only ESM, SQLite CommonJS. Figures: install size and package count.
figures() { # dir → "kilobytes packages"
  local kb count
  kb=$(du -sk "$1/node_modules" | cut -f1)
  count=$(cd "$1" && npm ls --all --parseable 2>/dev/null | tail -n +2 | sort -u | wc -l)
  echo "$kb $count"
}
install() { # dir type packages…
  local dir=$1 type=$2; shift 2
  mkdir -p "$dir"
  printf '{ "name": "consumer-%s", "private": true, "type": "%s" }\n' "$(basename "$dir")" "$type" >"$dir/package.json"
  (cd "$dir" && npm install "$@" >/dev/null)
  local copies
  copies=$(cd "$dir" && npm ls effect --all --parseable 2>/dev/null | sort -u | wc -l)
  [ "$copies" = 1 ] || fail "$(basename "$dir"): $copies copies of effect installed ($(cd "$dir" && npm ls effect --all 2>&1 | tr '\n' ' '))"
}
start=$SECONDS
install "$work/esm-pg" module "${sdk[@]}" "effect@^3.22.4" "@effect/sql-pg@^0.53.0"
[ ! -e "$work/esm-pg/node_modules/better-sqlite3" ] || fail "the Postgres-only consumer installed better-sqlite3"
read -r pg_kb pg_count < <(figures "$work/esm-pg")
say "Postgres-only install: ${pg_kb} KB, ${pg_count} packages, $((SECONDS - start)) s"
# better-sqlite3 compiles from source here (minutes on a busy machine). Unless CONSUMER_COMPILE=1, the
# consumer takes the addon the workspace install compiled for the same version and Node, else compiles.
start=$SECONDS
install "$work/cjs-sqlite" commonjs --ignore-scripts "${sdk[@]}" "effect@^3.22.4" "@effect/sql-sqlite-node@^0.53.0"
[ ! -e "$work/cjs-sqlite/node_modules/pg" ] || fail "the SQLite consumer installed pg"
addon=$(node -p "require('$work/cjs-sqlite/node_modules/better-sqlite3/package.json').version")
built="$root/node_modules/.pnpm/better-sqlite3@$addon/node_modules/better-sqlite3/build"
if [ -z "${CONSUMER_COMPILE:-}" ] && [ -f "$built/Release/better_sqlite3.node" ]; then
  cp -r "$built" "$work/cjs-sqlite/node_modules/better-sqlite3/build"
  say "better-sqlite3 $addon: took the addon the workspace compiled"
else
  (cd "$work/cjs-sqlite" && npm rebuild better-sqlite3 >/dev/null) || fail "better-sqlite3 $addon did not build"
fi
read -r sq_kb sq_count < <(figures "$work/cjs-sqlite")
say "SQLite install: ${sq_kb} KB, ${sq_count} packages, $((SECONDS - start)) s"

# A missing driver is named: the Postgres-only consumer asks for a SQLite store.
missing=$(cd "$work/esm-pg" && node --input-type=module -e '
  const { Facade } = await import("@harvest-runn/sync");
  const sync = Facade.createSync({ store: { sqlite: { filename: ":memory:" } }, logLevel: "none" });
  const e = await sync.connections().then(() => null, (e) => e);
  await sync.close();
  console.log(JSON.stringify({ tag: e?._tag, reason: e?.reason, message: e?.message }));')
case "$missing" in
*'"tag":"SyncError","reason":"Setup"'*'npm i @effect/sql-sqlite-node'*) say "a missing driver is named: $missing" ;;
*) fail "a missing driver was not reported as Setup naming @effect/sql-sqlite-node: $missing" ;;
esac

# 3. Type-check the consumer under node16 (ESM and CommonJS) and bundler resolution, compile, run.
tsc="$root/node_modules/.bin/tsc"
types="$root/node_modules/@types"
# Declarations are checked too (skipLibCheck false) under node16, which reads the same .d.ts/.d.cts files
# as bundler resolution; the bundler pass checks the consumer's own code only, to save a minute.
tsconfig() { # dir module resolution file quick (true: no emit, no declaration check)
  cat >"$1/tsconfig.$3.json" <<EOF
{ "compilerOptions": { "module": "$2", "moduleResolution": "$3", "target": "es2022", "strict": true,
  "exactOptionalPropertyTypes": true, "skipLibCheck": $5, "typeRoots": ["$types"], "types": ["node"],
  "noEmit": $5, "outDir": "." }, "files": ["$4"] }
EOF
  "$tsc" -p "$1/tsconfig.$3.json" || fail "$(basename "$1"): the consumer does not type-check ($3 resolution)"
}
cp scripts/consumer/program.ts "$work/esm-pg/main.mts"
cp scripts/consumer/program.ts "$work/cjs-sqlite/main.cts"
tsconfig "$work/esm-pg" preserve bundler main.mts true
tsconfig "$work/cjs-sqlite" preserve bundler main.cts true
tsconfig "$work/esm-pg" node16 node16 main.mts false
tsconfig "$work/cjs-sqlite" node16 node16 main.cts false
grep -q 'require("@harvest-runn/sync")' "$work/cjs-sqlite/main.cjs" || fail "the CommonJS consumer does not require() the SDK"
say "the consumer type-checks under node16 (ESM, CommonJS) and bundler resolution"

# 4. The sandbox, installed from its tarball and started through its bin; one account pair per program.
install "$work/sandbox" module "$(tarball sandbox)" "$(tarball domain)" "effect@^3.22.4"
"$work/sandbox/node_modules/.bin/harvest-runn-sandbox" --preset tiny --accounts 4 --time-scale 50 \
  >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
[ -s "$work/sandbox.out" ] || fail "the sandbox did not start: $(cat "$work/sandbox.err")"
info=$(head -n 1 "$work/sandbox.out")
pick() { node -e 'const i=JSON.parse(process.argv[1]); const k=+process.argv[2]; console.log(JSON.stringify({...i, accounts: i.accounts.slice(k, k + 2)}))' "$info" "$1"; }

run() { # dir file tag store accountOffset
  local out err
  out="$work/$3.stdout" err="$work/$3.stderr"
  (cd "$1" && SANDBOX_INFO=$(pick "$5") CONSUMER_STORE=$4 CONSUMER_DIR="$1/state" CONSUMER_TAG=$3 \
    node "$2" >"$out" 2>"$err") || fail "$3: $(cat "$err")"
  if grep -v '^consumer-result ' "$out" | grep -q .; then fail "$3: the library printed to stdout: $(grep -v '^consumer-result ' "$out" | head -3)"; fi
  [ "$(grep -c '^consumer-result ' "$out")" = 2 ] || fail "$3: expected a result from the Promise facade and the Effect API"
  sed 's/^consumer-result /consumer-check: /' "$out"
}
run "$work/esm-pg" main.mjs esm postgres 0
run "$work/cjs-sqlite" main.cjs cjs sqlite 2
[ "$(stat -c %a "$work/cjs-sqlite/state/promise/secret.key")" = 600 ] || fail "the facade did not create secret.key (0600) beside the SQLite database"

# 5. Cold import of the SDK, and of effect alone as the yardstick of this machine's speed right now
# (a new process each time; median of 5).
cold() {
  (cd "$work/esm-pg" && for _ in 1 2 3 4 5; do
    node --input-type=module -e "const t = performance.now(); await import('$1'); console.log(Math.round(performance.now() - t))"
  done | sort -n | sed -n 3p)
}
import_ms=$(cold @harvest-runn/sync)
effect_ms=$(cold effect)
say "cold import(\"@harvest-runn/sync\"): ${import_ms} ms; import(\"effect\") alone: ${effect_ms} ms (medians of 5)"

printf '{"consumerCheck":"passed","packages":%s,"postgresOnly":{"installKB":%s,"packages":%s},"sqlite":{"installKB":%s,"packages":%s},"coldImportMs":%s,"coldImportEffectMs":%s}\n' \
  "${#published[@]}" "$pg_kb" "$pg_count" "$sq_kb" "$sq_count" "$import_ms" "$effect_ms"
