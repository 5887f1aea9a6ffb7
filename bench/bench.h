/* bench: what the benchmark drivers share: a monotonic clock, medians, runs
   of a candidate and its baselines interleaved, and the report line
     bench NAME MEDIAN UNIT ratio=R vs BASELINE
   The machine is shared and noisy, so a figure is the median of several
   repetitions and a ratio compares runs made moments apart. */
#ifndef STATUSGEN_BENCH_H
#define STATUSGEN_BENCH_H

#include <stddef.h>

/* Seconds on CLOCK_MONOTONIC, from an arbitrary origin. */
double bench_now(void);

/* The median of the n > 0 values at v (sorts v; the mean of the two middle
   values when n is even). */
double bench_median(double *v, size_t n);

/* Calls run(ctx, which) for which in 0..n-1, once each as a warm-up (not
   kept), then reps rounds, each starting with the next one in turn so
   that no program always runs first or last. run returns one sample (a
   time, in whatever unit it likes); sample rep of program which goes to
   samples[which * reps + rep]. */
void bench_interleave(size_t n, size_t reps,
                      double (*run)(void *ctx, size_t which), void *ctx,
                      double *samples);

/* The median over i < reps of a[i] / b[i]: a ratio of two programs from
   samples taken in the same round, so that a burst of load on the machine
   weighs on both. */
double bench_paired_ratio(const double *a, const double *b, size_t reps);

/* Prints "bench NAME FIGURE UNIT ratio=RATIO vs BASELINE" on standard
   output with three significant digits or so, and flushes it. */
void bench_report(const char *name, double figure, const char *unit,
                  double ratio, const char *baseline);

/* The same line for a figure that is a count (bytes, relocations), which
   prints whole: "bench NAME COUNT UNIT ratio=RATIO vs BASELINE". */
void bench_report_count(const char *name, unsigned long count, const char *unit,
                        double ratio, const char *baseline);

/* Prints "bench: MESSAGE" on standard error and exits with status 1. */
void bench_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

/* A small, fast, seeded generator (splitmix64): the same seed gives the
   same workload on every machine and every run. */
struct bench_prng {
  unsigned long long state;
};

unsigned long long bench_prng_next(struct bench_prng *p);
/* A number in 0..n-1 (n > 0), near enough uniform for n far below 2^32. */
unsigned long bench_prng_below(struct bench_prng *p, unsigned long n);

#endif
