/* test_http_lookups: the generated C (out/http_status.c, compiled as it is
   vendored) against the registry tables written in tests/support, for
   every registry code and every integer from -1 to 1000. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "http_registry.h"
#include "http_status.h"

/* A copy of len bytes in a block of exactly that size, so that ASan (make
   check SANITIZE=1) reports any read past len. */
static char *exact(const char *s, size_t len)
{
  char *p = malloc(len ? len : 1);

  memcpy(p, s, len);
  return p;
}

static int from_name(const char *s, size_t len)
{
  char *p = exact(s, len);
  int code = http_status_from_name(p, len);

  free(p);
  return code;
}

static int from_reason(const char *s, size_t len)
{
  char *p = exact(s, len);
  int code = http_status_from_reason(p, len);

  free(p);
  return code;
}

static int is_flagged(int code, unsigned flag)
{
  switch (flag) {
  case HTTP_CACHEABLE: return http_status_is_cacheable(code);
  case HTTP_EMPTY: return http_status_is_empty(code);
  case HTTP_RETRYABLE: return http_status_is_retryable(code);
  case HTTP_DEPRECATED: return http_status_is_deprecated(code);
  default: return http_status_is_provisional(code);
  }
}

static void test_every_registry_code(void **state)
{
  size_t i;
  unsigned bit;

  (void)state;
  assert_int_equal(HTTP_STATUS_COUNT, http_registry_count);
  for (i = 0; i < http_registry_count; i++) {
    const struct http_code *c = &http_registry[i];

    assert_string_equal(http_status_reason(c->code), c->reason);
    assert_string_equal(http_status_name(c->code), c->name);
    assert_string_equal(http_status_reference(c->code), c->reference);
    assert_non_null(http_status_description(c->code));
    assert_true(http_status_is_known(c->code));
    assert_int_equal(from_name(c->name, strlen(c->name)), c->code);
    assert_int_equal(from_reason(c->reason, strlen(c->reason)), c->code);
    for (bit = HTTP_CACHEABLE; bit <= HTTP_PROVISIONAL; bit <<= 1)
      if (is_flagged(c->code, bit) != ((c->flags & bit) != 0))
        fail_msg("code %d, flag %u", c->code, bit);
  }
}

static void test_seed_descriptions(void **state)
{
  size_t i;

  (void)state;
  for (i = 0; i < http_seed_count; i++)
    assert_string_equal(http_status_description(http_seed[i].code),
                        http_seed[i].description);
}

/* s with each ASCII letter in upper case (upper) or lower case. */
static char *recased(const char *s, int upper)
{
  size_t i, n = strlen(s);
  char *p = exact(s, n);

  for (i = 0; i < n; i++)
    p[i] = (char)(upper ? toupper((unsigned char)p[i])
                        : tolower((unsigned char)p[i]));
  return p;
}

static void test_aliases(void **state)
{
  size_t i;
  int upper;

  (void)state;
  assert_int_equal(HTTP_STATUS_MOVED_TEMPORARILY, 302);
  assert_int_equal(HTTP_STATUS_REQUEST_TIME_OUT, 408);
  assert_int_equal(HTTP_STATUS_PAYLOAD_TOO_LARGE, 413);
  assert_int_equal(HTTP_STATUS_REQUEST_ENTITY_TOO_LARGE, 413);
  assert_int_equal(HTTP_STATUS_REQUEST_URI_TOO_LONG, 414);
  assert_int_equal(HTTP_STATUS_REQUEST_URI_TOO_LARGE, 414);
  assert_int_equal(HTTP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, 416);
  assert_int_equal(HTTP_STATUS_UNPROCESSABLE_ENTITY, 422);
  assert_int_equal(HTTP_STATUS_GATEWAY_TIME_OUT, 504);
  for (i = 0; i < http_aliases_count; i++) {
    const struct http_alias *a = &http_aliases[i];

    assert_int_equal(from_name(a->name, strlen(a->name)), a->code);
    assert_int_equal(from_reason(a->reason, strlen(a->reason)), a->code);
    for (upper = 0; upper <= 1; upper++) {
      char *p = recased(a->reason, upper);

      if (http_status_from_reason(p, strlen(a->reason)) != a->code)
        fail_msg("'%s' (alias of %d) recased", a->reason, a->code);
      free(p);
    }
    /* the current phrase and name, never the former */
    assert_string_equal(http_status_reason(a->code),
                        http_registry_find(a->code)->reason);
    assert_string_equal(http_status_name(a->code),
                        http_registry_find(a->code)->name);
  }
}

static void test_every_integer(void **state)
{
  int code;

  (void)state;
  for (code = -1; code <= 1000; code++) {
    const struct http_code *c = http_registry_find(code);
    int digit = code >= 100 && code <= 599 ? code / 100 : 0;

    assert_int_equal(http_status_is_known(code), c != NULL);
    assert_int_equal(http_status_class_of(code), digit);
    assert_int_equal(http_status_is_informational(code), digit == 1);
    assert_int_equal(http_status_is_success(code), digit == 2);
    assert_int_equal(http_status_is_redirection(code), digit == 3);
    assert_int_equal(http_status_is_client_error(code), digit == 4);
    assert_int_equal(http_status_is_server_error(code), digit == 5);
    if (!c) {
      assert_null(http_status_reason(code));
      assert_null(http_status_name(code));
      assert_null(http_status_description(code));
      assert_null(http_status_reference(code));
      assert_int_equal(http_status_is_cacheable(code), 0);
    }
  }
}

static void test_class_titles(void **state)
{
  int k;

  (void)state;
  assert_null(http_status_class_title(HTTP_STATUS_CLASS_NONE));
  for (k = 1; k <= 5; k++)
    assert_string_equal(http_status_class_title((enum http_status_class)k),
                        http_class_titles[k - 1]);
  assert_null(http_status_class_title((enum http_status_class)6));
  assert_int_equal(HTTP_STATUS_CLASS_CLIENT_ERROR, 4);
}

/* The X-macro gives every code with its name and reason, in order. */
static void test_map_macro(void **state)
{
#define ROW(code, name, reason) {code, #name, reason},
  static const struct {
    int code;
    const char *name, *reason;
  } rows[] = {HTTP_STATUS_MAP(ROW)};
#undef ROW
  size_t i;

  (void)state;
  assert_int_equal(sizeof rows / sizeof *rows, http_registry_count);
  for (i = 0; i < http_registry_count; i++) {
    assert_int_equal(rows[i].code, http_registry[i].code);
    assert_string_equal(rows[i].name, http_registry[i].name);
    assert_string_equal(rows[i].reason, http_registry[i].reason);
  }
}

static void test_reason_ignores_ascii_case_only(void **state)
{
  static const struct {
    const char *text;
    int code;
  } rows[] = {
      {"not found", 404},
      {"NOT FOUND", 404},
      {"nOt FoUnD", 404},
      {"i'm a teapot", 418},
      {"REQUEST-URI TOO LONG", 414},
      /* RFC 2068's and 2616's phrases that are RFC 9110's but for case,
         and so no aliases */
      {"HTTP Version not supported", 505},
      {"Requested range not satisfiable", 416},
      /* a legacy alias in another case, and near misses of aliases */
      {"request time-out", 408},
      {"Request Time out", -1},
      {"Gateway Timeout ", -1},
      {"Moved Temporarily.", -1},
      {"Not  Found", -1},
      {"Not Found ", -1},
      {" Not Found", -1},
      {"Not Foun", -1},
      {"Not_Found", -1},
      {"", -1},
      {"Not Founds", -1},
  };
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    if (from_reason(rows[i].text, strlen(rows[i].text)) != rows[i].code)
      fail_msg("'%s'", rows[i].text);
  }
}

/* A byte in lower case: ASCII capitals only, whatever the locale. */
static int ascii_lower(int b)
{
  return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
}

/* 1 when the len bytes at s and the text t are equal but for ASCII case. */
static int same_but_case(const char *s, size_t len, const char *t)
{
  size_t i;

  if (strlen(t) != len)
    return 0;
  for (i = 0; i < len; i++)
    if (ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)t[i]))
      return 0;
  return 1;
}

/* The code whose reason or former reason the len bytes at s are but for
   ASCII case, from the registry table; -1 for none. */
static int registry_reason_code(const char *s, size_t len)
{
  size_t i;

  for (i = 0; i < http_registry_count; i++)
    if (same_but_case(s, len, http_registry[i].reason))
      return http_registry[i].code;
  for (i = 0; i < http_aliases_count; i++)
    if (same_but_case(s, len, http_aliases[i].reason))
      return http_aliases[i].code;
  return -1;
}

/* Every byte value at every place of every reason: only an ASCII letter's
   other case still matches, wherever the byte sits in the words the
   lookup compares (a fold that also moved other bytes, '\r' onto '-'
   say, is caught). */
static void test_reason_folds_ascii_letters_only(void **state)
{
  size_t i, k;
  unsigned b;

  (void)state;
  for (i = 0; i < http_registry_count; i++) {
    const char *r = http_registry[i].reason;
    size_t n = strlen(r);
    char buf[64];

    memcpy(buf, r, n);
    for (k = 0; k < n; k++) {
      for (b = 0; b < 256; b++) {
        buf[k] = (char)b;
        if (from_reason(buf, n) != registry_reason_code(buf, n))
          fail_msg("'%s' with byte %u at %zu", r, b, k);
      }
      buf[k] = r[k];
    }
  }
}

static void test_name_is_exact(void **state)
{
  static const struct {
    const char *text;
    int code;
  } rows[] = {
      {"NOT_FOUND", 404},   {"not_found", -1},
      {"NOT FOUND", -1},    {"HTTP_STATUS_NOT_FOUND", -1},
      {"OK", 200},          {"O", -1},
      {"OKAY", -1},         {"IM_A_TEAPOT", 418},
      {"I_M_A_TEAPOT", -1},
  };
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++)
    if (from_name(rows[i].text, strlen(rows[i].text)) != rows[i].code)
      fail_msg("'%s'", rows[i].text);
  assert_int_equal(http_status_from_name(NULL, 9), -1);
  assert_int_equal(http_status_from_reason(NULL, 9), -1);
}

/* Every prefix of every name and reason is a miss (none is another's
   prefix here), and a longer buffer is read only up to len. */
static void test_prefixes_and_len(void **state)
{
  size_t i, n;

  (void)state;
  for (i = 0; i < http_registry_count; i++) {
    const struct http_code *c = &http_registry[i];
    char buf[64];

    for (n = 0; n < strlen(c->name); n++)
      assert_int_equal(from_name(c->name, n), -1);
    for (n = 0; n < strlen(c->reason); n++)
      assert_int_equal(from_reason(c->reason, n), -1);
    n = strlen(c->name);
    memcpy(buf, c->name, n);
    memcpy(buf + n, "XYZ", 3);
    assert_int_equal(from_name(buf, n), c->code);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_registry_code),
      cmocka_unit_test(test_seed_descriptions),
      cmocka_unit_test(test_aliases),
      cmocka_unit_test(test_every_integer),
      cmocka_unit_test(test_class_titles),
      cmocka_unit_test(test_map_macro),
      cmocka_unit_test(test_reason_ignores_ascii_case_only),
      cmocka_unit_test(test_reason_folds_ascii_letters_only),
      cmocka_unit_test(test_name_is_exact),
      cmocka_unit_test(test_prefixes_and_len),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
