/* value: the tree's ownership and a few read helpers. Nodes and strings
   come from an arena, so building a tree of many nodes costs few malloc
   calls and freeing it costs one call per block. */
#include "value.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmem.h"

struct value_tree {
  struct arena *nodes; /* dropped by value_tree_drop_nodes */
  struct arena *text;
  char *file;
  const struct value *root;
};

struct value_tree *value_tree_new(const char *file)
{
  struct value_tree *t = xcalloc(1, sizeof *t);

  t->nodes = arena_new();
  t->text = arena_new();
  t->file = xstrndup(file, strlen(file));
  return t;
}

void value_tree_free(struct value_tree *t)
{
  if (!t)
    return;
  arena_free(t->nodes);
  arena_free(t->text);
  free(t->file);
  free(t);
}

const char *value_tree_file(const struct value_tree *t)
{
  return t->file;
}

const struct value *value_tree_root(const struct value_tree *t)
{
  return t->root;
}

void value_tree_set_root(struct value_tree *t, const struct value *root)
{
  t->root = root;
}

void *value_tree_alloc(struct value_tree *t, size_t n)
{
  return arena_alloc(t->nodes, n);
}

char *value_tree_strndup(struct value_tree *t, const char *s, size_t n)
{
  return arena_strndup(t->text, s, n);
}

void value_tree_drop_nodes(struct value_tree *t)
{
  arena_free(t->nodes);
  t->nodes = arena_new();
  t->root = NULL;
}

const struct value *value_get(const struct value *map, const char *key)
{
  size_t i;

  if (!map || map->kind != VALUE_MAP)
    return NULL;
  for (i = 0; i < map->len; i++)
    if (value_is(&map->as.items[2 * i], key))
      return &map->as.items[2 * i + 1];
  return NULL;
}

int value_is(const struct value *v, const char *s)
{
  size_t n = strlen(s);

  return v->str && v->len == n && memcmp(v->str, s, n) == 0;
}

const char *value_kind_name(enum value_kind k)
{
  switch (k) {
  case VALUE_NULL: return "null";
  case VALUE_BOOL: return "a boolean";
  case VALUE_INT: return "an integer";
  case VALUE_FLOAT: return "a number";
  case VALUE_STRING: return "a string";
  case VALUE_SEQ: return "a list";
  case VALUE_MAP: return "a mapping";
  }
  return "a value";
}
