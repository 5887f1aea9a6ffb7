#!/bin/sh
# The markdown docs read well: out/http_status.md and the docs of every
# valid test spec are rendered by cmark-gfm, and in the HTML every link to
# an anchor (#...) has that anchor; every status has its anchor, and a link
# from the contents when the spec has classes; no column of the status
# tables is empty for the whole spec. Ends with "docs: N passed, N failed".
#
# usage: tests/docs.sh STATUSGEN
set -u
gen=${1:?usage: docs.sh STATUSGEN}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "docs: FAILED: $*"; }

if ! command -v cmark-gfm >/dev/null; then
  echo "docs: cmark-gfm is missing (make deps installs it)"
  exit 1
fi

# check MD SPEC: the checks above on the markdown MD made from SPEC.
check() {
  md=$1 spec=$2
  html=$tmp/page.html
  cmark-gfm --unsafe -e table "$md" >"$html" || { bad "$md: cmark-gfm"; return; }
  grep -o 'href="#[^"]*"' "$html" | sed 's/^href="#//; s/"$//' | sort -u >"$tmp/links"
  grep -o ' id="[^"]*"' "$html" | sed 's/^ id="//; s/"$//' | sort >"$tmp/ids"
  missing=$(sort -u "$tmp/ids" | comm -23 "$tmp/links" -)
  [ -z "$missing" ] && ok || bad "$md: links to no anchor: $missing"
  dups=$(uniq -d "$tmp/ids")
  [ -z "$dups" ] && ok || bad "$md: anchors given twice: $dups"
  # One anchor per status: as many as the spec has codes.
  codes=$(grep -c '^ *- *code:\|^ *- *{ *code:' "$spec")
  anchors=$(grep -c '^<td[^>]*><a id="[a-z0-9_]*-[0-9-]*"></a>' "$html")
  [ "$anchors" -eq "$codes" ] && ok ||
    bad "$md: $anchors status anchors for $codes statuses"
  if grep -q '^classes:' "$spec"; then
    toc=$(sed -n '/^Contents:/,/^## /p' "$md" | grep -o '](#[a-z0-9_]*-[0-9-]*)' | wc -l)
    [ "$toc" -eq "$codes" ] && ok || bad "$md: the contents link $toc of $codes statuses"
  fi
  # Each column of the status tables has a cell with text somewhere.
  awk -F ' \\| ' '
    /^\| <a id=/ { rows++
      for (i = 1; i <= NF; i++) { c = $i; gsub(/^[| ]+|[| ]+$/, "", c)
        if (c != "") used[i] = 1 }
      if (NF > cols) cols = NF }
    END { for (i = 1; i <= cols; i++) if (!used[i]) { print i; bad = 1 }
          exit rows == 0 || bad }' "$md" >"$tmp/empty" && ok ||
    bad "$md: columns empty in every row: $(tr '\n' ' ' <"$tmp/empty")"
}

check out/http_status.md spec/http_status.yaml
for spec in tests/specs/valid/*.yaml; do
  rm -rf "$tmp/out"
  "$gen" -q -o "$tmp/out" "$spec" || { bad "statusgen $spec"; continue; }
  for md in "$tmp"/out/*.md; do
    check "$md" "$spec"
  done
done

echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
