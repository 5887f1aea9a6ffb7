/* conformance: runs the official Mustache suite through the engine.
   Usage: mustache-spec FILE.yml...  Each file is read with the project's
   loader; each test renders its template against its data, strict mode
   off, with HTML escaping, its partials coming from its "partials" map.
   Prints "FILE: P passed, F failed" per file and a total line; for each
   failure its name, template, data, expected and got, escapes visible.
   Exit status: 0 all passed, 1 a test failed, 2 a file could not be
   loaded (or was not a suite). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "loader.h"
#include "mustache.h"
#include "value.h"
#include "value_data.h"

struct totals {
  unsigned long passed, failed;
};

/* Appends v in YAML flow style, strings quoted with escapes visible. */
static void dump(struct buf *out, const struct value *v)
{
  size_t i;

  if (!v) {
    buf_puts(out, "(none)");
    return;
  }
  switch (v->kind) {
  case VALUE_SEQ:
    buf_putc(out, '[');
    for (i = 0; i < v->len; i++) {
      buf_puts(out, i ? ", " : "");
      dump(out, &v->as.items[i]);
    }
    buf_putc(out, ']');
    return;
  case VALUE_MAP:
    buf_putc(out, '{');
    for (i = 0; i < v->len; i++) {
      buf_puts(out, i ? ", " : "");
      dump(out, &v->as.items[2 * i]);
      buf_puts(out, ": ");
      dump(out, &v->as.items[2 * i + 1]);
    }
    buf_putc(out, '}');
    return;
  case VALUE_STRING: value_data_quote(out, v->str, v->len); return;
  default: buf_put(out, v->str, v->len); return;
  }
}

/* Prints one failure's details. */
static void report(const struct value *test, const struct buf *got,
                   struct diag *d)
{
  struct buf b = BUF_INIT;
  const char *s;
  size_t n;

  s = value_data_text(value_get(test, "name"), &n);
  buf_printf(&b, "  FAIL %.*s\n    template: ", (int)n, s);
  s = value_data_text(value_get(test, "template"), &n);
  value_data_quote(&b, s, n);
  buf_puts(&b, "\n    data:     ");
  dump(&b, value_get(test, "data"));
  if (value_get(test, "partials")) {
    buf_puts(&b, "\n    partials: ");
    dump(&b, value_get(test, "partials"));
  }
  value_data_report(&b, value_get(test, "expected"), got, d);
  fputs(b.data, stdout);
  buf_free(&b);
}

/* Runs one test; 1 when it passed. */
static int run_test(const struct value *test)
{
  struct mustache_config cfg;
  struct mustache_set *set;
  const struct mustache_template *t;
  struct mustache_view view = value_data_view(value_get(test, "data"));
  struct diag *d = diag_new();
  struct buf got = BUF_INIT;
  const char *name, *src, *want;
  size_t name_len, src_len, want_len;
  int ok;

  memset(&cfg, 0, sizeof cfg);
  cfg.partial = value_data_partial;
  cfg.closure = (void *)value_get(test, "partials");
  cfg.lenient = 1;
  set = mustache_set_new(&cfg);
  name = value_data_text(value_get(test, "name"), &name_len);
  src = value_data_text(value_get(test, "template"), &src_len);
  want = value_data_text(value_get(test, "expected"), &want_len);
  (void)name_len;
  t = mustache_set_parse(set, name, src, src_len, d);
  ok = t && mustache_render(set, t, &view, escape_html, &got, d) == 0 &&
       got.len == want_len && memcmp(got.data, want, want_len) == 0;
  if (!ok)
    report(test, &got, d);
  buf_free(&got);
  diag_free(d);
  mustache_set_free(set);
  return ok;
}

/* Runs every test of one suite file; -1 when it cannot be loaded. */
static int run_file(const char *path, struct totals *all)
{
  struct diag *d = diag_new();
  struct value_tree *tree = loader_load_file(path, NULL, d);
  const struct value *tests =
      tree ? value_get(value_tree_root(tree), "tests") : NULL;
  struct totals here = {0, 0};
  size_t i;

  if (!tests || tests->kind != VALUE_SEQ) {
    if (tree)
      fprintf(stderr, "%s: error: no list of tests\n", path);
    diag_print(d, stderr);
    diag_free(d);
    value_tree_free(tree);
    return -1;
  }
  for (i = 0; i < tests->len; i++) {
    if (run_test(&tests->as.items[i]))
      here.passed++;
    else
      here.failed++;
  }
  printf("%s: %lu passed, %lu failed\n", path, here.passed, here.failed);
  all->passed += here.passed;
  all->failed += here.failed;
  diag_free(d);
  value_tree_free(tree);
  return 0;
}

int main(int argc, char **argv)
{
  struct totals all = {0, 0};
  int i, broken = 0;

  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE.yml...\n", argv[0]);
    return 2;
  }
  for (i = 1; i < argc; i++)
    if (run_file(argv[i], &all) < 0)
      broken = 1;
  printf("total: %lu passed, %lu failed\n", all.passed, all.failed);
  return broken ? 2 : all.failed ? 1 : 0;
}
