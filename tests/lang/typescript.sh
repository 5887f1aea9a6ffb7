#!/bin/sh
# The stock TypeScript and JavaScript set (templates/typescript), generated
# for the HTTP, SMTP, text and hostile specs, each in a scratch folder:
# - tsc --strict (and stricter options) type-checks every .ts, and the
#   JSDoc types of every .mjs (--checkJs); node --check reads every .mjs;
# - tests/lang/check_typescript_types.ts, beside the HTTP .ts, must
#   type-check: the status type is the union of the codes, isKnown narrows,
#   the lookups may give undefined;
# - tests/lang/check_typescript.mjs imports the HTTP .mjs, and the HTTP .ts
#   compiled by tsc, and holds each to the registry table REGISTRY_TSV;
#   then every module (.mjs and compiled .ts) of every spec to its
#   statusgen --dump-model: every text read through the module equals the
#   spec's (the hostile spec's quotes, backslashes, newlines, comment
#   closers and the rest included).
# Says it skipped when node or tsc is missing ("make deps" installs
# Debian's nodejs and node-typescript). Ends with
# "typescript: N passed, N failed".
#
# usage: tests/lang/typescript.sh STATUSGEN REGISTRY_TSV
set -u
sg=${1:?usage: typescript.sh STATUSGEN REGISTRY_TSV}
registry=${2:?usage: typescript.sh STATUSGEN REGISTRY_TSV}
case $sg in /*) ;; *) sg=$(pwd)/$sg ;; esac
case $registry in /*) ;; *) registry=$(pwd)/$registry ;; esac
here=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$(dirname "$here")")" || exit 2
for tool in node tsc; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "typescript: skipped, no $tool"
    exit 0
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
passed=0 failed=0

# Options for every tsc run: Debian's tsc 4.8 knows ES2020 at most as a
# module kind, and Node runs that.
TSC_BASE="--strict --lib es2020 --target es2020 --module es2020 \
--moduleResolution node"
TSC_STRICTER="--noUnusedLocals --noUnusedParameters --noImplicitReturns \
--noFallthroughCasesInSwitch --exactOptionalPropertyTypes \
--noUncheckedIndexedAccess --noPropertyAccessFromIndexSignature \
--isolatedModules --forceConsistentCasingInFileNames"

# step NAME LOG COMMAND...: runs COMMAND, its output in LOG; counts it.
# Fails as COMMAND does.
step() {
  name=$1 log=$2
  shift 2
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "typescript: FAILED: $name"
    sed -n 's/^/  | /;1,12p' "$log"
    return 1
  fi
}

# dump SPEC FILE: what statusgen shows templates of SPEC, as JSON in FILE.
dump() { "$sg" --dump-model "$1" >"$2"; }

for spec in $(grep -v '^#' tests/lang/specs.txt); do
  base=$(basename "$spec" .yaml)
  out=$tmp/$base
  mkdir -p "$out/js"
  step "$spec: generate" "$out/generate.log" \
    "$sg" -q -t templates/typescript -o "$out" "$spec" || continue
  step "$spec: dump the model" "$out/dump.log" \
    dump "$spec" "$out/model.json"
  for f in "$out"/*.ts; do
    # shellcheck disable=SC2086 # the options are words
    step "$spec: tsc $(basename "$f")" "$out/tsc.log" \
      tsc $TSC_BASE --noEmit $TSC_STRICTER "$f"
    # The .ts as it runs: compiled to an ES module that node imports.
    printf '{"type": "module"}\n' >"$out/js/package.json"
    # shellcheck disable=SC2086
    step "$spec: compile $(basename "$f")" "$out/compile.log" \
      tsc $TSC_BASE --noEmitOnError --outDir "$out/js" "$f"
  done
  for f in "$out"/*.mjs; do
    step "$spec: node --check $(basename "$f")" "$out/check.log" \
      node --check "$f"
    # shellcheck disable=SC2086
    step "$spec: tsc --checkJs $(basename "$f")" "$out/checkjs.log" \
      tsc $TSC_BASE --noEmit --allowJs --checkJs "$f"
  done
  for f in "$out"/*.mjs "$out"/js/*.js; do
    [ -f "$f" ] || continue
    step "$spec: check $(basename "$f") against the model" "$out/model.log" \
      node "$here/check_typescript.mjs" model "$f" "$out/model.json"
    [ "$base" = http_status ] || continue
    step "$spec: check $(basename "$f") against the registry" \
      "$out/registry.log" \
      node "$here/check_typescript.mjs" registry "$f" "$registry"
  done
done

# The types a TypeScript user relies on.
cp "$here/check_typescript_types.ts" "$tmp/http_status/"
# shellcheck disable=SC2086
step "the types of http_status.ts" "$tmp/types.log" \
  tsc $TSC_BASE --noEmit $TSC_STRICTER \
  "$tmp/http_status/check_typescript_types.ts"

echo "typescript: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
