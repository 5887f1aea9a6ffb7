#!/bin/sh
# Runs the test of every stock template set of another language
# (tests/lang/LANG.sh STATUSGEN REGISTRY_TSV), each of which generates its
# set for the specs listed in tests/lang/specs.txt and checks the result
# with that language's own toolchain, or says it skipped when the toolchain is not
# installed ("make deps" installs them). Ends with "lang: N passed, N
# failed".
#
# usage: tests/lang/run.sh STATUSGEN REGISTRY_TSV
set -u
statusgen=${1:?usage: run.sh STATUSGEN REGISTRY_TSV}
registry=${2:?usage: run.sh STATUSGEN REGISTRY_TSV}
passed=0 failed=0
for t in tests/lang/*.sh; do
  [ "$t" = tests/lang/run.sh ] && continue
  if sh "$t" "$statusgen" "$registry"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "lang: FAILED $t"
  fi
done
echo "lang: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
