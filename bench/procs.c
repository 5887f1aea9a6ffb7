/* procs: times whole processes, as make runs them: statusgen regenerating
   the outputs of a spec into a folder that already holds them, against
   the floors of any program of its kind, each run by fork, exec and wait4
   and timed on CLOCK_MONOTONIC from fork to reaped:
     generate/http        spec/http_status.yaml vs /bin/true (the cost of a
                          process) and vs yaml_load (libyaml's loader)
     generate/1k 10k 100k synthetic specs vs yaml_events (libyaml's parser)
   with the peak RSS of each (wait4's ru_maxrss) against the spec's size,
   and how the time grows from 10k to 100k statuses.

   usage: procs STATUSGEN YAML_EVENTS YAML_LOAD SCRATCH HTTP_SPEC
                SPEC_1K SPEC_10K SPEC_100K
   SCRATCH is an existing folder; the outputs go to SCRATCH/http, ... */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* Rounds per spec: many where a run takes milliseconds, few where it
   takes seconds (100k), so that the whole bench stays under two
   minutes. Odd, for a plain median. */
#define HTTP_REPS 51
#define REPS_1K 21
#define REPS_10K 11
#define REPS_100K 7
#define MAX_REPS 64

/* Programs compared in one interleaved run: a candidate and its
   baselines. */
#define MAX_PROGRAMS 3
#define MAX_ARGS 8

struct program {
  const char *argv[MAX_ARGS]; /* argv[0] is the path; NULL-terminated */
};

struct proc_bench {
  struct program prog[MAX_PROGRAMS];
  size_t n;
  double rss[MAX_PROGRAMS][MAX_REPS + 1]; /* bytes: the warm-up, then
                                             one per round */
  size_t runs[MAX_PROGRAMS];
};

/* Runs p with standard output on /dev/null (statusgen is quiet with -q,
   but a floor need not be); fails unless it exits 0. Sets *rss to its
   peak resident set in bytes; returns the milliseconds it took. */
static double spawn(const struct program *p, double *rss)
{
  struct rusage ru;
  double t = bench_now();
  int status;
  pid_t pid = fork();

  if (pid < 0)
    bench_fail("fork: %s", strerror(errno));
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);

    if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
      _exit(126);
    execv(p->argv[0], (char *const *)p->argv);
    _exit(127);
  }
  if (wait4(pid, &status, 0, &ru) != pid)
    bench_fail("wait4: %s", strerror(errno));
  t = bench_now() - t;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    bench_fail("%s %s failed (status %d)", p->argv[0],
               p->argv[1] ? p->argv[1] : "", status);
  *rss = (double)ru.ru_maxrss * 1024; /* Linux: kilobytes */
  return t * 1e3;
}

static double run_program(void *ctx, size_t which)
{
  struct proc_bench *b = ctx;
  double rss, ms = spawn(&b->prog[which], &rss);

  if (b->runs[which] <= MAX_REPS)
    b->rss[which][b->runs[which]++] = rss;
  return ms;
}

/* Interleaves the programs of b reps times: samples[which * reps + rep],
   in milliseconds. */
static void run_all(struct proc_bench *b, size_t reps, double *samples)
{
  size_t k;

  if (reps > MAX_REPS)
    bench_fail("too many rounds");
  for (k = 0; k < b->n; k++)
    b->runs[k] = 0;
  bench_interleave(b->n, reps, run_program, b, samples);
}

static void set_program(struct program *p, const char *a0, const char *a1,
                        const char *a2, const char *a3, const char *a4)
{
  p->argv[0] = a0;
  p->argv[1] = a1;
  p->argv[2] = a2;
  p->argv[3] = a3;
  p->argv[4] = a4;
  p->argv[5] = NULL;
}

static void make_folder(const char *path)
{
  if (mkdir(path, 0777) != 0 && errno != EEXIST)
    bench_fail("mkdir %s: %s", path, strerror(errno));
}

static void bench_http(const char *statusgen, const char *yaml_load,
                       const char *scratch, const char *spec)
{
  static struct proc_bench b;
  double samples[3 * HTTP_REPS], gen;
  char out[4096];

  snprintf(out, sizeof out, "%s/http", scratch);
  make_folder(out);
  set_program(&b.prog[0], statusgen, "-q", "-o", out, spec);
  set_program(&b.prog[1], "/bin/true", NULL, NULL, NULL, NULL);
  set_program(&b.prog[2], yaml_load, spec, NULL, NULL, NULL);
  b.n = 3;
  run_all(&b, HTTP_REPS, samples);
  gen = bench_median(samples, HTTP_REPS);
  bench_report("generate/http", gen, "ms",
               bench_paired_ratio(samples, samples + HTTP_REPS, HTTP_REPS),
               "/bin/true");
  bench_report("generate/http-load", gen, "ms",
               bench_paired_ratio(samples, samples + 2 * HTTP_REPS, HTTP_REPS),
               "yaml_load");
}

/* A synthetic size: its time against yaml_events, its peak RSS against
   the spec's size. Returns the medians of statusgen and yaml_events in
   ms through gen and floor. */
static void bench_size(const char *label, size_t reps, const char *statusgen,
                       const char *yaml_events, const char *scratch,
                       const char *spec, double *gen, double *floor)
{
  static struct proc_bench b;
  double samples[2 * MAX_REPS], ratio, rss;
  char out[4096], name[64];
  struct stat st;

  if (stat(spec, &st) != 0 || st.st_size == 0)
    bench_fail("%s: %s", spec, strerror(errno));
  snprintf(out, sizeof out, "%s/%s", scratch, label);
  make_folder(out);
  set_program(&b.prog[0], statusgen, "-q", "-o", out, spec);
  set_program(&b.prog[1], yaml_events, spec, NULL, NULL, NULL);
  b.n = 2;
  run_all(&b, reps, samples);
  ratio = bench_paired_ratio(samples, samples + reps, reps);
  *gen = bench_median(samples, reps);
  *floor = bench_median(samples + reps, reps);
  snprintf(name, sizeof name, "generate/%s", label);
  bench_report(name, *gen, "ms", ratio, "yaml_events");
  rss = bench_median(b.rss[0] + 1, b.runs[0] - 1); /* not the warm-up:
                                                       it wrote */
  snprintf(name, sizeof name, "generate/%s-rss", label);
  bench_report(name, rss / 1e6, "MB", rss / (double)st.st_size, "spec-size");
}

int main(int argc, char **argv)
{
  double gen, floor, gen10, floor10, gen100, floor100;

  if (argc != 9)
    bench_fail("usage: procs STATUSGEN YAML_EVENTS YAML_LOAD SCRATCH "
               "HTTP_SPEC SPEC_1K SPEC_10K SPEC_100K");
  bench_http(argv[1], argv[3], argv[4], argv[5]);
  bench_size("1k", REPS_1K, argv[1], argv[2], argv[4], argv[6], &gen, &floor);
  bench_size("10k", REPS_10K, argv[1], argv[2], argv[4], argv[7], &gen10,
             &floor10);
  bench_size("100k", REPS_100K, argv[1], argv[2], argv[4], argv[8], &gen100,
             &floor100);
  bench_report("generate/100k-over-10k", gen100 / gen10, "x",
               (gen100 / gen10) / (floor100 / floor10), "yaml_events");
  return 0;
}
