#!/bin/sh
# Copies the project into DEST for tests that change it: the files git
# knows (staged ones too) and the build, less what only benchmarks and
# fuzzing use (large, and busy while they run). Timestamps are kept.
#
# usage: tests/copy-project.sh DEST
set -eu
dest=${1:?usage: copy-project.sh DEST}
git ls-files -z | tar --null -T - -cf - | (cd "$dest" && tar -xf -)
tar -cf - --exclude=build/bench --exclude=build/fuzz build |
  (cd "$dest" && tar -xf -)
