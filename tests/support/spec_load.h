/* spec_load: a spec's model from a file or from text, kept with the tree
   and the diagnostics it was built with, for the tests of the model and of
   the stages that read it. */
#ifndef STATUSGEN_TEST_SPEC_LOAD_H
#define STATUSGEN_TEST_SPEC_LOAD_H

#include "diag.h"
#include "spec.h"
#include "value.h"

struct spec_load {
  struct diag *d;
  struct value_tree *tree; /* NULL when the load failed */
  struct spec *spec;       /* NULL when the load or the checks failed */
};

/* Load and check the spec in the file at path, or in yaml (named name in
   diagnostics). Return l->spec; NULL after printing l->d's errors to
   stderr. Either way l is then freed by spec_load_free(). */
const struct spec *spec_load_file(struct spec_load *l, const char *path);
const struct spec *spec_load_text(struct spec_load *l, const char *name,
                                  const char *yaml);
void spec_load_free(struct spec_load *l);

#endif
