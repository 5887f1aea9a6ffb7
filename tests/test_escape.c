/* test_escape: the escapers, table-driven, plus a property test of the C
   escaper over hostile and random bytes: its output, put between quotes,
   must be a valid C string literal that decodes back to the input, and
   hold nothing that could end or nest a comment, form a trigraph, splice
   a line or upset a compiler's source encoding check (invalid UTF-8). The
   decoder is our own, written from the C standard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "utf8.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

struct row {
  const char *name;
  const char *in;
  size_t len; /* 0: strlen(in) */
  const char *want;
};

static void check(const struct row *rows, size_t n,
                  void (*escape)(struct buf *, const char *, size_t))
{
  struct buf out = BUF_INIT;
  size_t i;

  for (i = 0; i < n; i++) {
    const struct row *r = &rows[i];

    buf_clear(&out);
    escape(&out, r->in, r->len ? r->len : strlen(r->in));
    if (strcmp(out.data, r->want) != 0)
      fail_msg("%s\n  want: %s\n  got:  %s", r->name, r->want, out.data);
  }
  buf_free(&out);
}

static const struct row html[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"the five characters", "& < > \" '", 0, "&amp; &lt; &gt; &quot; &#39;"},
    {"an entity is escaped again", "&amp;", 0, "&amp;amp;"},
    {"UTF-8 kept", "caf\xc3\xa9", 0, "caf\xc3\xa9"},
    {"invalid UTF-8 untouched", "\xff<\xfe", 0, "\xff&lt;\xfe"},
    {"nothing", "", 0, ""},
};

static const struct row c_rows[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"quotes and backslashes", "say \"hi\" \\ bye", 0,
     "say \\\"hi\\\" \\\\ bye"},
    {"a last backslash", "a\\", 0, "a\\134"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"control bytes in octal",
     "\x01"
     "7",
     0, "\\0017"},
    {"escape then digits",
     "\x1b"
     "123",
     0, "\\033123"},
    {"NUL", "a\0b", 3, "a\\000b"},
    {"DEL", "a\x7f", 0, "a\\177"},
    {"trigraph",
     "a?"
     "?/b",
     0, "a?\\?/b"},
    {"run of question marks",
     "a?"
     "??b",
     0, "a?\\?\\?b"},
    {"comment end", "a*/b", 0, "a*\\057b"},
    {"comment start", "a/*b", 0, "a\\057*b"},
    {"star slash star", "a*/*b", 0, "a*\\057*b"},
    {"edges with slash and star", "*a/", 0, "\\052a\\057"},
    {"edges the other way", "/a*", 0, "\\057a\\052"},
    {"question marks at the edges", "?a?", 0, "\\?a\\?"},
    {"a lone slash", "/", 0, "\\057"},
    {"UTF-8 kept", "\xc3\xa9\xe2\x82\xac", 0, "\xc3\xa9\xe2\x82\xac"},
    {"invalid UTF-8 in octal", "\xff\xfe\xc3", 0, "\\377\\376\\303"},
    {"a cut sequence in octal",
     "\xe2\x82"
     "A",
     0, "\\342\\202A"},
    {"a surrogate in octal", "\xed\xa0\x80", 0, "\\355\\240\\200"},
    {"percent and quote", "100% it's", 0, "100% it's"},
    {"nothing", "", 0, ""},
};

static const struct row markdown[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"pipes", "a|b", 0, "a\\|b"},
    {"line ends", "a\nb\r\nc\rd", 0, "a<br>b<br>c<br>d"},
    {"backslash", "a\\b", 0, "a\\\\b"},
    {"emphasis", "*a* _b_", 0, "\\*a\\* \\_b\\_"},
    {"snake case kept", "NOT_FOUND", 0, "NOT_FOUND"},
    {"heading", "# x", 0, "\\# x"},
    {"bullet", "- x", 0, "\\- x"},
    {"plus and equals", "+x =y", 0, "\\+x =y"},
    {"numbered list", "1. x", 0, "1\\. x"},
    {"numbered list with a parenthesis", "12) x", 0, "12\\) x"},
    {"a decimal stays", "1.5 s", 0, "1.5 s"},
    {"HTML and entities", "<b>&amp;", 0, "\\<b\\>\\&amp;"},
    {"code", "`x`", 0, "\\`x\\`"},
    {"links", "[a](b)", 0, "\\[a\\](b)"},
    {"math and strike", "$5 ~x~", 0, "\\$5 \\~x\\~"},
    {"control characters",
     "a\x01"
     "b\x7f",
     0, "a&#x1;b&#x7F;"},
    {"tab kept", "a\tb", 0, "a\tb"},
    {"UTF-8 kept", "\xc3\xa9_x", 0, "\xc3\xa9_x"},
    {"invalid UTF-8 untouched", "\xff\xfe", 0, "\xff\xfe"},
};

static void test_html(void **state)
{
  (void)state;
  check(html, COUNT(html), escape_html);
}

static void test_c(void **state)
{
  (void)state;
  check(c_rows, COUNT(c_rows), escape_c);
}

static void test_markdown(void **state)
{
  (void)state;
  check(markdown, COUNT(markdown), escape_markdown);
}

static int octal(char c)
{
  return c >= '0' && c <= '7';
}

static int hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

/* Decodes the escape sequence after a backslash at lit[*i] (i < end);
   -1 when it is none C knows. */
static int decode_escape(const char *lit, size_t *i, size_t end,
                         struct buf *out)
{
  static const char simple[] = "n\nt\tr\ra\ab\bf\fv\v\\\\\"\"''?"
                               "?";
  const char *p = strchr(simple, lit[*i]);
  unsigned v = 0, k;

  if (lit[*i] && p && (p - simple) % 2 == 0) {
    buf_putc(out, p[1]);
    (*i)++;
    return 0;
  }
  if (octal(lit[*i])) {
    for (k = 0; k < 3 && *i < end && octal(lit[*i]); k++)
      v = v * 8 + (unsigned)(lit[(*i)++] - '0');
  } else if (lit[*i] == 'x' && *i + 1 < end && hex(lit[*i + 1])) {
    for ((*i)++; *i < end && hex(lit[*i]); (*i)++) {
      char c = lit[*i];

      v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      if (v > 0xff)
        return -1;
    }
  } else {
    return -1;
  }
  if (v > 0xff)
    return -1;
  buf_putc(out, (char)v);
  return 0;
}

/* Decodes the C string literal lit (n bytes, quotes included) into out;
   -1 when it is not a valid literal: a raw line end or quote inside, an
   unknown escape, no closing quote. */
static int c_decode(const char *lit, size_t n, struct buf *out)
{
  size_t i = 1, end = n - 1;

  if (n < 2 || lit[0] != '"' || lit[end] != '"')
    return -1;
  while (i < end) {
    char c = lit[i];

    if (c == '"' || c == '\n' || c == '\r')
      return -1;
    if (c != '\\') {
      buf_putc(out, c);
      i++;
      continue;
    }
    if (++i >= end || decode_escape(lit, &i, end, out) < 0)
      return -1;
  }
  return 0;
}

/* Checks escape_c on n bytes of s: round trip and comment safety. */
static void check_c(const char *s, size_t n, const char *what)
{
  struct buf esc = BUF_INIT, lit = BUF_INIT, back = BUF_INIT;
  size_t i;

  escape_c(&esc, s, n);
  buf_putc(&lit, '"');
  buf_put(&lit, esc.data, esc.len);
  buf_putc(&lit, '"');
  if (c_decode(lit.data, lit.len, &back) < 0)
    fail_msg("%s: not a C string literal: %s", what, lit.data);
  if (back.len != n || memcmp(back.data, s, n) != 0)
    fail_msg("%s: does not decode back: %s", what, lit.data);
  for (i = 0; i < esc.len; i++) {
    unsigned char c = (unsigned char)esc.data[i];

    if (c < 0x20 || c == 0x7f)
      fail_msg("%s: raw control byte in %s", what, lit.data);
    if (i + 1 < esc.len && ((c == '*' && esc.data[i + 1] == '/') ||
                            (c == '/' && esc.data[i + 1] == '*') ||
                            (c == '?' && esc.data[i + 1] == '?')))
      fail_msg("%s: comment delimiter or trigraph in %s", what, lit.data);
  }
  if (esc.len &&
      (strchr("\\/*", esc.data[esc.len - 1]) ||
       (esc.data[esc.len - 1] == '?' && esc.len == 1) ||
       (esc.data[esc.len - 1] == '?' && esc.data[esc.len - 2] != '\\')))
    fail_msg("%s: unsafe last byte in %s", what, lit.data);
  if (esc.len && strchr("/*?", esc.data[0]))
    fail_msg("%s: unsafe first byte in %s", what, lit.data);
  if (utf8_valid_prefix(esc.data, esc.len) != esc.len)
    fail_msg("%s: invalid UTF-8 in %s", what, lit.data);
  buf_free(&esc);
  buf_free(&lit);
  buf_free(&back);
}

static void test_c_round_trip(void **state)
{
  static const char *const hostile[] = {
      "*/",
      "/*",
      "*/*/",
      "/**/",
      "?"
      "?/",
      "?"
      "?=",
      "?"
      "?"
      "?"
      "?",
      "\\",
      "\\\\",
      "\"",
      "\\\"",
      "a\\\nb",
      "*",
      "/",
      "?",
      "//",
      "**",
      "\xff\xfe",
      "\xc3",
      "\xe2\x82",
      "\xc3\xa9*/\xc3\xa9",
      "%s%n",
      "\x1b[31m",
      "\x7f",
  };
  char one[2], name[32];
  unsigned long seed = 12345;
  size_t i, k, n;

  (void)state;
  for (i = 0; i < COUNT(hostile); i++)
    check_c(hostile[i], strlen(hostile[i]), hostile[i]);
  check_c("a\0*\0/", 5, "NULs");
  for (i = 0; i < 256; i++) {
    for (k = 0; k < 256; k++) {
      one[0] = (char)i;
      one[1] = (char)k;
      snprintf(name, sizeof name, "bytes %zu %zu", i, k);
      check_c(one, 1, name);
      check_c(one, 2, name);
    }
  }
  for (i = 0; i < 20000; i++) {
    static const char alphabet[] = "*/?\\\"\n\r\t\0a7\xff\xc3\xa9 x";
    char s[48];

    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    n = (seed >> 33) % sizeof s;
    for (k = 0; k < n; k++) {
      seed = seed * 6364136223846793005ul + 1442695040888963407ul;
      s[k] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
    }
    snprintf(name, sizeof name, "random %zu", i);
    check_c(s, n, name);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_html),
      cmocka_unit_test(test_c),
      cmocka_unit_test(test_markdown),
      cmocka_unit_test(test_c_round_trip),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
