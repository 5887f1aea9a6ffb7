/* xmem: the one allocation funnel. Out of memory prints a line and aborts,
   so callers never check for NULL. Counts allocations for tests. */
#ifndef STATUSGEN_XMEM_H
#define STATUSGEN_XMEM_H

#include <stddef.h>

/* Each returns memory the caller frees with free(); none returns NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Copies n bytes of s and adds a NUL; s need not be NUL-terminated. */
char *xstrndup(const char *s, size_t n);

/* How many times xmalloc, xcalloc, xrealloc or xstrndup were called since
   the process started: tests use it to prove a path allocates nothing. */
unsigned long xmem_calls(void);

#endif
