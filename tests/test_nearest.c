/* test_nearest: the edit distance and what counts as near enough for a
   "did you mean". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "nearest.h"

static size_t dist(const char *a, const char *b)
{
  return nearest_distance(a, strlen(a), b, strlen(b));
}

static void test_distance(void **state)
{
  (void)state;
  assert_int_equal(dist("", ""), 0);
  assert_int_equal(dist("abc", "abc"), 0);
  assert_int_equal(dist("", "abc"), 3);
  assert_int_equal(dist("reasn", "reason"), 1); /* a byte left out */
  assert_int_equal(dist("titel", "title"), 1);  /* two swapped */
  assert_int_equal(dist("code", "node"), 1);    /* one replaced */
  assert_int_equal(dist("kitten", "sitting"), 3);
  assert_int_equal(dist("ca", "abc"), 3); /* a swap is not then edited */
  assert_int_equal(dist("abcdefghijklmnopqrstuvwxyz0123456",
                        "abcdefghijklmnopqrstuvwxyz012345"),
                   99); /* past 32 bytes: not compared */
}

/* The nearest of the candidates for key, or NULL. */
static const char *meant(const char *key, const char *const *candidates)
{
  struct nearest n;

  nearest_init(&n, key, strlen(key));
  for (; *candidates; candidates++)
    nearest_offer(&n, *candidates);
  return n.best;
}

static void test_near_enough(void **state)
{
  static const char *const names[] = {
      "code", "reason", "title", "flags", "retryable", "description", NULL};
  static const char *const twice[] = {"node", "code", NULL};

  (void)state;
  assert_string_equal(meant("reasn", names), "reason");
  assert_string_equal(meant("titel", names), "title");
  assert_string_equal(meant("retry", names), "retryable"); /* its start */
  assert_string_equal(meant("descripton", names), "description");
  assert_string_equal(meant("descriptoin", names), "description");
  assert_null(meant("nope", names)); /* two edits from code: too far */
  assert_null(meant("code", names)); /* the name itself */
  assert_null(meant("re", names));   /* too short to be a start */
  assert_null(meant("x", names));
  assert_string_equal(meant("mode", twice), "node"); /* a tie: the first */
}

static void test_offer_as(void **state)
{
  struct nearest n;

  (void)state;
  nearest_init(&n, "row", 3);
  nearest_offer(&n, "_rows");
  assert_null(n.best);
  nearest_offer_as(&n, "rows", "_rows");
  assert_string_equal(n.best, "_rows");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_distance),
      cmocka_unit_test(test_near_enough),
      cmocka_unit_test(test_offer_as),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
