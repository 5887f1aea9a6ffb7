/* test_diag: the diagnostic format, the sort by position and the count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static void test_format_and_return(void **state)
{
  struct diag *d = diag_new();
  struct mark at = {"spec/x.yaml", 3, 14}, whole = {"spec/x.yaml", 0, 0};

  (void)state;
  assert_int_equal(
      diag_error(d, &at, "duplicate code %d (first at %u:%u)", 404, 2u, 9u),
      -1);
  diag_error(d, &whole, "cannot open: %s", "gone");
  diag_error(d, NULL, "no position at all");
  assert_int_equal(diag_count(d), 3);
  /* a whole-file problem sorts before any line of that file */
  assert_string_equal(diag_message(d, 0), "spec/x.yaml: error: cannot open: "
                                          "gone");
  assert_string_equal(diag_message(d, 1), "spec/x.yaml:3:14: error: duplicate "
                                          "code 404 (first at 2:9)");
  assert_string_equal(diag_message(d, 2), "error: no position at all");
  assert_null(diag_message(d, 3));
  diag_free(d);
}

/* A name holding a newline, a tab or an escape cannot start a line of
   its own or move the terminal: each is shown escaped. */
static void test_control_characters_are_shown_escaped(void **state)
{
  struct diag *d = diag_new();
  struct mark m = {"t/{{title}}\n.h", 0, 0};

  (void)state;
  diag_error(d, &m, "its name gives '%s'",
             "x\nspec.yaml:1:1: error: forged\t\033[2J\x7f");
  assert_string_equal(diag_message(d, 0),
                      "t/{{title}}\\n.h: error: its name gives 'x\\n"
                      "spec.yaml:1:1: error: forged\\t\\x1B[2J\\x7F'");
  diag_free(d);
}

static void test_sorted_by_file_then_position_stable(void **state)
{
  struct diag *d = diag_new();
  struct mark a5 = {"a.yaml", 5, 1}, a2 = {"a.yaml", 2, 7},
              a2b = {"a.yaml", 2, 3}, b1 = {"b.mustache", 1, 1};
  char file[] = "a.yaml"; /* marks need not outlive the call */
  struct mark a9 = {file, 9, 9};

  (void)state;
  diag_error(d, &a5, "first added");
  diag_error(d, &b1, "other file");
  diag_error(d, &a2, "second");
  diag_error(d, &a2, "same place, added later");
  diag_error(d, &a2b, "earlier column");
  diag_error(d, &a9, "last line");
  memcpy(file, "zzzzzz", 6);
  assert_string_equal(diag_message(d, 0), "a.yaml:2:3: error: earlier column");
  assert_string_equal(diag_message(d, 1), "a.yaml:2:7: error: second");
  assert_string_equal(diag_message(d, 2),
                      "a.yaml:2:7: error: same place, added later");
  assert_string_equal(diag_message(d, 3), "a.yaml:5:1: error: first added");
  assert_string_equal(diag_message(d, 4), "a.yaml:9:9: error: last line");
  assert_string_equal(diag_message(d, 5), "b.mustache:1:1: error: other file");
  diag_free(d);
}

static void test_print(void **state)
{
  struct diag *d = diag_new();
  struct mark m = {"f", 1, 2};
  char text[256] = "";
  FILE *f = tmpfile();

  (void)state;
  diag_error(d, &m, "b");
  m.col = 1;
  diag_error(d, &m, "a");
  diag_print(d, f);
  rewind(f);
  assert_int_equal(fread(text, 1, sizeof text - 1, f), 32);
  assert_string_equal(text, "f:1:1: error: a\nf:1:2: error: b\n");
  fclose(f);
  diag_free(d);
}

/* With carets: the line under each error, read again from its file, in
   any order asked; a control character in it shown escaped with the caret
   moved along; a line past the file's end, or a file that cannot be read,
   shows nothing. */
static void test_caret(void **state)
{
  const char *tmp = getenv("TMPDIR");
  char path[256], want[2048], text[2048] = "";
  struct diag *d = diag_new();
  struct mark m = {path, 3, 4};
  FILE *src, *f = tmpfile();

  (void)state;
  snprintf(path, sizeof path, "%s/statusgen-caret-%ld.txt",
           tmp && *tmp ? tmp : "/tmp", (long)getpid());
  src = fopen(path, "wb");
  assert_non_null(src);
  assert_non_null(f);
  fputs("one\r\ntwo\na\001b{{x\n", src);
  assert_int_equal(fclose(src), 0);
  diag_set_caret(d, 1);
  diag_error(d, &m, "third"); /* after the \001: one column, 4 shown */
  m.line = 1, m.col = 9;
  diag_error(d, &m, "first"); /* past the end of its line: at the end */
  m.line = 9, m.col = 1;
  diag_error(d, &m, "none");
  m.file = "no-such-file", m.line = 1;
  diag_error(d, &m, "unread");
  diag_print(d, f);
  rewind(f);
  assert_true(fread(text, 1, sizeof text - 1, f) > 0);
  snprintf(want, sizeof want,
           "%s:1:9: error: first\n"
           "    1 | one\n"
           "      |    ^\n"
           "%s:3:4: error: third\n"
           "    3 | a\\x01b{{x\n"
           "      |       ^\n"
           "%s:9:1: error: none\n"
           "no-such-file:1:1: error: unread\n",
           path, path, path);
  assert_string_equal(text, want);
  fclose(f);
  remove(path);
  diag_free(d);
}

static void test_many(void **state)
{
  struct diag *d = diag_new();
  struct mark m = {"f", 0, 1};
  unsigned i;

  (void)state;
  for (i = 1000; i > 0; i--) {
    m.line = i;
    diag_error(d, &m, "line %u", i);
  }
  assert_int_equal(diag_count(d), 1000);
  assert_string_equal(diag_message(d, 0), "f:1:1: error: line 1");
  assert_string_equal(diag_message(d, 999), "f:1000:1: error: line 1000");
  diag_free(d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format_and_return),
      cmocka_unit_test(test_control_characters_are_shown_escaped),
      cmocka_unit_test(test_sorted_by_file_then_position_stable),
      cmocka_unit_test(test_print),
      cmocka_unit_test(test_caret),
      cmocka_unit_test(test_many),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
