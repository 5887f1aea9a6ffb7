/* buf: growable bytes. data is never NULL and always NUL-terminated, so a
   buf can be read as a C string when it holds no NUL of its own. */
#ifndef STATUSGEN_BUF_H
#define STATUSGEN_BUF_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define BUF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define BUF_PRINTF(f, a)
#endif

struct buf {
  char *data; /* never NULL; data[len] == '\0' */
  size_t len; /* bytes held, not counting the NUL */
  size_t cap; /* bytes allocated; 0 while data points at a shared "" */
};

#define BUF_INIT \
  { \
    buf_empty_, 0, 0 \
  }
extern char buf_empty_[1];

void buf_init(struct buf *b);
/* Frees the bytes and leaves b empty and reusable. */
void buf_free(struct buf *b);
/* Makes room for extra more bytes (1.5x growth; aborts on overflow). */
void buf_grow(struct buf *b, size_t extra);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) BUF_PRINTF(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Drops the bytes but keeps the memory. */
void buf_clear(struct buf *b);
/* Shortens to n bytes (n <= len). */
void buf_truncate(struct buf *b, size_t n);
/* Hands the bytes to the caller, who frees them with free(); b is left
   empty. *len (when not NULL) gets the length. Never returns NULL. */
char *buf_detach(struct buf *b, size_t *len);

#endif
