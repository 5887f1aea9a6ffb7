/* utf8: a table-free decoder; the ranges are those of RFC 3629. */
#include "utf8.h"

size_t utf8_decode(const char *s, size_t n, unsigned long *cp)
{
  const unsigned char *p = (const unsigned char *)s;
  unsigned long c, min;
  size_t len, i;

  if (p[0] < 0x80) {
    *cp = p[0];
    return 1;
  }
  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    len = 2, c = p[0] & 0x1Fu, min = 0x80;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    len = 3, c = p[0] & 0x0Fu, min = 0x800;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    len = 4, c = p[0] & 0x07u, min = 0x10000;
  else
    return 0;
  if (n < len)
    return 0;
  for (i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    c = (c << 6) | (p[i] & 0x3Fu);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  *cp = c;
  return len;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
  size_t i = 0, k;
  unsigned long cp;

  while (i < n) {
    k = utf8_decode(s + i, n - i, &cp);
    if (!k)
      return i;
    i += k;
  }
  return n;
}
