/* test_http_spec: the HTTP spec's model against the registry. The tables
   below are written from the IANA HTTP Status Code Registry, RFC 9110 and
   the seed list, not read from the spec, so a wrong or missing entry in
   spec/http_status.yaml fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "diag.h"
#include "loader.h"
#include "spec.h"

#define SPEC_PATH "spec/http_status.yaml"

/* Registry rows: code, reason phrase (RFC 9110's; 104, 306, 418 and 510 as
   the spec documents), reference. */
static const struct {
  long code;
  const char *reason;
  const char *reference;
} registry[] = {
    {100, "Continue",
     "RFC 9110, Section 15.2.1"},
    {101, "Switching Protocols",
     "RFC 9110, Section 15.2.2"},
    {102, "Processing",
     "RFC 2518"},
    {103, "Early Hints",
     "RFC 8297"},
    {104, "Upload Resumption Supported",
     "draft-ietf-httpbis-resumable-upload-05"},
    {200, "OK",
     "RFC 9110, Section 15.3.1"},
    {201, "Created",
     "RFC 9110, Section 15.3.2"},
    {202, "Accepted",
     "RFC 9110, Section 15.3.3"},
    {203, "Non-Authoritative Information",
     "RFC 9110, Section 15.3.4"},
    {204, "No Content",
     "RFC 9110, Section 15.3.5"},
    {205, "Reset Content",
     "RFC 9110, Section 15.3.6"},
    {206, "Partial Content",
     "RFC 9110, Section 15.3.7"},
    {207, "Multi-Status",
     "RFC 4918"},
    {208, "Already Reported",
     "RFC 5842"},
    {226, "IM Used",
     "RFC 3229"},
    {300, "Multiple Choices",
     "RFC 9110, Section 15.4.1"},
    {301, "Moved Permanently",
     "RFC 9110, Section 15.4.2"},
    {302, "Found",
     "RFC 9110, Section 15.4.3"},
    {303, "See Other",
     "RFC 9110, Section 15.4.4"},
    {304, "Not Modified",
     "RFC 9110, Section 15.4.5"},
    {305, "Use Proxy",
     "RFC 9110, Section 15.4.6"},
    {306, "Switch Proxy",
     "RFC 9110, Section 15.4.7"},
    {307, "Temporary Redirect",
     "RFC 9110, Section 15.4.8"},
    {308, "Permanent Redirect",
     "RFC 9110, Section 15.4.9"},
    {400, "Bad Request",
     "RFC 9110, Section 15.5.1"},
    {401, "Unauthorized",
     "RFC 9110, Section 15.5.2"},
    {402, "Payment Required",
     "RFC 9110, Section 15.5.3"},
    {403, "Forbidden",
     "RFC 9110, Section 15.5.4"},
    {404, "Not Found",
     "RFC 9110, Section 15.5.5"},
    {405, "Method Not Allowed",
     "RFC 9110, Section 15.5.6"},
    {406, "Not Acceptable",
     "RFC 9110, Section 15.5.7"},
    {407, "Proxy Authentication Required",
     "RFC 9110, Section 15.5.8"},
    {408, "Request Timeout",
     "RFC 9110, Section 15.5.9"},
    {409, "Conflict",
     "RFC 9110, Section 15.5.10"},
    {410, "Gone",
     "RFC 9110, Section 15.5.11"},
    {411, "Length Required",
     "RFC 9110, Section 15.5.12"},
    {412, "Precondition Failed",
     "RFC 9110, Section 15.5.13"},
    {413, "Content Too Large",
     "RFC 9110, Section 15.5.14"},
    {414, "URI Too Long",
     "RFC 9110, Section 15.5.15"},
    {415, "Unsupported Media Type",
     "RFC 9110, Section 15.5.16"},
    {416, "Range Not Satisfiable",
     "RFC 9110, Section 15.5.17"},
    {417, "Expectation Failed",
     "RFC 9110, Section 15.5.18"},
    {418, "I'm a Teapot",
     "RFC 9110, Section 15.5.19"},
    {421, "Misdirected Request",
     "RFC 9110, Section 15.5.20"},
    {422, "Unprocessable Content",
     "RFC 9110, Section 15.5.21"},
    {423, "Locked",
     "RFC 4918"},
    {424, "Failed Dependency",
     "RFC 4918"},
    {425, "Too Early",
     "RFC 8470"},
    {426, "Upgrade Required",
     "RFC 9110, Section 15.5.22"},
    {428, "Precondition Required",
     "RFC 6585"},
    {429, "Too Many Requests",
     "RFC 6585"},
    {431, "Request Header Fields Too Large",
     "RFC 6585"},
    {451, "Unavailable For Legal Reasons",
     "RFC 7725"},
    {500, "Internal Server Error",
     "RFC 9110, Section 15.6.1"},
    {501, "Not Implemented",
     "RFC 9110, Section 15.6.2"},
    {502, "Bad Gateway",
     "RFC 9110, Section 15.6.3"},
    {503, "Service Unavailable",
     "RFC 9110, Section 15.6.4"},
    {504, "Gateway Timeout",
     "RFC 9110, Section 15.6.5"},
    {505, "HTTP Version Not Supported",
     "RFC 9110, Section 15.6.6"},
    {506, "Variant Also Negotiates",
     "RFC 2295"},
    {507, "Insufficient Storage",
     "RFC 4918"},
    {508, "Loop Detected",
     "RFC 5842"},
    {510, "Not Extended",
     "RFC 2774; status-change-http-experiments-to-historic"},
    {511, "Network Authentication Required",
     "RFC 6585"},
};

/* The seed list's descriptions, word for word. */
static const struct {
  long code;
  const char *description;
} seed[] = {
    {100,
     "The client should continue with the request."},
    {101,
     "The server accepts the client's request to change protocols."},
    {200,
     "The request was successful, and the server is returning the requested "
     "resource."},
    {201,
     "The request was successful, and the resource was created (usually in "
     "response to a POST)."},
    {202,
     "The request was accepted but has not yet been processed."},
    {204,
     "The request was successful, but there is no content to return."},
    {300,
     "Multiple choices for the resource; the client must choose one."},
    {301,
     "The requested resource has been moved to a new URL (permanently)."},
    {302,
     "The requested resource is temporarily available at another URL."},
    {303,
     "The client should contact another URL to get the response."},
    {304,
     "The resource has not changed since the last request (used for caching)."},
    {400,
     "The server cannot process the request due to invalid syntax."},
    {401,
     "Authentication is required to access the resource."},
    {403,
     "The server understands the request but refuses to fulfill it (no "
     "access rights)."},
    {404,
     "The requested resource was not found on the server."},
    {405,
     "The method specified in the request is not supported for this resource."},
    {408,
     "The request timed out."},
    {500,
     "General server error; something went wrong."},
    {501,
     "The server does not support the functionality required to fulfill the "
     "request."},
    {502,
     "The server acting as a gateway or proxy received an invalid response "
     "from the upstream server."},
    {503,
     "The server is temporarily unavailable, usually due to overload or "
     "maintenance."},
    {504,
     "The server acting as a gateway or proxy did not receive a timely "
     "response from the upstream server."},
};

/* RFC 9110 Section 15.1 and RFC 7725: heuristically cacheable by default. */
static const long cacheable[] = {200, 203, 204, 206, 300, 301, 308,
                                 404, 405, 410, 414, 451, 501};
/* RFC 9110 Sections 6.4.1, 15.2, 15.3.5, 15.3.6, 15.4.5: never content. */
static const long empty[] = {100, 101, 102, 103, 104, 204, 205, 304};
static const long retryable[] = {502, 503, 504};
static const long deprecated[] = {305, 306, 418, 510};
static const long provisional[] = {104};

/* RFC 9110 Section 15: the first digit gives the class. */
static const char *const class_ids[] = {
  "informational", "success", "redirection", "client_error", "server_error"};
static const char *const class_titles[] = {
  "Informational", "Success", "Redirect", "Client Errors", "Server Errors"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

struct fixture {
  struct diag *d;
  struct value_tree *tree;
  struct spec *spec;
};

static int setup(void **state)
{
  static struct fixture f;

  f.d = diag_new();
  f.tree = loader_load_file(SPEC_PATH, NULL, f.d);
  f.spec = f.tree ? spec_build(f.tree, f.d) : NULL;
  if (!f.spec)
    diag_print(f.d, stderr);
  *state = &f;
  return f.spec ? 0 : -1;
}

static int teardown(void **state)
{
  struct fixture *f = *state;

  spec_free(f->spec);
  value_tree_free(f->tree);
  diag_free(f->d);
  return 0;
}

static const struct spec_status *find(const struct spec *s, long code)
{
  size_t i;

  for (i = 0; i < s->nstatuses; i++)
    if (s->statuses[i].code == code)
      return &s->statuses[i];
  return NULL;
}

static int in(const long *set, size_t n, long code)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (set[i] == code)
      return 1;
  return 0;
}

static int has_flag(const struct spec_status *st, const char *id)
{
  size_t i;

  for (i = 0; i < st->nflags; i++)
    if (strcmp(st->flags[i]->id, id) == 0)
      return 1;
  return 0;
}

static void test_every_registry_code_once_in_order(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  assert_int_equal(s->nstatuses, COUNT(registry));
  for (i = 0; i < COUNT(registry); i++) {
    assert_int_equal(s->statuses[i].code, registry[i].code);
    assert_string_equal(s->statuses[i].reason, registry[i].reason);
    assert_non_null(s->statuses[i].reference);
    assert_string_equal(s->statuses[i].reference, registry[i].reference);
  }
}

static void test_classes_by_first_digit(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  assert_string_equal(s->name, "http_status");
  assert_int_equal(s->nclasses, COUNT(class_ids));
  for (i = 0; i < COUNT(class_ids); i++) {
    assert_string_equal(s->classes[i].id, class_ids[i]);
    assert_string_equal(s->classes[i].title, class_titles[i]);
    assert_int_equal(s->classes[i].lo, (long)(i + 1) * 100);
    assert_int_equal(s->classes[i].hi, (long)(i + 1) * 100 + 99);
  }
  for (i = 0; i < s->nstatuses; i++)
    assert_string_equal(s->statuses[i].cls->id,
                        class_ids[s->statuses[i].code / 100 - 1]);
}

static void test_flags_from_rfc(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  for (i = 0; i < COUNT(registry); i++) {
    const struct spec_status *st = find(s, registry[i].code);
    long c = registry[i].code;

    assert_non_null(st);
    assert_int_equal(has_flag(st, "cacheable"),
                     in(cacheable, COUNT(cacheable), c));
    assert_int_equal(has_flag(st, "empty"), in(empty, COUNT(empty), c));
    assert_int_equal(has_flag(st, "retryable"),
                     in(retryable, COUNT(retryable), c));
    assert_int_equal(has_flag(st, "deprecated"),
                     in(deprecated, COUNT(deprecated), c));
    assert_int_equal(has_flag(st, "provisional"),
                     in(provisional, COUNT(provisional), c));
  }
}

static void test_seed_descriptions_word_for_word(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  for (i = 0; i < COUNT(seed); i++) {
    const struct spec_status *st = find(s, seed[i].code);

    assert_non_null(st);
    assert_string_equal(st->description, seed[i].description);
  }
}

static void test_names_and_aliases(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  const struct spec_status *st;

  assert_string_equal(find(s, 404)->name, "NOT_FOUND");
  assert_string_equal(find(s, 203)->name, "NON_AUTHORITATIVE_INFORMATION");
  assert_string_equal(find(s, 505)->name, "HTTP_VERSION_NOT_SUPPORTED");
  assert_string_equal(find(s, 306)->name, "SWITCH_PROXY");
  assert_string_equal(find(s, 418)->name, "IM_A_TEAPOT");
  st = find(s, 413);
  assert_int_equal(st->naliases, 2);
  assert_string_equal(st->aliases[0].reason, "Payload Too Large");
  assert_string_equal(st->aliases[0].name, "PAYLOAD_TOO_LARGE");
  assert_string_equal(st->aliases[1].reason, "Request Entity Too Large");
  assert_string_equal(st->aliases[1].name, "REQUEST_ENTITY_TOO_LARGE");
  st = find(s, 414);
  assert_int_equal(st->naliases, 1);
  assert_string_equal(st->aliases[0].name, "REQUEST_URI_TOO_LONG");
  st = find(s, 416);
  assert_int_equal(st->naliases, 1);
  assert_string_equal(st->aliases[0].reason, "Requested Range Not Satisfiable");
  st = find(s, 422);
  assert_int_equal(st->naliases, 1);
  assert_string_equal(st->aliases[0].reason, "Unprocessable Entity");
}

static void test_only_renamed_codes_have_aliases(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i, total = 0;

  for (i = 0; i < s->nstatuses; i++)
    total += s->statuses[i].naliases;
  assert_int_equal(total, 5);
}

static void test_reserved_codes_say_so(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;

  assert_non_null(strstr(find(s, 306)->description, "reserved"));
  assert_non_null(strstr(find(s, 306)->description, "unused"));
  assert_non_null(strstr(find(s, 418)->description, "reserved"));
  assert_non_null(strstr(find(s, 418)->description, "unused"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_every_registry_code_once_in_order),
    cmocka_unit_test(test_classes_by_first_digit),
    cmocka_unit_test(test_flags_from_rfc),
    cmocka_unit_test(test_seed_descriptions_word_for_word),
    cmocka_unit_test(test_names_and_aliases),
    cmocka_unit_test(test_only_renamed_codes_have_aliases),
    cmocka_unit_test(test_reserved_codes_say_so),
  };

  return cmocka_run_group_tests(tests, setup, teardown);
}
