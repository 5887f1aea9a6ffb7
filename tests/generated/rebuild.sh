#!/bin/sh
# make as a user's build step: in a copy of the project (build/ included,
# timestamps kept), a second make does nothing; touching the spec reruns
# the generator but rewrites no output; editing a template rewrites only
# the outputs that change. Ends with "rebuild: N passed, N failed".
#
# usage: tests/generated/rebuild.sh [MAKE VARIABLES...]
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "rebuild: FAILED: $*"; }

sh tests/copy-project.sh "$tmp"
cd "$tmp" || exit 1
make -s "$@" >/dev/null 2>&1 || bad "first make"
if make -q "$@" all; then ok; else bad "a second make would do something"; fi

sleep 1 # a coarse file system must see the spec as newer
touch spec/http_status.yaml
make "$@" >log 2>&1 || bad "make after touching the spec"
if grep -q 'statusgen.* -M ' log; then ok; else bad "the generator did not run"; fi
if grep -q 'wrote' log; then bad "an output was rewritten"; cat log; else ok; fi
if make -q "$@" all; then ok; else bad "make after the spec is not idempotent"; fi

sleep 1
printf '/* one more line */\n' >>'templates/{{prefix}}.c.mustache'
make "$@" >log 2>&1 || bad "make after editing a template"
if grep -q 'wrote out/http_status.c$' log && [ "$(grep -c wrote log)" = 1 ]
then ok; else bad "not exactly out/http_status.c rewritten"; cat log; fi
if tail -n 1 out/http_status.c | grep -q 'one more line'; then ok
else bad "out/http_status.c lacks the template's new line"; fi

echo "rebuild: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
