#!/bin/sh
# The bad-input catalog: every case is run through the whole generator,
# in a scratch output folder that already holds the current outputs, with
# a time limit. A case passes when its exit status and its whole stderr are
# those tests/bad/expected.txt gives (paths written as FILE for the spec,
# TPL for the templates folder, OUT for the output folder, TMP for the
# scratch folder), nothing on stderr comes from a sanitizer, the outputs
# that were there are untouched (bytes and mtime) and no temporary file is
# left. A mismatch prints a diff of the expected stderr against the actual.
#
# Cases: tests/bad/spec/*.yaml (a spec each), tests/bad/templates/*.case
# (a templates folder each: "=== NAME" starts a file), tests/bad/kind/
# *.case (a templates folder of outputs of some kinds, run on the spec
# NAME.yaml beside it, else on the HTTP spec), and the generated ones
# below (large inputs, faults, files that cannot be committed).
# Ends with "bad: N passed, N failed".
#
# usage: tests/bad/run.sh STATUSGEN [--print]
#   --print  prints what each case gives now, in the format of
#            expected.txt, and judges nothing. It is a help for reviewing
#            a case by hand; an expectation is what the tool should say,
#            decided by reading the case, never copied from --print.
set -u
statusgen=${1:?usage: run.sh STATUSGEN [--print]}
print=${2:-}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
# Under ASan and valgrind runs are slow: a generous limit, still a limit.
limit=${BAD_TIMEOUT:-120}
# For cases that may hang today (a FIFO, an endless render): the fixed tool
# answers at once, so a quarter of the limit is plenty.
short=$((limit / 4))

# fresh_out: an output folder holding the current outputs, and a snapshot.
fresh_out() {
  rm -rf "$tmp/out" && mkdir "$tmp/out" && cp -p out/* "$tmp/out/"
  (cd "$tmp/out" && stat -c "%n %s %Y" ./* && sha1sum ./*) >"$tmp/before"
}

# expect NAME: the case's expected exit status on stdout, its expected
# stderr in $tmp/want, and its note (why it fails today, if it does) in
# $tmp/note. The status is empty when expected.txt lacks the case.
expect() {
  awk -v name="$1" -v want="$tmp/want" -v note="$tmp/note" '
    BEGIN { printf "" > want; printf "" > note }
    /^=== / { on = $2 == name
              if (on) { print $3; sub(/^=== [^ ]+ [^ ]+ ?/, "")
                        printf "%s", $0 > note }
              next }
    on { print > want }' "$here/expected.txt"
}

# check NAME SPEC [OPTIONS...]: runs statusgen and judges the result.
check() {
  name=$1 spec=$2
  shift 2
  ( if [ -n "${fsize:-}" ]; then ulimit -f "$fsize"; fi
    exec timeout "${case_limit:-$limit}" "$statusgen" -q -o "$tmp/out" \
      "$@" "$spec" ) >"$tmp/stdout" 2>"$tmp/stderr.raw"
  rc=$?
  sed -e "s|$spec|FILE|g" -e "s|$tmp/out|OUT|g" -e "s|$tmp/t|TPL|g" \
    -e "s|$tmp|TMP|g" "$tmp/stderr.raw" >"$tmp/stderr"
  if [ -n "$print" ]; then
    echo "=== $name $rc"
    cat "$tmp/stderr"
    return
  fi
  want_rc=$(expect "$name")
  why=
  if [ -z "$want_rc" ]; then
    why=" no expectation in expected.txt"
  else
    [ "$rc" = "$want_rc" ] || why=" exit status $rc, expected $want_rc"
    cmp -s "$tmp/want" "$tmp/stderr" || why="$why stderr differs"
  fi
  grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/stderr" &&
    why="$why sanitizer report"
  [ "$(cd "$tmp/out" && ls -A | grep -c '^\.')" = 0 ] ||
    why="$why temporary left"
  (cd "$tmp/out" && stat -c "%n %s %Y" ./* && sha1sum ./*) >"$tmp/after"
  grep -v -F -x -f "$tmp/after" "$tmp/before" >/dev/null &&
    why="$why outputs changed"
  if [ -z "$why" ]; then
    passed=$((passed + 1))
    return
  fi
  failed=$((failed + 1))
  echo "bad: FAILED $name:$why"
  [ -s "$tmp/note" ] && echo "  known: $(cat "$tmp/note")"
  [ -n "$want_rc" ] &&
    diff -u --label expected --label actual "$tmp/want" "$tmp/stderr" |
    head -n 40
}

for f in "$here"/spec/*.yaml; do
  fresh_out
  check "spec/$(basename "$f")" "$f"
done

# new_templates: an empty templates folder $tmp/t.
new_templates() {
  chmod -R u+w "$tmp/t" 2>/dev/null
  rm -rf "$tmp/t" && mkdir "$tmp/t"
}

# Cases that may run for ever today get the short limit.
for c in "$here"/templates/*.case; do
  fresh_out
  new_templates
  awk -v dir="$tmp/t" '/^=== / { f = dir "/" substr($0, 5); next }
                       { print > f }' "$c"
  case $c in
  */partial-self-twice.case | */sections-nested-8.case) case_limit=$short ;;
  esac
  check "templates/$(basename "$c")" spec/http_status.yaml -t "$tmp/t"
  case_limit=
done

# Output kinds: what no kind, a kinds file, or a kind's reserved names
# and texts refuse.
for c in "$here"/kind/*.case; do
  fresh_out
  new_templates
  awk -v dir="$tmp/t" '/^=== / { f = dir "/" substr($0, 5); next }
                       { print > f }' "$c"
  spec=${c%.case}.yaml
  [ -f "$spec" ] || spec=spec/http_status.yaml
  check "kind/$(basename "$c" .case)" "$spec" -t "$tmp/t"
done

# Generated: inputs too large to commit, and faults of the file system.
gen="$tmp/gen"
mkdir "$gen"
spec_head='name: big
title: Big
source: generated
statuses:
'
{ printf '%s  - code: 1\n    reason: Long\n    description: ' "$spec_head"
  head -c 10485760 /dev/zero | tr '\0' 'x'; echo; } >"$gen/string-10mb.yaml"
{ printf 'name: '; head -c 10000 /dev/zero | tr '\0' '['
  head -c 10000 /dev/zero | tr '\0' ']'; echo; } >"$gen/nesting-10000.yaml"
{ printf '%s' "$spec_head"; i=1
  while [ $i -le 100000 ]; do
    printf '  - {code: %d, name: S%d, reason: Status %d, description: D.}\n' \
      $i $i $i; i=$((i + 1)); done; } >"$gen/statuses-100000.yaml"
for f in string-10mb nesting-10000 statuses-100000; do
  fresh_out
  check "generated/$f" "$gen/$f.yaml"
done

# default_templates: $tmp/t holds a copy of the project's templates.
default_templates() {
  new_templates
  cp templates/*.mustache "$tmp/t/"
}

fresh_out
check fault/spec-is-a-folder "$here/spec"
fresh_out
check fault/spec-missing "$gen/no-such.yaml"
fresh_out
check fault/out-under-a-file spec/http_status.yaml -o "$tmp/before/out"
fresh_out
check fault/out-is-a-file spec/http_status.yaml -o "$tmp/before"
fresh_out
check fault/templates-missing spec/http_status.yaml -t "$tmp/no-such"
fresh_out
default_templates
ln -sf "$tmp/nowhere" "$tmp/t/_banner.mustache"
check fault/partial-dangling-link spec/http_status.yaml -t "$tmp/t"
fresh_out
default_templates
ln -sf /etc/hostname "$tmp/t/_banner.mustache"
check fault/partial-link-outside spec/http_status.yaml -t "$tmp/t"
fresh_out
default_templates
rm "$tmp/t/{{prefix}}.h.mustache" && mkdir "$tmp/t/{{prefix}}.h.mustache"
check fault/template-is-a-folder spec/http_status.yaml -t "$tmp/t"
# A template that is a FIFO: reading it would wait for a writer for ever.
fresh_out
default_templates
rm "$tmp/t/{{prefix}}.h.mustache" && mkfifo "$tmp/t/{{prefix}}.h.mustache"
case_limit=$short
check fault/template-fifo spec/http_status.yaml -t "$tmp/t"
case_limit=
# A template that is a link to a file outside the folder, though the file
# is the very template it replaces: where it lives is what is refused.
fresh_out
default_templates
rm -rf "$tmp/elsewhere" && mkdir "$tmp/elsewhere"
mv "$tmp/t/{{prefix}}.h.mustache" "$tmp/elsewhere/"
ln -s "$tmp/elsewhere/{{prefix}}.h.mustache" "$tmp/t/{{prefix}}.h.mustache"
check fault/template-link-outside spec/http_status.yaml -t "$tmp/t"
fresh_out
for f in "$tmp/out"/*; do printf 'old\n' >"$f"; touch -d @946684800 "$f"; done
(cd "$tmp/out" && stat -c "%n %s %Y" ./* && sha1sum ./*) >"$tmp/before"
fsize=8 # 512-byte blocks: the first output cannot be written whole
check fault/full-disk spec/http_status.yaml
fsize=

[ -n "$print" ] && exit 0
echo "bad: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
