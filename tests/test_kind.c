/* test_kind: output kinds. The kind an output name selects (and so its
   escaper), and the names each kind reserves: the C output refuses its
   keywords as the prefix, its API's names among status and alias names,
   none and known as ids, each reported at its place in the spec; Markdown
   and HTML refuse nothing. Expected messages are written here by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "diag.h"
#include "escape.h"
#include "kind.h"
#include "spec.h"
#include "spec_load.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static void test_kind_by_extension(void **state)
{
  static const struct {
    const char *path, *kind;
    void (*escape)(struct buf *, const char *, size_t);
  } rows[] = {
      {"http_status.c", "C", escape_c},
      {"out/http_status.h", "C", escape_c},
      {"http_status_single.h", "C", escape_c},
      {"x.cc", "C", escape_c},
      {"x.cpp", "C", escape_c},
      {"x.cxx", "C", escape_c},
      {"x.hh", "C", escape_c},
      {"x.hpp", "C", escape_c},
      {"x.hxx", "C", escape_c},
      {"x.inc", "C", escape_c},
      {"http_status.md", "Markdown", escape_markdown},
      {"x.markdown", "Markdown", escape_markdown},
      {"docs/index.html", "HTML", escape_html},
      {"x.htm", "HTML", escape_html},
      {"x.xml", "HTML", escape_html},
      {"x.svg", "HTML", escape_html},
      {"x.json", "JSON", escape_json},
      {"x.py", "Python", escape_python},
      {"x.pyi", "Python", escape_python},
      {"x.js", "JavaScript/TypeScript", escape_javascript},
      {"x.mjs", "JavaScript/TypeScript", escape_javascript},
      {"x.cjs", "JavaScript/TypeScript", escape_javascript},
      {"x.ts", "JavaScript/TypeScript", escape_javascript},
      {"x.mts", "JavaScript/TypeScript", escape_javascript},
      {"x.cts", "JavaScript/TypeScript", escape_javascript},
      {"x.d.ts", "JavaScript/TypeScript", escape_javascript},
      {"x.rs", "Rust", escape_rust},
      {"x.go", "Go", escape_go},
      {"notes.txt", "plain text", NULL},
      {"a.b.md", "Markdown", escape_markdown},
      {"Makefile", NULL, NULL},
      {"dir.c/file", NULL, NULL},
      {"x.gperf", NULL, NULL},
      {"x.yaml", NULL, NULL},
      {"x.H", NULL, NULL},
      {"x.PY", NULL, NULL},
      {"x.mdx", NULL, NULL},
      {"x.jsx", NULL, NULL},
      {"x.c.orig", NULL, NULL},
      {"x.", NULL, NULL},
      {".c", "C", escape_c},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    const struct kind *k = kind_for_path(rows[i].path);

    if (!rows[i].kind) {
      if (k)
        fail_msg("%s: kind %s, expected none", rows[i].path, k->name);
      continue;
    }
    if (!k)
      fail_msg("%s: no kind, expected %s", rows[i].path, rows[i].kind);
    if (strcmp(k->name, rows[i].kind) != 0 || k->escape != rows[i].escape)
      fail_msg("%s: kind %s, expected %s", rows[i].path, k->name, rows[i].kind);
  }
}

/* A spec that is a valid model and takes every kind of name the C output
   reserves, each at a place written beside it. */
static const char reserving[] =
    "name: int\n"                                   /* 1 */
    "title: T\n"                                    /* 2 */
    "source: S\n"                                   /* 3 */
    "classes:\n"                                    /* 4 */
    "  - {id: none, title: N, range: [0, 99]}\n"    /* 5: col 10 */
    "  - {id: fine, title: F, range: [100, 199]}\n" /* 6 */
    "flags:\n"                                      /* 7 */
    "  known: k\n"                                  /* 8: col 3 */
    "  cached: c\n"                                 /* 9 */
    "statuses:\n"                                   /* 10 */
    "  - code: 1\n"                                 /* 11 */
    "    name: COUNT\n"                             /* 12: col 11 */
    "    reason: One\n"                             /* 13 */
    "    description: D\n"                          /* 14 */
    "  - code: 2\n"                                 /* 15 */
    "    reason: Map\n"                             /* 16: col 13 */
    "    description: D\n"                          /* 17 */
    "    aliases: [Class Of Two, Twice]\n"          /* 18: col 15 */
    "  - code: 100\n"                               /* 19 */
    "    name: COUNTER\n"                           /* 20 */
    "    reason: Counter\n"                         /* 21 */
    "    description: D\n"                          /* 22 */
    "    aliases: [H]\n";                           /* 23: col 15 */

static const struct spec *load(struct spec_load *l, const char *yaml)
{
  const struct spec *s = spec_load_text(l, "s.yaml", yaml);

  assert_non_null(s);
  return s;
}

/* What the C output says of the reserving spec, whatever its prefix:
   each row a format whose %s is the output's name. */
static const char *const c_refusals[] = {
    "s.yaml:5:10: error: id 'none' is reserved by the C output (%s)",
    "s.yaml:8:3: error: flag 'known' is reserved by the C output (%s)",
    "s.yaml:12:11: error: name 'COUNT' is reserved by the C output (%s)",
    "s.yaml:16:13: error: name 'MAP', derived from the reason, is reserved "
    "by the C output (%s): give the status a 'name'",
    "s.yaml:18:15: error: name 'CLASS_OF_TWO', derived from the alias, is "
    "reserved by the C output (%s)",
    "s.yaml:23:15: error: name 'H', derived from the alias, is reserved by "
    "the C output (%s)",
};

/* Checks s against the kind of output (prefix as given) and wants exactly
   first (unless NULL), then the n rows of want with output in place of
   their %s, in print order. */
static void check_names(const struct spec *s, const char *prefix,
                        const char *output, const char *first,
                        const char *const *want, size_t n)
{
  struct diag *d = diag_new();
  const struct kind *k = kind_for_path(output);
  struct buf expected = BUF_INIT, got = BUF_INIT;
  size_t i;
  int r;

  assert_non_null(k);
  r = kind_check_names(k, s, prefix, output, d);
  if (first)
    buf_printf(&expected, "%s\n", first);
  for (i = 0; i < n; i++) {
    buf_printf(&expected, want[i], output);
    buf_putc(&expected, '\n');
  }
  for (i = 0; i < diag_count(d); i++)
    buf_printf(&got, "%s\n", diag_message(d, i));
  assert_string_equal(got.data, expected.data);
  assert_int_equal(r, expected.len ? -1 : 0);
  buf_free(&expected);
  buf_free(&got);
  diag_free(d);
}

static void test_c_reserves_at_the_spec(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, reserving);

  (void)state;
  check_names(s, NULL, "int.h",
              "s.yaml:1:7: error: name 'int' is a C or "
              "C++ keyword, reserved by the C output (int.h)",
              c_refusals, COUNT(c_refusals));
  spec_load_free(&l);
}

/* A prefix replaces the spec's name: it is what is checked, without a
   place in the spec; the spec's name, unused, is not. */
static void test_c_checks_the_prefix(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, reserving);

  (void)state;
  check_names(s, "class", "class.c",
              "statusgen: error: --prefix 'class' is "
              "a C or C++ keyword, reserved by the C output (class.c)",
              c_refusals, COUNT(c_refusals));
  check_names(s, "web", "web.c", NULL, c_refusals, COUNT(c_refusals));
  spec_load_free(&l);
}

/* Near misses of what the C output reserves: COUNTER, CLASS alone, a
   keyword's relatives, ids that only contain a reserved one. */
static const char near_misses[] =
    "name: integer\ntitle: T\nsource: S\n"
    "classes:\n  - {id: none_yet, title: N, range: [0, 99]}\n"
    "flags: {unknown: u, known_bad: k}\n"
    "statuses:\n"
    "  - {code: 1, name: COUNTER, reason: R, description: D}\n"
    "  - {code: 2, name: CLASS, reason: Class, description: D,\n"
    "     aliases: [My Class X, Hh, Mapping, Implemented Partly]}\n";

/* Near misses are no clash in C; Markdown and HTML reserve nothing. */
static void test_nothing_refused(void **state)
{
  static const struct {
    const char *yaml, *prefix, *output;
  } rows[] = {
      {near_misses, NULL, "integer.h"},
      {near_misses, "int8", "int8.c"},
      {reserving, NULL, "int.md"},
      {reserving, "class", "class.html"},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    struct spec_load l;
    const struct spec *s = load(&l, rows[i].yaml);

    check_names(s, rows[i].prefix, rows[i].output, NULL, NULL, 0);
    spec_load_free(&l);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kind_by_extension),
      cmocka_unit_test(test_c_reserves_at_the_spec),
      cmocka_unit_test(test_c_checks_the_prefix),
      cmocka_unit_test(test_nothing_refused),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
