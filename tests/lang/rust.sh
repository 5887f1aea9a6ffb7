#!/bin/sh
# The stock Rust set (templates/rust): generates it for the HTTP, SMTP and
# hostile specs (and for specs without classes or flags), compiles each
# module as a library with rustc --edition 2021 -D warnings, documents the
# HTTP one with rustdoc -D warnings, then builds and runs two checkers:
# tests/lang/check_rust.rs holds the HTTP module to the independent
# registry table, tests/lang/check_rust_hostile.rs reads every text of the
# hostile spec back through its module and compares it, byte for byte,
# with the spec's text as --dump-model gives it (turned into hex lines by
# python3 here: Rust's standard library reads no JSON).
# Ends with "rust: N passed, N failed", or says it skipped without rustc.
#
# usage: tests/lang/rust.sh STATUSGEN REGISTRY_TSV
set -u
statusgen=${1:?usage: rust.sh STATUSGEN REGISTRY_TSV}
registry=${2:?usage: rust.sh STATUSGEN REGISTRY_TSV}

if ! command -v rustc >/dev/null 2>&1; then
  echo "rust: skipped, no rustc"
  exit 0
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "rust: FAILED $*"
}

rustc_lib() {
  rustc --edition 2021 -D warnings --crate-type lib --out-dir "$1" "$2"
}

# Generates spec into its own folder and compiles the module as a library;
# the folder's name is the spec's file name without .yaml.
generate() {
  dir=$tmp/$(basename "$1" .yaml)
  mkdir -p "$dir"
  if ! "$statusgen" -q -t templates/rust -o "$dir" "$1"; then
    fail "statusgen -t templates/rust $1"
    return 1
  fi
  for rs in "$dir"/*.rs; do
    if rustc_lib "$dir" "$rs"; then pass; else fail "rustc $rs (from $1)"; fi
  done
}

for spec in $(grep -v '^#' tests/lang/specs.txt); do
  generate "$spec"
done

# The HTTP module's documentation builds without a warning (links that
# resolve, well-formed markup); rustdoc comes with Debian's rustc.
if command -v rustdoc >/dev/null 2>&1 &&
  [ -f "$tmp/http_status/libhttp_status.rlib" ]; then
  if rustdoc --edition 2021 -D warnings --crate-type lib \
    -o "$tmp/http_status/doc" "$tmp/http_status/http_status.rs"; then
    pass
  else
    fail "rustdoc http_status.rs"
  fi
fi

# Builds checker NAME (tests/lang/NAME.rs) beside the module it uses and
# runs it with the remaining arguments.
run_checker() {
  name=$1 dir=$2
  shift 2
  cp "tests/lang/$name.rs" "$dir/main.rs"
  if ! rustc --edition 2021 -D warnings -o "$dir/$name" "$dir/main.rs"; then
    fail "rustc tests/lang/$name.rs"
    return
  fi
  if "$dir/$name" "$@"; then pass; else fail "$name"; fi
}

# A checker runs only on a module that compiled (its library is there).
if [ -f "$tmp/http_status/libhttp_status.rlib" ]; then
  run_checker check_rust "$tmp/http_status" "$registry"
fi

# The hostile spec's texts, from the model statusgen read: each field in
# hex, so that any byte survives the trip to the checker.
if ! command -v python3 >/dev/null 2>&1; then
  echo "rust: hostile round trip skipped, no python3"
elif ! "$statusgen" --dump-model tests/specs/hostile.yaml >"$tmp/hostile.json"; then
  fail "statusgen --dump-model tests/specs/hostile.yaml"
elif ! python3 - "$tmp/hostile.json" >"$tmp/hostile.txt" <<'EOF'; then
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    model = json.load(f)


def h(text):
    return text.encode("utf-8").hex() if text is not None else "-"


print("title", h(model["title"]))
print("source", h(model["source"]))
for c in model["classes"]:
    print("class", c["lo"], h(c["id"]), h(c["title"]))
for f in model["flags"]:
    print("flag", h(f["id"]), h(f["meaning"]))
for s in model["statuses"]:
    print("status", s["code"], h(s["name"]), h(s["reason"]),
          h(s["description"]), h(s["reference"]))
    for a in s["aliases"]:
        print("alias", s["code"], h(a["name"]), h(a["reason"]))
EOF
  fail "the hostile spec's texts from its model"
elif [ -f "$tmp/hostile/libhostile.rlib" ]; then
  run_checker check_rust_hostile "$tmp/hostile" "$tmp/hostile.txt"
fi

echo "rust: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
