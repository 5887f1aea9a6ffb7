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
  g->start = *next_row;
  g->span = best_span;
  for (i = 0; i < n; i++)
    keys[i].row = g->base + (long)keys[i].byte;
  *next_row += best_span;
}

/* Slots follow the order of the texts: a status's text (one whose code
   is not the text's before) has the status's slot, 1 for the first; a
   former name's comes after every status's, so that a new text moves no
   other. Keys that share a row are chained. */
static void number_keys(struct lookup_index *x, struct arena *a)
{
  long *code_of = arena_calloc(a, x->nkeys, sizeof *code_of);
  size_t *slot_of = arena_calloc(a, x->nkeys, sizeof *slot_of);
  size_t i, aliases = 0;

  for (i = 0; i < x->nkeys; i++)
    code_of[x->keys[i].origin] = x->keys[i].code;
  x->nstatuses = 0;
  for (i = 0; i < x->nkeys; i++)
    if (i == 0 || code_of[i] != code_of[i - 1])
      slot_of[i] = ++x->nstatuses;
  for (i = 0; i < x->nkeys; i++)
    if (slot_of[i] == 0)
      slot_of[i] = x->nstatuses + ++aliases;
  x->by_slot = arena_calloc(a, x->nkeys, sizeof *x->by_slot);
  for (i = 0; i < x->nkeys; i++) {
    x->keys[i].slot = slot_of[x->keys[i].origin];
    x->by_slot[x->keys[i].slot - 1] = &x->keys[i];
    x->keys[i].next = 0;
    if (i && x->keys[i - 1].row == x->keys[i].row)
      x->keys[i - 1].next = x->keys[i].slot;
  }
}

static void copy_keys(struct lookup_index *x, struct arena *a,
                      const char *const *texts, const long *codes, size_t n)
{
  size_t i, k;

  for (i = 0; i < n; i++) {
    size_t len = strlen(texts[i]);
    char *lower = arena_strndup(a, texts[i], len);

    for (k = 0; k < len; k++)
      lower[k] = (char)tolower((unsigned char)lower[k]);
    x->keys[i].text = texts[i];
    x->keys[i].len = len;
    x->keys[i].code = codes[i];
    x->keys[i].lower = lower;
    x->keys[i].origin = i;
  }
  x->nkeys = n;
}

void lookup_index_build(struct lookup_index *x, struct arena *a,
                        const char *const *texts, const long *codes, size_t n,
                        int fold)
{
  size_t i, start = 0, lengths = 0;

  memset(x, 0, sizeof *x);
  x->keys = arena_calloc(a, n, sizeof *x->keys);
  copy_keys(x, a, texts, codes, n);
  qsort(x->keys, n, sizeof *x->keys, key_order);
  for (i = 0; i < n; i++) /* a group per length */
    lengths += i == 0 || x->keys[i].len != x->keys[i - 1].len;
  x->groups = arena_calloc(a, lengths, sizeof *x->groups);
  for (i = 1; i <= n; i++) {
    if (i < n && x->keys[i].len == x->keys[start].len)
      continue;
    build_group(&x->groups[x->ngroups], &x->keys[start], i - start, fold,
                &x->rows);
    x->groups[x->ngroups].prev = x->ngroups ? &x->groups[x->ngroups - 1] : NULL;
    x->ngroups++;
    start = i;
  }
  number_keys(x, a);
}

void lookup_slots_build(struct lookup_slots *s, struct arena *a,
                        const long *codes, size_t n)
{
  unsigned long range, i, k = 0;

  memset(s, 0, sizeof *s);
  s->lo = codes[0];
  s->hi = codes[n - 1];
  range = (unsigned long)(s->hi - s->lo) + 1;
  s->dense = range - n <= GAPS_PER_CODE * n + GAPS_ALLOWED;
  if (!s->dense)
    return;
  s->gaps = arena_calloc(a, range - n, sizeof *s->gaps);
  for (i = 0; i < range; i++) {
    if (k < n && codes[k] == s->lo + (long)i)
      k++;
    else
      s->gaps[s->ngaps++] = i;
  }
}

/* Cuts n numbers into lines of LOOKUP_NUMBERS_PER_LINE; returns how many.
   Exactly one of lengths and slots is not NULL. */
static size_t cut(struct lookup_line **lines, struct arena *a,
                  const struct lookup_length *lengths,
                  const unsigned long *slots, size_t n)
{
  size_t i, k = (n + LOOKUP_NUMBERS_PER_LINE - 1) / LOOKUP_NUMBERS_PER_LINE;

  *lines = arena_calloc(a, k, sizeof **lines);
  for (i = 0; i < k; i++) {
    size_t first = i * LOOKUP_NUMBERS_PER_LINE;
    struct lookup_line *l = &(*lines)[i];

    l->lengths = lengths ? lengths + first : NULL;
    l->slots = slots ? slots + first : NULL;
    l->n = n - first < LOOKUP_NUMBERS_PER_LINE ? n - first
                                               : LOOKUP_NUMBERS_PER_LINE;
  }
  return k;
}

const char *lookup_ctype(long lo, long hi)
{
  if (lo >= 0)
    return hi <= 255      ? "unsigned char"
           : hi <= 65535L ? "unsigned short"
                          : "unsigned long";
  if (lo >= -127 && hi <= 127)
    return "signed char";
  return lo >= -32767 && hi <= 32767 ? "short" : "long";
}

/* The narrowest type of x's codes and unknown, the value a lookup
   answers for no key: int (what the lookups return) at most. */
static const char *code_type(const struct lookup_index *x, long unknown)
{
  long lo = unknown, hi = unknown;
  const char *type;
  size_t i;

  for (i = 0; i < x->nkeys; i++) {
    lo = x->keys[i].code < lo ? x->keys[i].code : lo;
    hi = x->keys[i].code > hi ? x->keys[i].code : hi;
  }
  type = lookup_ctype(lo, hi);
  if (strcmp(type, "long") == 0 || strcmp(type, "unsigned long") == 0)
    type = "int";
  return type;
}

/* The narrowest types of t's tables. */
static void table_types(struct lookup_table *t)
{
  const struct lookup_index *x = &t->index;
  long blo = (long)x->rows, bhi = (long)x->rows;
  size_t i;

  for (i = 0; i < x->ngroups; i++) {
    blo = x->groups[i].base < blo ? x->groups[i].base : blo;
    bhi = x->groups[i].base > bhi ? x->groups[i].base : bhi;
  }
  t->len_type = lookup_ctype(0, (long)t->max_length);
  t->code_type = code_type(x, -1);
  t->slot_type = lookup_ctype(0, (long)x->nkeys);
  t->at_type = lookup_ctype(0, (long)t->max_length);
  t->base_type = lookup_ctype(blo, bhi);
}

/* How many entries of slots, from 0 to at most n, make the next line:
   one key, or a run of holes up to the next key. */
static unsigned long row_line(const unsigned long *slots, unsigned long n)
{
  unsigned long k = 1;

  if (slots[0] == 0)
    while (k < n && k < LOOKUP_NUMBERS_PER_LINE && slots[k] == 0)
      k++;
  return k;
}

/* Cuts the rows into lines, a key alone on its line, holes in runs of at
   most LOOKUP_NUMBERS_PER_LINE, each group from a new line: a new key
   changes a line or two, not the lines after it. */
static size_t cut_rows(struct lookup_line **lines, struct arena *a,
                       const struct lookup_index *x, const unsigned long *slots)
{
  size_t g, k = 0, n = 0;
  int pass;

  for (pass = 0; pass < 2; pass++) {
    if (pass)
      *lines = arena_calloc(a, n, sizeof **lines);
    for (g = 0; g < x->ngroups; g++) {
      const struct lookup_group *gr = &x->groups[g];
      const unsigned long *first = slots + gr->start;
      unsigned long r, step;

      for (r = 0; r < gr->span; r += step) {
        step = row_line(first + r, gr->span - r);
        if (pass) {
          struct lookup_line *l = &(*lines)[k++];

          l->slots = first + r;
          l->n = step;
          l->group = r == 0 ? gr : NULL;
        } else
          n++;
      }
    }
  }
  return k;
}

static void build_table(struct lookup_table *t, struct arena *a,
                        const char *const *texts, const long *codes, size_t n,
                        int fold)
{
  const struct lookup_index *x = &t->index;
  size_t i, k;

  lookup_index_build(&t->index, a, texts, codes, n, fold);
  t->max_length = x->ngroups ? x->groups[x->ngroups - 1].length : 0;
  t->by_length = arena_calloc(a, t->max_length + 1, sizeof *t->by_length);
  for (i = 0; i <= t->max_length; i++)
    t->by_length[i].base = (long)x->rows; /* no such length: past the end */
  for (i = 0; i < x->ngroups; i++) {
    t->by_length[x->groups[i].length].at = x->groups[i].pos;
    t->by_length[x->groups[i].length].base = x->groups[i].base;
    t->by_length[x->groups[i].length].group = &x->groups[i];
  }
  t->by_row = arena_calloc(a, x->rows, sizeof *t->by_row);
  for (k = x->nkeys; k-- > 0;) /* the first key of a row wins */
    t->by_row[x->keys[k].row] = x->keys[k].slot;
  t->nlength_lines =
      cut(&t->length_lines, a, t->by_length, NULL, t->max_length + 1);
  t->nrow_lines = cut_rows(&t->row_lines, a, x, t->by_row);
  table_types(t);
}

/* The entries of the tables indexed by code (dense: code - lo; otherwise
   by slot, 0 being none): statuses, and holes in runs of at most
   LOOKUP_GAPS_PER_ROW. */
static void build_rows(struct lookup_design *d, struct arena *a,
                       const long *codes, size_t n)
{
  static const unsigned long none = 0;
  const struct lookup_slots *sl = &d->slots;
  size_t i = 0, g = 0, k;

  d->rows = arena_calloc(a, n + sl->ngaps + 1, sizeof *d->rows);
  if (!sl->dense) {
    d->rows[d->nrows].gaps = &none;
    d->rows[d->nrows++].ngaps = 1;
  }
  while (i < n || g < sl->ngaps) {
    struct lookup_row *r = &d->rows[d->nrows++];

    if (g == sl->ngaps ||
        (i < n && (unsigned long)(codes[i] - sl->lo) < sl->gaps[g])) {
      r->status = ++i;
      continue;
    }
    for (k = 1; g + k < sl->ngaps && k < LOOKUP_GAPS_PER_ROW &&
                sl->gaps[g + k] == sl->gaps[g] + k;
         k++)
      ;
    r->gaps = &sl->gaps[g];
    r->ngaps = k;
    g += k;
  }
}

void lookup_design_build(struct lookup_design *d, struct arena *a,
                         const long *status_codes, size_t nstatuses,
                         const char *const *names, const char *const *reasons,
                         const long *codes, size_t n)
{
  memset(d, 0, sizeof *d);
  lookup_slots_build(&d->slots, a, status_codes, nstatuses);
  build_rows(d, a, status_codes, nstatuses);
  build_table(&d->names, a, names, codes, n, 0);
  build_table(&d->reasons, a, reasons, codes, n, 1);
  d->slot_type = lookup_ctype(0, (long)nstatuses);
  d->status_codes = status_codes;
  d->nstatuses = nstatuses;
  d->in_names = names;
  d->in_reasons = reasons;
  d->codes = codes;
  d->n = n;
}

void lookup_design_unknown(struct lookup_design *d, long unknown)
{
  d->names.code_type = code_type(&d->names.index, unknown);
  d->reasons.code_type = code_type(&d->reasons.index, unknown);
}

void lookup_design_use_switch(struct lookup_design *d, struct arena *a)
{
  d->use_switch = 1;
  d->holes = d->slots.dense;
  if (!d->holes) {
    d->rows = NULL;
    d->nrows = 0;
    build_rows(d, a, d->status_codes, d->nstatuses);
  }
  d->slots.dense = 0;
}

/* The pool. Candidates are every use of a text, in order; the first of
   equal ones is stored, the others refer to it. */
struct candidate {
  struct lookup_text text;
  size_t place;                    /* in the order of use */
  const struct lookup_text **into; /* where its stored text goes */
};

static int by_text_then_place(const void *pa, const void *pb)
{
  const struct candidate *a = *(const struct candidate *const *)pa;
  const struct candidate *b = *(const struct candidate *const *)pb;
  size_t n = a->text.len < b->text.len ? a->text.len : b->text.len;
  int c = memcmp(a->text.text, b->text.text, n);

  if (c == 0 && a->text.len != b->text.len)
    c = a->text.len < b->text.len ? -1 : 1;
  if (c == 0)
    c = a->place < b->place ? -1 : 1;
  return c;
}

static void label(char *out, char kind, long code, size_t alias)
{
  char *p = out;
  unsigned long u =
      code < 0 ? (unsigned long)-(code + 1) + 1 : (unsigned long)code;
  char digits[24];
  size_t n = 0;

  *p++ = kind;
  if (code < 0)
    *p++ = 'm';
  do
    digits[n++] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  while (n)
    *p++ = digits[--n];
  if (alias) {
    *p++ = '_';
    u = alias;
    do
      digits[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    while (n)
      *p++ = digits[--n];
  }
  *p = 0;
}

static void add(struct candidate *c, size_t *n, const char *text, char kind,
                long code, size_t alias, const struct lookup_text **into)
{
  struct candidate *k = &c[*n];

  k->text.text = text;
  k->text.len = strlen(text);
  label(k->text.label, kind, code, alias);
  k->place = (*n)++;
  k->into = into;
}

/* Every use of a text, in order: each status's reason, name, description
   and reference, a former name's name and reason. Each key is named after
   its kind, its code and its place among its code's former names. */
static size_t gather(struct lookup_design *d, struct candidate *c,
                     const char *const *descriptions,
                     const char *const *references,
                     const struct lookup_text **name_of,
                     const struct lookup_text **reason_of, size_t *aliases)
{
  size_t i, n = 0, slot = 0, alias = 0;

  for (i = 0; i < d->n; i++) {
    long code = d->codes[i];

    if (i == 0 || code != d->codes[i - 1]) {
      struct lookup_texts *t = &d->by_slot[++slot];

      label(t->label, 'x', code, 0);
      memmove(t->label, t->label + 1, strlen(t->label));
      alias = 0;
      add(c, &n, d->in_reasons[i], 'r', code, 0, &reason_of[i]);
      add(c, &n, d->in_names[i], 'n', code, 0, &name_of[i]);
      if (descriptions && descriptions[slot - 1])
        add(c, &n, descriptions[slot - 1], 'd', code, 0, &t->description);
      if (references && references[slot - 1])
        add(c, &n, references[slot - 1], 'f', code, 0, &t->reference);
    } else {
      add(c, &n, d->in_names[i], 'n', code, ++alias, &name_of[i]);
      add(c, &n, d->in_reasons[i], 'r', code, alias, &reason_of[i]);
    }
    aliases[i] = alias;
  }
  return n;
}

/* Each key's stored text, and the name of its slot: its status's (S404)
   or, for a former name's, A and its code and place (A413_1). */
static void name_keys(struct lookup_index *x, struct arena *a,
                      const struct lookup_text **stored, const size_t *aliases)
{
  char buf[sizeof stored[0]->label];
  size_t i;

  for (i = 0; i < x->nkeys; i++) {
    struct lookup_key *k = &x->keys[i];
    size_t alias = aliases[k->origin];

    k->stored = stored[k->origin];
    label(buf, alias ? 'A' : 'S', k->code, alias);
    k->label = arena_strndup(a, buf, strlen(buf));
  }
}

void lookup_design_pool(struct lookup_design *d, struct arena *a,
                        const char *const *descriptions,
                        const char *const *references)
{
  /* the candidates and the maps below are needed here only: on the heap,
     not in the design's arena, which lives as long as the render */
  size_t i, k, n, max = 4 * d->n + 1, slot = 0;
  struct candidate *c = xcalloc(max, sizeof *c);
  struct candidate **order = xcalloc(max, sizeof *order);
  const struct lookup_text **name_of = xcalloc(d->n + 1, sizeof *name_of);
  const struct lookup_text **reason_of = xcalloc(d->n + 1, sizeof *reason_of);
  size_t *aliases = xcalloc(d->n + 1, sizeof *aliases);
  struct lookup_pool *p = &d->pool;

  d->by_slot = arena_calloc(a, d->nstatuses + 1, sizeof *d->by_slot);
  n = gather(d, c, descriptions, references, name_of, reason_of, aliases);
  for (i = 0; i < n; i++)
    order[i] = &c[i];
  qsort(order, n, sizeof *order, by_text_then_place);
  /* the first of equal texts is stored: mark the others */
  for (i = 1; i < n; i++)
    if (order[i]->text.len == order[i - 1]->text.len &&
        memcmp(order[i]->text.text, order[i - 1]->text.text,
               order[i]->text.len) == 0)
      order[i]->text.offset = (unsigned long)(order[i - 1] - c) + 1;
  memset(p, 0, sizeof *p);
  p->texts = arena_calloc(a, n, sizeof *p->texts);
  p->size = 1; /* the lone NUL */
  /* stored texts in order of use; each candidate knows its stored text */
  for (i = 0; i < n; i++) {
    if (c[i].text.offset) {
      /* an earlier equal text, or one that refers to it */
      k = c[i].text.offset - 1;
      while (c[k].text.offset)
        k = c[k].text.offset - 1;
      c[i].place = c[k].place;
    } else {
      struct lookup_text *t = &p->texts[p->ntexts];

      *t = c[i].text;
      t->offset = p->size;
      p->size += (unsigned long)t->len + 1;
      c[i].place = p->ntexts++;
    }
  }
  for (i = 0; i < n; i++)
    if (c[i].into)
      *c[i].into = &p->texts[c[i].place];
  p->type = lookup_ctype(0, (long)p->size - 1);
  for (i = 0; i < d->n; i++)
    if (i == 0 || d->codes[i] != d->codes[i - 1]) {
      d->by_slot[++slot].name = name_of[i];
      d->by_slot[slot].reason = reason_of[i];
    }
  name_keys(&d->names.index, a, name_of, aliases);
  name_keys(&d->reasons.index, a, reason_of, aliases);
  free(c);
  free(order);
  free(name_of);
  free(reason_of);
  free(aliases);
}
