/* escape: per-output escapers. Each copies runs of bytes that need nothing
   with one buf_put and encodes the rest one character at a time. The
   escapers of programming languages share one loop (escape_with), each
   told by a table which ASCII bytes may need it and by two functions how
   to encode them and the characters beyond ASCII it escapes. */
#include "escape.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

int escape_is_bidi(unsigned long cp)
{
  return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int escape_is_hidden(unsigned long cp)
{
  return cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
         escape_is_bidi(cp);
}

/* Appends s[from..to) when it is not empty. */
static void run(struct buf *out, const char *s, size_t from, size_t to)
{
  if (to > from)
    buf_put(out, s + from, to - from);
}

/* The length of the character at s[i] (of len) when it is one of
   escape_is_hidden(), with its code point in *cp; else 0. */
static size_t hidden_at(const char *s, size_t i, size_t len, unsigned long *cp)
{
  size_t n = utf8_decode(s + i, len - i, cp);

  return n && escape_is_hidden(*cp) ? n : 0;
}

void escape_html(struct buf *out, const char *s, size_t len)
{
  size_t i, n, start = 0;
  unsigned long cp;
  const char *rep;

  for (i = 0; i < len; i++) {
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default:
      if ((unsigned char)s[i] < 0x80 || !(n = hidden_at(s, i, len, &cp)))
        continue;
      run(out, s, start, i);
      buf_printf(out, "&#x%lX;", cp);
      start = (i += n - 1) + 1;
      continue;
    }
    run(out, s, start, i);
    buf_puts(out, rep);
    start = i + 1;
  }
  run(out, s, start, len);
}

/* A programming language's escaping: which ASCII bytes may need encoding
   (1 in special; the control bytes always do), the encoding of one of
   them at s[i] (NULL: keep it; tmp has room for 16 bytes), of a character
   of escape_is_hidden() (cp, written in the n bytes at s), and of a byte
   that is not part of valid UTF-8 (NULL: kept as it is). */
struct style {
  unsigned char special[128];
  const char *(*ascii)(const char *s, size_t i, size_t len, char tmp[16]);
  void (*hidden)(struct buf *out, unsigned long cp, const char *s, size_t n);
  void (*invalid)(struct buf *out, unsigned char c);
};

/* The control bytes, for the special tables. */
#define CONTROLS \
  [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1, \
  [8] = 1, [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, \
  [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, \
  [22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, \
  [29] = 1, [30] = 1, [31] = 1, [127] = 1

static void escape_with(const struct style *st, struct buf *out, const char *s,
                        size_t len)
{
  size_t i = 0, start = 0, n;
  unsigned long cp;
  const char *rep;
  char tmp[16];

  while (i < len) {
    unsigned char c = (unsigned char)s[i];

    if (c < 0x80) {
      if (!st->special[c] || !(rep = st->ascii(s, i, len, tmp))) {
        i++;
        continue;
      }
      run(out, s, start, i);
      buf_puts(out, rep);
      start = ++i;
      continue;
    }
    n = utf8_decode(s + i, len - i, &cp);
    if (n ? !escape_is_hidden(cp) : !st->invalid) {
      i += n ? n : 1;
      continue;
    }
    run(out, s, start, i);
    if (n)
      st->hidden(out, cp, s + i, n);
    else
      st->invalid(out, c);
    start = i += n ? n : 1;
  }
  run(out, s, start, len);
}

/* The escapes every language here writes alike: \\ \" \n \t \r; NULL for
   another byte. */
static const char *shared_code(char c)
{
  switch (c) {
  case '\\': return "\\\\";
  case '"': return "\\\"";
  case '\n': return "\\n";
  case '\t': return "\\t";
  case '\r': return "\\r";
  default: return NULL;
  }
}

/* ---- C ---- */

/* The C encoding of s[i] (see escape.h), or NULL to keep the byte. */
static const char *c_code(const char *s, size_t i, size_t len, char tmp[16])
{
  unsigned char c = (unsigned char)s[i];
  int edge = i == 0 || i + 1 == len;

  if (c == '\\' && i + 1 == len)
    return "\\134";
  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (c) {
  case '?': return edge || s[i - 1] == '?' ? "\\?" : NULL;
  case '*': return edge ? "\\052" : NULL;
  case '/': return edge || s[i - 1] == '*' || s[i + 1] == '*' ? "\\057" : NULL;
  default: snprintf(tmp, 16, "\\%03o", (unsigned)c); return tmp;
  }
}

static void c_octal(struct buf *out, unsigned char c)
{
  buf_printf(out, "\\%03o", (unsigned)c);
}

static void c_hidden(struct buf *out, unsigned long cp, const char *s, size_t n)
{
  size_t i;

  (void)cp;
  for (i = 0; i < n; i++)
    c_octal(out, (unsigned char)s[i]);
}

static const struct style c_style = {
    {CONTROLS, ['"'] = 1, ['\\'] = 1, ['?'] = 1, ['*'] = 1, ['/'] = 1},
    c_code,
    c_hidden,
    c_octal};

void escape_c(struct buf *out, const char *s, size_t len)
{
  escape_with(&c_style, out, s, len);
}

/* ---- the \u escapes of JSON, Python, JavaScript and Go ---- */

static void u_hidden(struct buf *out, unsigned long cp, const char *s, size_t n)
{
  (void)s, (void)n;
  buf_printf(out, "\\u%04lx", cp);
}

/* A control byte as \xNN. */
static const char *x_code(unsigned char c, char tmp[16])
{
  snprintf(tmp, 16, "\\x%02x", (unsigned)c);
  return tmp;
}

/* ---- JSON ---- */

static const char *json_code(const char *s, size_t i, size_t len, char tmp[16])
{
  (void)len;
  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (s[i]) {
  case '<': return "\\u003c";
  case '>': return "\\u003e";
  case '&': return "\\u0026";
  default: snprintf(tmp, 16, "\\u%04x", (unsigned)s[i]); return tmp;
  }
}

static const struct style json_style = {
    {CONTROLS, ['"'] = 1, ['\\'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1},
    json_code,
    u_hidden,
    NULL};

void escape_json(struct buf *out, const char *s, size_t len)
{
  escape_with(&json_style, out, s, len);
}

/* ---- Python ---- */

static const char *python_code(const char *s, size_t i, size_t len,
                               char tmp[16])
{
  (void)len;
  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (s[i]) {
  case '\'': return "\\'";
  case '/': return i > 0 && s[i - 1] == '*' ? "\\x2f" : NULL;
  default: return x_code((unsigned char)s[i], tmp);
  }
}

static const struct style python_style = {
    {CONTROLS, ['\\'] = 1, ['"'] = 1, ['\''] = 1, ['/'] = 1},
    python_code,
    u_hidden,
    NULL};

void escape_python(struct buf *out, const char *s, size_t len)
{
  escape_with(&python_style, out, s, len);
}

/* ---- JavaScript and TypeScript ---- */

/* 1 when s[i..len) starts with the NUL-terminated word. */
static int starts(const char *s, size_t i, size_t len, const char *word)
{
  size_t n = strlen(word);

  return len - i >= n && memcmp(s + i, word, n) == 0;
}

static const char *javascript_code(const char *s, size_t i, size_t len,
                                   char tmp[16])
{
  int first = i == 0, last = i + 1 == len;

  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (s[i]) {
  case '\'': return "\\'";
  case '`': return "\\`";
  case '{': return first || s[i - 1] == '$' ? "\\{" : NULL;
  case '$': return last ? "\\x24" : NULL;
  case '/': return first || s[i - 1] == '*' || s[i - 1] == '<' ? "\\/" : NULL;
  case '*': return last ? "\\x2a" : NULL;
  case '<': return last || starts(s, i, len, "<!--") ? "\\x3c" : NULL;
  case '>':
    return first || (i >= 2 && starts(s, i - 2, len, "-->")) ? "\\x3e" : NULL;
  default: return x_code((unsigned char)s[i], tmp);
  }
}

static const struct style javascript_style = {
    {CONTROLS, ['\\'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1, ['{'] = 1,
     ['$'] = 1, ['/'] = 1, ['*'] = 1, ['<'] = 1, ['>'] = 1},
    javascript_code,
    u_hidden,
    NULL};

void escape_javascript(struct buf *out, const char *s, size_t len)
{
  escape_with(&javascript_style, out, s, len);
}

/* ---- Rust ---- */

static const char *rust_code(const char *s, size_t i, size_t len, char tmp[16])
{
  int edge = i == 0 || i + 1 == len;

  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (s[i]) {
  case '\'': return "\\'";
  case '/':
    return edge || s[i - 1] == '*' || s[i + 1] == '*' ? "\\u{2f}" : NULL;
  case '*': return edge ? "\\u{2a}" : NULL;
  default: snprintf(tmp, 16, "\\u{%x}", (unsigned)s[i]); return tmp;
  }
}

static void rust_hidden(struct buf *out, unsigned long cp, const char *s,
                        size_t n)
{
  (void)s, (void)n;
  buf_printf(out, "\\u{%lx}", cp);
}

static const struct style rust_style = {
    {CONTROLS, ['\\'] = 1, ['"'] = 1, ['\''] = 1, ['/'] = 1, ['*'] = 1},
    rust_code,
    rust_hidden,
    NULL};

void escape_rust(struct buf *out, const char *s, size_t len)
{
  escape_with(&rust_style, out, s, len);
}

/* ---- Go ---- */

static const char *go_code(const char *s, size_t i, size_t len, char tmp[16])
{
  if (shared_code(s[i]))
    return shared_code(s[i]);
  switch (s[i]) {
  case '/': return i == 0 || s[i - 1] == '*' ? "\\x2f" : NULL;
  case '*': return i + 1 == len ? "\\x2a" : NULL;
  case '\'': return i > 0 && s[i - 1] == '\'' ? "\\x27" : NULL;
  case '`': return i > 0 && s[i - 1] == '`' ? "\\x60" : NULL;
  default: return x_code((unsigned char)s[i], tmp);
  }
}

static void go_invalid(struct buf *out, unsigned char c)
{
  buf_printf(out, "\\x%02x", (unsigned)c);
}

static const struct style go_style = {
    {CONTROLS, ['\\'] = 1, ['"'] = 1, ['/'] = 1, ['*'] = 1, ['\''] = 1,
     ['`'] = 1},
    go_code,
    u_hidden,
    go_invalid};

void escape_go(struct buf *out, const char *s, size_t len)
{
  escape_with(&go_style, out, s, len);
}

/* ---- Markdown ---- */

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
  size_t i, n, start = 0;
  unsigned long cp;
  unsigned char c;

  for (i = 0; i < len; i++) {
    c = (unsigned char)s[i];
    if (c == '\r' || c == '\n') {
      run(out, s, start, i);
      if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
      buf_puts(out, "<br>");
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      run(out, s, start, i);
      buf_printf(out, "&#x%X;", (unsigned)c);
    } else if (c >= 0x80 && (n = hidden_at(s, i, len, &cp)) != 0) {
      run(out, s, start, i);
      buf_printf(out, "&#x%lX;", cp);
      i += n - 1;
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
