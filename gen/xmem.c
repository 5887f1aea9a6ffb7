/* xmem: allocation funnel; aborts on exhaustion instead of returning NULL. */
#include "xmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long calls;

static void *checked(void *p)
{
  if (!p) {
    fputs("statusgen: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *xmalloc(size_t n)
{
  calls++;
  return checked(malloc(n ? n : 1));
}

void *xcalloc(size_t count, size_t size)
{
  calls++;
  return checked(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
  calls++;
  return checked(realloc(p, n ? n : 1));
}

char *xstrndup(const char *s, size_t n)
{
  char *r;

  if (n == (size_t)-1)
    checked(NULL);
  r = xmalloc(n + 1);
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

unsigned long xmem_calls(void)
{
  return calls;
}
