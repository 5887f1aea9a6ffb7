/* spec: the schema check and the model. Every check reports at the node at
   fault and goes on, so one run lists every problem; the model is built
   only when nothing was reported.

   Contents:
     spec_build, spec_free          entry points
     check_keys                     unknown and missing keys, with a hint
     get_text, get_ident, get_code  typed reads with their own diagnostics
     read_numbers                   the codes' range and the unknown value
     read_classes, read_flags       the optional declarations
     read_status, read_aliases      one entry
     check_unique                   duplicate codes, names and reasons */
#include "spec.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "nearest.h"
#include "utf8.h"

/* A place named in a message at another ("14:11", or with the file when
   it is another layer's): a buffer that lives to the end of the
   statement. */
#define PLACE(at, from) diag_place((char[512]){0}, 512, (at), (from))
#include "xmem.h"

/* Codes are C enum constants and lookups take an int: by default they
   are 0..SPEC_INT_MAX, and -1 means "unknown"; a spec's 'codes' and
   'unknown' say otherwise. NO_CODE, outside every range, marks a code or
   a bound that was refused. */
#define NO_CODE LONG_MIN

struct checker {
  struct diag *d;
  struct arena *arena;
  struct spec *s;
  int classes_ok; /* every range valid: codes can be placed */
  int flags_ok;   /* every flag declared well: lists can be checked */
};

struct key_rule {
  const char *key;
  int required;
};

static const struct key_rule top_keys[] = {
    {"name", 1},     {"title", 1}, {"source", 1}, {"classes", 0}, {"flags", 0},
    {"statuses", 1}, {"shape", 0}, {"codes", 0},  {"unknown", 0}, {NULL, 0}};
static const struct key_rule class_keys[] = {
    {"id", 1}, {"title", 1}, {"range", 1}, {NULL, 0}};
static const struct key_rule status_keys[] = {
    {"code", 1},      {"name", 0},  {"reason", 1},  {"description", 1},
    {"reference", 0}, {"flags", 0}, {"aliases", 0}, {NULL, 0}};

/* Snake case over one letter class: [a-z][a-z0-9]*(_[a-z0-9]+)* for lower,
   the same in upper case for upper. */
static int is_snake(const char *s, int upper)
{
  const char *p;
  int prev = '_';

  if (!(upper ? isupper((unsigned char)*s) : islower((unsigned char)*s)))
    return 0;
  for (p = s; *p; p++) {
    int c = (unsigned char)*p;

    if (c == '_' ? prev == '_'
                 : !(isdigit(c) || (upper ? isupper(c) : islower(c))))
      return 0;
    prev = c;
  }
  return prev != '_';
}

int spec_is_lower_ident(const char *s)
{
  return is_snake(s, 0);
}

size_t spec_derive_name(const char *reason, char *out)
{
  size_t n = 0;
  int gap = 0;

  for (; *reason; reason++) {
    int c = (unsigned char)*reason;

    if (c < 0x80 && isalnum(c)) {
      if (gap && n)
        out[n++] = '_';
      out[n++] = (char)toupper(c);
      gap = 0;
    } else {
      gap = 1;
    }
  }
  out[n] = '\0';
  return n;
}

/* The key of rules that key most likely meant, or NULL. */
static const char *suggest(const char *key, const struct key_rule *rules)
{
  struct nearest n;

  nearest_init(&n, key, strlen(key));
  for (; rules->key; rules++)
    nearest_offer(&n, rules->key);
  return n.best;
}

/* Reports each key of map that rules do not list, and each required key
   that map lacks (at the map, naming what it is). */
static void check_keys(struct checker *c, const struct value *map,
                       const char *what, const struct key_rule *rules)
{
  const struct key_rule *r;
  size_t i, j;

  for (i = 0; i < map->len; i++) {
    const struct value *k = &map->as.items[2 * i];
    const char *hint;

    for (j = 0; rules[j].key && !value_is(k, rules[j].key); j++)
      ;
    if (rules[j].key)
      continue;
    hint = k->str ? suggest(k->str, rules) : NULL;
    if (hint)
      diag_error(c->d, &k->mark, "unknown key '%s' in %s (did you mean '%s'?)",
                 k->str ? k->str : "", what, hint);
    else
      diag_error(c->d, &k->mark, "unknown key '%s' in %s", k->str ? k->str : "",
                 what);
  }
  for (r = rules; r->key; r++)
    if (r->required && !value_get(map, r->key))
      diag_error(c->d, &map->mark, "%s is missing '%s'", what, r->key);
}

static int want_kind(struct checker *c, const struct value *v, const char *key,
                     enum value_kind kind)
{
  if (v->kind == kind)
    return 0;
  return diag_error(c->d, &v->mark, "'%s' must be %s, not %s", key,
                    value_kind_name(kind), value_kind_name(v->kind));
}

/* The white space byte c, in words. */
static const char *space_name(char c)
{
  return c == ' ' ? "a space" : c == '\t' ? "a tab" : "a line break";
}

/* Text: a string, not blank, valid UTF-8, no control characters but tab
   and newline (which the outputs escape), no white space at either end
   (which a lookup of the text would miss). NULL after a diagnostic. */
static const char *get_text(struct checker *c, const struct value *v,
                            const char *key)
{
  size_t i, k, blank = 1;
  unsigned long cp;

  if (v->kind != VALUE_STRING) {
    if (v->kind == VALUE_SEQ || v->kind == VALUE_MAP || v->kind == VALUE_NULL)
      want_kind(c, v, key, VALUE_STRING);
    else
      diag_error(c->d, &v->mark, "'%s' must be a string, not %s (quote it)",
                 key, value_kind_name(v->kind));
    return NULL;
  }
  for (i = 0; i < v->len; i += k) {
    k = utf8_decode(v->str + i, v->len - i, &cp);
    if (!k)
      return diag_error(c->d, &v->mark, "'%s' is not valid UTF-8 (byte %lu)",
                        key, (unsigned long)i + 1),
             NULL;
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0))
      return diag_error(c->d, &v->mark,
                        "'%s' contains a control character (U+%04lX)", key, cp),
             NULL;
    if (cp != ' ' && cp != '\t' && cp != '\n')
      blank = 0;
  }
  if (blank)
    return diag_error(c->d, &v->mark, "'%s' must not be empty", key), NULL;
  if (v->len && strchr(" \t\n", v->str[v->len - 1]))
    return diag_error(c->d, &v->mark, "'%s' ends with %s: remove it%s", key,
                      space_name(v->str[v->len - 1]),
                      v->str[v->len - 1] == '\n'
                          ? " (a block scalar keeps its last line break "
                            "unless written '|-' or '>-')"
                          : " (lookups compare texts exactly)"),
           NULL;
  if (strchr(" \t\n", v->str[0]))
    return diag_error(c->d, &v->mark,
                      "'%s' starts with %s: remove it (lookups compare "
                      "texts exactly)",
                      key, space_name(v->str[0])),
           NULL;
  return v->str;
}

/* A lower snake case identifier (spec name, class id, flag id). Only its
   shape: what a language reserves is checked by the output kinds. */
static const char *get_ident(struct checker *c, const struct value *v,
                             const char *key)
{
  const char *s = get_text(c, v, key);

  if (!s)
    return NULL;
  if (!is_snake(s, 0))
    return diag_error(c->d, &v->mark,
                      "%s '%s' is not a lower snake case C "
                      "identifier",
                      key, s),
           NULL;
  return s;
}

/* An integer in lo..hi; NO_CODE after a diagnostic, which names where
   the range was set (at) when it is the spec's. */
static long get_int(struct checker *c, const struct value *v, const char *key,
                    long lo, long hi, const struct mark *at)
{
  if (want_kind(c, v, key, VALUE_INT))
    return NO_CODE;
  if (v->as.i >= lo && v->as.i <= hi)
    return (long)v->as.i;
  if (at)
    diag_error(c->d, &v->mark,
               "%s %lld is out of range (%ld to %ld, 'codes' at %u:%u)", key,
               v->as.i, lo, hi, at->line, at->col);
  else
    diag_error(c->d, &v->mark, "%s %lld is out of range (%ld to %ld)", key,
               v->as.i, lo, hi);
  return NO_CODE;
}

/* A code or class bound: within the spec's codes. */
static long get_code(struct checker *c, const struct value *v, const char *key)
{
  const struct spec *s = c->s;

  return get_int(c, v, key, s->code_lo, s->code_hi,
                 s->codes_given ? &s->codes_mark : NULL);
}

/* 'codes: [low, high]' and 'unknown: N', before anything that holds a
   code. A refused range leaves the default, so that codes are still
   checked against something. */
static void read_numbers(struct checker *c, const struct value *root)
{
  struct spec *s = c->s;
  const struct value *v;

  s->code_lo = 0;
  s->code_hi = SPEC_INT_MAX;
  s->unknown = -1;
  if ((v = value_get(root, "codes")) && !want_kind(c, v, "codes", VALUE_SEQ)) {
    if (v->len != 2) {
      diag_error(c->d, &v->mark, "'codes' must be [low, high]");
    } else {
      long lo =
          get_int(c, &v->as.items[0], "low", SPEC_INT_MIN, SPEC_INT_MAX, NULL);
      long hi =
          get_int(c, &v->as.items[1], "high", SPEC_INT_MIN, SPEC_INT_MAX, NULL);

      if (lo != NO_CODE && hi != NO_CODE && lo > hi)
        diag_error(c->d, &v->mark,
                   "'codes' [%ld, %ld] is empty: low is above high", lo, hi);
      else if (lo != NO_CODE && hi != NO_CODE) {
        s->code_lo = lo;
        s->code_hi = hi;
        s->codes_given = 1;
        s->codes_mark = v->mark;
      }
    }
  }
  if ((v = value_get(root, "unknown"))) {
    long u = get_int(c, v, "unknown", SPEC_INT_MIN, SPEC_INT_MAX, NULL);

    if (u != NO_CODE) {
      s->unknown = u;
      s->unknown_given = 1;
      s->unknown_mark = v->mark;
    }
  }
}

static void read_classes(struct checker *c, const struct value *list)
{
  struct spec_class *out;
  size_t i, j;

  if (want_kind(c, list, "classes", VALUE_SEQ))
    return;
  out = arena_alloc(c->arena, list->len * sizeof *out);
  for (i = 0; i < list->len; i++) {
    const struct value *v = &list->as.items[i], *r;
    struct spec_class *k = &out[i];

    memset(k, 0, sizeof *k);
    k->mark = v->mark;
    k->lo = k->hi = NO_CODE;
    if (want_kind(c, v, "class", VALUE_MAP)) {
      c->classes_ok = 0;
      continue;
    }
    check_keys(c, v, "class", class_keys);
    if ((r = value_get(v, "id"))) {
      k->id_mark = r->mark;
      k->id = get_ident(c, r, "id");
    }
    if ((r = value_get(v, "title"))) {
      k->title_mark = r->mark;
      k->title = get_text(c, r, "title");
    }
    if ((r = value_get(v, "range")) && !want_kind(c, r, "range", VALUE_SEQ)) {
      if (r->len != 2)
        diag_error(c->d, &r->mark, "'range' must be [low, high]");
      else if ((k->lo = get_code(c, &r->as.items[0], "low")) != NO_CODE &&
               (k->hi = get_code(c, &r->as.items[1], "high")) != NO_CODE &&
               k->lo > k->hi)
        diag_error(c->d, &r->mark,
                   "range [%ld, %ld] is empty: low is above "
                   "high",
                   k->lo, k->hi);
    }
    if (k->lo == NO_CODE || k->hi == NO_CODE || k->hi < k->lo)
      c->classes_ok = 0; /* codes cannot be placed: say nothing of them */
    for (j = 0; j < i; j++) {
      const struct spec_class *o = &out[j];

      if (k->id && o->id && strcmp(k->id, o->id) == 0)
        diag_error(c->d, &k->mark, "duplicate class '%s' (first at %s)", k->id,
                   PLACE(&o->mark, &k->mark));
      if (k->lo != NO_CODE && k->hi != NO_CODE && k->hi >= k->lo &&
          o->lo != NO_CODE && o->hi != NO_CODE && o->hi >= o->lo &&
          k->lo <= o->hi && o->lo <= k->hi)
        diag_error(c->d, &k->mark,
                   "range [%ld, %ld] overlaps class '%s' "
                   "(at %s)",
                   k->lo, k->hi, o->id ? o->id : "", PLACE(&o->mark, &k->mark));
    }
  }
  c->s->classes = out;
  c->s->nclasses = list->len;
}

static void read_flags(struct checker *c, const struct value *map)
{
  struct spec_flag *out;
  size_t i, j;

  if (want_kind(c, map, "flags", VALUE_MAP)) {
    c->flags_ok = 0;
    return;
  }
  out = arena_alloc(c->arena, map->len * sizeof *out);
  for (i = 0; i < map->len; i++) {
    const struct value *k = &map->as.items[2 * i];
    struct spec_flag *f = &out[i];

    f->mark = k->mark;
    f->id = get_ident(c, k, "flag");
    if (!f->id)
      c->flags_ok = 0;
    f->meaning_mark = map->as.items[2 * i + 1].mark;
    f->meaning = get_text(c, &map->as.items[2 * i + 1], "meaning");
    for (j = 0; f->id && j < c->s->nclasses; j++) {
      const struct spec_class *o = &c->s->classes[j];

      if (o->id && strcmp(f->id, o->id) == 0)
        diag_error(c->d, &f->mark,
                   "flag '%s' has the name of a class (at "
                   "%u:%u)",
                   f->id, o->mark.line, o->mark.col);
    }
  }
  c->s->flags = out;
  c->s->nflags = map->len;
}

/* An UPPER_SNAKE name, given or derived; NULL after a diagnostic. Only
   its shape: what a template set reserves is checked by the output
   kinds. */
static const char *check_name(struct checker *c, const char *name,
                              const struct mark *m, int derived)
{
  const char *why = NULL;

  if (!*name)
    why = "has no letter or digit to derive a name from";
  else if (!is_snake(name, 1))
    why = derived ? "gives a name that is not a C identifier"
                  : "is not an UPPER_SNAKE C identifier";
  if (!why)
    return name;
  if (derived)
    diag_error(c->d, m, "reason %s ('%s'): give the status a 'name'", why,
               name);
  else
    diag_error(c->d, m, "name '%s' %s", name, why);
  return NULL;
}

/* 1 when the code point is, as far as a name goes, a letter: outside
   ASCII, Latin-1's signs, the blocks of punctuation, symbols, arrows and
   shapes (U+2000 to U+2BFF), CJK punctuation and the emoji. An
   approximation that needs no Unicode tables, for one question: would a
   name derived from the text drop something that matters? */
static int non_ascii_letter(unsigned long cp)
{
  return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
         !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE30 && cp <= 0xFE4F) && !(cp >= 0xFF00 && cp <= 0xFF20) &&
         !(cp >= 0x1F000 && cp <= 0x1FAFF);
}

static const char *derive(struct checker *c, const char *reason,
                          const struct mark *m, int may_name)
{
  char *name = arena_alloc(c->arena, strlen(reason) + 1);
  size_t i, k, n = strlen(reason);
  unsigned long cp;

  spec_derive_name(reason, name);
  for (i = 0; may_name && i < n; i += k) {
    k = utf8_decode(reason + i, n - i, &cp);
    if (!k)
      break; /* get_text refused it already */
    if (non_ascii_letter(cp))
      return diag_error(c->d, m,
                        "reason '%s' has letters outside ASCII, which a "
                        "derived name drops (it would be '%s'): give the "
                        "status a 'name'",
                        reason, name),
             NULL;
  }
  return check_name(c, name, m, 1);
}

static void read_aliases(struct checker *c, struct spec_status *st,
                         const struct value *list)
{
  struct spec_alias *out;
  size_t i;

  if (want_kind(c, list, "aliases", VALUE_SEQ))
    return;
  out = arena_alloc(c->arena, list->len * sizeof *out);
  for (i = 0; i < list->len; i++) {
    const struct value *v = &list->as.items[i];

    out[i].mark = v->mark;
    out[i].reason = get_text(c, v, "alias");
    out[i].name = out[i].reason ? derive(c, out[i].reason, &v->mark, 0) : NULL;
  }
  st->aliases = out;
  st->naliases = list->len;
}

/* A status lists a flag that 'flags' does not declare. */
static void undeclared_flag(struct checker *c, const struct value *v,
                            const char *id)
{
  struct nearest n;
  size_t j;

  nearest_init(&n, id, strlen(id));
  for (j = 0; j < c->s->nflags; j++)
    if (c->s->flags[j].id)
      nearest_offer(&n, c->s->flags[j].id);
  if (n.best)
    diag_error(c->d, &v->mark, "undeclared flag '%s' (did you mean '%s'?)", id,
               n.best);
  else
    diag_error(c->d, &v->mark,
               "undeclared flag '%s' (declare it under 'flags')", id);
}

static void read_status_flags(struct checker *c, struct spec_status *st,
                              const struct value *list)
{
  const struct spec *s = c->s;
  const struct spec_flag **out;
  char *seen;
  size_t i, j, n = 0;

  if (want_kind(c, list, "flags", VALUE_SEQ))
    return;
  seen = xcalloc(s->nflags + 1, 1);
  for (i = 0; i < list->len; i++) {
    const struct value *v = &list->as.items[i];
    const char *id = get_text(c, v, "flag");

    for (j = 0; id && j < s->nflags; j++)
      if (s->flags[j].id && strcmp(id, s->flags[j].id) == 0)
        break;
    if (!id)
      continue;
    if (j == s->nflags && c->flags_ok)
      undeclared_flag(c, v, id);
    else if (seen[j]++)
      diag_error(c->d, &v->mark, "flag '%s' is listed twice", id);
  }
  for (j = 0; j < s->nflags; j++)
    n += seen[j] != 0;
  out = arena_alloc(c->arena, n * sizeof *out); /* only the flags listed */
  for (j = n = 0; j < s->nflags; j++)
    if (seen[j])
      out[n++] = &s->flags[j];
  free(seen);
  st->flags = out;
  st->nflags = n;
}

static const struct spec_class *class_of(const struct spec *s, long code)
{
  size_t i;

  for (i = 0; i < s->nclasses; i++)
    if (code >= s->classes[i].lo && code <= s->classes[i].hi)
      return &s->classes[i];
  return NULL;
}

static void read_status(struct checker *c, struct spec_status *st,
                        const struct value *v)
{
  const struct value *r, *code;

  memset(st, 0, sizeof *st);
  st->mark = v->mark;
  st->code = NO_CODE;
  if (want_kind(c, v, "status", VALUE_MAP))
    return;
  check_keys(c, v, "status", status_keys);
  if ((code = value_get(v, "code")))
    st->code = get_code(c, code, "code");
  if (st->code != NO_CODE && st->code == c->s->unknown) {
    if (c->s->unknown_given)
      diag_error(c->d, &code->mark,
                 "code %ld is the 'unknown' value (set at %u:%u): give "
                 "'unknown' a value no status has",
                 st->code, c->s->unknown_mark.line, c->s->unknown_mark.col);
    else
      diag_error(c->d, &code->mark,
                 "code %ld is the default 'unknown' value: give 'unknown' a "
                 "value no status has",
                 st->code);
  }
  if ((r = value_get(v, "reason"))) {
    st->reason_mark = r->mark;
    st->reason = get_text(c, r, "reason");
  }
  if ((r = value_get(v, "name"))) {
    st->name_mark = r->mark;
    st->name_given = 1;
    st->name = get_text(c, r, "name");
    if (st->name)
      st->name = check_name(c, st->name, &r->mark, 0);
  } else if ((r = value_get(v, "reason"))) {
    st->name_mark = r->mark;
    if (st->reason)
      st->name = derive(c, st->reason, &r->mark, 1);
  }
  if ((r = value_get(v, "description"))) {
    st->description_mark = r->mark;
    st->description = get_text(c, r, "description");
  }
  if ((r = value_get(v, "reference"))) {
    st->reference_mark = r->mark;
    st->reference = get_text(c, r, "reference");
  }
  if ((r = value_get(v, "flags")))
    read_status_flags(c, st, r);
  if ((r = value_get(v, "aliases")))
    read_aliases(c, st, r);
  if (st->code != NO_CODE && c->s->nclasses && c->classes_ok) {
    st->cls = class_of(c->s, st->code);
    if (!st->cls)
      diag_error(c->d, &code->mark, "code %ld is outside every class",
                 st->code);
  }
}

/* One name or reason or code to check for duplicates. */
struct key {
  const char *text;
  long code;
  struct mark mark;
  size_t seq; /* the order met: the document's, layer after layer */
};

static int cmp_seq(const struct key *a, const struct key *b)
{
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int by_code(const void *pa, const void *pb)
{
  const struct key *a = pa, *b = pb;

  if (a->code != b->code)
    return a->code < b->code ? -1 : 1;
  return cmp_seq(a, b);
}

static int by_text(const void *pa, const void *pb)
{
  const struct key *a = pa, *b = pb;
  int r = strcmp(a->text, b->text);

  return r ? r : cmp_seq(a, b);
}

/* ASCII only: the generated _from_reason folds ASCII letters only. */
static int fold_cmp(const char *a, const char *b)
{
  for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b);
       a++, b++)
    ;
  return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

static int by_folded_text(const void *pa, const void *pb)
{
  const struct key *a = pa, *b = pb;
  int r = fold_cmp(a->text, b->text);

  return r ? r : cmp_seq(a, b);
}

/* Sorts keys and reports each that equals the one before it, at its own
   place and naming the first. */
static void check_unique(struct checker *c, struct key *keys, size_t n,
                         int (*cmp)(const void *, const void *),
                         const char *what)
{
  size_t i, first = 0;

  qsort(keys, n, sizeof *keys, cmp);
  for (i = 1; i < n; i++) {
    struct key a = keys[first], b = keys[i];

    a.seq = b.seq; /* compare the keys alone */
    if (cmp(&a, &b) != 0) {
      first = i;
      continue;
    }
    if (cmp == by_code)
      diag_error(c->d, &b.mark, "duplicate code %ld (first at %s)", b.code,
                 PLACE(&keys[first].mark, &b.mark));
    else
      diag_error(c->d, &b.mark, "duplicate %s '%s' (first at %s)", what, b.text,
                 PLACE(&keys[first].mark, &b.mark));
  }
}

static void add_key(struct key *keys, size_t *n, const char *text, long code,
                    const struct value *at)
{
  keys[*n].text = text;
  keys[*n].code = code;
  keys[*n].mark = at->mark;
  keys[*n].seq = *n;
  (*n)++;
}

/* What check_statuses gathers in one pass: codes, names or reasons. */
enum gather { GATHER_CODES, GATHER_NAMES, GATHER_REASONS };

/* Fills keys with every code, name or reason of the statuses and their
   aliases, each with the place of its node; returns how many. */
static size_t gather(struct key *keys, enum gather what,
                     const struct value *list, const struct spec_status *st,
                     size_t n)
{
  size_t i, j, k = 0;

  for (i = 0; i < n; i++) {
    const struct value *v = &list->as.items[i], *name = value_get(v, "name");
    const struct value *reason = value_get(v, "reason");

    if (what == GATHER_CODES && st[i].code != NO_CODE)
      add_key(keys, &k, NULL, st[i].code, value_get(v, "code"));
    if (what == GATHER_NAMES && st[i].name)
      add_key(keys, &k, st[i].name, 0, name ? name : reason);
    if (what == GATHER_REASONS && st[i].reason)
      add_key(keys, &k, st[i].reason, 0, reason);
    for (j = 0; what != GATHER_CODES && j < st[i].naliases; j++) {
      const struct spec_alias *a = &st[i].aliases[j];
      const char *text = what == GATHER_NAMES ? a->name : a->reason;

      if (text)
        add_key(keys, &k, text, 0, &value_get(v, "aliases")->as.items[j]);
    }
  }
  return k;
}

/* Duplicate codes, names (statuses' and aliases') and reasons (ignoring
   ASCII case, as _from_reason does) across all statuses: one kind at a
   time, in one array, to keep a large spec's peak memory down. */
static void check_statuses(struct checker *c, const struct value *list,
                           const struct spec_status *st, size_t n)
{
  size_t i, total = n, k;
  struct key *keys;

  for (i = 0; i < n; i++)
    total += st[i].naliases;
  keys = xmalloc(total * sizeof *keys);
  k = gather(keys, GATHER_CODES, list, st, n);
  check_unique(c, keys, k, by_code, "code");
  k = gather(keys, GATHER_NAMES, list, st, n);
  check_unique(c, keys, k, by_text, "name");
  k = gather(keys, GATHER_REASONS, list, st, n);
  check_unique(c, keys, k, by_folded_text, "reason");
  free(keys);
}

static int status_order(const void *pa, const void *pb)
{
  const struct spec_status *a = pa, *b = pb;

  return a->code < b->code ? -1 : a->code > b->code;
}

static void read_statuses(struct checker *c, const struct value *list)
{
  struct spec_status *st;
  size_t i;

  if (want_kind(c, list, "statuses", VALUE_SEQ))
    return;
  if (!list->len) {
    diag_error(c->d, &list->mark, "'statuses' must list at least one status");
    return;
  }
  st = arena_alloc(c->arena, list->len * sizeof *st);
  for (i = 0; i < list->len; i++)
    read_status(c, &st[i], &list->as.items[i]);
  check_statuses(c, list, st, list->len);
  qsort(st, list->len, sizeof *st, status_order);
  c->s->statuses = st;
  c->s->nstatuses = list->len;
}

/* id in case into out (room for strlen(id) + 1): each letter upper
   (upper), lower, or by words (camel: the first letter of a word upper,
   unless it is the first word and upper is 0), without the underscores
   when camel. */
static void recase(char *out, const char *id, int camel, int upper)
{
  int start = 1, first = 1;

  for (; *id; id++) {
    unsigned char ch = (unsigned char)*id;

    if (ch == '_' && camel) {
      start = 1;
      continue;
    }
    if (camel)
      *out++ = (char)(start && !(first && !upper) ? toupper(ch) : tolower(ch));
    else
      *out++ = (char)(upper ? toupper(ch) : tolower(ch));
    if (start && ch != '_')
      first = 0;
    start = ch == '_';
  }
  *out = '\0';
}

/* The text of case, built in tmp: one of the texts already at hand when
   it equals one (a name is often its own UPPER_SNAKE, an id its own
   lower_snake, a one-word name its lowerCamel), else a copy in a. A spec
   of 100k statuses has 200k names: four copies each would be most of
   the model. */
static const char *form(struct arena *a, const char *tmp,
                        const char *const *have, size_t nhave)
{
  size_t i;

  for (i = 0; i < nhave; i++)
    if (strcmp(tmp, have[i]) == 0)
      return have[i];
  return arena_strndup(a, tmp, strlen(tmp));
}

void spec_names_of(struct spec_names *out, struct arena *a, const char *id)
{
  char small[128], *tmp = small;
  size_t n = strlen(id) + 1;
  const char *have[4];

  if (n > sizeof small)
    tmp = xmalloc(n);
  have[0] = id;
  recase(tmp, id, 0, 1);
  out->upper_snake = have[1] = form(a, tmp, have, 1);
  recase(tmp, id, 1, 1);
  out->upper_camel = have[2] = form(a, tmp, have, 2);
  recase(tmp, id, 0, 0);
  out->lower_snake = have[3] = form(a, tmp, have, 3);
  recase(tmp, id, 1, 0);
  out->lower_camel = form(a, tmp, have, 4);
  if (tmp != small)
    free(tmp);
}

/* Every name of a valid model in its four cases, and each alias's
   status. The arrays are the arena's, built above and read by no one
   yet: written here once. */
static void name_everything(struct spec *s, struct arena *a)
{
  struct spec_class *classes = (struct spec_class *)s->classes;
  struct spec_flag *flags = (struct spec_flag *)s->flags;
  struct spec_status *statuses = (struct spec_status *)s->statuses;
  size_t i, j;

  spec_names_of(&s->names, a, s->name);
  for (i = 0; i < s->nclasses; i++)
    spec_names_of(&classes[i].names, a, classes[i].id);
  for (i = 0; i < s->nflags; i++)
    spec_names_of(&flags[i].names, a, flags[i].id);
  for (i = 0; i < s->nstatuses; i++) {
    struct spec_alias *aliases = (struct spec_alias *)statuses[i].aliases;

    spec_names_of(&statuses[i].names, a, statuses[i].name);
    for (j = 0; j < statuses[i].naliases; j++) {
      spec_names_of(&aliases[j].names, a, aliases[j].name);
      aliases[j].status = &statuses[i]; /* the statuses are sorted now */
    }
  }
}

struct spec *spec_build(const struct value_tree *tree, struct diag *d)
{
  const struct value *root = value_tree_root(tree), *v;
  size_t before = diag_count(d);
  struct arena *arena = arena_new();
  struct checker c;

  c.d = d;
  c.arena = arena;
  c.s = arena_alloc(arena, sizeof *c.s);
  memset(c.s, 0, sizeof *c.s);
  c.s->arena = arena;
  c.classes_ok = 1;
  c.flags_ok = 1;
  if (root->kind != VALUE_MAP) {
    diag_error(d, &root->mark, "the spec must be a mapping, not %s",
               value_kind_name(root->kind));
  } else {
    check_keys(&c, root, "the spec", top_keys);
    if ((v = value_get(root, "name"))) {
      c.s->name_mark = v->mark;
      c.s->name = get_ident(&c, v, "name");
    }
    if ((v = value_get(root, "title"))) {
      c.s->title_mark = v->mark;
      c.s->title = get_text(&c, v, "title");
    }
    if ((v = value_get(root, "source"))) {
      c.s->source_mark = v->mark;
      c.s->source = get_text(&c, v, "source");
    }
    if ((v = value_get(root, "shape")) &&
        (c.s->shape = get_text(&c, v, "shape")) != NULL &&
        strcmp(c.s->shape, "table") != 0 && strcmp(c.s->shape, "switch") != 0)
      diag_error(d, &v->mark, "'shape' must be table or switch, not '%s'",
                 c.s->shape);
    read_numbers(&c, root);
    if ((v = value_get(root, "classes")))
      read_classes(&c, v);
    if ((v = value_get(root, "flags")))
      read_flags(&c, v);
    if ((v = value_get(root, "statuses")))
      read_statuses(&c, v);
  }
  if (diag_count(d) > before) {
    arena_free(arena);
    return NULL;
  }
  name_everything(c.s, arena);
  return c.s;
}

void spec_free(struct spec *s)
{
  if (s)
    arena_free(s->arena); /* s lives in it too */
}
