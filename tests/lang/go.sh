#!/bin/sh
# The stock Go set (templates/go): generated for the HTTP, SMTP, minimal,
# text and hostile specs into one scratch module, each package checked
# with gofmt -l (must print nothing) and go vet; then tests/lang/check_go,
# built against the HTTP and hostile packages, holds the first to the
# registry table and reads every text of the second back byte for byte
# (its expected texts from statusgen --dump-model, not from the generated
# code). Ends with "go: N passed, N failed", or says it skipped when Go is
# not installed. The Go build cache and module cache live in the scratch
# folder, and nothing is fetched (GOPROXY=off).
#
# usage: tests/lang/go.sh STATUSGEN REGISTRY_TSV
set -u
statusgen=${1:?usage: go.sh STATUSGEN REGISTRY_TSV}
registry=${2:?usage: go.sh STATUSGEN REGISTRY_TSV}
PATH=/usr/bin:/bin:$PATH
for tool in go gofmt; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "go: skipped, no $tool"
    exit 0
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export GOPATH="$tmp/gopath" GOCACHE="$tmp/cache" GOFLAGS=-mod=mod \
  GOPROXY=off GO111MODULE=on GOWORK=off GOENV=off GOTOOLCHAIN=local \
  CGO_ENABLED=0
mod=$tmp/mod
mkdir -p "$mod/check" "$tmp/out"
printf 'module check\n\ngo 1.19\n' >"$mod/go.mod"
passed=0 failed=0

# step WHAT COMMAND...: runs COMMAND, its output kept in $tmp/log; counts
# it passed when it exits 0 and printed nothing, else shows the output.
step() {
  what=$1
  shift
  if "$@" >"$tmp/log" 2>&1 && [ ! -s "$tmp/log" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "go: FAILED $what:"
    sed 's/^/  | /' "$tmp/log" | head -n 20
  fi
}

# Each spec's set is one package, in the module folder named as it is.
for spec in $(grep -v '^#' tests/lang/specs.txt); do
  out=$tmp/out/$(basename "$spec" .yaml)
  mkdir -p "$out"
  step "generate $spec" "$statusgen" -q -t templates/go -o "$out" "$spec"
  for f in "$out"/*.go; do
    [ -f "$f" ] || continue
    pkg=$(basename "$f" .go)
    mkdir -p "$mod/$pkg"
    mv "$f" "$mod/$pkg/"
    step "gofmt -l $spec" gofmt -l "$mod/$pkg"
    step "go vet $spec" sh -c 'cd "$1" && go vet "./$2"' sh "$mod" "$pkg"
  done
done

# Every constant the registry names, spelled here from the registry's
# names (UPPER_SNAKE to UpperCamel), so a missing one does not compile.
cp tests/lang/check_go/*.go "$mod/check/"
awk -F '\t' '
  BEGIN { print "package main\n\nimport \"check/http_status\"\n" \
                "\nvar constants = []struct {\n\tname  string\n" \
                "\tvalue http_status.HttpStatus\n\tcode  int\n}{" }
  { n = split($4, w, "_"); camel = ""
    for (i = 1; i <= n; i++)
      camel = camel toupper(substr(w[i], 1, 1)) tolower(substr(w[i], 2))
    printf "\t{\"%s\", http_status.%s, %s},\n", $4, camel, $2 }
  END { print "}" }' "$registry" >"$mod/check/constants_gen.go"
step "dump the hostile model" sh -c '"$1" --dump-model tests/specs/hostile.yaml >"$2"' \
  sh "$statusgen" "$tmp/hostile.json"
step "go vet the checker" sh -c 'cd "$1" && go vet ./check' sh "$mod"
step "build the checker" sh -c 'cd "$1" && go build -o "$2" ./check' sh "$mod" "$tmp/check"
if [ -x "$tmp/check" ]; then
  "$tmp/check" "$registry" "$tmp/hostile.json" >"$tmp/log" 2>&1
  status=$?
  grep -v '^go check: [0-9]* passed, [0-9]* failed$' "$tmp/log" | head -n 40
  counts=$(sed -n 's/^go check: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/log")
  if [ -n "$counts" ]; then
    set -- $counts
    passed=$((passed + $1)) failed=$((failed + $2))
  fi
  if [ "$status" -ne 0 ] && [ "${2:-0}" -eq 0 ] || [ -z "$counts" ]; then
    failed=$((failed + 1))
    echo "go: FAILED the checker ended with status $status"
  fi
fi
echo "go: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
