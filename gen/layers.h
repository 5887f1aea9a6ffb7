/* layers: specs given one after another (statusgen base.yaml local.yaml),
   merged into one value tree before the model is built, so that a
   project keeps its own codes apart from an upstream list. A later
   layer may add statuses, classes and flags, add flags and aliases to
   an earlier status, and give top-level keys the earlier ones left out;
   it may never change what an earlier layer said: that is an error at
   the later place, naming the earlier one. */
#ifndef STATUSGEN_LAYERS_H
#define STATUSGEN_LAYERS_H

#include <stddef.h>

#include "diag.h"
#include "value.h"

/* Merges the roots of trees[1..n-1] into that of trees[0], in order: the
   merged root, allocated in trees[0] and pointing into every tree (keep
   them all until the model is built), becomes trees[0]'s root. Returns
   0, or -1 after errors in d. A root that is no mapping is left for the
   model to report. */
int layers_merge(struct value_tree *const *trees, size_t n, struct diag *d);

#endif
