/* xmem: the one allocation funnel. Out of memory calls the handler the
   program set (which cleans up and exits), so callers never check for
   NULL. Allocations count as fallible calls for fault tests (fault.h). */
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

/* What happens when memory runs out: handler is called (it must not
   return: it cleans up, reports and exits). NULL restores the default,
   which prints "statusgen: error: out of memory" and exits with 2. */
void xmem_on_exhaustion(void (*handler)(void));

/* Runs the handler; for sizes that cannot be allocated at all. */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void xmem_exhausted(void);

#endif
