/* dense: the baseline of the code->reason benchmark: an array of pointers
   indexed by code, as long as the largest code plus one, with a bounds
   check. Faster needs no call at all; this is the practical limit. */
#include "baselines.h"

#include "http_status.h"

#define DENSE_ENTRY(code, name, reason) [code] = reason,

/* The size is the largest designated index plus one; holes are NULL. */
static const char *const dense_reasons[] = {HTTP_STATUS_MAP(DENSE_ENTRY)};

#define DENSE_SIZE (sizeof dense_reasons / sizeof dense_reasons[0])

const char *bench_dense_reason(int code)
{
  if (code < 0 || (unsigned)code >= DENSE_SIZE)
    return NULL;
  return dense_reasons[code];
}
