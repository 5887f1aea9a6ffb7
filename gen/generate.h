/* generate: renders every template of a templates folder against a view,
   each to the output its file name gives (the name is a template too:
   "{{prefix}}.h" gives "http_status.h"), escaped for that output's kind
   (kind.h: by its extension, or as the folder's kinds file says), once
   the spec's names are checked against what that kind reserves. Knows
   templates and files, not the domain. */
#ifndef STATUSGEN_GENERATE_H
#define STATUSGEN_GENERATE_H

#include "diag.h"
#include "output.h"
#include "spec.h"
#include "tmpldir.h"
#include "view.h"

/* How templates render: lenient turns strict names off; max_steps and
   max_bytes bound each render (0: the engine's defaults). */
struct generate_options {
  int lenient;
  unsigned long max_steps;
  size_t max_bytes;
  /* When set, nothing is rendered or written: each output's path
     (outdir/name) is handed to list, in the templates' order, once every
     template parsed and named its output. */
  void (*list)(void *closure, const char *path);
  void *list_closure;
};

/* Parses every template of dir, then renders each, streaming, into a file
   of out under outdir, as opt says (NULL: the defaults). v is the view of
   s under prefix (NULL: the spec's name), as view_new() made it. Every
   output has a kind, from dir's kinds file (KIND_FILE) or its extension:
   an output of none is an error at its template ("T:1:1: error: no
   output kind for '.foo' ..."), and is not rendered. The first output of
   each kind checks s's names, and prefix, against what the kind reserves
   (kind_check_names), and s's texts against what it cannot escape
   (kind_check_texts), reporting at the spec. A render stops as soon as
   its file fails (a full disk). Returns 0, or -1 after every error found
   is in d (parse errors of all templates and of the kinds file, then
   outputs of no kind, names reserved, texts refused and render errors);
   out must then not be committed. */
int generate(const struct view *v, const struct spec *s, const char *prefix,
             struct tmpldir *dir, const char *outdir,
             const struct generate_options *opt, struct output *out,
             struct diag *d);

#endif
