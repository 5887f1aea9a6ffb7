/* differential: runs the engine over the differential corpus, random
   templates whose expected output an independent implementation of the
   spec gave (see gen.mjs beside this file).
   Usage: differential CORPUS [DEVIATIONS]
   Each case renders as in the conformance runner: strict names off, HTML
   escaping, partials from the case's "partials" mapping. A case listed in
   DEVIATIONS ("ID KIND: reason", one a line, '#' starts a comment) is
   expected to differ, and fails if it no longer does; a deviation of kind
   "blanks" (our rule on indentation before a line end) must also agree
   once blanks before each line end are ignored, so that it hides nothing
   else. Prints each failure with its
   template, expected and got, escapes visible, then the number of
   documented deviations and "differential: P passed, F failed". Exit
   status: 0 all passed, 1 a case failed, 2 a file could not be read. */
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
#include "xmem.h"

/* The documented deviations: ids[i] and kinds[i] point into text. */
struct deviations {
  struct buf text;
  char **ids, **kinds;
  size_t n;
  unsigned char *seen; /* ids[i] named a case of the corpus */
};

/* Reads the deviations file: -1 when it cannot be read. */
static int read_deviations(const char *path, struct deviations *dv)
{
  FILE *f = fopen(path, "r");
  char chunk[4096], *line, *end;
  size_t n;

  if (!f) {
    perror(path);
    return -1;
  }
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    buf_put(&dv->text, chunk, n);
  fclose(f);
  for (line = dv->text.data; *line; line = end) {
    end = line + strcspn(line, "\n");
    if (*end)
      *end++ = '\0';
    line[strcspn(line, "#")] = '\0';
    n = strcspn(line, " \t");
    if (!n)
      continue;
    dv->ids = xrealloc(dv->ids, (dv->n + 1) * sizeof *dv->ids);
    dv->kinds = xrealloc(dv->kinds, (dv->n + 1) * sizeof *dv->kinds);
    dv->ids[dv->n] = line;
    dv->kinds[dv->n++] = line[n] ? line + n + 1 + strspn(line + n + 1, " \t")
                                 : line + n;
    line[n] = '\0';
  }
  dv->seen = xcalloc(dv->n + 1, 1);
  return 0;
}

/* The index of id among the deviations, or -1. */
static long deviation(const struct deviations *dv, const char *id, size_t len)
{
  size_t i;

  for (i = 0; i < dv->n; i++)
    if (strlen(dv->ids[i]) == len && memcmp(dv->ids[i], id, len) == 0)
      return (long)i;
  return -1;
}

/* s without the spaces and tabs that end a line or the whole of it. */
static void trim_lines(struct buf *out, const char *s, size_t n)
{
  size_t i, k;

  buf_clear(out);
  for (i = 0; i < n; i = k) {
    for (k = i; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
      ;
    if (k == i)
      buf_putc(out, s[k++]);
    else if (k < n && s[k] != '\n' && s[k] != '\r')
      buf_put(out, s + i, k - i);
  }
}

/* 1 when a and b agree but for blanks before line ends. */
static int same_but_blanks(const char *a, size_t na, const char *b, size_t nb)
{
  struct buf x = BUF_INIT, y = BUF_INIT;
  int same;

  trim_lines(&x, a, na);
  trim_lines(&y, b, nb);
  same = x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
  buf_free(&x);
  buf_free(&y);
  return same;
}

/* Prints a failing case: why, its template, expected, got, diagnostics. */
static void report(const struct value *c, const char *why,
                   const struct buf *got, struct diag *d)
{
  struct buf b = BUF_INIT;
  const char *s;
  size_t n;

  s = value_data_text(value_get(c, "id"), &n);
  buf_printf(&b, "  FAIL %.*s (%s)\n    template: ", (int)n, s, why);
  s = value_data_text(value_get(c, "template"), &n);
  value_data_quote(&b, s, n);
  value_data_report(&b, value_get(c, "expected"), got, d);
  fputs(b.data, stdout);
  buf_free(&b);
}

/* Renders case c; 1 when it came out as expected (the same bytes, or a
   difference it is documented to have). */
static int run_case(const struct value *c, struct deviations *dv)
{
  struct mustache_config cfg;
  struct mustache_set *set;
  const struct mustache_template *t;
  struct mustache_view view = value_data_view(value_get(c, "data"));
  struct diag *d = diag_new();
  struct buf got = BUF_INIT;
  const char *id, *src, *want;
  size_t id_len, src_len, want_len;
  long dev;
  int same, ok;

  memset(&cfg, 0, sizeof cfg);
  cfg.partial = value_data_partial;
  cfg.closure = (void *)value_get(c, "partials");
  cfg.lenient = 1;
  set = mustache_set_new(&cfg);
  id = value_data_text(value_get(c, "id"), &id_len);
  src = value_data_text(value_get(c, "template"), &src_len);
  want = value_data_text(value_get(c, "expected"), &want_len);
  t = mustache_set_parse(set, id, src, src_len, d);
  same = t && mustache_render(set, t, &view, escape_html, &got, d) == 0 &&
         got.len == want_len && memcmp(got.data, want, want_len) == 0;
  dev = deviation(dv, id, id_len);
  ok = same == (dev < 0);
  if (dev >= 0)
    dv->seen[dev] = 1;
  if (!same && dev < 0) {
    report(c, "differs", &got, d);
  } else if (same && dev >= 0) {
    report(c, "listed as a deviation, but agrees", &got, d);
  } else if (dev >= 0 && strncmp(dv->kinds[dev], "blanks:", 7) == 0 &&
             (diag_count(d) ||
              !same_but_blanks(got.data, got.len, want, want_len))) {
    report(c, "differs by more than blanks", &got, d);
    ok = 0;
  }
  buf_free(&got);
  diag_free(d);
  mustache_set_free(set);
  return ok;
}

int main(int argc, char **argv)
{
  struct deviations dv;
  struct diag *d = diag_new();
  struct value_tree *tree;
  const struct value *cases;
  unsigned long passed = 0, failed = 0;
  size_t i;

  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s CORPUS [DEVIATIONS]\n", argv[0]);
    return 2;
  }
  memset(&dv, 0, sizeof dv);
  buf_init(&dv.text);
  if (argc == 3 && read_deviations(argv[2], &dv) < 0)
    return 2;
  tree = loader_load_file(argv[1], NULL, d);
  cases = tree ? value_get(value_tree_root(tree), "cases") : NULL;
  if (!cases || cases->kind != VALUE_SEQ) {
    if (tree)
      fprintf(stderr, "%s: error: no list of cases\n", argv[1]);
    diag_print(d, stderr);
    return 2;
  }
  for (i = 0; i < cases->len; i++) {
    if (run_case(&cases->as.items[i], &dv))
      passed++;
    else
      failed++;
  }
  for (i = 0; i < dv.n; i++)
    if (!dv.seen[i]) {
      printf("  FAIL %s (listed as a deviation, but no such case)\n",
             dv.ids[i]);
      failed++;
    }
  printf("differential: %lu cases, %zu documented deviations\n",
         (unsigned long)cases->len, dv.n);
  printf("differential: %lu passed, %lu failed\n", passed, failed);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&dv.text);
  free(dv.ids);
  free(dv.kinds);
  free(dv.seen);
  return failed ? 1 : 0;
}
