/* mustache_tree: the parsed form of a template and the set's insides,
   shared by mustache_parse.c, mustache_render.c and mustache.c. Internal
   to the engine: nothing outside those files includes it. Once the set
   has taken a template in, nothing writes it: a render keeps all its own
   state (see mustache_render.c). */
#ifndef STATUSGEN_MUSTACHE_TREE_H
#define STATUSGEN_MUSTACHE_TREE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"

enum mustache_node_kind {
  MUSTACHE_N_TEXT,     /* str, len: template bytes to copy */
  MUSTACHE_N_VAR,      /* {{name}}: escaped */
  MUSTACHE_N_RAW,      /* {{{name}}}, {{&name}} */
  MUSTACHE_N_SECTION,  /* {{#name}}: children up to end */
  MUSTACHE_N_INVERTED, /* {{^name}} */
  MUSTACHE_N_PARTIAL,  /* {{>name}}, {{>*name}} */
  MUSTACHE_N_PARENT,   /* {{<name}}: its block children are arguments */
  MUSTACHE_N_BLOCK     /* {{$name}}: children are the default content */
};

/* Node flags. DYNAMIC: the name is looked up in the data ({{>*name}}).
   STANDALONE (partial, parent, block, section, inverted section): the tag
   had its line to itself, so the line is gone, and a partial's, parent's
   or block's first line is indented too. LINE: the node is the first
   thing on its line of the source (after what standalone lines and a
   block's stripping took away), so rendering it writes the indentation
   in force, whatever it renders itself. A text node of length 0 with LINE
   stands for a tag that renders nothing (a comment, a delimiter change, a
   closing tag) and begins a line that goes on; one with STANDALONE is the
   white space dropped before a standalone parent. */
#define MUSTACHE_F_DYNAMIC 1u
#define MUSTACHE_F_STANDALONE 2u
#define MUSTACHE_F_LINE 4u

/* One node of a template. The nodes of a template sit in one array in
   document order; a container's children follow it, up to index end. */
struct mustache_node {
  unsigned char kind;
  unsigned char flags;
  unsigned line, col; /* the opening delimiter of the tag */
  const char *str;    /* text, or the name as written (no '*') */
  size_t len;
  const char *indent; /* partial, parent: white space before a standalone
                         tag; block: indentation of its content */
  size_t indent_len;
  size_t end;    /* containers: index just past the children */
  size_t part;   /* dotted names: first part in the parts array */
  size_t nparts; /* 0 for the implicit iterator "." */
};

/* One part of a dotted name: a slice of the source. Its number in the set
   (the template's part_base plus its index) names a render's memo of what
   the data's shapes make of it. */
struct mustache_part {
  const char *s;
  size_t n;
};

struct mustache_template {
  char *file; /* name in marks */
  char *src;  /* the engine's copy of the source; nodes slice it */
  size_t len;
  struct mustache_node *nodes;
  size_t count;
  struct mustache_part *parts;
  size_t nparts;
  /* Numbers the set gave the first node and the first part when it took
     the template in: a render keeps its own state per node and per part
     in arrays indexed by base + index, so the tree is never written. */
  size_t node_base, part_base;
  struct mustache_template *next; /* the set's list of parsed templates */
};

struct mustache_set {
  struct mustache_config cfg;
  struct mustache_entry *table; /* partial cache: open addressing */
  size_t cap, used;
  struct mustache_template *templates;
  size_t nodes, parts; /* of all its templates: the next bases to give */
};

/* Parses src (copied) into a template named file; NULL after adding
   errors to d. Free with mustache_tree_free(). */
struct mustache_template *mustache_tree_parse(const char *file, const char *src,
                                              size_t len, struct diag *d);
void mustache_tree_free(struct mustache_template *t);

/* 1 when name is a relative path of non-empty parts, none "." or "..",
   with no backslash, NUL or other control character. */
int mustache_name_is_safe(const char *name, size_t len);

/* The partial called name, loaded through the callback and parsed on
   first use, then cached. NULL when there is none: *why says why
   (MUSTACHE_FAILED: a parse error, reported to d when first loaded), and
   *hint what the callback added to a MUSTACHE_NOT_FOUND (or NULL). */
const struct mustache_template *mustache_set_partial(struct mustache_set *s,
                                                     const char *name,
                                                     size_t len, struct diag *d,
                                                     enum mustache_found *why,
                                                     const char **hint);

/* Copies a name into out (size > 4) for a message: control characters
   become '?', and a long name is cut with "...". Returns out. */
char *mustache_show(char *out, size_t size, const char *name, size_t len);

#endif
