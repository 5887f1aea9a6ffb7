#!/bin/sh
# Mistakes a newcomer makes, each a folder: a spec (spec.yaml) and, for a
# template mistake, a templates folder. Each is run from its folder as
#   statusgen --caret -t TEMPLATES -o out spec.yaml
# (TEMPLATES: its own, else the project's) and must exit 2, write nothing
# (no out/) and print exactly the file "expected" beside it: every line,
# the source line and caret included. Ends with "mistakes: N passed, N
# failed".
#
# usage: tests/mistakes/run.sh STATUSGEN
set -u
gen=${1:?usage: run.sh STATUSGEN}
case $gen in /*) ;; *) gen=$(pwd)/$gen ;; esac
top=$(pwd)
here=$top/tests/mistakes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0

for case in "$here"/*/; do
  name=$(basename "$case")
  rm -rf "$tmp/case" && cp -R "$case" "$tmp/case"
  templates=$top/templates
  [ -d "$tmp/case/templates" ] && templates=templates
  (cd "$tmp/case" && "$gen" --caret -t "$templates" -o out spec.yaml) \
    >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -ne 2 ]; then
    failed=$((failed + 1)); echo "mistakes: FAILED: $name: exit status $status"
  elif ! cmp -s "$tmp/err" "$case/expected"; then
    failed=$((failed + 1)); echo "mistakes: FAILED: $name: stderr differs"
    diff "$case/expected" "$tmp/err" | sed 's/^/  /' | head -20
  elif [ -s "$tmp/out" ] || [ -e "$tmp/case/out" ]; then
    failed=$((failed + 1)); echo "mistakes: FAILED: $name: wrote something"
  else
    passed=$((passed + 1))
  fi
done
echo "mistakes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
