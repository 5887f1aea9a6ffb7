#!/bin/sh
# Tests the stock Python template set (templates/python) with
# tests/lang/check_python.py: generates it for the HTTP, SMTP, hostile and
# other test specs, compiles each module (py_compile), type-checks it
# (mypy --strict, when installed), checks every text of each spec byte for
# byte through Python and the HTTP module against the independent registry.
# Ends with "python: N passed, N failed", or says it skipped without
# python3.
#
# usage: tests/lang/python.sh STATUSGEN REGISTRY_TSV
set -u
if ! command -v python3 >/dev/null 2>&1; then
  echo "python: skipped, no python3"
  exit 0
fi
# -B: no __pycache__ left in tests/lang
exec python3 -B tests/lang/check_python.py "$@"
