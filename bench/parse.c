/* parse: the Mustache engine's parser alone, in process: reads the
   templates given (make bench passes the real set, every .mustache file
   of templates/), then parses all of them, PASSES times over, into a new
   set each pass, in MB/s of template text and in templates per second,
   against a plain scan of the same bytes that counts line ends and braces
   (the least any parser that reports lines and finds tags must do).

   usage: parse TEMPLATE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "sysio.h"

/* Rounds of (parse, scan), and passes over the templates in each: the
   real set is some 11 KB, parsed in a few hundredths of a millisecond. */
#define REPS 11
#define PASSES 400

/* Templates larger than this are not what the benchmark is about. */
#define MAX_TEMPLATE ((size_t)16 << 20)

struct parse_bench {
  char **paths;
  struct buf *srcs;
  size_t n;
  size_t bytes;         /* of all the templates */
  volatile size_t sink; /* keeps the scan's result alive */
};

/* Every template parsed once into a new set. */
static void parse_all(struct parse_bench *b)
{
  struct mustache_set *set = mustache_set_new(NULL);
  struct diag *d = diag_new();
  size_t i;

  for (i = 0; i < b->n; i++)
    if (!mustache_set_parse(set, b->paths[i], b->srcs[i].data, b->srcs[i].len,
                            d)) {
      diag_print(d, stderr);
      bench_fail("cannot parse %s", b->paths[i]);
    }
  diag_free(d);
  mustache_set_free(set);
}

/* The baseline: every byte of every template looked at once. */
static size_t scan_all(const struct parse_bench *b)
{
  size_t i, k, lines = 0, braces = 0;

  for (i = 0; i < b->n; i++)
    for (k = 0; k < b->srcs[i].len; k++) {
      lines += b->srcs[i].data[k] == '\n';
      braces += b->srcs[i].data[k] == '{';
    }
  return lines * 31 + braces;
}

/* PASSES parses (0) or scans (1) of every template; MB/s. */
static double run_parse(void *ctx, size_t which)
{
  struct parse_bench *b = ctx;
  double t = bench_now();
  size_t pass;

  for (pass = 0; pass < PASSES; pass++) {
    if (which == 0)
      parse_all(b);
    else
      b->sink += scan_all(b);
  }
  t = bench_now() - t;
  return (double)b->bytes * PASSES / t / 1e6;
}

int main(int argc, char **argv)
{
  struct parse_bench b;
  struct buf why = BUF_INIT;
  double samples[2 * REPS], mbs, ratio;
  size_t i;

  if (argc < 2)
    bench_fail("usage: parse TEMPLATE...");
  memset(&b, 0, sizeof b);
  b.n = (size_t)argc - 1;
  b.paths = argv + 1;
  b.srcs = calloc(b.n, sizeof *b.srcs);
  if (!b.srcs)
    bench_fail("out of memory");
  for (i = 0; i < b.n; i++) {
    buf_init(&b.srcs[i]);
    if (sysio_read_file(b.paths[i], MAX_TEMPLATE, &b.srcs[i], &why) != 0)
      bench_fail("cannot read %s: %s", b.paths[i],
                 why.len ? why.data : "no such file");
    b.bytes += b.srcs[i].len;
  }
  bench_interleave(2, REPS, run_parse, &b, samples);
  ratio = bench_paired_ratio(samples, samples + REPS, REPS);
  mbs = bench_median(samples, REPS);
  bench_report("engine/parse", mbs, "MB/s", ratio, "byte-scan");
  bench_report("engine/parse-templates",
               mbs * 1e6 / (double)b.bytes * (double)b.n, "templates/s", ratio,
               "byte-scan");
  for (i = 0; i < b.n; i++)
    buf_free(&b.srcs[i]);
  free(b.srcs);
  buf_free(&why);
  return 0;
}
