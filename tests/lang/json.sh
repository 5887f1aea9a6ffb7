#!/bin/sh
# Tests the stock JSON template set (templates/json) with
# tests/lang/check_json.py: generates it for the HTTP, SMTP, hostile and
# other test specs, parses each file strictly, holds it to its spec's model
# field by field (every text byte for byte) and the HTTP file to the
# independent registry. Ends with "json: N passed, N failed", or says it
# skipped without python3 (the checker, and its JSON parser).
#
# usage: tests/lang/json.sh STATUSGEN REGISTRY_TSV
set -u
if ! command -v python3 >/dev/null 2>&1; then
  echo "json: skipped, no python3"
  exit 0
fi
# -B: no __pycache__ left in tests/lang
exec python3 -B tests/lang/check_json.py "$@"
