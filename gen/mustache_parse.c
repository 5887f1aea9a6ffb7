/* mustache_parse: turns template text into the node array of
   mustache_tree.h. A hand-written scanner finds each tag, decides whether
   it stands alone on its line (and so takes the line's white space and
   line end with it), keeps its line and column, and checks names. Text
   nodes are slices of the template's own copy of the source. */
#include "mustache_tree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

#define NPOS ((size_t)-1)

/* An open container while its children are parsed. */
struct frame {
  size_t node;    /* index of the container node */
  size_t strip;   /* strip in force outside it */
  size_t ws_node; /* parent: the text node holding its indentation */
  const char *ws; /* white space before the opening tag (when left) */
  size_t ws_len;
  int left;    /* only white space before the opening tag */
  int right;   /* only white space after it */
  int crossed; /* a closing tag that matched nothing was reported in it */
};

/* One tag as scanned. */
struct tag {
  int sigil;        /* '!', '=', '{', '&', '#', '^', '/', '>', '<', '$'
                       or 0 for a variable */
  size_t start;     /* the opening delimiter */
  size_t end;       /* just past the closing delimiter */
  const char *body; /* what follows the sigil, trimmed */
  size_t body_len;
  unsigned line, col;
  int left, right; /* only white space before / after it on its line */
  size_t eol;      /* when right: just past the line end after it */
};

struct parser {
  struct mustache_template *t;
  struct diag *d;
  const char *src;
  size_t len;
  size_t cap, pcap; /* room in t->nodes and t->parts */
  const char *open, *close;
  size_t open_len, close_len;
  size_t cur;        /* bytes before cur are counted in line and col */
  size_t line_start; /* where the line holding cur starts */
  unsigned line, col;
  int clear;    /* only spaces and tabs from line_start to cur */
  int bol;      /* no node yet for the source line of the next node */
  size_t strip; /* leading white space dropped from each line here */
  struct frame stack[MUSTACHE_MAX_NESTING];
  unsigned depth;
  unsigned errors;
  int stop; /* give up: too deep, too many errors, unclosed tag */
};

static int is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int fail(struct parser *p, const struct tag *tg, const char *fmt, ...)
    DIAG_PRINTF(3, 4);

/* Adds an error at tg; -1. Messages are short (names are cut), so a fixed
   buffer holds them. */
static int fail(struct parser *p, const struct tag *tg, const char *fmt, ...)
{
  struct mark m;
  char msg[256];
  va_list ap;

  m.file = p->t->file;
  m.line = tg->line;
  m.col = tg->col;
  if (++p->errors >= MUSTACHE_MAX_ERRORS) {
    p->stop = 1;
    if (p->errors > MUSTACHE_MAX_ERRORS)
      return -1;
    return diag_error(p->d, &m,
                      "too many errors, giving up on this "
                      "template");
  }
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return diag_error(p->d, &m, "%s", msg);
}

/* Reports a problem with the name s (n bytes) of tg: fmt has one %s. */
static int fail_name(struct parser *p, const struct tag *tg, const char *fmt,
                     const char *s, size_t n)
{
  char shown[96];

  mustache_show(shown, sizeof shown, s, n);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
  return fail(p, tg, fmt, shown);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

/* The first occurrence of s (n bytes) at or after from; NPOS if none. */
static size_t find(const struct parser *p, size_t from, const char *s, size_t n)
{
  const char *at = p->src + from, *end = p->src + p->len;

  while ((size_t)(end - at) >= n) {
    at = memchr(at, s[0], (size_t)(end - at) - n + 1);
    if (!at)
      break;
    /* most delimiters are two bytes: no call to compare them */
    if (n == 1 || (at[1] == s[1] && (n == 2 || memcmp(at, s, n) == 0)))
      return (size_t)(at - p->src);
    at++;
  }
  return NPOS;
}

/* c when it is a tag's sigil, else 0 (a variable). */
static int sigil(char c)
{
  switch (c) {
  case '!':
  case '=':
  case '&':
  case '{':
  case '#':
  case '^':
  case '/':
  case '>':
  case '<':
  case '$': return c;
  default: return 0;
  }
}

/* Counts lines and columns up to to: whole lines by their line ends,
   then the characters of the last one. */
static void advance(struct parser *p, size_t to)
{
  const char *nl;

  if (p->cur >= to)
    return;
  while ((nl = memchr(p->src + p->cur, '\n', to - p->cur)) != NULL) {
    p->line++;
    p->col = 1;
    p->cur = p->line_start = (size_t)(nl - p->src) + 1;
    p->clear = 1;
  }
  for (; p->cur < to; p->cur++) {
    unsigned char c = (unsigned char)p->src[p->cur];

    if ((c & 0xC0) != 0x80)
      p->col++;
    if (c != ' ' && c != '\t')
      p->clear = 0;
  }
}

/* 1 when only spaces and tabs follow i up to a line end or the end of the
   template; *eol is then just past that line end. */
static int right_clear(const struct parser *p, size_t i, size_t *eol)
{
  while (i < p->len && (p->src[i] == ' ' || p->src[i] == '\t'))
    i++;
  *eol = i;
  if (i == p->len)
    return 1;
  if (p->src[i] == '\n')
    *eol = i + 1;
  else if (p->src[i] == '\r' && i + 1 < p->len && p->src[i + 1] == '\n')
    *eol = i + 2;
  else
    return 0;
  return 1;
}

/* Spaces and tabs at i. */
static size_t blanks(const struct parser *p, size_t i)
{
  size_t n = 0;

  while (i + n < p->len && (p->src[i + n] == ' ' || p->src[i + n] == '\t'))
    n++;
  return n;
}

/* The white space before tg on its line, less the stripped part. */
static void tag_indent(const struct parser *p, const struct tag *tg,
                       const char **s, size_t *n)
{
  size_t ws = tg->start - p->line_start;
  size_t cut = ws < p->strip ? ws : p->strip;

  *s = p->src + p->line_start + cut;
  *n = ws - cut;
}

/* The first '=' followed by the closing delimiter at or after i: the end
   of a delimiter change, whose new delimiters may hold the closing one
   ({{=[ ]=}}[=[[ ]]=]); NPOS if absent. */
static size_t change_end(const struct parser *p, size_t i)
{
  size_t k = i;

  while ((k = find(p, k, p->close, p->close_len)) != NPOS) {
    if (k > i && p->src[k - 1] == '=')
      return k - 1;
    k++;
  }
  return NPOS;
}

/* Where the closing delimiter of a tag whose body starts at i ends the
   body, for a sigil that must also end it ('}' or '='); NPOS if absent. */
static size_t body_end(struct parser *p, size_t i, int sigil, size_t *end)
{
  size_t k;

  if (sigil == '=') {
    k = change_end(p, i);
    if (k != NPOS)
      *end = k + 1 + p->close_len;
    return k;
  }
  k = find(p, i, p->close, p->close_len);
  if (k == NPOS)
    return NPOS;
  *end = k + p->close_len;
  if (sigil == '{') {
    if (k > i && p->src[k - 1] == '}')
      return k - 1;
    if (k + 1 + p->close_len <= p->len && p->src[k] == '}' &&
        memcmp(p->src + k + 1, p->close, p->close_len) == 0) {
      *end = k + 1 + p->close_len;
      return k;
    }
    return NPOS;
  }
  return k;
}

/* A tag whose body does not end as it should: a delimiter change without
   its last '=' is skipped (returns 1); anything else has no closing
   delimiter, and the parse stops (returns -1). */
static int bad_end(struct parser *p, struct tag *tg, size_t i)
{
  size_t k = find(p, i, p->close, p->close_len), n, w = 0;
  char want[40];

  if (tg->sigil == '=' && k != NPOS) {
    tg->end = k + p->close_len;
    tg->right = right_clear(p, tg->end, &tg->eol);
    fail_name(p, tg,
              "bad delimiter change '%s': it ends with '=' before the "
              "closing delimiter, as in {{=<%% %%>=}}",
              p->src + tg->start + p->open_len, k - tg->start - p->open_len);
    return 1;
  }
  if (tg->sigil == '{')
    want[w++] = '}';
  n = p->close_len < 30 ? p->close_len : 30;
  memcpy(want + w, p->close, n);
  want[w + n] = '\0';
  p->stop = 1;
  return fail(p, tg, "unclosed tag: missing '%s'", want);
}

/* Reads the tag whose opening delimiter is at at. Returns 0, 1 when the
   tag is malformed but the parse can go on past tg->end, -1 to stop. */
static int scan_tag(struct parser *p, size_t at, struct tag *tg)
{
  size_t i = at + p->open_len, stop;
  const char *b;

  advance(p, at);
  tg->start = at;
  tg->line = p->line;
  tg->col = p->col;
  tg->left = p->clear;
  while (i < p->len && is_space(p->src[i]))
    i++;
  tg->sigil = i < p->len ? sigil(p->src[i]) : 0;
  if (tg->sigil)
    i++;
  stop = body_end(p, i, tg->sigil, &tg->end);
  if (stop == NPOS)
    return bad_end(p, tg, i);
  b = p->src + i;
  while (b < p->src + stop && is_space(*b))
    b++;
  while (stop > (size_t)(b - p->src) && is_space(p->src[stop - 1]))
    stop--;
  tg->body = b;
  tg->body_len = stop - (size_t)(b - p->src);
  tg->right = right_clear(p, tg->end, &tg->eol);
  return 0;
}

/* Appends a node and returns its index. */
static size_t push(struct parser *p, int kind, const struct tag *tg)
{
  struct mustache_template *t = p->t;
  struct mustache_node *n;

  if (t->count == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 64;
    t->nodes = xrealloc(t->nodes, p->cap * sizeof *t->nodes);
  }
  n = &t->nodes[t->count];
  memset(n, 0, sizeof *n);
  n->kind = (unsigned char)kind;
  if (p->bol)
    n->flags = MUSTACHE_F_LINE;
  p->bol = 0;
  if (tg) {
    n->line = tg->line;
    n->col = tg->col;
    n->str = tg->body;
    n->len = tg->body_len;
  }
  return t->count++;
}

/* Node i is a standalone tag: its line is gone, so it starts none, and
   the text after it starts the next. */
static void alone(struct parser *p, size_t i)
{
  p->t->nodes[i].flags &= (unsigned char)~MUSTACHE_F_LINE;
  p->bol = 1;
}

/* A tag that renders nothing and has no node (a comment, a delimiter
   change, a closing tag): when it is the first thing on its line and the
   line goes on, an empty text node stands for it, so that the line is
   indented as the spec wants however the rest of it renders. */
static void mark_line(struct parser *p, const struct tag *tg, int standalone)
{
  size_t i;

  if (standalone) {
    p->bol = 1;
  } else if (p->bol) {
    i = push(p, MUSTACHE_N_TEXT, NULL);
    p->t->nodes[i].str = p->src + tg->start;
  }
}

static void push_text(struct parser *p, size_t a, size_t b)
{
  size_t i;

  if (a >= b)
    return;
  i = push(p, MUSTACHE_N_TEXT, NULL);
  p->t->nodes[i].str = p->src + a;
  p->t->nodes[i].len = b - a;
  p->bol = p->src[b - 1] == '\n';
}

/* Adds the text a..b, dropping up to strip blanks at each line start. */
static void emit_text(struct parser *p, size_t a, size_t b)
{
  if (!p->strip) {
    push_text(p, a, b);
    return;
  }
  while (a < b) {
    const char *nl;
    size_t e, n;

    if (a == 0 || p->src[a - 1] == '\n') {
      n = blanks(p, a);
      n = n < p->strip ? n : p->strip;
      a = a + n < b ? a + n : b;
    }
    nl = memchr(p->src + a, '\n', b - a);
    e = nl ? (size_t)(nl - p->src) + 1 : b;
    push_text(p, a, e);
    a = e;
  }
}

/* Adds the text before tg (up to its line start when it stands alone) and
   returns where the text after it starts. */
static size_t flush(struct parser *p, size_t text, const struct tag *tg,
                    int standalone)
{
  emit_text(p, text, standalone ? p->line_start : tg->start);
  return standalone ? tg->eol : tg->end;
}

static void add_part(struct parser *p, const char *s, size_t n)
{
  struct mustache_template *t = p->t;

  if (t->nparts == p->pcap) {
    p->pcap = p->pcap ? p->pcap * 2 : 32;
    t->parts = xrealloc(t->parts, p->pcap * sizeof *t->parts);
  }
  t->parts[t->nparts].s = s;
  t->parts[t->nparts].n = n;
  t->nparts++;
}

/* Checks that s (n bytes) is a name without white space: -1 if not. */
static int plain_name(struct parser *p, const struct tag *tg, const char *s,
                      size_t n)
{
  size_t i;

  if (!n)
    return fail(p, tg, "tag has no name");
  for (i = 0; i < n; i++)
    if (is_space(s[i]))
      return fail_name(p, tg, "bad name '%s'", s, n);
  return 0;
}

/* Splits the name of node i (a dotted name or ".") into parts. */
static int dotted(struct parser *p, const struct tag *tg, size_t i)
{
  const char *s = p->t->nodes[i].str, *dot;
  size_t n = p->t->nodes[i].len, first = p->t->nparts;

  if (plain_name(p, tg, s, n) < 0)
    return -1;
  p->t->nodes[i].part = first;
  if (n == 1 && s[0] == '.')
    return 0;
  while ((dot = memchr(s, '.', n)) != NULL) {
    if (dot == s)
      break;
    add_part(p, s, (size_t)(dot - s));
    n -= (size_t)(dot - s) + 1;
    s = dot + 1;
  }
  if (!n || dot) {
    p->t->nparts = first;
    return fail_name(p, tg, "bad name '%s'", p->t->nodes[i].str,
                     p->t->nodes[i].len);
  }
  add_part(p, s, n);
  p->t->nodes[i].nparts = p->t->nparts - first;
  return 0;
}

/* The name of a partial or parent: "*dotted" or a relative path. */
static int target(struct parser *p, const struct tag *tg, size_t i)
{
  struct mustache_node *n = &p->t->nodes[i];

  if (n->len && n->str[0] == '*') {
    n->flags |= MUSTACHE_F_DYNAMIC;
    n->str++;
    n->len--;
    while (n->len && is_space(n->str[0])) {
      n->str++;
      n->len--;
    }
    return dotted(p, tg, i);
  }
  if (plain_name(p, tg, n->str, n->len) < 0)
    return -1;
  if (!mustache_name_is_safe(n->str, n->len))
    return fail_name(p, tg, "partial '%s' is outside the templates folder",
                     n->str, n->len);
  return 0;
}

static const char *kind_word(int kind)
{
  switch (kind) {
  case MUSTACHE_N_INVERTED: return "inverted section";
  case MUSTACHE_N_BLOCK: return "block";
  case MUSTACHE_N_PARENT: return "parent";
  default: return "section";
  }
}

/* Opens a container for node i; -1 when nesting is too deep. */
static int open_frame(struct parser *p, const struct tag *tg, size_t i)
{
  struct frame *f;

  if (p->depth == MUSTACHE_MAX_NESTING) {
    p->stop = 1;
    return fail(p, tg, "sections nested too deep (limit %d)",
                MUSTACHE_MAX_NESTING);
  }
  f = &p->stack[p->depth++];
  memset(f, 0, sizeof *f);
  f->node = i;
  f->strip = p->strip;
  f->ws_node = NPOS;
  f->left = tg->left;
  f->right = tg->right;
  return 0;
}

/* {{=a b=}}: two delimiters, neither holding '=' (white space cannot be
   in them by construction). The spec forbids only '=' followed by the
   closing delimiter in force; we refuse every '=', which keeps the end of
   the next change plain to read. */
static size_t set_delimiters(struct parser *p, size_t text,
                             const struct tag *tg)
{
  const char *s = tg->body, *end = tg->body + tg->body_len, *a, *b, *why;
  struct buf fmt = BUF_INIT;
  size_t na = 0, nb = 0;

  a = s;
  while (s < end && !is_space(*s))
    s++;
  na = (size_t)(s - a);
  while (s < end && is_space(*s))
    s++;
  b = s;
  while (s < end && !is_space(*s))
    s++;
  nb = (size_t)(s - b);
  why = !na || !nb ? "give two delimiters, the opening one and the closing "
                     "one, with a space between, as in {{=<%% %%>=}}"
        : s != end ? "more than two delimiters: give the opening one and the "
                     "closing one, as in {{=<%% %%>=}}"
        : memchr(a, '=', na) || memchr(b, '=', nb)
            ? "a delimiter may not hold '='"
            : NULL;
  if (why) {
    buf_printf(&fmt, "bad delimiter change '%%s': %s", why);
    fail_name(p, tg, fmt.data, p->src + tg->start + p->open_len,
              tg->end - p->close_len - tg->start - p->open_len);
    buf_free(&fmt);
  } else {
    p->open = a;
    p->open_len = na;
    p->close = b;
    p->close_len = nb;
  }
  text = flush(p, text, tg, tg->left && tg->right);
  mark_line(p, tg, tg->left && tg->right);
  return text;
}

/* {{name}}, {{&name}}, {{{name}}}. */
static size_t variable(struct parser *p, size_t text, const struct tag *tg)
{
  size_t i;
  unsigned char c = tg->body_len ? (unsigned char)tg->body[0] : 'a';

  text = flush(p, text, tg, 0);
  i = push(p, tg->sigil ? MUSTACHE_N_RAW : MUSTACHE_N_VAR, tg);
  if (!tg->sigil && c < 0x80 && !(c >= '0' && c <= '9') &&
      !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_' &&
      c != '.' && c != '-') {
    char k[2];

    k[0] = (char)c;
    k[1] = '\0';
    fail(p, tg, "unknown tag kind '%s'", k);
    return text;
  }
  dotted(p, tg, i);
  return text;
}

/* {{#name}}, {{^name}}. */
static size_t section(struct parser *p, size_t text, const struct tag *tg)
{
  size_t i;

  text = flush(p, text, tg, tg->left && tg->right);
  i = push(p, tg->sigil == '#' ? MUSTACHE_N_SECTION : MUSTACHE_N_INVERTED, tg);
  if (tg->left && tg->right) {
    p->t->nodes[i].flags |= MUSTACHE_F_STANDALONE;
    alone(p, i);
  }
  dotted(p, tg, i);
  open_frame(p, tg, i);
  return text;
}

/* {{>name}}: a standalone partial is indented by its line's white space. */
static size_t partial(struct parser *p, size_t text, const struct tag *tg)
{
  int standalone = tg->left && tg->right;
  struct mustache_node *n;
  const char *ws;
  size_t i, ws_len;

  tag_indent(p, tg, &ws, &ws_len);
  text = flush(p, text, tg, standalone);
  i = push(p, MUSTACHE_N_PARTIAL, tg);
  target(p, tg, i);
  n = &p->t->nodes[i];
  if (standalone) {
    n->flags |= MUSTACHE_F_STANDALONE;
    n->indent = ws;
    n->indent_len = ws_len;
    alone(p, i);
  }
  return text;
}

/* {{<name}}: what it holds besides blocks is ignored, so the pair stands
   alone as one tag would: white space only before the opening tag and
   after the closing one. The white space before goes in a node of its
   own, dropped at the close if the pair stands alone. */
static size_t parent(struct parser *p, size_t text, const struct tag *tg)
{
  const char *ws = NULL;
  size_t i, ws_len = 0, ws_node = NPOS;

  if (tg->left) {
    emit_text(p, text, p->line_start);
    tag_indent(p, tg, &ws, &ws_len);
    if (ws_len) {
      ws_node = push(p, MUSTACHE_N_TEXT, NULL);
      p->t->nodes[ws_node].str = ws;
      p->t->nodes[ws_node].len = ws_len;
    }
  } else {
    emit_text(p, text, tg->start);
  }
  i = push(p, MUSTACHE_N_PARENT, tg);
  target(p, tg, i);
  if (open_frame(p, tg, i) == 0) {
    p->stack[p->depth - 1].ws = ws;
    p->stack[p->depth - 1].ws_len = ws_len;
    p->stack[p->depth - 1].ws_node = ws_node;
  }
  return tg->end;
}

/* {{$name}}. Inside a parent it is an argument: it stands alone when only
   white space follows it. Elsewhere it is a parameter, standalone as any
   section. Either way, when its line end is dropped, the next line's white
   space is the content's own indentation: it is stripped from every line
   of the content, and a parameter indents whatever fills it by as much. */
static size_t block(struct parser *p, size_t text, const struct tag *tg)
{
  int arg = p->depth &&
            p->t->nodes[p->stack[p->depth - 1].node].kind == MUSTACHE_N_PARENT;
  int standalone = arg ? tg->right : tg->left && tg->right;
  size_t i, own, strip = p->strip;
  struct frame *f;

  if (arg)
    emit_text(p, text, tg->start);
  else
    flush(p, text, tg, standalone);
  i = push(p, MUSTACHE_N_BLOCK, tg);
  if (plain_name(p, tg, tg->body, tg->body_len) < 0 || open_frame(p, tg, i))
    return standalone ? tg->eol : tg->end;
  f = &p->stack[p->depth - 1];
  if (tg->left && !arg)
    tag_indent(p, tg, &f->ws, &f->ws_len);
  if (standalone) {
    own = blanks(p, tg->eol);
    alone(p, i);
    if (!arg) {
      p->t->nodes[i].flags |= MUSTACHE_F_STANDALONE;
      p->t->nodes[i].indent = p->src + tg->eol + (own > strip ? strip : own);
      p->t->nodes[i].indent_len = own > strip ? own - strip : 0;
    }
    if (own > strip)
      p->strip = own;
  }
  return standalone ? tg->eol : tg->end;
}

/* 1 when the closing name s (n bytes, dyn: it had a '*') closes f. */
static int closes(const struct parser *p, const struct frame *f, int dyn,
                  const char *s, size_t n)
{
  const struct mustache_node *o = &p->t->nodes[f->node];

  return !(o->flags & MUSTACHE_F_DYNAMIC) == !dyn && o->len == n &&
         memcmp(o->str, s, n) == 0;
}

/* Ends the innermost container at the closing tag tg. */
static size_t end_frame(struct parser *p, size_t text, const struct tag *tg)
{
  struct frame *f = &p->stack[p->depth - 1];
  size_t i = f->node;
  int kind = p->t->nodes[i].kind;
  int arg = p->depth > 1 && p->t->nodes[f[-1].node].kind == MUSTACHE_N_PARENT;

  if (kind == MUSTACHE_N_PARENT) {
    emit_text(p, text, tg->start);
    text = tg->end;
    p->bol = 0;
    if (f->left && tg->right) {
      if (f->ws_node != NPOS) {
        p->t->nodes[f->ws_node].len = 0;
        p->t->nodes[f->ws_node].flags |= MUSTACHE_F_STANDALONE;
        alone(p, f->ws_node);
      }
      p->t->nodes[i].flags |= MUSTACHE_F_STANDALONE;
      p->t->nodes[i].indent = f->ws;
      p->t->nodes[i].indent_len = f->ws_len;
      alone(p, i);
      text = tg->eol;
    }
  } else if (kind == MUSTACHE_N_BLOCK && arg) {
    emit_text(p, text, tg->left ? p->line_start : tg->start);
    text = tg->end;
    p->bol = 0;
  } else {
    text = flush(p, text, tg, tg->left && tg->right);
    mark_line(p, tg, tg->left && tg->right);
    if (kind == MUSTACHE_N_BLOCK && f->left && tg->right &&
        !(p->t->nodes[i].flags & MUSTACHE_F_STANDALONE)) {
      p->t->nodes[i].indent = f->ws;
      p->t->nodes[i].indent_len = f->ws_len;
    }
  }
  p->t->nodes[i].end = p->t->count;
  p->strip = f->strip;
  p->depth--;
  return text;
}

/* {{/name}}: closes the innermost container, which must have that name. */
static size_t close_tag(struct parser *p, size_t text, const struct tag *tg)
{
  const char *s = tg->body;
  size_t n = tg->body_len, j;
  int dyn = n && s[0] == '*';
  char a[96], b[96];
  const struct mustache_node *o;

  if (dyn) {
    for (s++, n--; n && is_space(*s); s++, n--)
      ;
  }
  if (!p->depth) {
    fail_name(p, tg, "closing '%s' without an open section", tg->body,
              tg->body_len);
    return flush(p, text, tg, tg->left && tg->right);
  }
  for (j = p->depth; j-- > 0;)
    if (closes(p, &p->stack[j], dyn, s, n))
      break;
  if (j != p->depth - 1) {
    o = &p->t->nodes[p->stack[p->depth - 1].node];
    mustache_show(a, sizeof a, tg->body, tg->body_len);
    b[0] = '*';
    mustache_show(b + 1, sizeof b - 1, o->str, o->len);
    fail(p, tg, "closing '%s' does not match open %s '%s' (opened at %u:%u)", a,
         kind_word(o->kind), b + !(o->flags & MUSTACHE_F_DYNAMIC), o->line,
         o->col);
    if (j == NPOS) { /* it stays open; its end is not reported again */
      p->stack[p->depth - 1].crossed = 1;
      return flush(p, text, tg, 0);
    }
    while (p->depth - 1 > j)
      text = end_frame(p, text, tg);
  }
  return end_frame(p, text, tg);
}

static size_t handle(struct parser *p, size_t text, const struct tag *tg)
{
  switch (tg->sigil) {
  case '!':
    text = flush(p, text, tg, tg->left && tg->right);
    mark_line(p, tg, tg->left && tg->right);
    return text;
  case '=': return set_delimiters(p, text, tg);
  case '#':
  case '^': return section(p, text, tg);
  case '/': return close_tag(p, text, tg);
  case '>': return partial(p, text, tg);
  case '<': return parent(p, text, tg);
  case '$': return block(p, text, tg);
  default: return variable(p, text, tg);
  }
}

static void run(struct parser *p)
{
  size_t text = 0, at, i;
  struct tag tg;
  int r;

  while (!p->stop) {
    at = find(p, text, p->open, p->open_len);
    if (at == NPOS)
      break;
    r = scan_tag(p, at, &tg);
    if (r < 0)
      return;
    text = r ? flush(p, text, &tg, 0) : handle(p, text, &tg);
  }
  if (p->stop)
    return;
  emit_text(p, text, p->len);
  for (i = 0; i < p->depth; i++) {
    const struct mustache_node *o = &p->t->nodes[p->stack[i].node];
    char a[96];

    if (p->stack[i].crossed)
      continue;
    tg.line = o->line;
    tg.col = o->col;
    a[0] = '*';
    mustache_show(a + 1, sizeof a - 1, o->str, o->len);
    fail(p, &tg, "unclosed %s '%s'", kind_word(o->kind),
         a + !(o->flags & MUSTACHE_F_DYNAMIC));
  }
}

struct mustache_template *mustache_tree_parse(const char *file, const char *src,
                                              size_t len, struct diag *d)
{
  struct mustache_template *t = xcalloc(1, sizeof *t);
  struct parser p;

  t->file = xstrndup(file, strlen(file));
  t->src = xstrndup(src, len);
  t->len = len;
  memset(&p, 0, sizeof p);
  p.t = t;
  p.d = d;
  p.src = t->src;
  p.len = len;
  p.open = "{{";
  p.open_len = 2;
  p.close = "}}";
  p.close_len = 2;
  p.line = 1;
  p.col = 1;
  p.clear = 1;
  p.bol = 1;
  run(&p);
  if (p.errors) {
    mustache_tree_free(t);
    return NULL;
  }
  return t;
}

void mustache_tree_free(struct mustache_template *t)
{
  if (!t)
    return;
  free(t->nodes);
  free(t->parts);
  free(t->src);
  free(t->file);
  free(t);
}
