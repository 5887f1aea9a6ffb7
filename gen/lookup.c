/* lookup: grouping, the choice of a distinguishing byte, rows, and the
   dense range test. Everything is sorted, so the generated code does not
   depend on the order of the spec. */
#include "lookup.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* Tables indexed by code have an entry for every value in the range: allow
   this many holes per status, plus a fixed allowance, before falling back
   to a switch from code to slot. */
#define GAPS_PER_CODE 4
#define GAPS_ALLOWED 1024

static int key_order(const void *pa, const void *pb)
{
  const struct lookup_key *a = pa, *b = pb;

  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;
  return strcmp(a->text, b->text);
}

static unsigned byte_at(const struct lookup_key *k, size_t pos, int fold)
{
  return (unsigned char)(fold ? k->lower : k->text)[pos];
}

/* How many different bytes the keys have at pos. */
static size_t distinct_at(const struct lookup_key *keys, size_t n, size_t pos,
                          int fold)
{
  unsigned char seen[256];
  size_t i, count = 0;

  memset(seen, 0, sizeof seen);
  for (i = 0; i < n; i++) {
    unsigned b = byte_at(&keys[i], pos, fold);

    count += !seen[b];
    seen[b] = 1;
  }
  return count;
}

static int by_byte_then_text(const void *pa, const void *pb)
{
  const struct lookup_key *a = pa, *b = pb;

  if (a->byte != b->byte)
    return a->byte < b->byte ? -1 : 1;
  return strcmp(a->text, b->text);
}

/* Picks the group's position: the most distinct bytes, then the narrowest
   span of bytes (fewer rows), then the first. Sorts the keys by that byte
   and gives them rows from *next_row on. */
static void build_group(struct lookup_group *g, struct lookup_key *keys,
                        size_t n, int fold, unsigned long *next_row)
{
  size_t p, best = 0, best_span = 256, i;

  g->length = keys[0].len;
  g->keys = keys;
  g->nkeys = n;
  for (p = 0; p < g->length; p++) {
    size_t d = distinct_at(keys, n, p, fold), span;
    unsigned lo = 255, hi = 0;

    for (i = 0; i < n; i++) {
      unsigned b = byte_at(&keys[i], p, fold);

      lo = b < lo ? b : lo;
      hi = b > hi ? b : hi;
    }
    span = hi - lo + 1;
    if (d > best || (d == best && span < best_span))
      best = d, best_span = span, g->pos = p;
  }
  for (i = 0; i < n; i++)
    keys[i].byte = byte_at(&keys[i], g->pos, fold);
  qsort(keys, n, sizeof *keys, by_byte_then_text);
  g->base = (long)*next_row - (long)keys[0].byte;
  for (i = 0; i < n; i++)
    keys[i].row = g->base + (long)keys[i].byte;
  *next_row += best_span;
}

/* Slots follow the final order; keys that share a row are chained. */
static void number_keys(struct lookup_index *x)
{
  size_t i;

  for (i = 0; i < x->nkeys; i++) {
    x->keys[i].slot = i + 1;
    x->keys[i].next = 0;
    if (i && x->keys[i - 1].row == x->keys[i].row)
      x->keys[i - 1].next = i + 1;
  }
}

static void copy_keys(struct lookup_index *x, const char *const *texts,
                      const long *codes, size_t n)
{
  size_t i, k, total = 0;
  char *lower;

  for (i = 0; i < n; i++)
    total += strlen(texts[i]) + 1;
  x->lowers = lower = xmalloc(total + 1);
  for (i = 0; i < n; i++) {
    size_t len = strlen(texts[i]);

    x->keys[i].text = texts[i];
    x->keys[i].len = len;
    x->keys[i].code = codes[i];
    x->keys[i].lower = lower;
    for (k = 0; k <= len; k++)
      lower[k] = (char)tolower((unsigned char)texts[i][k]);
    lower += len + 1;
  }
  x->nkeys = n;
}

void lookup_index_build(struct lookup_index *x, const char *const *texts,
                        const long *codes, size_t n, int fold)
{
  size_t i, start = 0;

  memset(x, 0, sizeof *x);
  x->keys = xcalloc(n + 1, sizeof *x->keys);
  x->groups = xcalloc(n + 1, sizeof *x->groups);
  copy_keys(x, texts, codes, n);
  qsort(x->keys, n, sizeof *x->keys, key_order);
  for (i = 1; i <= n; i++) {
    if (i < n && x->keys[i].len == x->keys[start].len)
      continue;
    build_group(&x->groups[x->ngroups++], &x->keys[start], i - start, fold,
                &x->rows);
    start = i;
  }
  number_keys(x);
}

void lookup_index_free(struct lookup_index *x)
{
  free(x->keys);
  free(x->groups);
  free(x->lowers);
  memset(x, 0, sizeof *x);
}

void lookup_slots_build(struct lookup_slots *s, const long *codes, size_t n)
{
  unsigned long range, i, k = 0;

  memset(s, 0, sizeof *s);
  s->lo = codes[0];
  s->hi = codes[n - 1];
  range = (unsigned long)(s->hi - s->lo) + 1;
  s->dense = range - n <= GAPS_PER_CODE * n + GAPS_ALLOWED;
  if (!s->dense)
    return;
  s->gaps = xcalloc(range - n + 1, sizeof *s->gaps);
  for (i = 0; i < range; i++) {
    if (k < n && codes[k] == s->lo + (long)i)
      k++;
    else
      s->gaps[s->ngaps++] = i;
  }
}

void lookup_slots_free(struct lookup_slots *s)
{
  free(s->gaps);
  memset(s, 0, sizeof *s);
}
