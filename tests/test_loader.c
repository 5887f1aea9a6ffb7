/* test_loader: YAML text to value trees, and every refusal with its exact
   diagnostic. Trees are compared through a compact rendering written by
   hand in each row: s"text" string, i integer, f number, b boolean, n null,
   [items] list, {key: value} mapping, each followed by @line:col. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "loader.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static void show(const struct value *v, struct buf *b)
{
  size_t i;

  switch (v->kind) {
  case VALUE_NULL: buf_puts(b, "n"); break;
  case VALUE_BOOL: buf_printf(b, "b%lld", v->as.i); break;
  case VALUE_INT: buf_printf(b, "i%lld", v->as.i); break;
  case VALUE_FLOAT: buf_printf(b, "f%g", v->as.f); break;
  case VALUE_STRING:
    buf_putc(b, 's');
    buf_putc(b, '"');
    buf_put(b, v->str, v->len);
    buf_putc(b, '"');
    break;
  case VALUE_SEQ:
  case VALUE_MAP:
    buf_putc(b, v->kind == VALUE_SEQ ? '[' : '{');
    for (i = 0; i < v->len; i++) {
      buf_puts(b, i ? ", " : "");
      if (v->kind == VALUE_MAP) {
        show(&v->as.items[2 * i], b);
        buf_puts(b, ": ");
        show(&v->as.items[2 * i + 1], b);
      } else {
        show(&v->as.items[i], b);
      }
    }
    buf_putc(b, v->kind == VALUE_SEQ ? ']' : '}');
    break;
  }
  buf_printf(b, "@%u:%u", v->mark.line, v->mark.col);
}

/* Loads text (len bytes, or strlen when 0) and renders the tree, or the
   diagnostics joined by newlines when the load fails. */
static void load(const char *text, size_t len, const struct loader_limits *lim,
                 struct buf *out)
{
  struct diag *d = diag_new();
  struct value_tree *t =
      loader_load_bytes("t.yaml", text, len ? len : strlen(text), lim, d);
  size_t i;

  if (t) {
    assert_int_equal(diag_count(d), 0);
    show(value_tree_root(t), out);
  }
  for (i = 0; i < diag_count(d); i++)
    buf_printf(out, "%s%s", i ? "\n" : "", diag_message(d, i));
  value_tree_free(t);
  diag_free(d);
}

struct row {
  const char *name, *yaml, *want;
};

static void check_rows(const struct row *rows, size_t n,
                       const struct loader_limits *lim)
{
  size_t i;

  for (i = 0; i < n; i++) {
    struct buf got = BUF_INIT;

    load(rows[i].yaml, 0, lim, &got);
    if (strcmp(got.data, rows[i].want) != 0)
      print_error("%s:\n  want %s\n  got  %s\n", rows[i].name, rows[i].want,
                  got.data);
    assert_string_equal(got.data, rows[i].want);
    buf_free(&got);
  }
}

static void test_trees(void **state)
{
  static const struct row rows[] = {
      {"empty input is one null", "", "n@1:1"},
      {"comments only", "# nothing\n", "n@1:1"},
      {"plain scalar", "hello", "s\"hello\"@1:1"},
      {"key order kept", "b: 1\na: 2\n",
       "{s\"b\"@1:1: i1@1:4, s\"a\"@2:1: i2@2:4}@1:1"},
      {"core schema",
       "[~, null, true, False, 0o17, 0x1F, -5, +3, 1.5, 1e3, .inf, yes]",
       "[n@1:2, n@1:5, b1@1:11, b0@1:17, i15@1:24, i31@1:30, i-5@1:36, "
       "i3@1:40, f1.5@1:44, f1000@1:49, finf@1:54, s\"yes\"@1:60]@1:1"},
      {"quoted stays text", "['1', \"true\", \"\"]",
       "[s\"1\"@1:2, s\"true\"@1:7, s\"\"@1:15]@1:1"},
      {"escapes resolved", "\"a\\tb\\u00e9\"", "s\"a\tb\xc3\xa9\"@1:1"},
      {"block scalar", "k: |\n  one\n  two\n",
       "{s\"k\"@1:1: s\"one\ntwo\n\"@1:4}@1:1"},
      {"columns count characters", "x: [\xc3\xa9, \xc3\xa9, b]",
       "{s\"x\"@1:1: [s\"\xc3\xa9\"@1:5, s\"\xc3\xa9\"@1:8, "
       "s\"b\"@1:11]@1:4}@1:1"},
      {"crlf line ends", "a: 1\r\nb: 2\r\n",
       "{s\"a\"@1:1: i1@1:4, s\"b\"@2:1: i2@2:4}@1:1"},
      {"byte order mark",
       "\xef\xbb\xbf"
       "a: 1",
       "{s\"a\"@1:1: i1@1:4}@1:1"},
      {"core tags", "[!!str 12, !!float 3, !!int 4]",
       "[s\"12\"@1:2, f3@1:12, i4@1:23]@1:1"},
      {"explicit document", "---\na: 1\n...\n", "{s\"a\"@2:1: i1@2:4}@2:1"},
      {"nested", "a:\n  - {b: [c]}\n",
       "{s\"a\"@1:1: [{s\"b\"@2:6: [s\"c\"@2:10]@2:9}@2:5]@2:3}@1:1"},
  };

  (void)state;
  check_rows(rows, COUNT(rows), NULL);
}

static void test_refusals(void **state)
{
  static const struct row rows[] = {
      {"duplicate key", "a: 1\nb: 2\na: 3\n",
       "t.yaml:3:1: error: duplicate key 'a' (first at 1:1)"},
      {"every duplicate", "a: 1\na: 2\na: 3\n",
       "t.yaml:2:1: error: duplicate key 'a' (first at 1:1)\n"
       "t.yaml:3:1: error: duplicate key 'a' (first at 1:1)"},
      {"anchor and alias", "a: &x 1\nb: *x\n",
       "t.yaml:1:4: error: anchors are not allowed ('x')\n"
       "t.yaml:2:4: error: aliases are not allowed ('x')"},
      {"anchor on a collection", "a: &x [1]\n",
       "t.yaml:1:4: error: anchors are not allowed ('x')"},
      {"merge key", "a: {b: 1}\nc:\n  <<: {b: 2}\n",
       "t.yaml:3:3: error: merge keys are not allowed"},
      {"merge text is fine as a value", "a: <<",
       "{s\"a\"@1:1: s\"<<\"@1:4}@1:1"},
      {"local tag", "a: !thing 1\n",
       "t.yaml:1:4: error: tags other than YAML's core schema are not allowed "
       "('!thing')"},
      {"tag that does not fit", "a: !!int hello\n",
       "t.yaml:1:4: error: value does not match its tag "
       "('tag:yaml.org,2002:int')"},
      {"collection key", "? [a]\n: 1\n",
       "t.yaml:1:3: error: a mapping key must be a scalar"},
      {"collection keys beside a scalar key",
       "a: 1\n? [b]\n: 2\n? {c: d}\n: 3\n",
       "t.yaml:2:3: error: a mapping key must be a scalar\n"
       "t.yaml:4:3: error: a mapping key must be a scalar"},
      {"two documents", "a: 1\n---\nb: 2\n",
       "t.yaml:2:1: error: only one document is allowed"},
      {"integer overflow", "n: 99999999999999999999\n",
       "t.yaml:1:4: error: integer out of range ('99999999999999999999')"},
      {"syntax error with context", "a: [1, 2\nb: 3\n",
       "t.yaml:2:2: error: did not find expected ',' or ']' (while parsing a "
       "flow sequence at 1:4)"},
      {"syntax error without context", "a: b: c\n",
       "t.yaml:1:5: error: mapping values are not allowed in this context: "
       "a plain value that holds ': ' must be quoted, and the keys of one "
       "mapping line up"},
      {"invalid utf-8 from an offset", "a: b\nc: d\xff\n",
       "t.yaml:2:5: error: invalid leading UTF-8 octet (byte 0xFF)"},
      {"truncated utf-8", "a: \xc3",
       "t.yaml:1:4: error: incomplete UTF-8 octet sequence"},
      {"control character", "a: b\x01\n",
       "t.yaml:1:5: error: control characters are not allowed (U+0001)"},
      {"a surrogate is a code point, not a byte", "a: \"x\xed\xa0\x80\"\n",
       "t.yaml:1:6: error: invalid Unicode character (U+D800)"},
      {"past the last code point", "a: \"x\xf4\x90\x80\x80\"\n",
       "t.yaml:1:6: error: invalid Unicode character (0x110000, past "
       "U+10FFFF)"},
      {"a non-character", "a: x\xef\xbf\xbe\n",
       "t.yaml:1:5: error: control characters are not allowed (U+FFFE)"},
  };

  (void)state;
  check_rows(rows, COUNT(rows), NULL);
}

static void test_limits(void **state)
{
  static const struct loader_limits small = {3, 64, 8, 6};
  static const struct row rows[] = {
      {"depth at the limit", "[[[1]]]", "[[[i1@1:4]@1:3]@1:2]@1:1"},
      {"depth past the limit", "[[[[1]]]]",
       "t.yaml:1:4: error: nesting deeper than 3 levels"},
      {"scalar at the limit", "12345678", "i12345678@1:1"},
      {"scalar past the limit", "[123456789]",
       "t.yaml:1:2: error: scalar of 9 bytes is too long (the limit is 8)"},
      {"nodes past the limit", "[1, 2, 3, 4, 5, 6]",
       "t.yaml:1:17: error: too many nodes (the limit is 6)"},
      {"input past the limit",
       "# a comment long enough to pass the limit of sixty-four bytes...\n",
       "t.yaml: error: input is too large (the limit is 64 bytes)"},
  };

  (void)state;
  check_rows(rows, COUNT(rows), &small);
}

static void test_default_depth_limit(void **state)
{
  struct buf text = BUF_INIT, got = BUF_INIT;
  int i;

  (void)state;
  for (i = 0; i < 10000; i++)
    buf_putc(&text, '[');
  for (i = 0; i < 10000; i++)
    buf_putc(&text, ']');
  load(text.data, text.len, NULL, &got);
  assert_string_equal(got.data,
                      "t.yaml:1:65: error: nesting deeper than 64 levels");
  buf_free(&text);
  buf_free(&got);
}

static void test_nul_byte_in_input(void **state)
{
  struct buf got = BUF_INIT;

  (void)state;
  load("a: b\0c", 6, NULL, &got);
  assert_string_equal(got.data, "t.yaml:1:5: error: control characters are "
                                "not allowed (U+0000)");
  buf_free(&got);
}

static void test_big_mapping_duplicate_found(void **state)
{
  struct buf text = BUF_INIT, got = BUF_INIT;
  int i;

  (void)state;
  for (i = 0; i < 20000; i++)
    buf_printf(&text, "k%d: %d\n", i, i);
  buf_puts(&text, "k777: again\n");
  load(text.data, text.len, NULL, &got);
  assert_string_equal(got.data,
                      "t.yaml:20001:1: error: duplicate key 'k777' (first at "
                      "778:1)");
  buf_free(&text);
  buf_free(&got);
}

static void test_file_errors(void **state)
{
  struct diag *d = diag_new();

  (void)state;
  assert_null(loader_load_file("tests/no/such.yaml", NULL, d));
  assert_null(loader_load_file("tests", NULL, d));
  assert_int_equal(diag_count(d), 2);
  assert_string_equal(diag_message(d, 0), "tests/no/such.yaml: error: cannot "
                                          "open: No such file or directory");
  assert_string_equal(
      diag_message(d, 1),
      "tests: error: cannot read: not a regular file (a folder)");
  diag_free(d);
}

/* A load judges itself by the errors it adds: a sink that already holds
   another stage's errors neither fails a good load nor hides a bad one. */
static void test_errors_counted_from_the_start(void **state)
{
  static const char good[] = "a: 1\n", bad[] = "a: 1\na: 2\n";
  struct diag *d = diag_new();
  struct mark m = {"other.yaml", 3, 4};
  struct value_tree *t;

  (void)state;
  diag_error(d, &m, "an earlier problem");
  t = loader_load_bytes("t.yaml", good, strlen(good), NULL, d);
  assert_non_null(t);
  assert_int_equal(diag_count(d), 1);
  value_tree_free(t);
  t = loader_load_bytes("t.yaml", bad, strlen(bad), NULL, d);
  assert_null(t);
  assert_int_equal(diag_count(d), 2);
  assert_string_equal(diag_message(d, 1),
                      "t.yaml:2:1: error: duplicate key 'a' (first at 1:1)");
  diag_free(d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trees),
      cmocka_unit_test(test_refusals),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_default_depth_limit),
      cmocka_unit_test(test_nul_byte_in_input),
      cmocka_unit_test(test_big_mapping_duplicate_found),
      cmocka_unit_test(test_file_errors),
      cmocka_unit_test(test_errors_counted_from_the_start),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
