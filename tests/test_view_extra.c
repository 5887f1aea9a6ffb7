/* test_view_extra: adding a field to a view type is one row. This test is
   linked with a build of gen/view.c that adds one row (and its getter,
   tests/support/view_extra.h) to the status table; the field must then
   reach templates, resolved names and the JSON dump alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json_check.h"
#include "loader.h"
#include "mustache.h"
#include "spec.h"
#include "view.h"

#define SPEC "tests/specs/valid/smtp.yaml"

/* The reasons of that spec, counted by hand. */
static const struct {
  long code;
  long bytes;
} want[] = {{220, 13}, {221, 36}, {250, 37}, {354, 16},
            {421, 51}, {450, 52}, {550, 47}};

static void test_new_field_reaches_templates_and_dump(void **state)
{
  struct diag *d = diag_new();
  struct value_tree *tree = loader_load_file(SPEC, NULL, d);
  struct spec *s;
  struct view *v;
  struct mustache_set *set;
  struct mustache_config cfg;
  struct mustache_view mv;
  const struct mustache_template *t;
  static const char src[] =
      "{{#statuses}}{{code}}={{reason_bytes}};{{/statuses}}";
  struct buf out = BUF_INIT, expect = BUF_INIT, json = BUF_INIT;
  size_t i;

  (void)state;
  assert_non_null(tree);
  s = spec_build(tree, d);
  assert_non_null(s);
  assert_int_equal(s->nstatuses, sizeof want / sizeof *want);
  v = view_new(s, NULL, SPEC);
  memset(&cfg, 0, sizeof cfg);
  set = mustache_set_new(&cfg);
  view_mustache(v, &mv);
  t = mustache_set_parse(set, "t", src, sizeof src - 1, d);
  assert_non_null(t);
  assert_int_equal(mustache_render(set, t, &mv, NULL, &out, d), 0);
  for (i = 0; i < sizeof want / sizeof *want; i++)
    buf_printf(&expect, "%ld=%ld;", want[i].code, want[i].bytes);
  assert_string_equal(out.data, expect.data);

  view_dump_json(v, view_root(v), 0, &json);
  assert_true(json_check(json.data, json.len));
  /* after aliases, in table order, before the item fields */
  assert_non_null(strstr(json.data, "\"aliases\": [],\n      \"reason_bytes\""
                                    ": 13,\n      \"first\": true"));
  assert_int_equal(diag_count(d), 0);
  buf_free(&out);
  buf_free(&expect);
  buf_free(&json);
  mustache_set_free(set);
  view_free(v);
  spec_free(s);
  value_tree_free(tree);
  diag_free(d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_new_field_reaches_templates_and_dump),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
