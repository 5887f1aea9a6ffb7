/* utf8: strict UTF-8 decoding (no overlongs, no surrogates, nothing past
   U+10FFFF). */
#ifndef STATUSGEN_UTF8_H
#define STATUSGEN_UTF8_H

#include <stddef.h>

/* Decodes the character at s (n > 0 bytes available). Returns its length in
   bytes and stores the code point in *cp; returns 0 when the bytes there are
   not valid UTF-8. */
size_t utf8_decode(const char *s, size_t n, unsigned long *cp);

/* Returns n when all n bytes are valid UTF-8, else the offset of the first
   byte that is not. */
size_t utf8_valid_prefix(const char *s, size_t n);

#endif
