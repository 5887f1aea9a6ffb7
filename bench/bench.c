/* bench: the clock, medians, interleaved runs, the report line and the
   seeded generator shared by the benchmark drivers (see bench.h). */
#include "bench.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double bench_now(void)
{
  struct timespec t;

  if (clock_gettime(CLOCK_MONOTONIC, &t) != 0)
    bench_fail("clock_gettime(CLOCK_MONOTONIC) failed");
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare_doubles(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
  qsort(v, n, sizeof *v, compare_doubles);
  if (n % 2)
    return v[n / 2];
  return (v[n / 2 - 1] + v[n / 2]) / 2;
}

void bench_interleave(size_t n, size_t reps,
                      double (*run)(void *ctx, size_t which), void *ctx,
                      double *samples)
{
  size_t rep, k;

  for (k = 0; k < n; k++)
    (void)run(ctx, k);
  for (rep = 0; rep < reps; rep++)
    for (k = 0; k < n; k++) {
      size_t which = (rep + k) % n;

      samples[which * reps + rep] = run(ctx, which);
    }
}

/* Ratios of at most this many rounds fit the stack; drivers use far
   fewer (a noisy machine wants several, the two-minute budget few). */
#define BENCH_MAX_REPS 1024

double bench_paired_ratio(const double *a, const double *b, size_t reps)
{
  double r[BENCH_MAX_REPS];
  size_t i;

  if (reps == 0 || reps > BENCH_MAX_REPS)
    bench_fail("%zu rounds: between 1 and %d please", reps, BENCH_MAX_REPS);
  for (i = 0; i < reps; i++)
    r[i] = a[i] / b[i];
  return bench_median(r, reps);
}

/* Three significant digits without an exponent: 1234, 123, 12.3, 1.23,
   0.123, 0.0123. */
static void print_figure(double v)
{
  double a = v < 0 ? -v : v;
  int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;

  printf("%.*f", decimals, v);
}

void bench_report(const char *name, double figure, const char *unit,
                  double ratio, const char *baseline)
{
  printf("bench %s ", name);
  print_figure(figure);
  printf(" %s ratio=", unit);
  print_figure(ratio);
  printf(" vs %s\n", baseline);
  fflush(stdout);
}

void bench_report_count(const char *name, unsigned long count, const char *unit,
                        double ratio, const char *baseline)
{
  printf("bench %s %lu %s ratio=", name, count, unit);
  print_figure(ratio);
  printf(" vs %s\n", baseline);
  fflush(stdout);
}

void bench_fail(const char *fmt, ...)
{
  va_list ap;

  fflush(stdout);
  fputs("bench: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(1);
}

unsigned long long bench_prng_next(struct bench_prng *p)
{
  unsigned long long z = (p->state += 0x9e3779b97f4a7c15ULL);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

unsigned long bench_prng_below(struct bench_prng *p, unsigned long n)
{
  return (unsigned long)((bench_prng_next(p) >> 32) % n);
}
