#!/bin/sh
# Runs statusgen under valgrind, for tests/bad/run.sh: any memory error or
# leak turns into exit status 99, which no case expects.
exec valgrind -q --leak-check=full --errors-for-leak-kinds=all \
  --error-exitcode=99 "${STATUSGEN_REAL:-build/statusgen}" "$@"
