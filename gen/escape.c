/* escape: per-output escapers. Each copies runs of bytes that need nothing
   with one buf_put and encodes the rest one byte at a time. */
#include "escape.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Appends s[from..to) when it is not empty. */
static void run(struct buf *out, const char *s, size_t from, size_t to)
{
  if (to > from)
    buf_put(out, s + from, to - from);
}

void escape_html(struct buf *out, const char *s, size_t len)
{
  size_t i, start = 0;
  const char *rep;

  for (i = 0; i < len; i++) {
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default: continue;
    }
    run(out, s, start, i);
    buf_puts(out, rep);
    start = i + 1;
  }
  run(out, s, start, len);
}

/* The C encoding of s[i] (see escape.h), or NULL to keep the byte. */
static const char *c_code(const char *s, size_t i, size_t len, char tmp[8])
{
  unsigned char c = (unsigned char)s[i];
  int edge = i == 0 || i + 1 == len;

  switch (c) {
  case '"': return "\\\"";
  case '\\': return i + 1 == len ? "\\134" : "\\\\";
  case '\n': return "\\n";
  case '\t': return "\\t";
  case '\r': return "\\r";
  case '?': return edge || s[i - 1] == '?' ? "\\?" : NULL;
  case '*': return edge ? "\\052" : NULL;
  case '/': return edge || s[i - 1] == '*' || s[i + 1] == '*' ? "\\057" : NULL;
  default:
    if (c >= 0x20 && c != 0x7f)
      return NULL;
    snprintf(tmp, 8, "\\%03o", (unsigned)c);
    return tmp;
  }
}

/* The bytes escape_c keeps wherever they stand, as bits by value:
   printable ASCII but " * / ? (0-63) and \ (64-127). */
static const unsigned long long c_plain[2] = {0x7fff7bfb00000000ull,
                                              0x7fffffffefffffffull};

void escape_c(struct buf *out, const char *s, size_t len)
{
  size_t i = 0, start = 0, n;
  const char *rep;
  unsigned long cp;
  char tmp[8];

  while (i < len) {
    unsigned char c = (unsigned char)s[i];

    if (c < 128 && (c_plain[c >> 6] >> (c & 63) & 1)) {
      i++;
      continue;
    }
    if (c >= 0x80 && (n = utf8_decode(s + i, len - i, &cp)) != 0) {
      i += n;
      continue;
    }
    if (c >= 0x80) {
      snprintf(tmp, sizeof tmp, "\\%03o", (unsigned)c);
      rep = tmp;
    } else if (!(rep = c_code(s, i, len, tmp))) {
      i++;
      continue;
    }
    run(out, s, start, i);
    buf_puts(out, rep);
    start = ++i;
  }
  run(out, s, start, len);
}

static int is_word(unsigned char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* 1 when s[i] needs a backslash in markdown. A list marker "1." or "1)"
   counts only when a blank or the end follows it: 1.5 stays as it is. */
static int md_special(const char *s, size_t i, size_t len)
{
  unsigned char c = (unsigned char)s[i];
  size_t k;

  if (strchr("\\`*[]<>|~&$", c) && c)
    return 1;
  if (c == '_')
    return i == 0 || i + 1 == len || !is_word((unsigned char)s[i - 1]) ||
           !is_word((unsigned char)s[i + 1]);
  if (i == 0)
    return c == '#' || c == '+' || c == '-' || c == '=';
  if ((c != '.' && c != ')') ||
      (i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '\t'))
    return 0;
  for (k = 0; k < i; k++)
    if (s[k] < '0' || s[k] > '9')
      return 0;
  return 1;
}

void escape_markdown(struct buf *out, const char *s, size_t len)
{
  size_t i, start = 0;
  unsigned char c;

  for (i = 0; i < len; i++) {
    c = (unsigned char)s[i];
    if (c == '\r' || c == '\n') {
      run(out, s, start, i);
      if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
      buf_puts(out, "<br>");
    } else if (c < 0x20 && c != '\t') {
      run(out, s, start, i);
      buf_printf(out, "&#x%X;", (unsigned)c);
    } else if (c == 0x7f) {
      run(out, s, start, i);
      buf_puts(out, "&#x7F;");
    } else if (md_special(s, i, len)) {
      run(out, s, start, i);
      buf_putc(out, '\\');
      buf_putc(out, (char)c);
    } else {
      continue;
    }
    start = i + 1;
  }
  run(out, s, start, len);
}
