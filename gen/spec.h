/* spec: checks a value tree against the spec schema and builds the model
   the templates see: statuses sorted by code, names derived from reasons,
   each status's class found from the declared ranges. Knows no domain: the
   HTTP list is only one spec among others. */
#ifndef STATUSGEN_SPEC_H
#define STATUSGEN_SPEC_H

#include <stddef.h>

#include "diag.h"
#include "value.h"

struct spec_class {
  const char *id;    /* lower snake case C identifier */
  const char *title;
  long lo, hi;       /* codes lo..hi inclusive belong to the class */
  struct mark mark;
};

struct spec_flag {
  const char *id;      /* lower snake case C identifier */
  const char *meaning; /* one line */
  struct mark mark;
};

struct spec_alias {
  const char *reason; /* a former reason phrase */
  const char *name;   /* derived from it: UPPER_SNAKE */
  struct mark mark;
};

struct spec_status {
  long code;
  const char *name;        /* given, or derived from reason */
  const char *reason;
  const char *description;
  const char *reference;   /* NULL when the spec gives none */
  const struct spec_class *cls; /* NULL when the spec declares no classes */
  const struct spec_flag **flags; /* nflags of the spec's flags, in the
                                     order the spec declares them */
  size_t nflags;
  const struct spec_alias *aliases; /* in the spec's order, oldest last */
  size_t naliases;
  struct mark mark;
};

struct arena;

struct spec {
  const char *name;   /* lower snake case: names files and symbols */
  const char *title;
  const char *source;
  const struct spec_class *classes; /* in the spec's order */
  size_t nclasses;
  const struct spec_flag *flags;    /* in the spec's order */
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

/* 1 when s is a lower snake case C identifier that is no C or C++ keyword
   (the rule for a spec's name, a class id, a flag id, --prefix). */
int spec_is_lower_ident(const char *s);

/* The derived name of a reason: upper case, each run of other characters
   than ASCII letters and digits one '_', none at either end. Returns the
   length written to out, which has room for strlen(reason) + 1 bytes. */
size_t spec_derive_name(const char *reason, char *out);

#endif
