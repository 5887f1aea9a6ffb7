/* spec_load: the loader and the checks, in the order the command runs
   them. */
#include "spec_load.h"

#include <stdio.h>
#include <string.h>

#include "loader.h"

static const struct spec *build(struct spec_load *l)
{
  l->spec = l->tree ? spec_build(l->tree, l->d) : NULL;
  if (!l->spec)
    diag_print(l->d, stderr);
  return l->spec;
}

const struct spec *spec_load_file(struct spec_load *l, const char *path)
{
  l->d = diag_new();
  l->tree = loader_load_file(path, NULL, l->d);
  return build(l);
}

const struct spec *spec_load_text(struct spec_load *l, const char *name,
                                  const char *yaml)
{
  l->d = diag_new();
  l->tree = loader_load_bytes(name, yaml, strlen(yaml), NULL, l->d);
  return build(l);
}

void spec_load_free(struct spec_load *l)
{
  spec_free(l->spec);
  value_tree_free(l->tree);
  diag_free(l->d);
}
