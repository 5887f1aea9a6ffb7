/* test_escape: the escapers, table-driven (every expectation written by
   hand), plus property tests over hostile and random text: each escaper's
   output must be a valid string literal of its language that decodes back
   to the input byte for byte, and hold nothing that could end or nest a
   comment of that language, or show a character other than it is (a
   bidirectional control, a line separator). The C escaper is also held to
   no trigraph, no line splice and valid UTF-8. The decoders are our own,
   each written from its language's reference (C11 6.4.4.4, RFC 8259,
   Python's lexical analysis, ECMAScript's string and template literals,
   the Rust reference, the Go specification), not from the escapers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "json_check.h"
#include "utf8.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

struct row {
  const char *name;
  const char *in;
  size_t len; /* 0: strlen(in) */
  const char *want;
};

/* Characters every escaper but plain text's encodes, as UTF-8: the
   bidirectional controls U+202E (RLO), U+202C (PDF), U+2066 (LRI), U+2069
   (PDI), U+200E (LRM), U+200F (RLM), U+061C (ALM), the separators U+2028
   (LS) and U+2029 (PS), U+0085 (NEL) and U+FEFF (BOM). */
#define RLO "\xe2\x80\xae"
#define PDF "\xe2\x80\xac"
#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"
#define LRM "\xe2\x80\x8e"
#define RLM "\xe2\x80\x8f"
#define ALM "\xd8\x9c"
#define LS "\xe2\x80\xa8"
#define PS "\xe2\x80\xa9"
#define NEL "\xc2\x85"
#define BOM "\xef\xbb\xbf"
#define GRIN "\xf0\x9f\x98\x80"

static void check(const char *table, const struct row *rows, size_t n,
                  void (*escape)(struct buf *, const char *, size_t))
{
  struct buf out = BUF_INIT;
  size_t i;

  for (i = 0; i < n; i++) {
    const struct row *r = &rows[i];

    buf_clear(&out);
    escape(&out, r->in, r->len ? r->len : strlen(r->in));
    if (strcmp(out.data, r->want) != 0)
      fail_msg("%s, %s\n  want: %s\n  got:  %s", table, r->name, r->want,
               out.data);
  }
  buf_free(&out);
}

static const struct row html[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"the five characters", "& < > \" '", 0, "&amp; &lt; &gt; &quot; &#39;"},
    {"an entity is escaped again", "&amp;", 0, "&amp;amp;"},
    {"UTF-8 kept", "caf\xc3\xa9", 0, "caf\xc3\xa9"},
    {"invalid UTF-8 untouched", "\xff<\xfe", 0, "\xff&lt;\xfe"},
    {"bidirectional controls", "a" RLO "b" PDF LRI PDI LRM RLM ALM, 0,
     "a&#x202E;b&#x202C;&#x2066;&#x2069;&#x200E;&#x200F;&#x61C;"},
    {"separators and the byte order mark", LS PS NEL BOM, 0,
     "&#x2028;&#x2029;&#x85;&#xFEFF;"},
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
    {"bidirectional controls in octal", "a" RLO "b" PDF, 0,
     "a\\342\\200\\256b\\342\\200\\254"},
    {"isolates and marks in octal", LRI PDI LRM RLM ALM, 0,
     "\\342\\201\\246\\342\\201\\251\\342\\200\\216\\342\\200\\217"
     "\\330\\234"},
    {"separators and the byte order mark in octal", LS PS NEL BOM, 0,
     "\\342\\200\\250\\342\\200\\251\\302\\205\\357\\273\\277"},
    {"astral characters kept", GRIN, 0, GRIN},
    {"other languages' syntax kept", "${x} `t` <!-- --> </script> '''", 0,
     "${x} `t` <!-- --> </script> '''"},
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
    {"bidirectional controls", RLO "x" PDF " " LRI "y" PDI, 0,
     "&#x202E;x&#x202C; &#x2066;y&#x2069;"},
    {"marks, separators, byte order mark", LRM RLM ALM LS PS NEL BOM, 0,
     "&#x200E;&#x200F;&#x61C;&#x2028;&#x2029;&#x85;&#xFEFF;"},
};

static const struct row json[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"quotes and backslashes", "say \"hi\" \\ bye", 0,
     "say \\\"hi\\\" \\\\ bye"},
    {"a last backslash", "a\\", 0, "a\\\\"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"other control bytes", "\x01\x08\x0c\x1b\x1f", 0,
     "\\u0001\\u0008\\u000c\\u001b\\u001f"},
    {"DEL", "a\x7f", 0, "a\\u007f"},
    {"NUL", "a\0b", 3, "a\\u0000b"},
    {"markup", "</script><!-- & -->", 0,
     "\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e"},
    {"separators", "a" LS "b" PS "c", 0, "a\\u2028b\\u2029c"},
    {"bidirectional controls", RLO "x" PDF LRI PDI LRM RLM ALM, 0,
     "\\u202ex\\u202c\\u2066\\u2069\\u200e\\u200f\\u061c"},
    {"next line and byte order mark", NEL BOM, 0, "\\u0085\\ufeff"},
    {"escape look-alikes", "\\u0041 \\x41 \\n", 0, "\\\\u0041 \\\\x41 \\\\n"},
    {"other syntax kept", "*/ /* // ${x} `t` {{y}} %s '", 0,
     "*/ /* // ${x} `t` {{y}} %s '"},
    {"UTF-8 kept", "caf\xc3\xa9 " GRIN, 0, "caf\xc3\xa9 " GRIN},
    {"invalid UTF-8 untouched", "\xff", 0, "\xff"},
    {"nothing", "", 0, ""},
};

static const struct row python[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"quotes", "\"a\" 'b'", 0, "\\\"a\\\" \\'b\\'"},
    {"triple quotes", "\"\"\"x'''", 0, "\\\"\\\"\\\"x\\'\\'\\'"},
    {"backslashes", "a\\b\\", 0, "a\\\\b\\\\"},
    {"escape look-alikes", "\\N{DASH} \\x41 \\u0041 \\0", 0,
     "\\\\N{DASH} \\\\x41 \\\\u0041 \\\\0"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"other control bytes", "\x01\x0b\x0c\x1b", 0, "\\x01\\x0b\\x0c\\x1b"},
    {"NUL and DEL", "\0\x7f", 2, "\\x00\\x7f"},
    {"a comment end", "a*/b", 0, "a*\\x2fb"},
    {"comments around", "/*a*/", 0, "/*a*\\x2f"},
    {"slashes alone kept", "a/b // c", 0, "a/b // c"},
    {"separators and next line", LS PS NEL, 0, "\\u2028\\u2029\\u0085"},
    {"bidirectional controls", RLO "x" PDF ALM, 0, "\\u202ex\\u202c\\u061c"},
    {"byte order mark", BOM, 0, "\\ufeff"},
    {"other syntax kept", "{} {0} %s %(x)s ${x} `t` <!-- -->", 0,
     "{} {0} %s %(x)s ${x} `t` <!-- -->"},
    {"UTF-8 kept", "caf\xc3\xa9 " GRIN, 0, "caf\xc3\xa9 " GRIN},
    {"invalid UTF-8 untouched", "\xfe", 0, "\xfe"},
    {"nothing", "", 0, ""},
};

static const struct row javascript[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"quotes of three kinds", "\"a\" 'b' `c`", 0, "\\\"a\\\" \\'b\\' \\`c\\`"},
    {"backslashes", "a\\u0041\\", 0, "a\\\\u0041\\\\"},
    {"a substitution", "${x}", 0, "$\\{x}"},
    {"a dollar and a brace apart", "$x {y}", 0, "$x {y}"},
    {"a first brace", "{y}", 0, "\\{y}"},
    {"a last dollar", "a$", 0, "a\\x24"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"control bytes, never as \\0",
     "\0"
     "1\x1b\x7f",
     4, "\\x001\\x1b\\x7f"},
    {"a comment end", "a*/b", 0, "a*\\/b"},
    {"a first slash", "/*a", 0, "\\/*a"},
    {"a last star", "a*", 0, "a\\x2a"},
    {"a comment start inside kept", "a/*b", 0, "a/*b"},
    {"a closing tag", "</script>", 0, "<\\/script>"},
    {"HTML-like comments", "<!-- x -->", 0, "\\x3c!-- x --\\x3e"},
    {"a last <, a first >", ">a<", 0, "\\x3ea\\x3c"},
    {"arrows and comparisons kept", "a->b a<b a>b", 0, "a->b a<b a>b"},
    {"separators", LS PS, 0, "\\u2028\\u2029"},
    {"bidirectional controls", RLO "x" PDF LRI PDI, 0,
     "\\u202ex\\u202c\\u2066\\u2069"},
    {"next line and byte order mark", NEL BOM, 0, "\\u0085\\ufeff"},
    {"other syntax kept", "%s {} #{x} a/b", 0, "%s {} #{x} a/b"},
    {"UTF-8 kept", "caf\xc3\xa9 " GRIN, 0, "caf\xc3\xa9 " GRIN},
    {"nothing", "", 0, ""},
};

static const struct row rust[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"quotes", "\"a\" 'b'", 0, "\\\"a\\\" \\'b\\'"},
    {"backslashes", "\\u{41}\\", 0, "\\\\u{41}\\\\"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"other control bytes", "\x01\x1b\x7f", 0, "\\u{1}\\u{1b}\\u{7f}"},
    {"NUL", "a\0b", 3, "a\\u{0}b"},
    {"a comment end", "a*/b", 0, "a*\\u{2f}b"},
    {"a nested comment start", "a/*b", 0, "a\\u{2f}*b"},
    {"slashes at the edges", "/a/", 0, "\\u{2f}a\\u{2f}"},
    {"stars at the edges", "*a*", 0, "\\u{2a}a\\u{2a}"},
    {"a line comment inside kept", "a//b", 0, "a//b"},
    {"bidirectional controls", RLO "x" PDF ALM, 0,
     "\\u{202e}x\\u{202c}\\u{61c}"},
    {"separators, next line, byte order mark", LS PS NEL BOM, 0,
     "\\u{2028}\\u{2029}\\u{85}\\u{feff}"},
    {"other syntax kept", "{} {0} ${x} `t` <!-- --> %s", 0,
     "{} {0} ${x} `t` <!-- --> %s"},
    {"UTF-8 kept", "caf\xc3\xa9 " GRIN, 0, "caf\xc3\xa9 " GRIN},
    {"nothing", "", 0, ""},
};

static const struct row go[] = {
    {"plain text", "Not Found", 0, "Not Found"},
    {"double quotes, single kept", "\"a\" 'b'", 0, "\\\"a\\\" 'b'"},
    {"two single quotes", "'''", 0, "'\\x27\\x27"},
    {"two backticks", "``x`", 0, "`\\x60x`"},
    {"backslashes", "\\x41\\", 0, "\\\\x41\\\\"},
    {"line ends and tabs", "a\nb\tc\rd", 0, "a\\nb\\tc\\rd"},
    {"other control bytes", "\x01\x1b\x7f", 0, "\\x01\\x1b\\x7f"},
    {"NUL", "a\0b", 3, "a\\x00b"},
    {"a comment end", "a*/b", 0, "a*\\x2fb"},
    {"a first slash", "/a", 0, "\\x2fa"},
    {"a last star", "a*", 0, "a\\x2a"},
    {"a comment start inside kept", "a/*b", 0, "a/*b"},
    {"bidirectional controls", RLO "x" PDF LRM, 0, "\\u202ex\\u202c\\u200e"},
    {"separators, next line, byte order mark", LS PS NEL BOM, 0,
     "\\u2028\\u2029\\u0085\\ufeff"},
    {"invalid UTF-8 as bytes", "\xff\xc3", 0, "\\xff\\xc3"},
    {"other syntax kept", "{} %s ${x} <!-- -->", 0, "{} %s ${x} <!-- -->"},
    {"UTF-8 kept", "caf\xc3\xa9 " GRIN, 0, "caf\xc3\xa9 " GRIN},
    {"nothing", "", 0, ""},
};

/* Every escaper's table. */
static void test_tables(void **state)
{
  static const struct {
    const char *name;
    const struct row *rows;
    size_t n;
    void (*escape)(struct buf *, const char *, size_t);
  } tables[] = {
      {"HTML", html, COUNT(html), escape_html},
      {"C", c_rows, COUNT(c_rows), escape_c},
      {"Markdown", markdown, COUNT(markdown), escape_markdown},
      {"JSON", json, COUNT(json), escape_json},
      {"Python", python, COUNT(python), escape_python},
      {"JavaScript", javascript, COUNT(javascript), escape_javascript},
      {"Rust", rust, COUNT(rust), escape_rust},
      {"Go", go, COUNT(go), escape_go},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(tables); i++)
    check(tables[i].name, tables[i].rows, tables[i].n, tables[i].escape);
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

/* ---- the other languages: decoders written from their references ---- */

static int hex_value(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
    return (c | 0x20) - 'a' + 10;
  return -1;
}

/* The value of exactly n hex digits at s[*i] (of len), moving past them;
   -1 when they are not there. */
static long hex_digits(const char *s, size_t *i, size_t len, size_t n)
{
  long v = 0;
  size_t k;

  for (k = 0; k < n; k++, (*i)++) {
    if (*i >= len || hex_value(s[*i]) < 0)
      return -1;
    v = v * 16 + hex_value(s[*i]);
  }
  return v;
}

/* Appends cp as UTF-8; -1 for a surrogate or past U+10FFFF. */
static int put_utf8(struct buf *out, long cp)
{
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return -1;
  if (cp < 0x80) {
    buf_putc(out, (char)cp);
  } else if (cp < 0x800) {
    buf_putc(out, (char)(0xc0 | cp >> 6));
    buf_putc(out, (char)(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    buf_putc(out, (char)(0xe0 | cp >> 12));
    buf_putc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
    buf_putc(out, (char)(0x80 | (cp & 0x3f)));
  } else {
    buf_putc(out, (char)(0xf0 | cp >> 18));
    buf_putc(out, (char)(0x80 | (cp >> 12 & 0x3f)));
    buf_putc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
    buf_putc(out, (char)(0x80 | (cp & 0x3f)));
  }
  return 0;
}

/* The simple escapes a language shares: the byte \c stands for, or -1. */
static int simple_escape(char c, const char *known)
{
  static const char from[] = "nrtabfv0\\\"'`/{$";
  static const char to[] = "\n\r\t\a\b\f\v\0\\\"'`/{$";
  const char *p = strchr(from, c);

  return c && p && strchr(known, c) ? (unsigned char)to[p - from] : -1;
}

/* The loop of every decoder: a raw byte is copied unless bad() refuses
   it; after a backslash come the simple escapes of known, else rest()
   decodes the escape at s[*i] (past the backslash) into out, moving *i
   past it, or refuses it (-1). Returns 0, or -1 for no valid literal. */
static int
decode_with(const char *s, size_t len, struct buf *out,
            int (*bad)(const char *s, size_t i, size_t len), const char *known,
            int (*rest)(const char *s, size_t *i, size_t len, struct buf *out))
{
  size_t i = 0;
  int c;

  while (i < len) {
    if (bad(s, i, len))
      return -1;
    if (s[i] != '\\') {
      buf_putc(out, s[i++]);
    } else if (++i >= len) {
      return -1;
    } else if ((c = simple_escape(s[i], known)) >= 0) {
      buf_putc(out, (char)c);
      i++;
    } else if (rest(s, &i, len, out) < 0) {
      return -1;
    }
  }
  return 0;
}

/* JSON (RFC 8259, 7): the text between the quotes of a string. */
static int json_bad(const char *s, size_t i, size_t len)
{
  (void)len;
  return s[i] == '"' || (unsigned char)s[i] < 0x20;
}

static int json_rest(const char *s, size_t *i, size_t len, struct buf *out)
{
  long cp, low;

  if (s[(*i)++] != 'u' || (cp = hex_digits(s, i, len, 4)) < 0)
    return -1;
  if (cp >= 0xd800 && cp <= 0xdbff) {
    if (*i + 1 >= len || s[*i] != '\\' || s[*i + 1] != 'u')
      return -1;
    *i += 2;
    if ((low = hex_digits(s, i, len, 4)) < 0xdc00 || low > 0xdfff)
      return -1;
    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
  }
  return put_utf8(out, cp);
}

static int json_decode(const char *s, size_t len, struct buf *out)
{
  return decode_with(s, len, out, json_bad, "\"\\/bfnrt", json_rest);
}

/* Python (lexical analysis, 2.4.1): the text between the quotes of a str
   literal that is neither raw nor formatted, in either quote; an
   unrecognised escape (kept, with a warning) counts as invalid. */
static int python_bad(const char *s, size_t i, size_t len)
{
  (void)len;
  return s[i] == '"' || s[i] == '\'' || s[i] == '\n' || s[i] == '\r';
}

static int python_rest(const char *s, size_t *i, size_t len, struct buf *out)
{
  size_t k;
  long cp = 0;
  char c = s[*i];

  if (c >= '0' && c <= '7') {
    for (k = 0; k < 3 && *i < len && s[*i] >= '0' && s[*i] <= '7'; k++)
      cp = cp * 8 + (s[(*i)++] - '0');
    return put_utf8(out, cp);
  }
  if (c != 'x' && c != 'u' && c != 'U')
    return -1;
  (*i)++;
  return put_utf8(out, hex_digits(s, i, len, c == 'x' ? 2 : c == 'u' ? 4 : 8));
}

static int python_decode(const char *s, size_t len, struct buf *out)
{
  return decode_with(s, len, out, python_bad, "\\'\"abfnrtv", python_rest);
}

/* ECMAScript (12.9.4 and 12.9.6): the text between the quotes of a string
   in any of '...', "..." and `...`: no raw quote of either kind, no
   substitution, no raw line end (LS and PS are allowed in strings), no
   line continuation, no legacy octal escape (invalid in strict code and
   in templates). Strings hold UTF-16: a pair of \u surrogates is one
   character. */
static int javascript_bad(const char *s, size_t i, size_t len)
{
  return (strchr("\"'`\n\r", s[i]) && s[i]) ||
         (s[i] == '$' && i + 1 < len && s[i + 1] == '{');
}

/* \u{X...} or \uXXXX (a surrogate pair too), s[*i] past the u. */
static long javascript_u(const char *s, size_t *i, size_t len)
{
  long cp = 0, low;
  size_t k, at;

  if (*i < len && s[*i] == '{') {
    for ((*i)++, k = 0; *i < len && hex_value(s[*i]) >= 0; (*i)++, k++)
      cp = cp > 0x10ffff ? cp : cp * 16 + hex_value(s[*i]);
    return k && *i < len && s[(*i)++] == '}' ? cp : -1;
  }
  cp = hex_digits(s, i, len, 4);
  if (cp < 0xd800 || cp > 0xdbff || *i + 1 >= len || s[*i] != '\\' ||
      s[*i + 1] != 'u')
    return cp;
  at = *i;
  *i += 2;
  if ((low = hex_digits(s, i, len, 4)) >= 0xdc00 && low <= 0xdfff)
    return 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
  *i = at;
  return cp;
}

static int javascript_rest(const char *s, size_t *i, size_t len,
                           struct buf *out)
{
  unsigned long ucp;
  size_t k;
  char c = s[*i];

  if (c == '\n' || c == '\r' || (c >= '1' && c <= '9') ||
      (len - *i >= 3 && (!memcmp(s + *i, LS, 3) || !memcmp(s + *i, PS, 3))))
    return -1; /* a line continuation, an octal escape */
  (*i)++;
  if (c == '0' && *i < len && s[*i] >= '0' && s[*i] <= '9')
    return -1;
  if (c == '0')
    return put_utf8(out, 0);
  if (c == 'x')
    return put_utf8(out, hex_digits(s, i, len, 2));
  if (c == 'u')
    return put_utf8(out, javascript_u(s, i, len));
  k = utf8_decode(s + *i - 1, len - *i + 1, &ucp); /* an identity escape */
  buf_put(out, s + *i - 1, k ? k : 1);
  *i += k ? k - 1 : 0;
  return 0;
}

static int javascript_decode(const char *s, size_t len, struct buf *out)
{
  return decode_with(s, len, out, javascript_bad, "nrtbfv", javascript_rest);
}

/* Rust (reference, tokens: string literals): the text between the quotes
   of a string; no bare CR, no raw line end (our escapers never make a
   line continuation), \x only up to 0x7f. */
static int rust_bad(const char *s, size_t i, size_t len)
{
  (void)len;
  return s[i] == '"' || s[i] == '\r' || s[i] == '\n';
}

static int rust_rest(const char *s, size_t *i, size_t len, struct buf *out)
{
  long cp = 0;
  size_t k;
  char c = s[(*i)++];

  if (c == 'x')
    return (cp = hex_digits(s, i, len, 2)) > 0x7f ? -1 : put_utf8(out, cp);
  if (c != 'u' || *i >= len || s[(*i)++] != '{')
    return -1;
  for (k = 0; *i < len && hex_value(s[*i]) >= 0; (*i)++, k++)
    cp = cp * 16 + hex_value(s[*i]);
  if (!k || k > 6 || *i >= len || s[(*i)++] != '}')
    return -1;
  return put_utf8(out, cp);
}

static int rust_decode(const char *s, size_t len, struct buf *out)
{
  return decode_with(s, len, out, rust_bad, "nrt\\0'\"", rust_rest);
}

/* Go (specification, rune and string literals): the text between the
   quotes of an interpreted string; \' is for runes only. \x and three
   octal digits are bytes, \u and \U characters. The compiler refuses NUL
   and a byte order mark in source. */
static int go_bad(const char *s, size_t i, size_t len)
{
  return s[i] == '"' || s[i] == '\n' || s[i] == '\0' ||
         (len - i >= 3 && memcmp(s + i, BOM, 3) == 0);
}

static int go_rest(const char *s, size_t *i, size_t len, struct buf *out)
{
  long v;
  size_t k;
  char c = s[(*i)++];

  if (c == 'u' || c == 'U')
    return put_utf8(out, hex_digits(s, i, len, c == 'u' ? 4 : 8));
  if (c == 'x') {
    v = hex_digits(s, i, len, 2);
  } else if (c >= '0' && c <= '7') {
    for (v = c - '0', k = 1; k < 3 && *i < len && s[*i] >= '0' && s[*i] <= '7';
         k++)
      v = v * 8 + (s[(*i)++] - '0');
    v = k == 3 ? v : -1;
  } else {
    return -1;
  }
  if (v < 0 || v > 255)
    return -1;
  buf_putc(out, (char)v);
  return 0;
}

static int go_decode(const char *s, size_t len, struct buf *out)
{
  return decode_with(s, len, out, go_bad, "abfnrtv\\\"", go_rest);
}

/* ---- what comments need ---- */

/* 1 when s (of len) holds, raw, a character that must show as an escape:
   a bidirectional control, a line or paragraph separator, NEL, BOM (the
   list written again here, not taken from escape.h). */
static int raw_hidden(const char *s, size_t len)
{
  static const unsigned long hidden[] = {
      0x85,   0x61c,  0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b,
      0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff};
  size_t i, k, n;
  unsigned long cp;

  for (i = 0; i < len; i += n ? n : 1) {
    n = utf8_decode(s + i, len - i, &cp);
    for (k = 0; n && k < COUNT(hidden); k++)
      if (cp == hidden[k])
        return 1;
  }
  return 0;
}

/* 1 when "/" "*" + esc + "*" "/" is one block comment that ends at its
   end: no comment end before it, nor (nest) a nested comment start. */
static int one_comment(const char *esc, size_t n, int nest)
{
  struct buf b = BUF_INIT;
  size_t i = 2;
  int ok = 0;

  buf_puts(&b, "/*");
  buf_put(&b, esc, n);
  buf_puts(&b, "*/");
  while (i + 1 < b.len) {
    if (b.data[i] == '*' && b.data[i + 1] == '/') {
      ok = i + 2 == b.len;
      break;
    }
    if (nest && b.data[i] == '/' && b.data[i + 1] == '*')
      break;
    i++;
  }
  buf_free(&b);
  return ok;
}

static int holds(const char *s, size_t n, const char *what)
{
  size_t k = strlen(what), i;

  for (i = 0; i + k <= n; i++)
    if (memcmp(s + i, what, k) == 0)
      return 1;
  return 0;
}

/* Why esc is unsafe in a comment of the language, or NULL. */
static const char *json_unsafe(const char *esc, size_t n)
{
  return holds(esc, n, "<") || holds(esc, n, ">") || holds(esc, n, "&")
             ? "markup"
             : NULL;
}

static const char *python_unsafe(const char *esc, size_t n)
{
  return holds(esc, n, "*/") ? "a comment end" : NULL;
}

static const char *javascript_unsafe(const char *esc, size_t n)
{
  if (!one_comment(esc, n, 0))
    return "ends the block comment";
  if (holds(esc, n, "</") || holds(esc, n, "<!--") || holds(esc, n, "-->"))
    return "HTML syntax";
  if (n && (strchr("/{>", esc[0]) || strchr("*$<", esc[n - 1])))
    return "an unsafe first or last byte";
  return NULL;
}

static const char *rust_unsafe(const char *esc, size_t n)
{
  if (!one_comment(esc, n, 1))
    return "ends or nests the block comment";
  if (n && (strchr("/*", esc[0]) || strchr("/*", esc[n - 1])))
    return "an unsafe first or last byte";
  return NULL;
}

static const char *go_unsafe(const char *esc, size_t n)
{
  if (!one_comment(esc, n, 0))
    return "ends the block comment";
  if (holds(esc, n, "''") || holds(esc, n, "``"))
    return "quotes gofmt rewrites";
  if (n && (esc[0] == '/' || esc[n - 1] == '*'))
    return "an unsafe first or last byte";
  return NULL;
}

/* A language's escaper, its decoder, its comment check, and whether it
   takes any bytes (1) or only valid UTF-8 (0: the language cannot hold
   other bytes; the model's texts are valid UTF-8). */
struct lang {
  const char *name;
  void (*escape)(struct buf *, const char *, size_t);
  int (*decode)(const char *, size_t, struct buf *);
  const char *(*unsafe)(const char *, size_t);
  int any_bytes;
};

static const struct lang langs[] = {
    {"JSON", escape_json, json_decode, json_unsafe, 0},
    {"Python", escape_python, python_decode, python_unsafe, 0},
    {"JavaScript", escape_javascript, javascript_decode, javascript_unsafe, 0},
    {"Rust", escape_rust, rust_decode, rust_unsafe, 0},
    {"Go", escape_go, go_decode, go_unsafe, 1},
};

/* Checks l's escaper on n bytes of s: round trip and comment safety. */
static void check_lang(const struct lang *l, const char *s, size_t n,
                       const char *what)
{
  struct buf esc = BUF_INIT, back = BUF_INIT;
  const char *why = NULL;
  size_t i;

  l->escape(&esc, s, n);
  if (l->decode(esc.data, esc.len, &back) < 0)
    why = "not a string literal";
  else if (back.len != n || memcmp(back.data, s, n) != 0)
    why = "does not decode back";
  else if (raw_hidden(esc.data, esc.len))
    why = "a hidden character left raw";
  else if (!(why = l->unsafe(esc.data, esc.len)))
    for (i = 0; i < esc.len; i++)
      if ((unsigned char)esc.data[i] < 0x20 || esc.data[i] == 0x7f)
        why = "a raw control byte";
  if (why)
    fail_msg("%s, %s: %s: %s", l->name, what, why, esc.data);
  if (l == &langs[0] && !why) {
    buf_clear(&back);
    buf_putc(&back, '"');
    buf_put(&back, esc.data, esc.len);
    buf_putc(&back, '"');
    if (!json_check(back.data, back.len))
      fail_msg("JSON, %s: json_check refuses %s", what, back.data);
  }
  buf_free(&esc);
  buf_free(&back);
}

/* Pieces of hostile text: every language's special bytes, and characters
   beyond ASCII; bytes of invalid UTF-8 come last. */
static const char *const pieces[] = {
    "\"", "'", "`", "\\", "/",        "*",  "<",    ">",    "!",       "-", "$",
    "{",  "}", "?", "\n", "\r",       "\t", "\x01", "\x7f", "a",       "0", " ",
    "%",  "#", "x", "u",  "\xc3\xa9", GRIN, RLO,    PDF,    LRI,       PDI, LRM,
    RLM,  ALM, LS,  PS,   NEL,        BOM,  "\xff", "\xc3", "\xe2\x80"};
#define VALID_PIECES (COUNT(pieces) - 3)

/* Every escaper over every pair and triple of pieces, some hostile
   phrases, and random strings of pieces. */
static void test_languages_round_trip(void **state)
{
  static const char *const phrases[] = {"*/",          "/*",
                                        "*/*/",        "/**/",
                                        "</script>",   "<!--",
                                        "-->",         "<!-- -->",
                                        "${x}",        "$${",
                                        "``",          "''",
                                        "\"\"\"",      "'''",
                                        "\\u0041",     "\\x41",
                                        "\\U0001F600", "\\N{DASH}",
                                        "\\0",         "\\",
                                        "a\\\nb",      "%s",
                                        "{}",          "{{title}}",
                                        "#{x}",        "a" RLO "b" PDF "c"};
  char s[64], name[48];
  unsigned long seed = 6789;
  size_t i, j, k, l, n, np;

  (void)state;
  for (l = 0; l < COUNT(langs); l++) {
    np = langs[l].any_bytes ? COUNT(pieces) : VALID_PIECES;
    check_lang(&langs[l], "a\0*\0/", 5, "NULs");
    for (i = 0; i < COUNT(phrases); i++)
      check_lang(&langs[l], phrases[i], strlen(phrases[i]), phrases[i]);
    for (i = 0; i < np; i++)
      for (j = 0; j < np; j++)
        for (k = 0; k < np; k++) {
          snprintf(s, sizeof s, "%s%s%s", pieces[i], pieces[j], pieces[k]);
          snprintf(name, sizeof name, "pieces %zu %zu %zu", i, j, k);
          check_lang(&langs[l], s, strlen(s), name);
          check_lang(&langs[l], s, strlen(pieces[i]) + strlen(pieces[j]), name);
        }
    for (i = 0; i < 5000; i++) {
      for (n = 0; n + 4 < sizeof s;) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        if ((seed >> 60) == 0)
          break;
        k = strlen(pieces[(seed >> 33) % np]);
        memcpy(s + n, pieces[(seed >> 33) % np], k);
        n += k;
      }
      snprintf(name, sizeof name, "random %zu", i);
      check_lang(&langs[l], s, n, name);
    }
  }
}

/* The hidden characters are found by the escapers' own list too. */
static void test_hidden_and_bidi(void **state)
{
  static const unsigned long bidi[] = {0x61c,  0x200e, 0x200f, 0x202a,
                                       0x202b, 0x202c, 0x202d, 0x202e,
                                       0x2066, 0x2067, 0x2068, 0x2069};
  static const unsigned long other[] = {0x85, 0x2028, 0x2029, 0xfeff};
  static const unsigned long neither[] = {0x20,   0x7f,   0xa0,   0x200b,
                                          0x200d, 0x2027, 0x202f, 0x2065,
                                          0x206a, 0xfffe, 0x1f600};
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(bidi); i++)
    assert_true(escape_is_bidi(bidi[i]) && escape_is_hidden(bidi[i]));
  for (i = 0; i < COUNT(other); i++)
    assert_true(!escape_is_bidi(other[i]) && escape_is_hidden(other[i]));
  for (i = 0; i < COUNT(neither); i++)
    assert_true(!escape_is_bidi(neither[i]) && !escape_is_hidden(neither[i]));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tables),
      cmocka_unit_test(test_c_round_trip),
      cmocka_unit_test(test_languages_round_trip),
      cmocka_unit_test(test_hidden_and_bidi),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
