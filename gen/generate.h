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

/* Parses every template of dir, then renders each, streaming, into a file
   of out under outdir. lenient turns strict names off. Returns 0, or -1
   after every error found is in d (parse errors of all templates, then
   render errors); out must then not be committed. */
int generate(const struct view *v, struct tmpldir *dir, const char *outdir,
             int lenient, struct output *out, struct diag *d);

#endif
