/* json_check: says whether bytes are exactly one valid JSON value (RFC
   8259), for tests of the --dump-model output. */
#ifndef STATUSGEN_TEST_JSON_CHECK_H
#define STATUSGEN_TEST_JSON_CHECK_H

#include <stddef.h>

/* 1 when s[0..n) is one JSON value with optional white space around it. */
int json_check(const char *s, size_t n);

#endif
