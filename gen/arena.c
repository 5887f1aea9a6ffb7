/* arena: a list of blocks; each allocation bumps a pointer in the newest. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* Large enough that malloc maps each block on its own (past glibc's
   128 KiB threshold), so freeing an arena gives its memory back at once;
   a small spec touches only the first pages of one block. */
#define BLOCK_SIZE ((size_t)256 * 1024)
/* A piece larger than this gets a block of its own. */
#define LARGE_PIECE (BLOCK_SIZE / 4)

struct block {
  struct block *next;
  size_t used, size;
};

struct arena {
  struct block *blocks;
};

#define ALIGN \
  (sizeof(union { \
    long long l; \
    double d; \
    void *p; \
  }))
#define HEADER (((sizeof(struct block) + ALIGN - 1) / ALIGN) * ALIGN)

struct arena *arena_new(void)
{
  return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
  struct block *b, *next;

  if (!a)
    return;
  for (b = a->blocks; b; b = next) {
    next = b->next;
    free(b);
  }
  free(a);
}

/* A block of size bytes; a large piece's (own) goes behind the current
   block, whose free space stays in use. */
static struct block *new_block(struct arena *a, size_t size, int own)
{
  struct block *b = xmalloc(HEADER + size);

  b->used = 0;
  b->size = size;
  if (own && a->blocks) {
    b->next = a->blocks->next;
    a->blocks->next = b;
  } else {
    b->next = a->blocks;
    a->blocks = b;
  }
  return b;
}

/* n bytes from the newest block, the first at a multiple of align. */
static void *bump(struct arena *a, size_t n, size_t align)
{
  struct block *b = a->blocks;
  size_t at;
  void *p;

  if (n > (size_t)-1 - ALIGN - HEADER - BLOCK_SIZE)
    xmalloc((size_t)-1); /* aborts: no request can be that large */
  at = b ? (b->used + align - 1) / align * align : 0;
  if (n > LARGE_PIECE) {
    b = new_block(a, n, 1);
    at = 0;
  } else if (!b || at > b->size || b->size - at < n) {
    b = new_block(a, BLOCK_SIZE, 0);
    at = 0;
  }
  p = (char *)b + HEADER + at;
  b->used = at + n;
  return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
  return bump(a, n ? n : 1, ALIGN);
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
  void *p;

  if (size && n >= (size_t)-1 / size)
    xmem_exhausted();
  p = arena_alloc(a, (n + 1) * size);
  memset(p, 0, (n + 1) * size);
  return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
  char *p = bump(a, n + 1, 1); /* text needs no alignment */

  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
