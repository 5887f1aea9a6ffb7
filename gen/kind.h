/* kind: what an output's text must survive, chosen by the output's file
   name. A kind says how spec text is escaped where the templates put it,
   and which of the spec's names it cannot take (its language's keywords,
   the stock template set's own API names), in the cases its outputs write
   them. The model accepts any name of the right shape; a kind refuses a
   name only when an output of that kind is made, reporting it at the
   name's place in the spec. A templates folder may say which kind an
   extension has in a kinds file (KIND_FILE). */
#ifndef STATUSGEN_KIND_H
#define STATUSGEN_KIND_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "spec.h"
#include "value.h"

/* The file of a templates folder that maps output extensions to kinds. */
#define KIND_FILE "kinds.yaml"

/* The spec's names a reservation applies to, as bits. */
enum kind_role {
  KIND_PREFIX = 1, /* the spec's name, or --prefix when given */
  KIND_CLASS = 2,  /* class ids */
  KIND_FLAG = 4,   /* flag ids */
  KIND_STATUS = 8, /* status names, given or derived */
  KIND_ALIAS = 16  /* alias names (derived from former reasons) */
};

/* The case a name is checked in: one of struct spec_names. A status or
   alias name is its UPPER_SNAKE, an id or prefix its lower_snake. */
enum kind_form {
  KIND_UPPER_SNAKE,
  KIND_UPPER_CAMEL,
  KIND_LOWER_SNAKE,
  KIND_LOWER_CAMEL
};

/* Names a kind's outputs cannot take, in the roles it lists and in one
   form: those of words, and any that starts with one of prefixes (each a
   NULL-terminated list, or NULL for none). what says what the words are
   when that is the reason ("a C or C++ keyword"); NULL when they are
   merely taken. */
struct kind_reservation {
  unsigned roles; /* enum kind_role bits; 0 ends a kind's list */
  enum kind_form form;
  const char *const *words;
  const char *const *prefixes;
  const char *what;
};

/* Names that share one namespace in a kind's outputs, so no two may be
   equal: those of each use's roles, each in its form (Go's constants,
   UpperCamel of statuses and aliases: X_1 and X1 both give X1). */
struct kind_use {
  unsigned roles; /* 0: no use */
  enum kind_form form;
};
struct kind_namespace {
  struct kind_use uses[2]; /* a list of namespaces ends with uses[0]
                              roles 0 */
};

struct kind {
  const char *id;   /* "c", "python": how a kinds file and --help call it */
  const char *name; /* "C", "Python": how messages call it */
  const char *const *extensions; /* ".c", ".h": those that select it;
                                    NULL-terminated, exact case */
  /* The escaper for {{name}} tags (escape.h); raw tags bypass it. NULL:
     the text is written raw (plain text), and a spec text holding a
     bidirectional control is refused (kind_check_texts). */
  void (*escape)(struct buf *out, const char *s, size_t len);
  const struct kind_reservation *reserved; /* ends with roles 0 */
  const struct kind_namespace *namespaces; /* ends with uses[0] roles 0 */
};

/* Every kind statusgen knows, in the order --help lists them; *n gets
   their number. */
const struct kind *kind_table(size_t *n);

/* The kind called id ("rust"); NULL when none is. */
const struct kind *kind_by_id(const char *id);

/* Appends the ids of every kind to out, as "c, markdown, ..., text". */
void kind_list_ids(struct buf *out);

/* The kind of an output file by the extension of its name (from the last
   '.' after the last '/'): C for .c and .h, Markdown for .md, HTML for
   .html, ... NULL when no kind has the extension, or there is none. */
const struct kind *kind_for_path(const char *path);

/* What a templates folder says of its outputs' kinds, read from its
   kinds file: a YAML mapping whose keys are either extensions (".gperf",
   ".d.ts": a '.' and more, matched at the end of an output's name after
   something else) or whole output file names ("Makefile"), and whose
   values are kind ids:
     .gperf: text
     .tmpl: c
   An output's kind is that of its whole name when the file gives it,
   else that of the longest extension it gives that ends the name, else
   kind_for_path(). */
struct kind_map;

struct kind_map *kind_map_new(void);
void kind_map_free(struct kind_map *m);

/* Adds what the tree of a kinds file says (its root: a mapping) to m.
   Each problem is one error in d at its place: a root that is not a
   mapping, a key that is neither an extension nor a file name, a value
   that is not a kind's id. Returns 0, or -1 when anything was reported;
   m keeps the entries that were right. */
int kind_map_read(struct kind_map *m, const struct value *root, struct diag *d);

/* The kind of the output file named name (without a folder) by m (NULL:
   by the table alone). NULL when it has none. */
const struct kind *kind_map_find(const struct kind_map *m, const char *name);

/* Checks the spec's names that k reserves: the spec's name (or prefix
   when not NULL), class and flag ids, status and alias names, each in
   the forms k's outputs write it, and that no two names of a namespace
   of k are equal. Each name refused is one error in d at its place in
   the spec, naming output (the file name of the output that needs the
   check), for example
     spec.yaml:19:11: error: name 'COUNT' is reserved by the C output
     (http_status.h)
     spec.yaml:7:11: error: name 'SELF' gives 'Self', a Rust keyword,
     reserved by the Rust output (http_status.rs)
     spec.yaml:9:11: error: name 'X1' gives 'X1' in the Go output
     (http_status.go), as name 'X_1' does (at 7:11)
   A prefix has no place in the spec: it is reported as the option, as
   "statusgen: error: --prefix 'int' is a C or C++ keyword, ...".
   Returns 0, or -1 when anything was reported. */
int kind_check_names(const struct kind *k, const struct spec *s,
                     const char *prefix, const char *output, struct diag *d);

/* For a kind without an escaper (plain text): refuses every text of s
   (title, source, class titles, flag meanings, reasons, descriptions,
   references, aliases) that holds a bidirectional control
   (escape_is_bidi), one error in d at the text's place, as
     spec.yaml:12:13: error: 'reason' holds U+202E, a bidirectional
     control that the plain text output (notes.txt) cannot escape
   Returns 0 (always for a kind that escapes), or -1 when anything was
   reported. */
int kind_check_texts(const struct kind *k, const struct spec *s,
                     const char *output, struct diag *d);

#endif
