/* loader: reads YAML with libyaml into a value tree whose every node keeps
   its file:line:col. Refuses what a spec has no use for (anchors, aliases,
   merge keys, non-core tags, several documents, duplicate keys) and inputs
   past the limits, each with a diagnostic at the fault. */
#ifndef STATUSGEN_LOADER_H
#define STATUSGEN_LOADER_H

#include <stddef.h>

#include "diag.h"
#include "value.h"

/* Each limit must stay below 2^32: a node stores its length in 32 bits. */
struct loader_limits {
  unsigned max_depth; /* nested collections */
  size_t max_bytes;   /* size of the whole input */
  size_t max_scalar;  /* bytes in one scalar */
  size_t max_nodes;   /* nodes in the tree */
};

/* What the loader uses when handed NULL limits. */
extern const struct loader_limits loader_default_limits;

/* Parses len bytes (no NUL needed) named name in diagnostics. Returns the
   tree, which the caller frees with value_tree_free(), or NULL after adding
   one or more errors to d. An empty input gives a tree whose root is a
   VALUE_NULL node. lim NULL means loader_default_limits. */
struct value_tree *loader_load_bytes(const char *name, const char *bytes,
                                     size_t len,
                                     const struct loader_limits *lim,
                                     struct diag *d);

/* The name standard input has in diagnostics. */
#define LOADER_STDIN "<stdin>"

/* Reads the file at path (the name in diagnostics too), or standard input
   for "-" (named LOADER_STDIN), and parses it as loader_load_bytes does;
   an unreadable file is an error in d. */
struct value_tree *loader_load_file(const char *path,
                                    const struct loader_limits *lim,
                                    struct diag *d);

#endif
