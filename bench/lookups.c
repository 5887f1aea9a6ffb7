/* lookups: times the generated lookups of http_status.c (out/'s, or
   another shape's), compiled as they are in a translation unit of their
   own, against baselines in translation units of their own, over workloads
   built from a fixed seed before any timing:
     code->reason  http_status_reason       vs an array indexed by code
     name->code    http_status_from_name    vs a gperf perfect hash
     reason->code  http_status_from_reason  vs gperf --ignore-case
   Built once per compiler and shape; LABEL (gcc/table, clang/switch, ...)
   ends each line's name.

   usage: lookups LABEL */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baselines.h"
#include "bench.h"
#include "http_status.h"
#include "http_status_aliases.h"

/* Lookups per pass, as the issue asks: 20 to 200 ms a pass. */
#define LOOKUPS 10000000u

/* Rounds of (candidate, baseline). A code pass is short, so it gets more
   rounds; a key pass is ~10x longer and the whole bench has two minutes
   for two compilers. */
#define CODE_REPS 11
#define KEY_REPS 9
#define MAX_REPS 32

/* Fixed seeds: every run times the same workload. */
#define CODE_SEED 0x5eed0001ULL
#define NAME_SEED 0x5eed0002ULL
#define REASON_SEED 0x5eed0003ULL

/* --- code->reason ----------------------------------------------------- */

/* Per cent of the codes drawn from the common codes; the others are any
   integer in RANDOM_LO..RANDOM_HI, mostly unknown codes. */
#define COMMON_PERCENT 90
#define RANDOM_LO (-10)
#define RANDOM_HI 1000

/* The common codes in per mille of the common draws, in the order of a
   web server's log (200 far ahead, then 404, 304, 301, 302, 500, ...).
   The per mille left over goes to every known code alike. */
#define PER_MILLE 1000
static const struct {
  int code;
  unsigned long weight;
} common_codes[] = {{200, 700}, {404, 60}, {304, 45}, {301, 30}, {302, 28},
                    {500, 18},  {400, 16}, {401, 14}, {403, 12}, {503, 10},
                    {201, 8},   {204, 7},  {206, 6},  {307, 5},  {429, 5},
                    {502, 5},   {504, 4},  {308, 3},  {422, 3},  {405, 2},
                    {409, 2},   {410, 2},  {100, 1},  {101, 1},  {412, 1},
                    {413, 1},   {415, 1}};
#define NCOMMON (sizeof common_codes / sizeof common_codes[0])

#define KNOWN_CODE(code, name, reason) code,
static const int known_codes[] = {HTTP_STATUS_MAP(KNOWN_CODE)};
#define NKNOWN (sizeof known_codes / sizeof known_codes[0])

static int draw_code(struct bench_prng *p)
{
  unsigned long r;
  size_t i;

  if (bench_prng_below(p, 100) >= COMMON_PERCENT)
    return RANDOM_LO + (int)bench_prng_below(p, RANDOM_HI - RANDOM_LO + 1);
  r = bench_prng_below(p, PER_MILLE);
  for (i = 0; i < NCOMMON; i++) {
    if (r < common_codes[i].weight)
      return common_codes[i].code;
    r -= common_codes[i].weight;
  }
  return known_codes[bench_prng_below(p, NKNOWN)];
}

/* One loop, written twice by the macro so that each calls its lookup
   directly, as a user's code would (a function pointer would add the same
   indirect call to both and flatter the slower). Every result is used,
   but only as a number: the sum of the pointers, so that the time is the
   lookup's, not that of a branch on NULL or of reading the text. */
#define CODE_LOOP(fn, lookup) \
  static uintptr_t fn(const int *codes, size_t n) \
  { \
    uintptr_t sum = 0; \
    size_t i; \
\
    for (i = 0; i < n; i++) \
      sum += (uintptr_t)lookup(codes[i]); \
    return sum; \
  }

CODE_LOOP(code_generated, http_status_reason)
CODE_LOOP(code_dense, bench_dense_reason)

struct code_bench {
  const int *codes;
  size_t n;
  volatile uintptr_t sum; /* keeps the results alive */
};

/* One pass; nanoseconds per lookup. */
static double run_codes(void *ctx, size_t which)
{
  struct code_bench *b = ctx;
  double t = bench_now();

  b->sum =
      which == 0 ? code_generated(b->codes, b->n) : code_dense(b->codes, b->n);
  return (bench_now() - t) * 1e9 / (double)b->n;
}

/* Runs the candidate (0) and the baseline (1) of ctx interleaved and
   prints the line. */
static void measure(const char *name, const char *baseline, size_t reps,
                    double (*run)(void *ctx, size_t which), void *ctx)
{
  double samples[2 * MAX_REPS];
  double ratio;

  if (reps > MAX_REPS)
    bench_fail("%s: too many rounds", name);
  bench_interleave(2, reps, run, ctx, samples);
  ratio = bench_paired_ratio(samples, samples + reps, reps);
  bench_report(name, bench_median(samples, reps), "ns/lookup", ratio, baseline);
}

/* Fails unless both lookups give code the same text (or both NULL). */
static void check_code(const char *name, int code)
{
  const char *got = http_status_reason(code), *want = bench_dense_reason(code);

  if (got != want && (!got || !want || strcmp(got, want) != 0))
    bench_fail("%s: %d gives \"%s\", not \"%s\"", name, code,
               got ? got : "(null)", want ? want : "(null)");
}

/* Before timing: the two lookups agree on every code the workload holds
   and on the extremes, so that they are timed doing the same work. */
static void check_codes(const char *name)
{
  int code;

  for (code = RANDOM_LO; code <= RANDOM_HI; code++)
    check_code(name, code);
  check_code(name, INT_MIN);
  check_code(name, INT_MAX);
}

static void bench_codes(const char *label)
{
  struct bench_prng p = {CODE_SEED};
  struct code_bench b;
  int *codes = malloc(LOOKUPS * sizeof *codes);
  char name[64];
  size_t i;

  if (!codes)
    bench_fail("out of memory");
  for (i = 0; i < LOOKUPS; i++)
    codes[i] = draw_code(&p);
  b.codes = codes;
  b.n = LOOKUPS;
  snprintf(name, sizeof name, "code->reason/%s", label);
  check_codes(name);
  measure(name, "dense-array", CODE_REPS, run_codes, &b);
  free(codes);
}

/* --- name->code and reason->code -------------------------------------- */

/* Of the keys looked up, per cent that are keys (every name or reason of a
   status or an alias; reasons in several cases), then per cent that are
   near misses (a key with one byte changed, one dropped or one added, or
   a name in lower case: same length, same prefix), the rest random
   strings. */
#define HIT_PERCENT 70
#define NEAR_PERCENT 20

/* Random misses in the pool, and their greatest length (the longest HTTP
   key is 31 bytes). */
#define RANDOM_KEYS 256
#define RANDOM_MAX_LEN 32

/* The longest key the bench takes (mutations work in a stack buffer):
   four times HTTP's longest. */
#define MAX_KEY_LEN 128

struct entry {
  int code;
  const char *text;
  size_t len;
};

#define NAME_ENTRY(code, name, reason) {code, #name, sizeof #name - 1},
#define REASON_ENTRY(code, name, reason) {code, reason, sizeof reason - 1},
static const struct entry name_entries[] = {
    HTTP_STATUS_MAP(NAME_ENTRY) HTTP_STATUS_ALIASES(NAME_ENTRY)};
static const struct entry reason_entries[] = {
    HTTP_STATUS_MAP(REASON_ENTRY) HTTP_STATUS_ALIASES(REASON_ENTRY)};
#define NENTRIES (sizeof name_entries / sizeof name_entries[0])

/* A key to look up: its own heap block of exactly len bytes, no NUL, so a
   lookup that reads past len reads past the block. code: the expected
   answer, -1 for a miss. */
struct key {
  char *s;
  size_t len;
  int code;
};

/* keys[0..hits) are hits, keys[hits..hits+near) near misses, the rest
   random misses. fold: the lookup ignores ASCII case. */
struct pool {
  struct key *keys;
  size_t n, cap, hits, near;
  int fold;
};

static int fold_byte(int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int same_key(const struct pool *p, const struct key *k, const char *s,
                    size_t len)
{
  size_t i;

  if (k->len != len)
    return 0;
  if (!p->fold)
    return memcmp(k->s, s, len) == 0;
  for (i = 0; i < len; i++)
    if (fold_byte((unsigned char)k->s[i]) != fold_byte((unsigned char)s[i]))
      return 0;
  return 1;
}

/* 1 when s is one of the hits already in p. */
static int is_hit(const struct pool *p, const char *s, size_t len)
{
  size_t i;

  for (i = 0; i < p->hits; i++)
    if (same_key(p, &p->keys[i], s, len))
      return 1;
  return 0;
}

static void pool_add(struct pool *p, const char *s, size_t len, int code)
{
  struct key *k;

  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->keys = realloc(p->keys, p->cap * sizeof *p->keys);
    if (!p->keys)
      bench_fail("out of memory");
  }
  k = &p->keys[p->n++];
  k->s = malloc(len ? len : 1);
  if (!k->s)
    bench_fail("out of memory");
  memcpy(k->s, s, len);
  k->len = len;
  k->code = code;
}

/* Adds s as a miss unless it is a hit (a mutation may land on a key). */
static void pool_add_miss(struct pool *p, const char *s, size_t len)
{
  if (len > 0 && !is_hit(p, s, len))
    pool_add(p, s, len, -1);
}

static void pool_free(struct pool *p)
{
  size_t i;

  for (i = 0; i < p->n; i++)
    free(p->keys[i].s);
  free(p->keys);
}

/* Another letter of the same case, or 'X' for any other byte. */
static char other_byte(char c)
{
  if ((c >= 'A' && c < 'Z') || (c >= 'a' && c < 'z'))
    return (char)(c + 1);
  if (c == 'Z' || c == 'z')
    return (char)(c - 25);
  return 'X';
}

/* Sets each letter of s to upper (1), lower (0) or random (-1) case. */
static void set_case(char *s, size_t len, int upper, struct bench_prng *r)
{
  size_t i;

  for (i = 0; i < len; i++) {
    int c = fold_byte((unsigned char)s[i]);
    int up = upper < 0 ? (int)bench_prng_below(r, 2) : upper;

    if (up && c >= 'a' && c <= 'z')
      c = c - 'a' + 'A';
    s[i] = (char)c;
  }
}

/* The hits: each entry as it is; reasons also in lower, upper and random
   case. */
static void add_hits(struct pool *p, const struct entry *e,
                     struct bench_prng *r)
{
  char buf[MAX_KEY_LEN];
  size_t i;
  int c;

  for (i = 0; i < NENTRIES; i++) {
    if (e[i].len > sizeof buf)
      bench_fail("key '%s' is too long for the bench", e[i].text);
    pool_add(p, e[i].text, e[i].len, e[i].code);
    for (c = -1; p->fold && c <= 1; c++) {
      memcpy(buf, e[i].text, e[i].len);
      set_case(buf, e[i].len, c, r);
      if (memcmp(buf, e[i].text, e[i].len) != 0)
        pool_add(p, buf, e[i].len, e[i].code);
    }
  }
  p->hits = p->n;
}

/* The near misses of each entry (in random case when case is ignored):
   its first, middle or last byte changed, its last byte dropped, a byte
   added; a name also in lower case. */
static void add_near_misses(struct pool *p, const struct entry *e,
                            struct bench_prng *r)
{
  char buf[MAX_KEY_LEN + 1]; /* room for one added byte */
  size_t i, len, at[3];
  int k;

  for (i = 0; i < NENTRIES; i++) {
    len = e[i].len;
    at[0] = 0;
    at[1] = len / 2;
    at[2] = len - 1;
    memcpy(buf, e[i].text, len);
    if (p->fold)
      set_case(buf, len, -1, r);
    for (k = 0; k < 3; k++) {
      char saved = buf[at[k]];

      buf[at[k]] = other_byte(saved);
      pool_add_miss(p, buf, len);
      buf[at[k]] = saved;
    }
    pool_add_miss(p, buf, len - 1);
    buf[len] = p->fold ? 's' : 'S';
    pool_add_miss(p, buf, len + 1);
    if (!p->fold) {
      set_case(buf, len, 0, r);
      pool_add_miss(p, buf, len);
    }
  }
  p->near = p->n - p->hits;
}

/* Random strings of the keys' alphabet. */
static void add_random_misses(struct pool *p, struct bench_prng *r)
{
  static const char name_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_";
  static const char reason_chars[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'";
  const char *chars = p->fold ? reason_chars : name_chars;
  size_t nchars = strlen(chars), len, i, j;
  char buf[RANDOM_MAX_LEN];

  for (i = 0; i < RANDOM_KEYS; i++) {
    len = 1 + bench_prng_below(r, RANDOM_MAX_LEN);
    for (j = 0; j < len; j++)
      buf[j] = chars[bench_prng_below(r, nchars)];
    pool_add_miss(p, buf, len);
  }
}

/* The order of the lookups: indexes into the pool, drawn per the percents
   above, uniform within each kind. */
static uint32_t *draw_sequence(const struct pool *p, struct bench_prng *r)
{
  uint32_t *seq = malloc(LOOKUPS * sizeof *seq);
  size_t i, misses = p->n - p->hits - p->near;

  if (!seq)
    bench_fail("out of memory");
  for (i = 0; i < LOOKUPS; i++) {
    unsigned long kind = bench_prng_below(r, 100), k;

    if (kind < HIT_PERCENT)
      k = bench_prng_below(r, p->hits);
    else if (kind < HIT_PERCENT + NEAR_PERCENT)
      k = p->hits + bench_prng_below(r, p->near);
    else
      k = p->hits + p->near + bench_prng_below(r, misses);
    seq[i] = (uint32_t)k;
  }
  return seq;
}

#define KEY_LOOP(fn, lookup) \
  static long fn(const struct key *keys, const uint32_t *seq, size_t n) \
  { \
    long sum = 0; \
    size_t i; \
\
    for (i = 0; i < n; i++) { \
      const struct key *k = &keys[seq[i]]; \
\
      sum += lookup(k->s, k->len); \
    } \
    return sum; \
  }

KEY_LOOP(name_generated, http_status_from_name)
KEY_LOOP(name_gperf, http_status_gperf_from_name)
KEY_LOOP(reason_generated, http_status_from_reason)
KEY_LOOP(reason_gperf, http_status_gperf_from_reason)

struct key_bench {
  const struct pool *pool;
  const uint32_t *seq;
  long (*loop[2])(const struct key *keys, const uint32_t *seq, size_t n);
  int (*lookup[2])(const char *s, size_t len);
  long sums[2]; /* candidate, baseline: must be equal */
};

static double run_keys(void *ctx, size_t which)
{
  struct key_bench *b = ctx;
  double t = bench_now();

  b->sums[which] = b->loop[which](b->pool->keys, b->seq, LOOKUPS);
  return (bench_now() - t) * 1e9 / LOOKUPS;
}

/* Before timing: both lookups give every key of the pool its answer, so
   the two are timed doing the same work. */
static void check_pool(const char *name, const struct key_bench *b)
{
  size_t i;
  int k;

  for (i = 0; i < b->pool->n; i++) {
    const struct key *key = &b->pool->keys[i];

    for (k = 0; k < 2; k++)
      if (b->lookup[k](key->s, key->len) != key->code)
        bench_fail("%s: %s gives %d for '%.*s', not %d", name,
                   k ? "gperf" : "the generated lookup",
                   b->lookup[k](key->s, key->len), (int)key->len, key->s,
                   key->code);
  }
}

static void bench_keys(const char *name, struct key_bench *b, int fold,
                       const struct entry *e, unsigned long long seed)
{
  struct bench_prng r = {seed};
  struct pool p = {NULL, 0, 0, 0, 0, 0};
  uint32_t *seq;

  p.fold = fold;
  add_hits(&p, e, &r);
  add_near_misses(&p, e, &r);
  add_random_misses(&p, &r);
  seq = draw_sequence(&p, &r);
  b->pool = &p;
  b->seq = seq;
  check_pool(name, b);
  measure(name, "gperf", KEY_REPS, run_keys, b);
  if (b->sums[0] != b->sums[1])
    bench_fail("%s: the generated lookup and gperf disagree", name);
  free(seq);
  pool_free(&p);
}

int main(int argc, char **argv)
{
  struct key_bench names = {
      NULL,
      NULL,
      {name_generated, name_gperf},
      {http_status_from_name, http_status_gperf_from_name},
      {0, 0}};
  struct key_bench reasons = {
      NULL,
      NULL,
      {reason_generated, reason_gperf},
      {http_status_from_reason, http_status_gperf_from_reason},
      {0, 0}};
  char name[64];

  if (argc != 2)
    bench_fail("usage: lookups LABEL");
  bench_codes(argv[1]);
  snprintf(name, sizeof name, "name->code/%s", argv[1]);
  bench_keys(name, &names, 0, name_entries, NAME_SEED);
  snprintf(name, sizeof name, "reason->code/%s", argv[1]);
  bench_keys(name, &reasons, 1, reason_entries, REASON_SEED);
  return 0;
}
