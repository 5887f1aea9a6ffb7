/* kind: what an output's text must survive, chosen by the output's file
   name. A kind says how spec text is escaped where the templates put it,
   and which of the spec's names it cannot take (its language's keywords,
   the stock template set's own API names). The model accepts any name of
   the right shape; a kind refuses a name only when an output of that kind
   is made, reporting it at the name's place in the spec. */
#ifndef STATUSGEN_KIND_H
#define STATUSGEN_KIND_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "spec.h"

/* The spec's names a reservation applies to, as bits. */
enum kind_role {
  KIND_PREFIX = 1, /* the spec's name, or --prefix when given */
  KIND_CLASS = 2,  /* class ids */
  KIND_FLAG = 4,   /* flag ids */
  KIND_STATUS = 8, /* status names, given or derived */
  KIND_ALIAS = 16  /* alias names (derived from former reasons) */
};

/* Names a kind's outputs cannot take, in the roles it lists: those of
   words, and any that starts with one of prefixes (each a NULL-terminated
   list, or NULL for none). what says what the words are when that is the
   reason ("a C or C++ keyword"); NULL when they are merely taken. */
struct kind_reservation {
  unsigned roles; /* enum kind_role bits; 0 ends a kind's list */
  const char *const *words;
  const char *const *prefixes;
  const char *what;
};

struct kind {
  const char *name; /* "C", "Markdown", "HTML": how messages call it */
  const char *const *extensions; /* ".c", ".h": those that select it;
                                    NULL-terminated, exact case */
  /* The escaper for {{name}} tags (escape.h); raw tags bypass it. */
  void (*escape)(struct buf *out, const char *s, size_t len);
  const struct kind_reservation *reserved; /* ends with roles 0 */
};

/* The kind of an output file by the extension of its name (from the last
   '.' after the last '/'): C for .c and .h, Markdown for .md, HTML for
   .html. NULL when no kind has the extension (or there is none): today
   such an output is written raw, without escaping. */
const struct kind *kind_for_path(const char *path);

/* Checks the spec's names that k reserves: the spec's name (or prefix
   when not NULL), class and flag ids, status and alias names. Each name
   refused is one error in d at its place in the spec, naming output (the
   file name of the output that needs the check), for example
     spec.yaml:19:11: error: name 'COUNT' is reserved by the C output
     (http_status.h)
   A prefix has no place in the spec: it is reported as the option, as
   "statusgen: error: --prefix 'int' is a C or C++ keyword, ...".
   Returns 0, or -1 when anything was reported. */
int kind_check_names(const struct kind *k, const struct spec *s,
                     const char *prefix, const char *output, struct diag *d);

#endif
