/* value: a read-only tree of YAML-like values, every node with the mark of
   where it starts. Mappings keep their keys in document order. One
   value_tree owns every node and string; freeing it frees them all. */
#ifndef STATUSGEN_VALUE_H
#define STATUSGEN_VALUE_H

#include <stddef.h>

#include "diag.h"

enum value_kind {
  VALUE_NULL,   /* null, ~, an empty plain scalar */
  VALUE_BOOL,   /* true / false (num.i is 1 or 0) */
  VALUE_INT,    /* a plain integer that fits long long (num.i) */
  VALUE_FLOAT,  /* a plain number with a fraction or exponent (num.f) */
  VALUE_STRING, /* any other scalar, and every quoted or block scalar */
  VALUE_SEQ,    /* len items in items[0..len-1] */
  VALUE_MAP     /* len pairs: items[2k] is a key, items[2k+1] its value */
};

struct value {
  enum value_kind kind;
  struct mark mark; /* where the node starts; mark.file is the tree's name */
  size_t len;       /* scalars: bytes in str; seq: items; map: pairs */
  const char *str;  /* scalars: the text as parsed (escapes resolved),
                       NUL-terminated; may hold NULs before len. NULL for
                       seq and map */
  struct value *items; /* seq and map children; NULL for scalars */
  union {
    long long i;
    double f;
  } num;
};

struct value_tree;

/* An empty tree whose marks will name file (copied). */
struct value_tree *value_tree_new(const char *file);
void value_tree_free(struct value_tree *t);
/* The file name every mark of this tree points to. */
const char *value_tree_file(const struct value_tree *t);
/* The root node, or NULL before value_tree_set_root. */
const struct value *value_tree_root(const struct value_tree *t);
void value_tree_set_root(struct value_tree *t, const struct value *root);

/* Memory owned by the tree, freed with it: for the builder (the loader). */
void *value_tree_alloc(struct value_tree *t, size_t n);
char *value_tree_strndup(struct value_tree *t, const char *s, size_t n);

/* In a VALUE_MAP, the value of the first key equal to key; NULL when v is
   not a map or has no such key. */
const struct value *value_get(const struct value *map, const char *key);
/* 1 when v is a scalar whose text equals s. */
int value_is(const struct value *v, const char *s);
/* "a mapping", "a string", ...: for diagnostics. */
const char *value_kind_name(enum value_kind k);

#endif
