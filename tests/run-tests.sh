#!/bin/sh
# Runs each cmocka test program given, from the top of the project, and ends
# with one line that sums their results. Exits 1 when any test failed.
passed=0 failed=0 status=0
for t in "$@"; do
  log=$("$t" 2>&1)
  rc=$?
  printf '%s\n' "$log"
  p=$(printf '%s\n' "$log" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
  f=$(printf '%s\n' "$log" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ]; then
    status=1
    [ -n "$f" ] || failed=$((failed + 1))
  fi
done
echo "tests: $passed passed, $failed failed"
exit $status
