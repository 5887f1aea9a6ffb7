/* arena: a list of blocks; each allocation bumps a pointer in the newest. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "xmem.h"

/* Big enough that a 100k-entry spec needs few blocks, small enough to waste
   little on a tiny one. */
#define BLOCK_SIZE ((size_t)64 * 1024)
/* A piece larger than this gets a block of its own. */
#define LARGE_PIECE (BLOCK_SIZE / 4)

struct block {
  struct block *next;
  size_t used, size;
};

struct arena {
  struct block *blocks;
};

#define ALIGN (sizeof(union { long long l; double d; void *p; }))
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

static struct block *new_block(struct arena *a, size_t size)
{
  struct block *b = xmalloc(HEADER + size);

  b->used = 0;
  b->size = size;
  if (size > BLOCK_SIZE && a->blocks) {
    /* behind the current block, whose free space stays in use */
    b->next = a->blocks->next;
    a->blocks->next = b;
  } else {
    b->next = a->blocks;
    a->blocks = b;
  }
  return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
  struct block *b = a->blocks;
  void *p;

  if (n > (size_t)-1 - ALIGN - HEADER)
    xmalloc((size_t)-1); /* aborts: no request can be that large */
  n = n ? (n + ALIGN - 1) / ALIGN * ALIGN : ALIGN;
  if (n > LARGE_PIECE)
    b = new_block(a, n);
  else if (!b || b->size - b->used < n)
    b = new_block(a, BLOCK_SIZE);
  p = (char *)b + HEADER + b->used;
  b->used += n;
  return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
  char *p = arena_alloc(a, n + 1);

  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
