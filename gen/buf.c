/* buf: growable NUL-terminated bytes with printf-style appends. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

char buf_empty_[1];

void buf_init(struct buf *b)
{
  b->data = buf_empty_;
  b->len = 0;
  b->cap = 0;
}

void buf_free(struct buf *b)
{
  if (b->cap)
    free(b->data);
  buf_init(b);
}

void buf_grow(struct buf *b, size_t extra)
{
  size_t need, cap;

  if (extra > (size_t)-1 / 2 - b->len)
    xmem_exhausted();
  need = b->len + extra + 1;
  if (need <= b->cap)
    return;
  cap = b->cap + b->cap / 2;
  if (cap < need)
    cap = need;
  if (cap < 64)
    cap = 64;
  if (b->cap) {
    b->data = xrealloc(b->data, cap);
  } else {
    b->data = xmalloc(cap);
    b->data[0] = '\0';
  }
  b->cap = cap;
}

void buf_put(struct buf *b, const void *p, size_t n)
{
  if (!n)
    return;
  buf_grow(b, n);
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
  buf_put(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
  buf_grow(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
  va_list copy;
  int n;

  va_copy(copy, ap);
  n = vsnprintf(b->data + b->len, b->cap ? b->cap - b->len : 0, fmt, copy);
  va_end(copy);
  if (n < 0)
    return;
  if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
    buf_grow(b, (size_t)n);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
  }
  b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void buf_clear(struct buf *b)
{
  buf_truncate(b, 0);
}

void buf_truncate(struct buf *b, size_t n)
{
  if (n < b->len) {
    b->len = n;
    b->data[n] = '\0';
  }
}

char *buf_detach(struct buf *b, size_t *len)
{
  char *p = b->cap ? b->data : xstrndup("", 0);

  if (len)
    *len = b->len;
  buf_init(b);
  return p;
}
