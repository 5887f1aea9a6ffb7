/* value: a read-only tree of YAML-like values, every node with the mark of
   where it starts. Mappings keep their keys in document order. One
   value_tree owns every node and string; freeing it frees them all. */
#ifndef STATUSGEN_VALUE_H
#define STATUSGEN_VALUE_H

#include <stddef.h>

#include "diag.h"

enum value_kind {
  VALUE_NULL,   /* null, ~, an empty plain scalar */
  VALUE_BOOL,   /* true / false (as.i is 1 or 0) */
  VALUE_INT,    /* a plain integer that fits long long (as.i) */
  VALUE_FLOAT,  /* a plain number with a fraction or exponent (as.f) */
  VALUE_STRING, /* any other scalar, and every quoted or block scalar */
  VALUE_SEQ,    /* len items in as.items[0..len-1] */
  VALUE_MAP     /* len pairs: as.items[2k] is a key, as.items[2k+1] its
                   value */
};

/* 40 bytes on LP64: a spec of 100k statuses has some 1.4 million nodes. */
struct value {
  enum value_kind kind;
  unsigned len;     /* scalars: bytes in str; seq: items; map: pairs (the
                       loader's limits keep every count far below 2^32) */
  struct mark mark; /* where the node starts; mark.file is the tree's name */
  const char *str;  /* scalars: the text as parsed (escapes resolved),
                       NUL-terminated; may hold NULs before len. NULL for
                       seq and map */
  union {
    long long i;         /* VALUE_INT; VALUE_BOOL: 1 or 0 */
    double f;            /* VALUE_FLOAT */
    struct value *items; /* VALUE_SEQ and VALUE_MAP children */
  } as;
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

/* Frees every node but keeps their text: for a reader done with the
   structure that still borrows strings (the spec model). The root is
   NULL afterwards. */
void value_tree_drop_nodes(struct value_tree *t);

/* Memory owned by the tree, freed with it: for the builder (the loader).
   Nodes and text come from separate arenas, so that text can outlive the
   nodes. */
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
