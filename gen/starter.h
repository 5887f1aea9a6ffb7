/* starter: the commented spec that statusgen --init writes, a list to
   edit that generates as it is. */
#ifndef STATUSGEN_STARTER_H
#define STATUSGEN_STARTER_H

#include "buf.h"

/* Appends the starter spec named name (a lower snake case identifier) to
   out. */
void starter_spec(struct buf *out, const char *name);

#endif
