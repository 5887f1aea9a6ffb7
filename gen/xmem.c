/* xmem: allocation funnel; on exhaustion hands over to the program's
   handler instead of returning NULL. */
#include "xmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"

static unsigned long calls;
static void (*on_exhaustion)(void);

void xmem_on_exhaustion(void (*handler)(void))
{
  on_exhaustion = handler;
}

void xmem_exhausted(void)
{
  if (on_exhaustion)
    on_exhaustion();
  fputs("statusgen: error: out of memory\n", stderr);
  exit(2);
}

static void *checked(void *p)
{
  if (!p)
    xmem_exhausted();
  return p;
}

void *xmalloc(size_t n)
{
  __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
  return checked(fault_next() ? NULL : malloc(n ? n : 1));
}

void *xcalloc(size_t count, size_t size)
{
  __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
  return checked(fault_next() ? NULL
                              : calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
  __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
  return checked(fault_next() ? NULL : realloc(p, n ? n : 1));
}

char *xstrndup(const char *s, size_t n)
{
  char *r;

  if (n == (size_t)-1)
    xmem_exhausted();
  r = xmalloc(n + 1);
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

unsigned long xmem_calls(void)
{
  return __atomic_load_n(&calls, __ATOMIC_RELAXED);
}
