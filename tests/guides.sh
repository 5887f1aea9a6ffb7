#!/bin/sh
# Runs every ```sh block of the README's "Guides" section, in order, in a
# scratch copy of the project (tracked files and the build), with the
# built statusgen: each block must exit 0. Ends with
# "guides: N passed, N failed".
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0

sh tests/copy-project.sh "$tmp"
awk '/^## / { inside = ($0 == "## Guides") }
     inside && /^```sh$/ { n++; f = sprintf("'"$tmp"'/guide-%02d.sh", n); next }
     inside && /^```$/ { f = ""; next }
     f { print > f }' README.md
for g in "$tmp"/guide-*.sh; do
  # a person edits after the last build's second: so must the blocks, for
  # make to see the edit on a file system with coarse timestamps
  sleep 1
  if (cd "$tmp" && sh -e "$g" >"$g.log" 2>&1); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "guides: FAILED block $(basename "$g"):"
    sed 's/^/  | /' "$g"
    tail -n 5 "$g.log"
  fi
done
echo "guides: $passed passed, $failed failed"
[ "$failed" -gt 0 ] && exit 1
[ "$passed" -gt 0 ]
