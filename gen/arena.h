/* arena: memory handed out in large blocks and freed all at once, for trees
   of many small pieces that live and die together. */
#ifndef STATUSGEN_ARENA_H
#define STATUSGEN_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* Frees every piece the arena handed out, then the arena. */
void arena_free(struct arena *a);
/* n bytes aligned for any type; never NULL; lives until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
/* n zeroed elements of size bytes each, with room for one more (so that
   n may be 0 and a list may end with a zeroed one); aligned, never NULL.
   A count whose bytes would overflow aborts as out of memory. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* A NUL-terminated copy of n bytes of s (which needs no NUL), packed
   with no alignment. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
