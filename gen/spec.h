/* spec: checks a value tree against the spec schema and builds the model
   the templates see: statuses sorted by code, names derived from reasons,
   each status's class found from the declared ranges. Knows no domain: the
   HTTP list is only one spec among others. */
#ifndef STATUSGEN_SPEC_H
#define STATUSGEN_SPEC_H

#include <stddef.h>

#include "diag.h"
#include "value.h"

/* Every name keeps the place it was written (or derived from), so that a
   later stage refusing it (an output kind that reserves it) can say where
   it is. The model only checks a name's shape and uniqueness. So does
   every text (each *_mark beside it: of its value), which an output that
   cannot escape a character (plain text, bidirectional controls) refuses
   at its place. */

/* A name in the four cases languages use, derived from one identifier
   (lower or upper snake case) by words, the runs between underscores:
     UPPER_SNAKE  NOT_FOUND          every letter upper case
     UpperCamel   NotFound           each word capitalised, no underscore
     lower_snake  not_found          every letter lower case
     lowerCamel   notFound           UpperCamel with the first word lower
   A word is capitalised as its first character upper, the rest lower, so
   acronyms read as words (HTTP_VERSION -> HttpVersion) and digits stay
   in place (TYPE_2A -> Type2a, IM_A_TEAPOT -> ImATeapot). */
struct spec_names {
  const char *upper_snake, *upper_camel, *lower_snake, *lower_camel;
};

struct spec_class {
  const char *id; /* lower snake case identifier */
  const char *title;
  long lo, hi;         /* codes lo..hi inclusive belong to the class */
  struct mark mark;    /* of the class's mapping */
  struct mark id_mark; /* of its 'id' value */
  struct mark title_mark;
  struct spec_names names; /* of id */
};

struct spec_flag {
  const char *id;          /* lower snake case identifier */
  const char *meaning;     /* one line */
  struct spec_names names; /* of id */
  struct mark mark;        /* of its id (the key in 'flags') */
  struct mark meaning_mark;
};

struct spec_alias {
  const char *reason; /* a former reason phrase */
  const char *name;   /* derived from it: UPPER_SNAKE */
  struct mark mark;   /* of the reason, which is where the name comes from */
  struct spec_names names;          /* of name */
  const struct spec_status *status; /* whose former reason it is */
};

struct spec_status {
  long code;
  const char *name; /* given, or derived from reason */
  const char *reason;
  const char *description;
  const char *reference;          /* NULL when the spec gives none */
  const struct spec_class *cls;   /* NULL when the spec declares no classes */
  const struct spec_flag **flags; /* nflags of the spec's flags, in the
                                     order the spec declares them */
  size_t nflags;
  const struct spec_alias *aliases; /* in the spec's order, oldest last */
  size_t naliases;
  struct mark mark;      /* of the status's mapping */
  struct mark name_mark; /* of its 'name' when given, else of its 'reason' */
  struct mark reason_mark, description_mark, reference_mark;
  int name_given;          /* 1: from 'name'; 0: derived from the reason */
  struct spec_names names; /* of name */
};

/* What the spec's numbers may be: what an int of 32 bits holds, but for
   INT_MIN, which C89 cannot write as one literal (2147483648 alone is not
   an int). */
#define SPEC_INT_MAX 2147483647L
#define SPEC_INT_MIN (-SPEC_INT_MAX)

struct arena;

struct spec {
  const char *name;        /* lower snake case: names files and symbols */
  struct mark name_mark;   /* of the 'name' value */
  struct spec_names names; /* of name */
  const char *title;
  const char *source;
  struct mark title_mark, source_mark;
  const char *shape; /* of the C lookups: "table", "switch", or NULL */
  /* Every code and class bound lies in code_lo..code_hi: the spec's
     'codes' (codes_given 1, codes_mark its place), else 0..2147483647.
     unknown is what the generated lookups answer for "no such code": the
     spec's 'unknown' (unknown_given 1), else -1; no status has it. Both
     within SPEC_INT_MIN..SPEC_INT_MAX. */
  long code_lo, code_hi, unknown;
  int codes_given, unknown_given;
  struct mark codes_mark, unknown_mark;
  const struct spec_class *classes; /* in the spec's order */
  size_t nclasses;
  const struct spec_flag *flags; /* in the spec's order */
  size_t nflags;
  const struct spec_status *statuses; /* sorted by code */
  size_t nstatuses;
  struct arena *arena; /* holds the model, this struct included: it is
                          spec_free()'s to free, no reader's business */
};

/* Checks every rule on tree's root and builds the model. Reports every
   problem found in d (each at the node at fault) and returns NULL when
   there is any. The model borrows text from tree: free it with spec_free()
   before freeing the tree. */
struct spec *spec_build(const struct value_tree *tree, struct diag *d);
/* Frees s (its arena, which holds everything the model allocated); NULL
   is allowed. */
void spec_free(struct spec *s);

/* 1 when s has the shape of a lower snake case C identifier:
   [a-z][a-z0-9]*(_[a-z0-9]+)*, the rule for a spec's name, a class id, a
   flag id and --prefix. Whether an output's language reserves the word
   is the output kind's business (kind.h). */
int spec_is_lower_ident(const char *s);

/* The derived name of a reason: upper case, each run of other characters
   than ASCII letters and digits one '_', none at either end. Returns the
   length written to out, which has room for strlen(reason) + 1 bytes. */
size_t spec_derive_name(const char *reason, char *out);

/* The four cases of id, a lower or upper snake case identifier, in
   memory from a (see struct spec_names). */
struct arena;
void spec_names_of(struct spec_names *out, struct arena *a, const char *id);

#endif
