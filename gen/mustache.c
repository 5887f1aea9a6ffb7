/* mustache: the template set. Owns parsed templates and caches partials by
   name (an open-addressing table), so each partial is fetched and parsed
   once however many tags name it. */
#include "mustache_tree.h"

#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* One cached partial name and what came of looking it up. */
struct mustache_entry {
  char *name; /* NULL: a free slot */
  size_t len;
  enum mustache_found found;
  struct mustache_template *t; /* MUSTACHE_FOUND and parsed */
  char *hint;                  /* MUSTACHE_NOT_FOUND: the callback's, or NULL */
};

struct mustache_set *mustache_set_new(const struct mustache_config *cfg)
{
  struct mustache_set *s = xcalloc(1, sizeof *s);

  if (cfg)
    s->cfg = *cfg;
  return s;
}

void mustache_set_free(struct mustache_set *s)
{
  struct mustache_template *t, *next;
  size_t i;

  if (!s)
    return;
  for (i = 0; i < s->cap; i++) {
    free(s->table[i].name);
    free(s->table[i].hint);
    mustache_tree_free(s->table[i].t);
  }
  for (t = s->templates; t; t = next) {
    next = t->next;
    mustache_tree_free(t);
  }
  free(s->table);
  free(s);
}

/* Takes t in: numbers its nodes and parts after those the set holds. */
static void number(struct mustache_set *s, struct mustache_template *t)
{
  t->node_base = s->nodes;
  t->part_base = s->parts;
  s->nodes += t->count;
  s->parts += t->nparts;
}

const struct mustache_template *mustache_set_parse(struct mustache_set *s,
                                                   const char *file,
                                                   const char *src, size_t len,
                                                   struct diag *d)
{
  struct mustache_template *t = mustache_tree_parse(file, src, len, d);

  if (t) {
    number(s, t);
    t->next = s->templates;
    s->templates = t;
  }
  return t;
}

int mustache_name_is_safe(const char *name, size_t len)
{
  size_t i, part = 0;

  if (!len || name[0] == '/')
    return 0;
  for (i = 0; i <= len; i++) {
    unsigned char c = i < len ? (unsigned char)name[i] : '/';

    if (c < 0x20 || c == 0x7f || c == '\\')
      return 0;
    if (c != '/')
      continue;
    if (i == part || (i - part == 1 && name[part] == '.') ||
        (i - part == 2 && name[part] == '.' && name[part + 1] == '.'))
      return 0;
    part = i + 1;
  }
  return 1;
}

char *mustache_show(char *out, size_t size, const char *name, size_t len)
{
  size_t i, n = len < size - 1 ? len : size - 4;

  for (i = 0; i < n; i++)
    out[i] = (unsigned char)name[i] < 0x20 || name[i] == 0x7f ? '?' : name[i];
  if (n < len) {
    memcpy(out + n, "...", 3);
    n += 3;
  }
  out[n] = '\0';
  return out;
}

/* FNV-1a: short names, few of them; good enough and simple. */
static size_t hash(const char *s, size_t n)
{
  size_t h = 2166136261u, i;

  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* The slot holding name, or the free slot where it belongs. */
static struct mustache_entry *slot(struct mustache_set *s, const char *name,
                                   size_t len)
{
  size_t i = hash(name, len) & (s->cap - 1);

  while (s->table[i].name &&
         (s->table[i].len != len || memcmp(s->table[i].name, name, len) != 0))
    i = (i + 1) & (s->cap - 1);
  return &s->table[i];
}

/* Doubles the table (it is kept at most half full). */
static void grow(struct mustache_set *s)
{
  struct mustache_entry *old = s->table;
  size_t n = s->cap, i;

  s->cap = n ? n * 2 : 16;
  s->table = xcalloc(s->cap, sizeof *s->table);
  for (i = 0; i < n; i++)
    if (old[i].name)
      *slot(s, old[i].name, old[i].len) = old[i];
  free(old);
}

/* Fetches and parses the partial for a new entry e. */
static void load(struct mustache_set *s, struct mustache_entry *e,
                 struct diag *d)
{
  struct mustache_source src;

  memset(&src, 0, sizeof src);
  e->found = s->cfg.partial
                 ? s->cfg.partial(s->cfg.closure, e->name, e->len, &src)
                 : MUSTACHE_NOT_FOUND;
  if (e->found == MUSTACHE_NOT_FOUND && src.hint)
    e->hint = xstrndup(src.hint, strlen(src.hint));
  if (e->found != MUSTACHE_FOUND)
    return;
  e->t =
      mustache_tree_parse(src.file ? src.file : e->name, src.bytes, src.len, d);
  if (e->t)
    number(s, e->t);
  else
    e->found = MUSTACHE_FAILED;
}

const struct mustache_template *mustache_set_partial(struct mustache_set *s,
                                                     const char *name,
                                                     size_t len, struct diag *d,
                                                     enum mustache_found *why,
                                                     const char **hint)
{
  struct mustache_entry *e;

  *hint = NULL;
  if (!mustache_name_is_safe(name, len)) {
    *why = MUSTACHE_FORBIDDEN;
    return NULL;
  }
  e = s->cap ? slot(s, name, len) : NULL;
  if (!e || !e->name) {
    if (2 * (s->used + 1) > s->cap) {
      grow(s);
      e = slot(s, name, len);
    }
    e->name = xstrndup(name, len);
    e->len = len;
    s->used++;
    load(s, e, d);
  }
  *why = e->found;
  *hint = e->hint;
  return e->t;
}
