/* test_buf: growable bytes, the arena and the allocation count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "xmem.h"

static void test_empty_is_a_string(void **state)
{
  struct buf b = BUF_INIT;
  char *p;
  size_t n = 99;

  (void)state;
  assert_non_null(b.data);
  assert_string_equal(b.data, "");
  p = buf_detach(&b, &n);
  assert_string_equal(p, "");
  assert_int_equal(n, 0);
  free(p);
}

static void test_put_printf_truncate(void **state)
{
  struct buf b = BUF_INIT;
  int i;

  (void)state;
  buf_puts(&b, "ab");
  buf_putc(&b, 'c');
  buf_put(&b, "d\0e", 3);
  assert_int_equal(b.len, 6);
  assert_memory_equal(b.data, "abcd\0e", 7);
  buf_truncate(&b, 2);
  buf_printf(&b, "[%d|%s]", 42, "x");
  assert_string_equal(b.data, "ab[42|x]");
  buf_clear(&b);
  for (i = 0; i < 1000; i++)
    buf_printf(&b, "%04d", i);
  assert_int_equal(b.len, 4000);
  assert_memory_equal(b.data + 3996, "0999", 5);
  buf_free(&b);
  assert_int_equal(b.len, 0);
  assert_string_equal(b.data, "");
}

static void test_growth_is_geometric(void **state)
{
  struct buf b = BUF_INIT;
  unsigned long before = xmem_calls();
  int i;

  (void)state;
  for (i = 0; i < 100000; i++)
    buf_putc(&b, 'x');
  /* 1.5x growth from 64 bytes reaches 100000 in about 20 steps */
  assert_true(xmem_calls() - before < 25);
  buf_free(&b);
}

static void test_arena_alignment_and_large_pieces(void **state)
{
  struct arena *a = arena_new();
  char *big, *small;
  size_t i;

  (void)state;
  for (i = 1; i < 100; i++) {
    void *p = arena_alloc(a, i);

    assert_int_equal((uintptr_t)p % sizeof(double), 0);
    memset(p, 0xAB, i);
  }
  big = arena_alloc(a, 1 << 20);
  memset(big, 1, 1 << 20);
  small = arena_strndup(a, "hello world", 5);
  assert_string_equal(small, "hello");
  arena_free(a);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_empty_is_a_string),
      cmocka_unit_test(test_put_printf_truncate),
      cmocka_unit_test(test_growth_is_geometric),
      cmocka_unit_test(test_arena_alignment_and_large_pieces),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
