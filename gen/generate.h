/* generate: renders every template of a templates folder against a view,
   each to the output its file name gives (the name is a template too:
   "{{prefix}}.h" gives "http_status.h"), escaped for that output's kind.
   Knows templates and files, not the domain. */
#ifndef STATUSGEN_GENERATE_H
#define STATUSGEN_GENERATE_H

#include "diag.h"
#include "output.h"
#include "tmpldir.h"
#include "view.h"

/* How templates render: lenient turns strict names off; max_steps and
   max_bytes bound each render (0: the engine's defaults). */
struct generate_options {
  int lenient;
  unsigned long max_steps;
  size_t max_bytes;
};

/* Parses every template of dir, then renders each, streaming, into a file
   of out under outdir, as opt says (NULL: the defaults). A render stops
   as soon as its file fails (a full disk). Returns 0, or -1
   after every error found is in d (parse errors of all templates, then
   render errors); out must then not be committed. */
int generate(const struct view *v, struct tmpldir *dir, const char *outdir,
             const struct generate_options *opt, struct output *out,
             struct diag *d);

#endif
