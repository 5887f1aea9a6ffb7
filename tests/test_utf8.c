/* test_utf8: the decoder against the ranges of RFC 3629. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "utf8.h"

static void test_table(void **state)
{
  static const struct {
    const char *name, *bytes;
    size_t len;
    unsigned long cp; /* when len > 0 */
  } rows[] = {
      {"ascii", "A", 1, 0x41},
      {"two bytes", "\xc3\xa9", 2, 0xE9},
      {"three bytes", "\xe2\x80\x94", 3, 0x2014},
      {"four bytes", "\xf0\x9f\x98\x80", 4, 0x1F600},
      {"last code point", "\xf4\x8f\xbf\xbf", 4, 0x10FFFF},
      {"past the last", "\xf4\x90\x80\x80", 0, 0},
      {"overlong slash", "\xc0\xaf", 0, 0},
      {"overlong three", "\xe0\x80\xaf", 0, 0},
      {"surrogate", "\xed\xa0\x80", 0, 0},
      {"lone continuation", "\x80", 0, 0},
      {"truncated", "\xe2\x80", 0, 0},
      {"bad continuation", "\xc3\x28", 0, 0},
      {"ff", "\xff", 0, 0},
  };
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    unsigned long cp = 0;
    size_t n = utf8_decode(rows[i].bytes, strlen(rows[i].bytes), &cp);

    if (n != rows[i].len)
      print_error("%s\n", rows[i].name);
    assert_int_equal(n, rows[i].len);
    if (n)
      assert_int_equal(cp, rows[i].cp);
  }
}

static void test_valid_prefix(void **state)
{
  (void)state;
  assert_int_equal(utf8_valid_prefix("abc\xc3\xa9", 5), 5);
  assert_int_equal(utf8_valid_prefix("ab\xff"
                                     "c",
                                     4),
                   2);
  assert_int_equal(utf8_valid_prefix("\xc3", 1), 0);
  assert_int_equal(utf8_valid_prefix("", 0), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_table),
      cmocka_unit_test(test_valid_prefix),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
