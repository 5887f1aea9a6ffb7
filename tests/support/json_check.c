/* json_check: a recursive-descent recogniser; builds nothing. */
#include "json_check.h"

#include <string.h>

#include "utf8.h"

struct cursor {
  const char *s;
  size_t n, i;
  int depth;
};

#define MAX_DEPTH 200

static int value(struct cursor *c);

static void space(struct cursor *c)
{
  while (c->i < c->n && strchr(" \t\r\n", c->s[c->i]) && c->s[c->i])
    c->i++;
}

static int eat(struct cursor *c, char ch)
{
  space(c);
  if (c->i < c->n && c->s[c->i] == ch) {
    c->i++;
    return 1;
  }
  return 0;
}

static int string(struct cursor *c)
{
  unsigned long cp;
  size_t k;

  if (!eat(c, '"'))
    return 0;
  while (c->i < c->n && c->s[c->i] != '"') {
    unsigned char ch = (unsigned char)c->s[c->i];

    if (ch < 0x20)
      return 0;
    if (ch == '\\') {
      const char *esc =
          c->i + 1 < c->n ? strchr("\"\\/bfnrtu", c->s[c->i + 1]) : NULL;
      if (!esc || !c->s[c->i + 1])
        return 0;
      if (*esc == 'u') {
        for (k = 2; k < 6; k++)
          if (c->i + k >= c->n ||
              !strchr("0123456789abcdefABCDEF", c->s[c->i + k]) ||
              !c->s[c->i + k])
            return 0;
        c->i += 6;
      } else {
        c->i += 2;
      }
      continue;
    }
    k = utf8_decode(c->s + c->i, c->n - c->i, &cp);
    if (!k)
      return 0;
    c->i += k;
  }
  return eat(c, '"');
}

static int digits(struct cursor *c)
{
  size_t start = c->i;

  while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
    c->i++;
  return c->i > start;
}

static int number(struct cursor *c)
{
  if (c->i < c->n && c->s[c->i] == '-')
    c->i++;
  if (c->i < c->n && c->s[c->i] == '0')
    c->i++;
  else if (!digits(c))
    return 0;
  if (c->i < c->n && c->s[c->i] == '.' && (c->i++, !digits(c)))
    return 0;
  if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
    c->i++;
    if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-'))
      c->i++;
    return digits(c);
  }
  return 1;
}

static int word(struct cursor *c, const char *w)
{
  size_t n = strlen(w);

  if (c->n - c->i < n || memcmp(c->s + c->i, w, n) != 0)
    return 0;
  c->i += n;
  return 1;
}

static int members(struct cursor *c, char close, int keyed)
{
  if (++c->depth > MAX_DEPTH)
    return 0;
  if (eat(c, close))
    return c->depth--, 1;
  do {
    if (keyed && (!string(c) || !eat(c, ':')))
      return 0;
    if (!value(c))
      return 0;
  } while (eat(c, ','));
  c->depth--;
  return eat(c, close);
}

static int value(struct cursor *c)
{
  space(c);
  if (c->i >= c->n)
    return 0;
  switch (c->s[c->i]) {
  case '{': c->i++; return members(c, '}', 1);
  case '[': c->i++; return members(c, ']', 0);
  case '"': return string(c);
  case 't': return word(c, "true");
  case 'f': return word(c, "false");
  case 'n': return word(c, "null");
  default: return number(c);
  }
}

int json_check(const char *s, size_t n)
{
  struct cursor c;

  c.s = s;
  c.n = n;
  c.i = 0;
  c.depth = 0;
  if (!value(&c))
    return 0;
  space(&c);
  return c.i == n;
}
