#!/bin/sh
# Runs the example on a few inputs and compares what it prints with what
# a reader of RFC 9110 expects. Ends with "example: N passed, N failed".
set -u
bin=${1:?usage: check.sh EXAMPLE}
passed=0 failed=0
expect() {
  got=$("$bin" "$1")
  if [ "$got" = "$2" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "example: '$1': got '$got', want '$2'"; fi
}
expect 404 "404 Not Found [client_error] cacheable"
expect "not found" "404 Not Found [client_error] cacheable"
expect NOT_FOUND "404 Not Found [client_error] cacheable"
expect "payload too large" "413 Content Too Large [client_error]"
expect 503 "503 Service Unavailable [server_error] retryable"
expect 299 "299 unknown [success]"
expect 700 "700 unknown [none]"
expect teapot "'teapot' is no status"
echo "example: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
