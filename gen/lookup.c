/* lookup: grouping, the choice of a distinguishing byte, and the dense
   range test. Everything is sorted, so the generated code does not depend
   on the order of the spec. */
#include "lookup.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* A dense switch gets a case for every value in its range: allow this many
   gap cases per status, plus a fixed allowance, before falling back to a
   sparse switch (which compilers may not turn into a table). */
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
  unsigned char c = (unsigned char)(fold ? k->lower : k->text)[pos];

  return fold ? c | 0x20u : c;
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

static void build_group(struct lookup_group *g, struct lookup_key *keys,
                        size_t n, int fold)
{
  size_t p, best = 0, i;

  g->length = keys[0].len;
  g->keys = keys;
  g->nkeys = n;
  g->pos = 0;
  for (p = 0; p < g->length && best < n; p++) {
    size_t d = distinct_at(keys, n, p, fold);

    if (d > best)
      best = d, g->pos = p;
  }
  for (i = 0; i < n; i++)
    keys[i].byte = byte_at(&keys[i], g->pos, fold);
  qsort(keys, n, sizeof *keys, by_byte_then_text);
  g->cases = xcalloc(best + 1, sizeof *g->cases);
  for (i = 0; i < n; i++) {
    unsigned b = keys[i].byte;
    struct lookup_case *c = &g->cases[g->ncases];

    if (g->ncases && g->cases[g->ncases - 1].byte == b) {
      g->cases[g->ncases - 1].nkeys++;
      continue;
    }
    c->byte = b;
    if (b >= 0x20 && b < 0x7F && b != '\'' && b != '\\')
      sprintf(c->label, "'%c'", (char)b);
    else
      sprintf(c->label, "%u", b);
    c->keys = &keys[i];
    c->nkeys = 1;
    g->ncases++;
  }
}

void lookup_index_build(struct lookup_index *x, const char *const *texts,
                        const long *codes, size_t n, int fold)
{
  size_t i, start = 0;

  memset(x, 0, sizeof *x);
  x->keys = xcalloc(n + 1, sizeof *x->keys);
  x->groups = xcalloc(n + 1, sizeof *x->groups);
  for (i = 0; i < n; i++) {
    size_t k, len = strlen(texts[i]);

    x->keys[i].text = texts[i];
    x->keys[i].len = len;
    x->keys[i].code = codes[i];
    x->keys[i].lower = xstrndup(texts[i], len);
    for (k = 0; k < len; k++)
      x->keys[i].lower[k] = (char)tolower((unsigned char)texts[i][k]);
  }
  x->nkeys = n;
  qsort(x->keys, n, sizeof *x->keys, key_order);
  for (i = 1; i <= n; i++) {
    if (i < n && x->keys[i].len == x->keys[start].len)
      continue;
    build_group(&x->groups[x->ngroups++], &x->keys[start], i - start, fold);
    start = i;
  }
}

void lookup_index_free(struct lookup_index *x)
{
  size_t i;

  for (i = 0; i < x->nkeys; i++)
    free(x->keys[i].lower);
  for (i = 0; i < x->ngroups; i++)
    free(x->groups[i].cases);
  free(x->keys);
  free(x->groups);
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
