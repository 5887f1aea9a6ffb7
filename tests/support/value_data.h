/* value_data: the Mustache engine's data interface over a value tree
   (gen/value.h), shared by the cmocka tests and the conformance runner.
   Handles point at the tree's nodes; nothing is copied. */
#ifndef STATUSGEN_TEST_VALUE_DATA_H
#define STATUSGEN_TEST_VALUE_DATA_H

#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "value.h"

/* The callbacks; they ignore their closure. Mappings are looked up by key
   text (first match, linear: test data is small). Falsey: null, false, the
   empty string, the empty list; truthy: everything else (0 and {} too).
   Printed: null as nothing, booleans as true/false, integers in decimal,
   floats by value_data_print_float, strings as their bytes; lists and
   mappings have no text. */
extern const struct mustache_data value_data_interface;

/* A handle on v, which must outlive every use of the handle. */
struct mustache_value value_data_of(const struct value *v);

/* A view whose root is v. */
struct mustache_view value_data_view(const struct value *v);

/* Appends the shortest decimal form that reads back as exactly f: 1.21
   for the YAML 1.210, 1000 for 1e3; an exponent only past the range
   where JavaScript drops it too (1e+21, 1e-07). */
void value_data_print_float(struct buf *out, double f);

/* The partial callback for a test's data: closure is a mapping (or NULL)
   of partial names to their text; a name it lacks is not found. */
enum mustache_found value_data_partial(void *closure, const char *name,
                                       size_t len, struct mustache_source *src);

/* Appends s (n bytes) in double quotes, its control characters, quotes,
   backslashes and non-ASCII bytes as escapes: for failure reports. */
void value_data_quote(struct buf *out, const char *s, size_t n);

/* The text of v (len bytes), or "" when v is absent or has none. */
const char *value_data_text(const struct value *v, size_t *len);

/* Appends the end of a failure report: the expected text, what was got,
   each quoted, then every diagnostic in d, a line each. */
void value_data_report(struct buf *out, const struct value *expected,
                       const struct buf *got, struct diag *d);

#endif
