/* render: the Mustache engine alone, in process: loads a (large) spec,
   builds its model and view once, then renders TEMPLATE (the enum and the
   reason switch of the header, bench/render.mustache) with the C escaper,
   in MB/s of output, against memcpy of as many bytes: the ceiling of any
   renderer that writes its output once.

   usage: render SPEC TEMPLATE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "loader.h"
#include "mustache.h"
#include "spec.h"
#include "sysio.h"
#include "value.h"
#include "view.h"

/* Rounds of (render, memcpy): a render of the 100k spec takes tens of
   milliseconds. */
#define REPS 11

/* The template is small; a larger file is not the benchmark's. */
#define MAX_TEMPLATE ((size_t)16 << 20)

struct render_bench {
  struct mustache_set *set;
  const struct mustache_template *tmpl;
  struct mustache_view view;
  struct diag *d;
  struct buf out;
  size_t len; /* bytes of one render */
  char *copy; /* memcpy's destination, len bytes, touched beforehand */
};

static void render_once(struct render_bench *b)
{
  buf_clear(&b->out);
  if (mustache_render(b->set, b->tmpl, &b->view, escape_c, &b->out, b->d) !=
      0) {
    diag_print(b->d, stderr);
    bench_fail("render failed");
  }
}

/* One render (0) or one memcpy (1); MB/s. */
static double run_render(void *ctx, size_t which)
{
  struct render_bench *b = ctx;
  double t = bench_now();

  if (which == 0)
    render_once(b);
  else
    memcpy(b->copy, b->out.data, b->len);
  t = bench_now() - t;
  if (b->out.len != b->len || memcmp(b->copy, b->out.data, b->len) != 0)
    bench_fail("render: the output changed between renders");
  return (double)b->len / t / 1e6;
}

int main(int argc, char **argv)
{
  struct mustache_config cfg;
  struct render_bench b;
  struct value_tree *tree;
  struct spec *s;
  struct view *v;
  double samples[2 * REPS], ratio;
  struct buf src = BUF_INIT, why = BUF_INIT;

  memset(&cfg, 0, sizeof cfg);
  if (argc != 3)
    bench_fail("usage: render SPEC TEMPLATE");
  b.d = diag_new();
  tree = loader_load_file(argv[1], NULL, b.d);
  s = tree ? spec_build(tree, b.d) : NULL;
  if (!s) {
    diag_print(b.d, stderr);
    bench_fail("cannot load %s", argv[1]);
  }
  v = view_new(s, NULL, argv[1]);
  view_mustache(v, &b.view);
  b.set = mustache_set_new(&cfg);
  if (sysio_read_file(argv[2], MAX_TEMPLATE, &src, &why) != 0)
    bench_fail("cannot read %s: %s", argv[2],
               why.len ? why.data : "no such file");
  b.tmpl = mustache_set_parse(b.set, argv[2], src.data, src.len, b.d);
  if (!b.tmpl) {
    diag_print(b.d, stderr);
    bench_fail("cannot parse %s", argv[2]);
  }
  buf_init(&b.out);
  render_once(&b);
  b.len = b.out.len;
  b.copy = malloc(b.len ? b.len : 1);
  if (!b.copy)
    bench_fail("out of memory");
  memcpy(b.copy, b.out.data, b.len);
  bench_interleave(2, REPS, run_render, &b, samples);
  /* the ratio first: the median sorts the samples, pairs no more */
  ratio = bench_paired_ratio(samples, samples + REPS, REPS);
  bench_report("render", bench_median(samples, REPS), "MB/s", ratio, "memcpy");
  free(b.copy);
  buf_free(&b.out);
  buf_free(&src);
  buf_free(&why);
  mustache_set_free(b.set);
  view_free(v);
  spec_free(s);
  value_tree_free(tree);
  diag_free(b.d);
  return 0;
}
