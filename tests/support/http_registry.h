/* http_registry: the HTTP status codes as the IANA HTTP Status Code
   Registry, RFC 9110 and the seed list give them, written out here: the
   truth that tests hold the spec and the generated lookups to. Nothing here
   is read from spec/http_status.yaml. */
#ifndef STATUSGEN_TEST_HTTP_REGISTRY_H
#define STATUSGEN_TEST_HTTP_REGISTRY_H

#include <stddef.h>

/* Flags, from RFC 9110: heuristically cacheable (15.1, and RFC 7725 for
   451), never any content (6.4.1, 15.2, 15.3.5, 15.3.6, 15.4.5), worth a
   retry (502, 503, 504), deprecated or unused (15.4.6, 15.4.7, 15.5.19,
   and 510's move to Historic), a temporary registration (104). */
enum {
  HTTP_CACHEABLE = 1,
  HTTP_EMPTY = 2,
  HTTP_RETRYABLE = 4,
  HTTP_DEPRECATED = 8,
  HTTP_PROVISIONAL = 16
};

/* A registry row: the reason phrase is RFC 9110's (104, 306, 418 and 510
   as the spec documents them), the name the one derived from it (418's is
   given). */
struct http_code {
  int code;
  const char *reason;
  const char *name;
  const char *reference;
  unsigned flags;
};

/* A former reason phrase of a code: the renamings of RFC 9110 Appendix
   B.3, RFC 7231 and RFC 4918, and the phrases of RFC 1945, 2068 and 2616
   that differ from RFC 9110's other than by case. */
struct http_alias {
  int code;
  const char *reason;
  const char *name;
};

/* A description from the seed list, word for word. */
struct http_seed {
  int code;
  const char *description;
};

extern const struct http_code http_registry[];
extern const size_t http_registry_count;
extern const struct http_alias http_aliases[];
extern const size_t http_aliases_count;
extern const struct http_seed http_seed[];
extern const size_t http_seed_count;

/* The classes, by first digit (RFC 9110 Section 15), with the seed's
   titles: index 0 is 1xx. */
extern const char *const http_class_ids[5];
extern const char *const http_class_titles[5];

/* The row of code, or NULL. */
const struct http_code *http_registry_find(int code);

#endif
