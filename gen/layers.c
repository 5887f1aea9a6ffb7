/* layers: the merge of later specs into earlier ones, node by node. Only
   the keys a layer can touch are looked at; everything else is the
   model's to check, at the places the nodes keep. */
#include "layers.h"

#include <stdio.h>
#include <string.h>

/* Top-level keys that say one thing for the whole list: a later layer
   may give one the earlier left out, or repeat it, not change it. */
static const char *const whole[] = {"name",  "title",   "source", "shape",
                                    "codes", "unknown", NULL};

/* Keys of a status that a later layer may repeat unchanged. */
static const char *const fixed[] = {"code",        "name",      "reason",
                                    "description", "reference", NULL};

struct merge {
  struct value_tree *tree; /* trees[0]: where merged nodes live */
  struct diag *d;
  int failed;
};

/* 1 when the two values say the same: same kind, text, number or items. */
static int same(const struct value *a, const struct value *b)
{
  size_t i, n;

  if (a->kind != b->kind || a->len != b->len)
    return 0;
  switch (a->kind) {
  case VALUE_NULL: return 1;
  case VALUE_BOOL:
  case VALUE_INT: return a->as.i == b->as.i;
  case VALUE_FLOAT: return a->as.f == b->as.f;
  case VALUE_STRING: return memcmp(a->str, b->str, a->len) == 0;
  case VALUE_SEQ:
  case VALUE_MAP:
    n = a->kind == VALUE_MAP ? 2 * (size_t)a->len : a->len;
    for (i = 0; i < n; i++)
      if (!same(&a->as.items[i], &b->as.items[i]))
        return 0;
    return 1;
  }
  return 0;
}

static int listed(const char *const *keys, const struct value *k)
{
  for (; *keys; keys++)
    if (value_is(k, *keys))
      return 1;
  return 0;
}

/* A copy of the mapping or list v with room for more: items are copied
   (shallow: their children stay where they are). */
static struct value grown(struct merge *m, const struct value *v, size_t more)
{
  struct value c = *v;
  size_t n = v->kind == VALUE_MAP ? 2 * (size_t)v->len : v->len;
  size_t per = v->kind == VALUE_MAP ? 2 : 1;

  c.as.items =
      value_tree_alloc(m->tree, (n + per * more + 1) * sizeof *c.as.items);
  if (n)
    memcpy(c.as.items, v->as.items, n * sizeof *c.as.items);
  return c;
}

/* The value of key k among the first upto pairs of map; NULL: none. */
static struct value *value_of(struct value *map, size_t upto,
                              const struct value *k)
{
  size_t j;

  for (j = 0; k->str && j < upto; j++)
    if (value_is(&map->as.items[2 * j], k->str))
      return &map->as.items[2 * j + 1];
  return NULL;
}

static void append_pair(struct value *map, const struct value *k,
                        const struct value *v)
{
  map->as.items[2 * (size_t)map->len] = *k;
  map->as.items[2 * (size_t)map->len + 1] = *v;
  map->len++;
}

/* An error at the later node: what (a key, a status) differs from the
   earlier node, and the rule it breaks. */
static void conflict(struct merge *m, const struct value *later,
                     const struct value *earlier, const char *what,
                     const char *rule)
{
  char there[512];

  diag_error(m->d, &later->mark,
             "%s differs from the earlier spec's (at %s): %s", what,
             diag_place(there, sizeof there, &earlier->mark, &later->mark),
             rule);
  m->failed = 1;
}

#define STATUS_RULE \
  "a later spec may add 'flags' and 'aliases' to an earlier status, and " \
  "change nothing else"

/* "'reason' of status 404": the key k of the status with code at. */
static const char *of_status(char *out, size_t size, const struct value *k,
                             const struct value *status)
{
  const struct value *code = value_get(status, "code");

  snprintf(out, size, "'%.64s' of status %lld", k->str ? k->str : "",
           code && code->kind == VALUE_INT ? code->as.i : 0LL);
  return out;
}

/* The item of the list seq whose key (in a mapping item) equals that of
   item; NULL when none does. */
static struct value *match(struct value *seq, size_t upto, const char *key,
                           const struct value *item)
{
  const struct value *want = value_get(item, key);
  size_t i;

  if (!want || want->kind == VALUE_SEQ || want->kind == VALUE_MAP)
    return NULL;
  for (i = 0; i < upto; i++) {
    const struct value *have = value_get(&seq->as.items[i], key);

    if (have && same(have, want))
      return &seq->as.items[i];
  }
  return NULL;
}

/* A later status for an earlier one's code: its fixed keys must say the
   same; its flags and aliases are added to the earlier ones. */
static void merge_status(struct merge *m, struct value *earlier,
                         const struct value *later)
{
  struct value st = grown(m, earlier, later->len);
  char what[128];
  size_t i, j;

  for (i = 0; i < later->len; i++) {
    const struct value *k = &later->as.items[2 * i];
    const struct value *v = &later->as.items[2 * i + 1];
    struct value *have = value_of(&st, st.len, k);

    if (listed(fixed, k)) {
      if (!have)
        conflict(m, k, earlier, of_status(what, sizeof what, k, earlier),
                 STATUS_RULE " (the earlier one has none)");
      else if (!same(have, v))
        conflict(m, v, have, of_status(what, sizeof what, k, earlier),
                 STATUS_RULE);
    } else if ((value_is(k, "flags") || value_is(k, "aliases")) && have &&
               have->kind == VALUE_SEQ && v->kind == VALUE_SEQ) {
      struct value list = grown(m, have, v->len);

      for (j = 0; j < v->len; j++)
        list.as.items[list.len++] = v->as.items[j];
      *have = list;
    } else if (!have) {
      append_pair(&st, k, v); /* flags or aliases new to it, or a key the
                                 model will refuse at its place */
    } else {
      conflict(m, v, have, of_status(what, sizeof what, k, earlier),
               STATUS_RULE);
    }
  }
  *earlier = st;
}

/* Adds the items of a later list (classes, statuses) to the earlier one:
   a new one is appended; one with an earlier one's key (id, code) must
   be the same (classes), or is merged (statuses). */
static void merge_list(struct merge *m, struct value *earlier,
                       const struct value *later, const char *key, int statuses)
{
  struct value list;
  size_t i, before = earlier->len;

  if (earlier->kind != VALUE_SEQ || later->kind != VALUE_SEQ) {
    if (!same(earlier, later))
      conflict(m, later, earlier, statuses ? "'statuses'" : "'classes'",
               "only lists merge");
    return;
  }
  list = grown(m, earlier, later->len);
  for (i = 0; i < later->len; i++) {
    const struct value *item = &later->as.items[i];
    struct value *have = match(&list, before, key, item);

    if (!have)
      list.as.items[list.len++] = *item;
    else if (statuses && have->kind == VALUE_MAP && item->kind == VALUE_MAP)
      merge_status(m, have, item);
    else if (!same(have, item))
      conflict(m, item, have, "a class of the same id",
               "a later spec may add classes, and change none");
  }
  *earlier = list;
}

/* Adds the keys of a later flags mapping: a new flag is appended, an
   earlier one must mean the same. */
static void merge_flags(struct merge *m, struct value *earlier,
                        const struct value *later)
{
  struct value map;
  size_t i, before = earlier->len;

  if (earlier->kind != VALUE_MAP || later->kind != VALUE_MAP) {
    if (!same(earlier, later))
      conflict(m, later, earlier, "'flags'", "only mappings merge");
    return;
  }
  map = grown(m, earlier, later->len);
  for (i = 0; i < later->len; i++) {
    const struct value *k = &later->as.items[2 * i];
    const struct value *v = &later->as.items[2 * i + 1];
    struct value *have = value_of(&map, before, k);

    if (!have)
      append_pair(&map, k, v);
    else if (!same(have, v))
      conflict(m, v, have, "what the flag means",
               "a later spec may add flags, and change none");
  }
  *earlier = map;
}

/* Merges the later root into the merged one. */
static void merge_root(struct merge *m, struct value *root,
                       const struct value *later)
{
  char what[80];
  size_t i;

  *root = grown(m, root, later->len);
  for (i = 0; i < later->len; i++) {
    const struct value *k = &later->as.items[2 * i];
    const struct value *v = &later->as.items[2 * i + 1];
    struct value *have = value_of(root, root->len, k);

    if (!have)
      append_pair(root, k, v); /* new here; an unknown key is the model's */
    else if (value_is(k, "statuses"))
      merge_list(m, have, v, "code", 1);
    else if (value_is(k, "classes"))
      merge_list(m, have, v, "id", 0);
    else if (value_is(k, "flags"))
      merge_flags(m, have, v);
    else if (listed(whole, k) && !same(have, v)) {
      snprintf(what, sizeof what, "'%.64s'", k->str);
      conflict(m, v, have, what,
               "a later spec may give a key the earlier ones left out, and "
               "change none");
    } else if (!listed(whole, k))
      append_pair(root, k, v); /* the model reports it twice, or unknown */
  }
}

int layers_merge(struct value_tree *const *trees, size_t n, struct diag *d)
{
  const struct value *first = value_tree_root(trees[0]);
  struct merge m;
  struct value *root;
  size_t i;

  if (n < 2 || !first || first->kind != VALUE_MAP)
    return 0;
  m.tree = trees[0];
  m.d = d;
  m.failed = 0;
  root = value_tree_alloc(m.tree, sizeof *root);
  *root = *first;
  for (i = 1; i < n; i++) {
    const struct value *later = value_tree_root(trees[i]);

    if (later && later->kind == VALUE_MAP)
      merge_root(&m, root, later);
    else if (later)
      m.failed = diag_error(d, &later->mark, "a spec must be a mapping, not %s",
                            value_kind_name(later->kind)) < 0;
  }
  value_tree_set_root(trees[0], root);
  return m.failed ? -1 : 0;
}
