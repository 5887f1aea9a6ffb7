/* test_mustache: the template engine. Table rows {name, template, data,
   expected, partials} cover each module of the Mustache spec in cases of
   our own, then every diagnostic with its whole text and position, then
   the hostile inputs: nesting and recursion past their bounds, a 1 MB
   template, and an allocation count. Data is inline YAML read with the
   project's loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "loader.h"
#include "mustache.h"
#include "value_data.h"
#include "xmem.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Test data is trusted and some of it nests deeply on purpose. */
static const struct loader_limits limits = {1000, (size_t)64 << 20,
                                            (size_t)16 << 20, (size_t)16 << 20};

/* A partial source that makes the callback answer MUSTACHE_FORBIDDEN. */
static const char forbid[] = "(forbidden)";

struct row {
  const char *name;
  const char *tmpl;
  const char *data;        /* YAML */
  const char *want;        /* output, or every diagnostic, one per line */
  const char *partials[9]; /* name, source, ..., NULL */
};

/* The partial callback over a row's partials (closure). */
static enum mustache_found table_partial(void *closure, const char *name,
                                         size_t len,
                                         struct mustache_source *src)
{
  const char *const *p = closure;

  for (; p && p[0]; p += 2) {
    if (strlen(p[0]) != len || memcmp(p[0], name, len) != 0)
      continue;
    if (p[1] == forbid)
      return MUSTACHE_FORBIDDEN;
    src->bytes = p[1];
    src->len = strlen(p[1]);
    src->file = NULL;
    return MUSTACHE_FOUND;
  }
  return MUSTACHE_NOT_FOUND;
}

/* Appends s with its control characters as escapes, for messages. */
static const char *visible(struct buf *b, const char *s, size_t n)
{
  size_t i;

  buf_clear(b);
  for (i = 0; i < n; i++) {
    if (s[i] == '\n')
      buf_puts(b, "\\n");
    else if (s[i] == '\r')
      buf_puts(b, "\\r");
    else if (s[i] == '\t')
      buf_puts(b, "\\t");
    else
      buf_putc(b, s[i]);
  }
  return b->data;
}

/* How a run's data finds names: by key text alone (value_data's lookup),
   or resolved once through shapes, which every mapping has, or only those
   with an odd number of keys (the others go through lookup), or none. */
enum names { BY_LOOKUP, BY_SHAPES, BY_SOME_SHAPES, BY_NO_SHAPES };
#define NAMES_MODES 4
static const char *const names_word[NAMES_MODES] = {
    "by lookup", "by shapes", "by some shapes", "by no shapes"};

/* Shapes of the test provider: the first mapping met with each list of
   keys (in order). A shape's number is not its index, and a field's
   number tells its shape, so that field() can check that the engine hands
   it a field of the value's own shape. */
#define MAX_SHAPES 64
#define SHAPE_NUMBER(i) (3 * (i) + 2)
#define FIELD_NUMBER(shape, k) ((shape)*1000 + (k))

struct shaped {
  enum names mode;
  const struct value *kind[MAX_SHAPES];
  int nkinds;
  unsigned long resolves, lookups;
};

static int same_keys(const struct value *a, const struct value *b)
{
  size_t i;

  if (a->len != b->len)
    return 0;
  for (i = 0; i < a->len; i++) {
    const struct value *x = &a->as.items[2 * i], *y = &b->as.items[2 * i];

    if (!x->str || !y->str || x->len != y->len ||
        memcmp(x->str, y->str, x->len) != 0)
      return 0;
  }
  return 1;
}

static int shaped_shape(void *closure, struct mustache_value v)
{
  struct shaped *s = closure;
  const struct value *m = v.ptr;
  int i;

  if (!m || m->kind != VALUE_MAP || s->mode == BY_NO_SHAPES ||
      (s->mode == BY_SOME_SHAPES && m->len % 2 == 0))
    return -1;
  for (i = 0; i < s->nkinds; i++)
    if (same_keys(s->kind[i], m))
      return SHAPE_NUMBER(i);
  if (s->nkinds == MAX_SHAPES)
    fail_msg("test data has more than %d shapes", MAX_SHAPES);
  s->kind[s->nkinds] = m;
  return SHAPE_NUMBER(s->nkinds++);
}

static int shaped_resolve(void *closure, int shape, const char *key, size_t len)
{
  struct shaped *s = closure;
  const struct value *m;
  size_t k;

  s->resolves++;
  if (shape < 2 || (shape - 2) % 3 || (shape - 2) / 3 >= s->nkinds)
    fail_msg("resolve asked of shape %d, which was never given", shape);
  m = s->kind[(shape - 2) / 3];
  for (k = 0; k < m->len && k < 1000; k++) {
    const struct value *x = &m->as.items[2 * k];

    if (x->str && x->len == len && memcmp(x->str, key, len) == 0)
      return FIELD_NUMBER(shape, (int)k);
  }
  return -1;
}

static struct mustache_value shaped_field(void *closure,
                                          struct mustache_value v, int f)
{
  const struct value *m = v.ptr;

  if (shaped_shape(closure, v) != f / 1000)
    fail_msg("field %d asked of a mapping of shape %d", f,
             shaped_shape(closure, v));
  return value_data_of(&m->as.items[2 * (f % 1000) + 1]);
}

/* value_data's lookup, counted; never asked of a mapping with a shape. */
static int shaped_lookup(void *closure, struct mustache_value ctx,
                         const char *key, size_t len,
                         struct mustache_value *out)
{
  struct shaped *s = closure;

  s->lookups++;
  if (s->mode != BY_LOOKUP && shaped_shape(closure, ctx) >= 0)
    fail_msg("lookup asked of a mapping that has a shape");
  return value_data_interface.lookup(NULL, ctx, key, len, out);
}

/* A view of root that finds names as mode says, through s and data. */
static struct mustache_view view_by(enum names mode, const struct value *root,
                                    struct shaped *s,
                                    struct mustache_data *data)
{
  struct mustache_view view = value_data_view(root);

  memset(s, 0, sizeof *s);
  s->mode = mode;
  *data = value_data_interface;
  data->lookup = shaped_lookup;
  if (mode != BY_LOOKUP) {
    data->shape = shaped_shape;
    data->resolve = shaped_resolve;
    data->field = shaped_field;
  }
  view.data = data;
  view.closure = s;
  return view;
}

/* Renders r's template against its data, finding names as mode says,
   within a budget of steps and bytes (0: the default): the output, or the
   diagnostics joined by newlines when there are any. */
static void run_budget(const struct row *r, int lenient, enum names mode,
                       unsigned long steps, size_t bytes, struct buf *out)
{
  struct diag *d = diag_new();
  struct value_tree *data =
      loader_load_bytes("data.yaml", r->data, strlen(r->data), &limits, d);
  struct mustache_config cfg;
  struct mustache_set *set;
  const struct mustache_template *t;
  struct mustache_view view;
  struct mustache_data callbacks;
  struct shaped shapes;
  size_t i;

  if (!data)
    fail_msg("%s: bad test data: %s", r->name, diag_message(d, 0));
  memset(&cfg, 0, sizeof cfg);
  cfg.partial = table_partial;
  cfg.closure = (void *)r->partials;
  cfg.lenient = lenient;
  cfg.max_steps = steps;
  cfg.max_bytes = bytes;
  set = mustache_set_new(&cfg);
  view = view_by(mode, value_tree_root(data), &shapes, &callbacks);
  t = mustache_set_parse(set, "t.mustache", r->tmpl, strlen(r->tmpl), d);
  if (t && mustache_render(set, t, &view, escape_html, out, d) < 0 &&
      !diag_count(d))
    buf_puts(out, "(failed without a message)");
  if (diag_count(d))
    buf_clear(out);
  for (i = 0; i < diag_count(d); i++)
    buf_printf(out, "%s%s", i ? "\n" : "", diag_message(d, i));
  mustache_set_free(set);
  value_tree_free(data);
  diag_free(d);
}

static void run(const struct row *r, int lenient, struct buf *out)
{
  run_budget(r, lenient, BY_LOOKUP, 0, 0, out);
}

/* Runs every row, its names found each way, prints each that fails, then
   fails if any did. */
static void check(const struct row *rows, size_t n, int lenient)
{
  struct buf out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
  size_t i, failed = 0;
  int mode;

  for (i = 0; i < n; i++)
    for (mode = 0; mode < NAMES_MODES; mode++) {
      buf_clear(&out);
      run_budget(&rows[i], lenient, (enum names)mode, 0, 0, &out);
      if (strcmp(out.data, rows[i].want) == 0)
        continue;
      print_error("%s (names %s)\n  want: %s\n  got:  %s\n", rows[i].name,
                  names_word[mode],
                  visible(&a, rows[i].want, strlen(rows[i].want)),
                  visible(&b, out.data, out.len));
      failed++;
    }
  buf_free(&out);
  buf_free(&a);
  buf_free(&b);
  if (failed)
    fail_msg("%zu of %zu runs failed", failed, n * NAMES_MODES);
}

static const struct row comments[] = {
    {"comment inside a line", "ab{{! note }}cd", "{}", "abcd", {NULL}},
    {"comment alone on its line",
     "x\n  {{! gone }}\ny\n",
     "{}",
     "x\ny\n",
     {NULL}},
    {"comment over several lines",
     "x\n{{!\n one\n two\n}}\ny",
     "{}",
     "x\ny",
     {NULL}},
    {"comment on the last line", "x\n {{! end }}", "{}", "x\n", {NULL}},
    {"comment on the first line", " {{! top }}\nx", "{}", "x", {NULL}},
    {"comment keeps the spaces around it",
     " a {{!c}} \n",
     "{}",
     " a  \n",
     {NULL}},
    {"comment line with CRLF", "a\r\n{{! c }}\r\nb", "{}", "a\r\nb", {NULL}},
    {"comment names nothing", "<{{! v }}>", "{v: 1, '! v': 2}", "<>", {NULL}},
};

static const struct row delimiters[] = {
    {"new delimiters", "{{=[[ ]]=}}[[x]]-{{x}}", "{x: 1}", "1-{{x}}", {NULL}},
    {"delimiters with padding", "{{= <% %> =}}<% x %>", "{x: 1}", "1", {NULL}},
    {"delimiters last into sections",
     "{{=| |=}}|#s|[|v|]|/s|",
     "{s: true, v: z}",
     "[z]",
     {NULL}},
    {"delimiters do not reach a partial",
     "{{=< >=}}<>p>",
     "{v: ok}",
     "ok",
     {"p", "{{v}}", NULL}},
    {"delimiters set in a partial stay there",
     "{{>p}}{{v}}",
     "{v: ok}",
     "okok",
     {"p", "{{=< >=}}<v>", NULL}},
    {"delimiter tag alone on its line",
     "a\n   {{=< >=}}\n<v>\n",
     "{v: ok}",
     "a\nok\n",
     {NULL}},
    {"triple braces with other delimiters",
     "{{=<% %>=}}<%{v}%>",
     "{v: <b>}",
     "<b>",
     {NULL}},
    {"one-character delimiters",
     "{{=( )=}}(v)(#s)!(/s)",
     "{v: 1, s: true}",
     "1!",
     {NULL}},
    {"new delimiters holding the closing one",
     "{{=[ ]=}}[=[[ ]]=][[x]]",
     "{x: X}",
     "X",
     {NULL}},
    {"the closing one twice over",
     "{{=| |=}}|=|| ||=|||x||",
     "{x: X}",
     "X",
     {NULL}},
    {"a change ends at the first '=' and closing delimiter",
     "{{=<% %>=}}<%=a b=%>c=%>axb",
     "{x: X}",
     "c=%>X",
     {NULL}},
};

static const struct row interpolation[] = {
    {"escaped for HTML",
     "{{v}}",
     "{v: \"a&b<c>\\\"d'\"}",
     "a&amp;b&lt;c&gt;&quot;d&#39;",
     {NULL}},
    {"triple braces stay raw",
     "{{{v}}}",
     "{v: \"<a & b>\"}",
     "<a & b>",
     {NULL}},
    {"ampersand stays raw", "{{& v}}", "{v: \"<a & b>\"}", "<a & b>", {NULL}},
    {"integers", "{{a}} {{b}}", "{a: 42, b: -7}", "42 -7", {NULL}},
    {"floats in their shortest form",
     "{{f}}|{{g}}|{{h}}",
     "{f: 2.50, g: 0.1, h: 1.0e3}",
     "2.5|0.1|1000",
     {NULL}},
    {"null prints nothing", "[{{n}}][{{{n}}}]", "{n: null}", "[][]", {NULL}},
    {"a missing name prints nothing",
     "[{{nope}}][{{&nope}}]",
     "{}",
     "[][]",
     {NULL}},
    {"booleans", "{{t}} {{f}}", "{t: true, f: false}", "true false", {NULL}},
    {"dotted names", "{{a.b.c}}", "{a: {b: {c: deep}}}", "deep", {NULL}},
    {"a broken chain is empty",
     "[{{a.x.c}}]",
     "{a: {b: 1}, x: {c: 2}}",
     "[]",
     {NULL}},
    {"only the first part walks the stack",
     "{{#inner}}[{{a.b}}]{{/inner}}",
     "{a: {b: outer}, inner: {a: {c: 1}}}",
     "[]",
     {NULL}},
    {"a dotted name is never one key", "[{{a.b}}]", "{a.b: x}", "[]", {NULL}},
    {"the root as implicit iterator", "{{.}}!", "hello", "hello!", {NULL}},
    {"padding inside tags",
     "{{ v }}|{{{ v }}}|{{& v }}",
     "{v: x}",
     "x|x|x",
     {NULL}},
    {"interpolation is never standalone",
     "  {{v}}\n",
     "{v: x}",
     "  x\n",
     {NULL}},
    {"output is not parsed again",
     "{{v}}",
     "{v: '{{w}}', w: no}",
     "{{w}}",
     {NULL}},
    {"UTF-8 passes through",
     "{{v}}",
     "{v: \"\xc3\xa9\xe2\x82\xac\"}",
     "\xc3\xa9\xe2\x82\xac",
     {NULL}},
};

static const struct row sections[] = {
    {"truthy and falsey",
     "{{#t}}yes{{/t}}{{#f}}no{{/f}}",
     "{t: true, f: false}",
     "yes",
     {NULL}},
    {"null and empty text are falsey",
     "[{{#n}}no{{/n}}{{#e}}no{{/e}}]",
     "{n: null, e: ''}",
     "[]",
     {NULL}},
    {"zero is truthy", "{{#z}}zero{{/z}}", "{z: 0}", "zero", {NULL}},
    {"a mapping is pushed", "{{#m}}{{k}}{{/m}}", "{m: {k: v}}", "v", {NULL}},
    {"a list repeats",
     "{{#l}}<{{x}}>{{/l}}",
     "{l: [{x: 1}, {x: 2}]}",
     "<1><2>",
     {NULL}},
    {"an empty list is falsey", "[{{#l}}x{{/l}}]", "{l: []}", "[]", {NULL}},
    {"outer names stay visible",
     "{{#l}}{{x}}{{y}},{{/l}}",
     "{y: Y, l: [{x: 1}, {x: 2, y: Z}]}",
     "1Y,2Z,",
     {NULL}},
    {"implicit iterator over scalars",
     "{{#l}}({{.}}){{/l}}",
     "{l: [a, 1, 1.5, true]}",
     "(a)(1)(1.5)(true)",
     {NULL}},
    {"implicit iterator over lists",
     "{{#l}}[{{#.}}{{.}}{{/.}}]{{/l}}",
     "{l: [[1, 2], [3]]}",
     "[12][3]",
     {NULL}},
    {"a scalar is pushed too",
     "{{#s}}{{.}}/{{s}}{{/s}}",
     "{s: hi}",
     "hi/hi",
     {NULL}},
    {"dotted section names",
     "{{#a.b}}in{{/a.b}}{{#a.c}}out{{/a.c}}",
     "{a: {b: true}}",
     "in",
     {NULL}},
    {"three levels of context",
     "{{#a}}{{#b}}{{#c}}{{x}}{{y}}{{z}}{{/c}}{{/b}}{{/a}}",
     "{a: {x: 1, b: {y: 2, c: {z: 3}}}}",
     "123",
     {NULL}},
    {"standalone section lines go",
     "a\n  {{#t}}\nb\n  {{/t}}\nc\n",
     "{t: true}",
     "a\nb\nc\n",
     {NULL}},
    {"standalone lines with CRLF",
     "a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n",
     "{t: true}",
     "a\r\nb\r\n",
     {NULL}},
    {"standalone first and last lines",
     "  {{#t}}\nx\n{{/t}}",
     "{t: true}",
     "x\n",
     {NULL}},
    {"two tags on a line are not standalone",
     "{{#t}}{{/t}}\n",
     "{t: true}",
     "\n",
     {NULL}},
    {"text beside a tag keeps its line",
     " {{#t}}y{{/t}}\n",
     "{t: true}",
     " y\n",
     {NULL}},
};

static const struct row inverted[] = {
    {"false, missing and empty",
     "{{^f}}1{{/f}}{{^m}}2{{/m}}{{^l}}3{{/l}}"
     "{{^t}}4{{/t}}",
     "{f: false, l: [], t: true}",
     "123",
     {NULL}},
    {"a list hides it", "[{{^l}}none{{/l}}]", "{l: [1]}", "[]", {NULL}},
    {"standalone inverted lines",
     "a\n{{^f}}\nb\n{{/f}}\n",
     "{f: false}",
     "a\nb\n",
     {NULL}},
    {"inverted dotted names",
     "{{^a.b}}no b{{/a.b}}",
     "{a: {c: 1}}",
     "no b",
     {NULL}},
};

static const struct row partials[] = {
    {"a partial sees the context",
     "{{#p}}{{>card}}{{/p}}",
     "{p: {n: x}}",
     "<x>",
     {"card", "<{{n}}>", NULL}},
    {"a missing partial is empty", "[{{>nope}}]", "{}", "[]", {NULL}},
    {"a recursive partial over a tree",
     "{{>node}}",
     "{v: 1, kids: [{v: 2, kids: [{v: 3, kids: []}]}]}",
     "1(2(3()))",
     {"node", "{{v}}({{#kids}}{{>node}}{{/kids}})", NULL}},
    {"partials in partials",
     "{{>a}}",
     "{}",
     "[(b)]",
     {"a", "[{{>b}}]", "b", "(b)", NULL}},
    {"a standalone partial indents its lines",
     "list:\n    {{>items}}\nend\n",
     "{}",
     "list:\n    a\n    b\nend\n",
     {"items", "a\nb\n", NULL}},
    {"values are not indented inside",
     "  {{>p}}\n",
     "{v: \"x\\ny\"}",
     "  [x\ny]\n",
     {"p", "[{{{v}}}]\n", NULL}},
    {"an inline partial is not indented",
     "  x {{>p}}\n",
     "{}",
     "  x a\nb\n",
     {"p", "a\nb", NULL}},
    {"indentation adds up",
     "  {{>outer}}\n",
     "{}",
     "  o\n    i1\n    i2\n",
     {"outer", "o\n  {{>inner}}\n", "inner", "i1\ni2\n", NULL}},
    {"empty lines stay empty",
     "  {{>p}}\n",
     "{}",
     "  a\n\n  b\n",
     {"p", "a\n\nb\n", NULL}},
    {"a last-line partial",
     "x\n  {{>p}}",
     "{}",
     "x\n  1\n  2",
     {"p", "1\n2", NULL}},
    {"a partial line with CRLF",
     "a\r\n{{>p}}\r\nb",
     "{}",
     "a\r\nPb",
     {"p", "P", NULL}},
    {"partial names with folders",
     "{{> c/lookup }}",
     "{}",
     "L",
     {"c/lookup", "L", NULL}},
    {"a dynamic partial",
     "{{>*which}}",
     "{which: card, n: 5}",
     "<5>",
     {"card", "<{{n}}>", NULL}},
    {"a dynamic dotted name",
     "{{> * a.b }}",
     "{a: {b: card}}",
     "<>",
     {"card", "<>", NULL}},
    {"a missing dynamic name is empty",
     "[{{>*nope}}]",
     "{}",
     "[]",
     {"nope", "no", NULL}},
    {"a dynamic name is looked up once",
     "[{{>**x}}]",
     "{x: card}",
     "[]",
     {"card", "no", NULL}},
    {"a dynamic partial in a loop",
     "{{#l}}{{>*kind}}{{/l}}",
     "{l: [{kind: a}, {kind: b}, {kind: a}]}",
     "ABA",
     {"a", "A", "b", "B", NULL}},
    {"a standalone dynamic partial",
     "  {{>*w}}\n",
     "{w: p}",
     "  1\n  2\n",
     {"p", "1\n2\n", NULL}},
    {"an inline partial starting an indented line",
     "  {{>a}}\n",
     "{}",
     "  X.\n",
     {"a", "{{>b}}.\n", "b", "X", NULL}},
    {"an inline partial's own lines are not indented",
     "  {{>a}}\n",
     "{v: A}",
     "  X\nY\nA\n",
     {"a", "{{>b}}{{v}}\n", "b", "X\nY\n", NULL}},
    {"an inline partial after a value",
     "  {{>a}}\n",
     "{v: A}",
     "  AX\nY.\n",
     {"a", "{{v}}{{>b}}.\n", "b", "X\nY", NULL}},
    {"an empty tag's line goes on",
     " {{>p}}\na",
     "{}",
     " a",
     {"p", "{{c}}", NULL}},
    {"an empty section's line goes on",
     " {{>p}}\na",
     "{f: false}",
     " x\n a",
     {"p", "x\n{{#f}}y{{/f}}", NULL}},
    {"a comment's line goes on",
     " {{>p}}\na",
     "{}",
     " a",
     {"p", "{{!c}}{{!d}}", NULL}},
    {"a delimiter change's line goes on",
     " {{>p}}\na",
     "{}",
     " a",
     {"p", "{{=< >=}}<={{ }}=>", NULL}},
    {"a standalone line does not go on",
     " {{>p}}\na",
     "{s: true}",
     " x\na",
     {"p", "x\n{{#s}}\n{{/s}}", NULL}},
    {"a closing tag's indentation is inside its section",
     " {{>p}}\n",
     "{s: [1, 2]}",
     " x\n  x\n y",
     {"p", "{{#s}}\nx\n{{/s}}y", NULL}},
    {"and goes with it",
     " {{>p}}\n",
     "{s: false}",
     "y",
     {"p", "{{#s}}\nx\n{{/s}}y", NULL}},
    {"an opening tag's indentation is outside",
     " {{>p}}\n",
     "{s: [1, 2]}",
     " x\nx\n",
     {"p", "{{#s}}x\n{{/s}}", NULL}},
    {"an inverted closing tag's too",
     " {{>p}}\n",
     "{}",
     " x\n y",
     {"p", "{{^f}}\nx\n{{/f}}y", NULL}},
    {"lines of a partial without a line end",
     "{{#l}}\n  {{>p}}\n{{/l}}",
     "{l: [1, 2]}",
     "  1  2",
     {"p", "{{.}}", NULL}},
    /* Our rule where the spec differs: indentation followed at once by a
       line end or the end of the output is left out (spec: " ", " \na"). */
    {"no trailing blanks at the end",
     " {{>p}}\n",
     "{}",
     "",
     {"p", "{{c}}", NULL}},
    {"no trailing blanks before a line end",
     " {{>p}}\n\na",
     "{}",
     "\na",
     {"p", "{{c}}", NULL}},
    {"no trailing blanks before a value's line end",
     " {{>p}}\n",
     "{v: \"\\nx\"}",
     "\nx",
     {"p", "{{v}}", NULL}},
};

static const struct row inheritance[] = {
    {"a block's default", "{{$b}}dflt{{/b}}", "{}", "dflt", {NULL}},
    {"an override",
     "{{<base}}{{$title}}Mine{{/title}}{{/base}}",
     "{}",
     "<Mine>",
     {"base", "<{{$title}}Base{{/title}}>", NULL}},
    {"no override",
     "{{<base}}{{/base}}",
     "{}",
     "<Base>",
     {"base", "<{{$title}}Base{{/title}}>", NULL}},
    {"text inside a parent is ignored",
     "{{<base}}junk{{$t}}x{{/t}}junk{{/base}}",
     "{}",
     "x",
     {"base", "{{$t}}d{{/t}}", NULL}},
    {"the outermost override wins",
     "{{<mid}}{{$a}}top{{/a}}{{/mid}}",
     "{}",
     "top",
     {"mid", "{{<low}}{{$a}}mid{{/a}}{{/low}}", "low", "{{$a}}low{{/a}}",
      NULL}},
    {"overrides pass through",
     "{{<mid}}{{/mid}}",
     "{}",
     "mid",
     {"mid", "{{<low}}{{$a}}mid{{/a}}{{/low}}", "low", "{{$a}}low{{/a}}",
      NULL}},
    {"an override renders in the parent's context",
     "{{<base}}{{$b}}{{v}}{{/b}}{{/base}}",
     "{v: outer, s: {v: inner}}",
     "inner",
     {"base", "{{#s}}{{$b}}{{/b}}{{/s}}", NULL}},
    {"a standalone parent is indented",
     "a\n  {{<base}}\n  {{/base}}\n",
     "{}",
     "a\n  x\n  y\n",
     {"base", "x\ny\n", NULL}},
    {"an inline block keeps its line",
     "{{<p}}{{$b}}o{{/b}}{{/p}}",
     "{}",
     "<o>\n",
     {"p", "<{{$b}}d{{/b}}>\n", NULL}},
    {"an override takes the block's indentation",
     "{{<p}}\n{{$body}}\nreturn 1;\n{{/body}}\n{{/p}}\n",
     "{}",
     "f() {\n    return 1;\n}\n",
     {"p", "f() {\n    {{$body}}\n    {{/body}}\n}\n", NULL}},
    {"an override loses its own indentation",
     "{{<p}}{{$body}}\n        deep\n          deeper\n{{/body}}{{/p}}",
     "{}",
     "f() {\n    deep\n      deeper\n}\n",
     {"p", "f() {\n    {{$body}}\n    {{/body}}\n}\n", NULL}},
    {"a default keeps its shape",
     "x:\n  {{$b}}\n    one\n      two\n  {{/b}}\n",
     "{}",
     "x:\n    one\n      two\n",
     {NULL}},
    {"the default's indentation places an override",
     "{{<p}}{{$b}}\nnew\n{{/b}}{{/p}}",
     "{}",
     "x:\n   new\n",
     {"p", "x:\n{{$b}}\n   old\n{{/b}}\n", NULL}},
    {"block tags sharing a line",
     "{{<p}}{{$b}}\nm\nn{{/b}}\n{{/p}}\n",
     "{}",
     "  m\n  n\n",
     {"p", "  {{$b}}{{/b}}\n", NULL}},
    {"nested blocks move with their block",
     "{{<p}}{{$in}}\nX\n{{/in}}{{/p}}\n",
     "{}",
     "a\n  X\n",
     {"p",
      "{{<g}}{{$out}}\n    a\n    {{$in}}\n      b\n    {{/in}}\n"
      "{{/out}}{{/g}}\n",
      "g", "{{$out}}-{{/out}}", NULL}},
    {"a dynamic parent",
     "{{<*which}}{{$b}}o{{/b}}{{/*which}}",
     "{which: base}",
     "[o]",
     {"base", "[{{$b}}{{/b}}]", NULL}},
    {"a partial is a parent without arguments",
     "{{>base}}",
     "{}",
     "d",
     {"base", "{{$t}}d{{/t}}", NULL}},
    {"two parents on one line",
     "{{<p}}{{$a}}1{{/a}}{{/p}} {{<p}}{{/p}}\n",
     "{}",
     "(1) (0)\n",
     {"p", "({{$a}}0{{/a}})", NULL}},
    {"arguments stop at a partial",
     "{{<p}}{{$b}}O{{/b}}{{/p}}",
     "{}",
     "D",
     {"p", "{{>q}}", "q", "{{$b}}D{{/b}}", NULL}},
    {"a partial in an argument has its own blocks",
     "{{<p}}{{$b}}<{{>p}}>{{/b}}{{/p}}",
     "{}",
     "<D>",
     {"p", "{{$b}}D{{/b}}", NULL}},
    {"arguments go on to the parent's parents",
     "{{<p}}{{$b}}O{{/b}}{{/p}}",
     "{}",
     "O",
     {"p", "{{<q}}{{/q}}", "q", "{{$b}}D{{/b}}", NULL}},
    {"the last of two arguments wins",
     "{{<p}}{{$b}}1{{/b}}{{$b}}2{{/b}}{{/p}}",
     "{}",
     "2",
     {"p", "{{$b}}D{{/b}}", NULL}},
    {"a parent stands alone by its outer sides",
     "\t{{<p}}\n{{/p}}x",
     "{}",
     "\tP\nQ\nx",
     {"p", "P\nQ\n", NULL}},
    {"a closing tag's line end stays when the pair is not alone",
     "x{{<p}}\n{{/p}}\ny",
     "{}",
     "xP\n\ny",
     {"p", "P\n", NULL}},
    {"the line goes on after an inline parent",
     " {{>q}}\n",
     "{x: X}",
     " a\nX",
     {"q", "{{<p}}{{/p}}{{x}}", "p", "a\n", NULL}},
};

/* Rows that hold in strict mode: every name exists, some as null. */
static const struct row strict_ok[] = {
    {"null and false exist",
     "[{{n}}|{{#n}}x{{/n}}|{{^n}}y{{/n}}|{{^f}}z{{/f}}]",
     "{n: null, f: false}",
     "[||y|z]",
     {NULL}},
    {"names found below the top",
     "{{#l}}{{x}}{{top}}{{/l}}",
     "{top: T, l: [{x: 1}]}",
     "1T",
     {NULL}},
    {"blocks and partials need no data",
     "{{<p}}{{$b}}B{{/b}}{{/p}}{{>q}}",
     "{}",
     "[B]Q",
     {"p", "[{{$b}}{{/b}}]", "q", "Q", NULL}},
    {"a name tried on six shapes, in a loop",
     "{{#a}}{{#b}}{{#c}}{{#d}}{{#e}}{{#l}}{{x}}{{e1}}{{a1}}{{.}}{{/l}}"
     "{{/e}}{{/d}}{{/c}}{{/b}}{{/a}}",
     "{x: X, a: {a1: A, b: {b1: 1, b2: 2, c: {c1: 1, d: {d1: 1, d2: 2, "
     "e: {e1: E, l: [1, 2, 3]}}}}}}",
     "XEA1XEA2XEA3",
     {NULL}},
    {"one name, mappings of other keys in a list",
     "{{#l}}<{{k}}>{{/l}}",
     "{k: root, l: [{k: 1}, {j: 2}, {k: 3, j: 4}, "
     "{j: 5, k: 6}, {}, {k: null}]}",
     "<1><root><3><6><root><>",
     {NULL}},
};

static void test_comments(void **state)
{
  (void)state;
  check(comments, COUNT(comments), 1);
}

static void test_delimiters(void **state)
{
  (void)state;
  check(delimiters, COUNT(delimiters), 1);
}

static void test_interpolation(void **state)
{
  (void)state;
  check(interpolation, COUNT(interpolation), 1);
}

static void test_sections(void **state)
{
  (void)state;
  check(sections, COUNT(sections), 1);
}

static void test_inverted(void **state)
{
  (void)state;
  check(inverted, COUNT(inverted), 1);
}

static void test_partials(void **state)
{
  (void)state;
  check(partials, COUNT(partials), 1);
}

static void test_inheritance(void **state)
{
  (void)state;
  check(inheritance, COUNT(inheritance), 1);
}

static void test_strict_ok(void **state)
{
  (void)state;
  check(strict_ok, COUNT(strict_ok), 0);
}

/* Strict mode; want is every diagnostic, sorted by position. */
static const struct row errors[] = {
    {"unclosed tag",
     "ab\n  {{x",
     "{}",
     "t.mustache:2:3: error: unclosed tag: missing '}}'",
     {NULL}},
    {"unclosed triple braces",
     "{{{x}}",
     "{}",
     "t.mustache:1:1: error: unclosed tag: missing '}}}'",
     {NULL}},
    {"unclosed tag after a delimiter change",
     "{{=< >=}}\n<x",
     "{}",
     "t.mustache:2:1: error: unclosed tag: missing '>'",
     {NULL}},
    {"tag without a name",
     "a{{}}b",
     "{}",
     "t.mustache:1:2: error: tag has no name",
     {NULL}},
    {"section without a name",
     "{{# }}",
     "{}",
     "t.mustache:1:1: error: tag has no name\n"
     "t.mustache:1:1: error: unclosed section ''",
     {NULL}},
    {"unknown tag kind",
     "x {{%pragma}}",
     "{}",
     "t.mustache:1:3: error: unknown tag kind '%'",
     {NULL}},
    {"a star outside a partial",
     "{{*x}}",
     "{x: 1}",
     "t.mustache:1:1: error: unknown tag kind '*'",
     {NULL}},
    {"white space in a name",
     "{{a b}}",
     "{}",
     "t.mustache:1:1: error: bad name 'a b'",
     {NULL}},
    {"an empty part in a name",
     "{{#a..b}}{{/a..b}}",
     "{}",
     "t.mustache:1:1: error: bad name 'a..b'",
     {NULL}},
    {"a name ending in a dot",
     "{{a.}}",
     "{}",
     "t.mustache:1:1: error: bad name 'a.'",
     {NULL}},
    {"three delimiters",
     "{{=<% %> x=}}",
     "{}",
     "t.mustache:1:1: error: bad delimiter change '=<% %> x=': more than two "
     "delimiters: give the opening one and the closing one, as in "
     "{{=<% %>=}}",
     {NULL}},
    {"one delimiter",
     "{{=<%=}}",
     "{}",
     "t.mustache:1:1: error: bad delimiter change '=<%=': give two "
     "delimiters, the opening one and the closing one, with a space "
     "between, as in {{=<% %>=}}",
     {NULL}},
    {"delimiter change without its last '='",
     "{{=<% %>}}",
     "{}",
     "t.mustache:1:1: error: bad delimiter change '=<% %>': it ends with '=' "
     "before the closing delimiter, as in {{=<% %>=}}",
     {NULL}},
    {"a delimiter holding '='",
     "{{=<= =>=}}",
     "{}",
     "t.mustache:1:1: error: bad delimiter change '=<= =>=': a delimiter may "
     "not hold '='",
     {NULL}},
    {"unclosed section",
     "x\n {{#a}}\n",
     "{}",
     "t.mustache:2:2: error: unclosed section 'a'",
     {NULL}},
    {"unclosed inverted section, block and parent",
     "{{^i}}{{$b}}{{<p}}",
     "{}",
     "t.mustache:1:1: error: unclosed inverted section 'i'\n"
     "t.mustache:1:7: error: unclosed block 'b'\n"
     "t.mustache:1:13: error: unclosed parent 'p'",
     {NULL}},
    {"closing the wrong section",
     "x\ny\n    {{#a}}{{/b}}",
     "{}",
     "t.mustache:3:11: error: closing 'b' does not match open section 'a' "
     "(opened at 3:5)",
     {NULL}},
    {"closing an outer section early",
     "{{#a}}\n{{^b}}\n{{/a}}",
     "{}",
     "t.mustache:3:1: error: closing 'a' does not match open inverted section "
     "'b' (opened at 2:1)",
     {NULL}},
    {"closing a dynamic parent by its plain name",
     "{{<*p}}{{/p}}",
     "{}",
     "t.mustache:1:8: error: closing 'p' does not match open parent '*p' "
     "(opened at 1:1)",
     {NULL}},
    {"closing without an open section",
     "a{{/x}}",
     "{}",
     "t.mustache:1:2: error: closing 'x' without an open section",
     {NULL}},
    {"columns count characters",
     "h\xc3\xa9llo \xe2\x82\xac {{/x}}",
     "{}",
     "t.mustache:1:9: error: closing 'x' without an open section",
     {NULL}},
    {"partial name going up",
     "{{>../secret}}",
     "{}",
     "t.mustache:1:1: error: partial '../secret' is outside the templates "
     "folder",
     {NULL}},
    {"absolute partial name",
     "{{>/etc/passwd}}",
     "{}",
     "t.mustache:1:1: error: partial '/etc/passwd' is outside the templates "
     "folder",
     {NULL}},
    {"empty part in a partial name",
     "{{<a//b}}{{/a//b}}",
     "{}",
     "t.mustache:1:1: error: partial 'a//b' is outside the templates folder",
     {NULL}},
    {"dot part in a partial name",
     "{{>a/./b}}",
     "{}",
     "t.mustache:1:1: error: partial 'a/./b' is outside the templates folder",
     {NULL}},
    {"errors are collected",
     "{{#a}}{{/b}}\n{{%x}}\n{{y z}}{{/a}}",
     "{}",
     "t.mustache:1:7: error: closing 'b' does not match open section 'a' "
     "(opened at 1:1)\n"
     "t.mustache:2:1: error: unknown tag kind '%'\n"
     "t.mustache:3:1: error: bad name 'y z'",
     {NULL}},
    {"unknown name",
     "x{{v}}",
     "{}",
     "t.mustache:1:2: error: unknown name 'v'",
     {NULL}},
    {"unknown name once per tag",
     "{{#l}}\n  {{x}}{{x}}\n{{/l}}",
     "{l: [1, 2, 3]}",
     "t.mustache:2:3: error: unknown name 'x'\n"
     "t.mustache:2:8: error: unknown name 'x'",
     {NULL}},
    {"unknown dotted name",
     "{{a.b}}",
     "{a: {}}",
     "t.mustache:1:1: error: unknown name 'a.b'",
     {NULL}},
    {"unknown section and inverted names",
     "{{#s}}{{/s}}{{^i}}{{/i}}",
     "{}",
     "t.mustache:1:1: error: unknown name 's'\n"
     "t.mustache:1:13: error: unknown name 'i'",
     {NULL}},
    {"unknown dynamic name",
     "{{>*w}}",
     "{}",
     "t.mustache:1:1: error: unknown name 'w'",
     {NULL}},
    {"a mapping cannot print",
     "{{m}}{{{l}}}",
     "{m: {a: 1}, l: [1]}",
     "t.mustache:1:1: error: cannot print 'm': not a scalar\n"
     "t.mustache:1:6: error: cannot print 'l': not a scalar",
     {NULL}},
    {"partial not found",
     "\n  {{>nope}}",
     "{}",
     "t.mustache:2:3: error: partial 'nope' not found",
     {NULL}},
    {"parent not found",
     "{{<nope}}{{/nope}}",
     "{}",
     "t.mustache:1:1: error: partial 'nope' not found",
     {NULL}},
    {"partial refused by the callback",
     "{{>x}}",
     "{}",
     "t.mustache:1:1: error: partial 'x' is outside the templates folder",
     {"x", forbid, NULL}},
    {"dynamic name going up",
     "{{>*w}}",
     "{w: ../x}",
     "t.mustache:1:1: error: partial '../x' is outside the templates folder",
     {"../x", "no", NULL}},
    {"control characters in a dynamic name",
     "{{>*w}}",
     "{w: \"a\\nb\"}",
     "t.mustache:1:1: error: partial 'a?b' is outside the templates folder",
     {NULL}},
    {"a partial including itself",
     "{{>self}}",
     "{}",
     "self:1:2: error: partial 'self' nested too deep (limit 64)",
     {"self", "x{{>self}}", NULL}},
    {"a parent extending itself",
     "{{<loop}}{{/loop}}",
     "{}",
     "loop:1:1: error: parent 'loop' nested too deep (limit 64)",
     {"loop", "{{<loop}}{{/loop}}", NULL}},
    {"a block overriding itself",
     "{{<p}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/p}}",
     "{}",
     "t.mustache:1:14: error: block 'a' nested too deep (limit 64)",
     {"p", "{{$a}}{{/a}}", NULL}},
    {"a partial including itself twice",
     "{{>p}}",
     "{}",
     "p:1:1: error: partial 'p' nested too deep (limit 64)",
     {"p", "{{>p}}{{>p}}", NULL}},
    {"a parent extending itself twice",
     "{{<p}}{{/p}}",
     "{}",
     "p:1:1: error: parent 'p' nested too deep (limit 64)",
     {"p", "{{<p}}{{/p}}{{<p}}{{/p}}", NULL}},
    {"a block overriding itself twice",
     "{{<p}}{{$a}}{{$a}}{{/a}}{{$a}}{{/a}}{{/a}}{{/p}}",
     "{}",
     "t.mustache:1:13: error: block 'a' nested too deep (limit 64)",
     {"p", "{{$a}}{{/a}}", NULL}},
    {"nothing renders after too deep",
     "{{>p}}{{x}}",
     "{}",
     "p:1:1: error: partial 'p' nested too deep (limit 64)",
     {"p", "{{>p}}{{y}}", NULL}},
    {"errors in a partial name the partial",
     "{{>bad}}",
     "{}",
     "bad:2:1: error: unclosed section 'a'",
     {"bad", "x\n{{#a}}", NULL}},
};

static void test_errors(void **state)
{
  (void)state;
  check(errors, COUNT(errors), 0);
}

/* A template of depth sections, each named s, around "x". */
static void nest(struct buf *b, unsigned depth)
{
  unsigned i;

  for (i = 0; i < depth; i++)
    buf_puts(b, "{{#s}}");
  buf_putc(b, 'x');
  for (i = 0; i < depth; i++)
    buf_puts(b, "{{/s}}");
}

static void test_nesting_bound(void **state)
{
  struct buf tmpl = BUF_INIT;
  struct row r = {"nesting", NULL, "{s: true}", NULL, {NULL}};
  struct buf out = BUF_INIT;
  char want[128];

  (void)state;
  nest(&tmpl, MUSTACHE_MAX_NESTING);
  r.tmpl = tmpl.data;
  run(&r, 0, &out);
  assert_string_equal(out.data, "x");
  buf_clear(&tmpl);
  buf_clear(&out);
  nest(&tmpl, MUSTACHE_MAX_NESTING + 1);
  r.tmpl = tmpl.data;
  run(&r, 0, &out);
  snprintf(want, sizeof want,
           "t.mustache:1:%d: error: sections nested too "
           "deep (limit %d)",
           6 * MUSTACHE_MAX_NESTING + 1, MUSTACHE_MAX_NESTING);
  assert_string_equal(out.data, want);
  buf_clear(&tmpl);
  buf_clear(&out);
  nest(&tmpl, 100000);
  r.tmpl = tmpl.data;
  run(&r, 0, &out);
  assert_string_equal(out.data, want);
  buf_free(&tmpl);
  buf_free(&out);
}

/* Recursion through data stops at the bound too, however the data
   nests, and a recursive partial within the bound works. */
static void test_recursion_bound(void **state)
{
  struct buf data = BUF_INIT, out = BUF_INIT, want = BUF_INIT;
  struct row r = {
      "deep data", "{{>n}}", NULL, NULL, {"n", "{{#k}}<{{>n}}>{{/k}}", NULL}};
  unsigned i, depth = MUSTACHE_MAX_DEPTH - 1;

  (void)state;
  for (i = 0; i < depth; i++)
    buf_puts(&data, "{k: ");
  buf_puts(&data, "{k: false}");
  for (i = 0; i < depth; i++)
    buf_puts(&data, "}");
  r.data = data.data;
  run(&r, 0, &out);
  for (i = 0; i < depth; i++)
    buf_putc(&want, '<');
  for (i = 0; i < depth; i++)
    buf_putc(&want, '>');
  assert_string_equal(out.data, want.data);
  buf_clear(&data);
  buf_clear(&out);
  for (i = 0; i < depth + 5; i++)
    buf_puts(&data, "{k: ");
  buf_puts(&data, "{k: false}");
  for (i = 0; i < depth + 5; i++)
    buf_puts(&data, "}");
  r.data = data.data;
  run(&r, 0, &out);
  assert_string_equal(out.data, "n:1:8: error: partial 'n' nested too deep "
                                "(limit 64)");
  buf_free(&data);
  buf_free(&out);
  buf_free(&want);
}

/* The worst case for the C stack: a partial of the deepest nesting that
   includes itself to the deepest depth (run under SANITIZE=1 too). */
static void test_deepest_stack(void **state)
{
  struct buf p = BUF_INIT, out = BUF_INIT;
  struct row r = {"deepest", "{{>p}}", "{s: true}", NULL, {"p", NULL, NULL}};
  char want[128];
  unsigned i;

  (void)state;
  for (i = 0; i + 1 < MUSTACHE_MAX_NESTING; i++)
    buf_puts(&p, "{{#s}}");
  buf_puts(&p, "{{>p}}");
  for (i = 0; i + 1 < MUSTACHE_MAX_NESTING; i++)
    buf_puts(&p, "{{/s}}");
  r.partials[1] = p.data;
  run(&r, 0, &out);
  snprintf(want, sizeof want,
           "p:1:%d: error: partial 'p' nested too deep "
           "(limit %d)",
           6 * (MUSTACHE_MAX_NESTING - 1) + 1, MUSTACHE_MAX_DEPTH);
  assert_string_equal(out.data, want);
  buf_free(&p);
  buf_free(&out);
}

/* Parses errors until the cap, then gives up with one line more. */
static void test_too_many_errors(void **state)
{
  struct buf tmpl = BUF_INIT, out = BUF_INIT;
  struct row r = {"garbage", NULL, "{}", NULL, {NULL}};
  struct diag *d = diag_new();
  unsigned i;

  (void)state;
  for (i = 0; i < 1000; i++)
    buf_puts(&tmpl, "{{/x}}\n");
  r.tmpl = tmpl.data;
  run(&r, 0, &out);
  assert_non_null(strstr(out.data, "t.mustache:20:1: error: too many errors, "
                                   "giving up on this template"));
  assert_null(strstr(out.data, "t.mustache:21:"));
  diag_free(d);
  buf_free(&tmpl);
  buf_free(&out);
}

/* K copies of unit as one template, and K copies of want as its output. */
static void repeat(struct buf *tmpl, struct buf *want, const char *unit,
                   const char *out, size_t bytes)
{
  while (tmpl->len < bytes) {
    buf_puts(tmpl, unit);
    buf_puts(want, out);
  }
}

static void test_megabyte_template(void **state)
{
  static const char *const units[][2] = {
      {"line {{a}} and {{{b}}} {{#c}}[{{.}}]{{/c}}{{^d}}!{{/d}}\n",
       "line 1 and <b> [x][y]!\n"},
      {"{{a}}{{{b}}}{{#c}}{{.}}{{/c}} {{! no line ends }}", "1<b>xy "},
      {"  {{>p}}\n", "  P\n  Q\n"},
  };
  struct buf tmpl = BUF_INIT, want = BUF_INIT, out = BUF_INIT;
  struct row r = {"1 MB",
                  NULL,
                  "{a: 1, b: <b>, c: [x, y], d: false}",
                  NULL,
                  {"p", "P\nQ\n", NULL}};
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(units); i++) {
    buf_clear(&tmpl);
    buf_clear(&want);
    buf_clear(&out);
    repeat(&tmpl, &want, units[i][0], units[i][1], (size_t)1 << 20);
    r.tmpl = tmpl.data;
    r.want = want.data;
    run(&r, 0, &out);
    assert_int_equal(out.len, want.len);
    assert_memory_equal(out.data, want.data, want.len);
  }
  buf_free(&tmpl);
  buf_free(&want);
  buf_free(&out);
}

static enum mustache_found one_partial(void *closure, const char *name,
                                       size_t len, struct mustache_source *src)
{
  (void)closure;
  if (len != 4 || memcmp(name, "note", 4) != 0)
    return MUSTACHE_NOT_FOUND;
  src->bytes = "/* {{desc}} */\n";
  src->len = strlen(src->bytes);
  src->file = "note.mustache";
  return MUSTACHE_FOUND;
}

/* The allocations a render may make whatever its data: its scratch text
   and a dynamic name's, each growing once or twice. */
#define RENDER_ALLOCS 4

/* Renders a template of sections, partials and escaped values over a list
   of n items, twice: the first loads the partial. Returns the allocations
   of the second, made into a buffer already big enough; *out gets its
   output. */
static unsigned long allocs_of_render(int n, struct buf *out)
{
  const char *tmpl = "enum e {\n{{#l}}\n  {{name}} = {{code}},\n"
                     "  {{>note}}\n  {{#flag}}{{{name}}}{{/flag}}\n{{/l}}"
                     "};\n{{>*which}}\n";
  struct buf data = BUF_INIT, first = BUF_INIT;
  struct diag *d = diag_new();
  struct mustache_config cfg;
  struct mustache_set *set;
  const struct mustache_template *t;
  struct value_tree *tree;
  struct mustache_view view;
  unsigned long before, calls;
  int i;

  buf_puts(&data, "{which: note, desc: end, l: [");
  for (i = 0; i < n; i++)
    buf_printf(&data,
               "%s{name: N%d, code: %d, desc: 'x*/y?"
               "?/ %d', "
               "flag: %s}",
               i ? ", " : "", i, i, i, i % 2 ? "true" : "false");
  buf_puts(&data, "]}");
  tree = loader_load_bytes("data", data.data, data.len, &limits, d);
  assert_non_null(tree);
  memset(&cfg, 0, sizeof cfg);
  cfg.partial = one_partial;
  set = mustache_set_new(&cfg);
  t = mustache_set_parse(set, "t", tmpl, strlen(tmpl), d);
  assert_non_null(t);
  view = value_data_view(value_tree_root(tree));
  assert_int_equal(mustache_render(set, t, &view, escape_c, &first, d), 0);
  buf_clear(out);
  buf_grow(out, first.len);
  before = xmem_calls();
  assert_int_equal(mustache_render(set, t, &view, escape_c, out, d), 0);
  calls = xmem_calls() - before;
  assert_int_equal(diag_count(d), 0);
  assert_int_equal(out->len, first.len);
  assert_memory_equal(out->data, first.data, first.len);
  mustache_set_free(set);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&data);
  buf_free(&first);
  return calls;
}

/* A render allocates nothing per tag: once the set has loaded its
   partials, a render over 5000 items makes as few allocations as one over
   5, and they are few. */
static void test_no_allocation_per_tag(void **state)
{
  struct buf out = BUF_INIT;
  unsigned long few, many;

  (void)state;
  few = allocs_of_render(5, &out);
  many = allocs_of_render(5000, &out);
  assert_int_equal(many, few);
  assert_true(many <= RENDER_ALLOCS);
  assert_non_null(strstr(out.data, "  N1 = 1,\n  /* x*\\057y?\\?/ 1 */"
                                   "\n  N1\n"));
  buf_free(&out);
}

/* Renders tmpl over a list of n items, names found as mode says: the
   output (or the diagnostics) in out; the calls to resolve and lookup in
   *resolves, *lookups. */
static void render_items(const char *tmpl, int n, enum names mode,
                         struct buf *out, unsigned long *resolves,
                         unsigned long *lookups)
{
  struct buf data = BUF_INIT;
  struct diag *d = diag_new();
  struct mustache_set *set = mustache_set_new(NULL);
  const struct mustache_template *t;
  struct value_tree *tree;
  struct mustache_view view;
  struct mustache_data callbacks;
  struct shaped shapes;
  size_t i;
  int k;

  buf_puts(&data, "{prefix: P, items: [");
  for (k = 0; k < n; k++)
    buf_printf(&data, "%s{name: n%d, code: %d, info: {ok: %s}}", k ? ", " : "",
               k, k, k % 3 ? "true" : "false");
  buf_puts(&data, "]}");
  tree = loader_load_bytes("d", data.data, data.len, &limits, d);
  assert_non_null(tree);
  view = view_by(mode, value_tree_root(tree), &shapes, &callbacks);
  t = mustache_set_parse(set, "t", tmpl, strlen(tmpl), d);
  assert_non_null(t);
  buf_clear(out);
  mustache_render(set, t, &view, NULL, out, d);
  if (diag_count(d))
    buf_clear(out);
  for (i = 0; i < diag_count(d); i++)
    buf_printf(out, "%s\n", diag_message(d, i));
  *resolves = shapes.resolves;
  *lookups = shapes.lookups;
  mustache_set_free(set);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&data);
}

/* Names are resolved once per render, not once per item: over 1000 items,
   resolve() is asked once for each name part and shape met there (items:
   root; name, code: item; prefix: item, then root; info: item; ok: info),
   and lookup() never; the output and the errors are those of lookup
   alone, and so they are when no value has a shape. */
static void test_resolve_once(void **state)
{
  static const char *const tmpls[][2] = {
      {"{{#items}}{{name}}={{code}} {{prefix}}{{#info.ok}}!{{/info.ok}}\n"
       "{{/items}}",
       "7"},
      {"{{#items}}{{nope}}{{info.nope}}{{prefix.x}}{{/items}}",
       "t:1:11: error: unknown name 'nope'\n"
       "t:1:19: error: unknown name 'info.nope'\n"
       "t:1:32: error: unknown name 'prefix.x'\n"},
  };
  struct buf by_lookup = BUF_INIT, by_shapes = BUF_INIT;
  unsigned long resolves, lookups;
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(tmpls); i++) {
    render_items(tmpls[i][0], 1000, BY_LOOKUP, &by_lookup, &resolves, &lookups);
    assert_true(lookups > 1000);
    render_items(tmpls[i][0], 1000, BY_SHAPES, &by_shapes, &resolves, &lookups);
    assert_string_equal(by_shapes.data, by_lookup.data);
    if (i == 0) {
      assert_int_equal(lookups, 0);
      assert_int_equal(resolves, 7);
      /* each line "nK=K P\n", K of 1 to 3 digits, and '!' for 666 */
      assert_int_equal(by_shapes.len, 5 * 1000 + 2 * (10 + 180 + 2700) + 666);
      assert_non_null(strstr(by_shapes.data, "\nn2=2 P!\nn3=3 P\n"));
    } else { /* items; nope, prefix: item, root; info: item; nope: info.
                x is looked up in the text P, which has no shape */
      assert_string_equal(by_shapes.data, tmpls[i][1]);
      assert_int_equal(resolves, 7);
    }
    render_items(tmpls[i][0], 1000, BY_NO_SHAPES, &by_shapes, &resolves,
                 &lookups);
    assert_string_equal(by_shapes.data, by_lookup.data);
    assert_int_equal(resolves, 0);
  }
  buf_free(&by_lookup);
  buf_free(&by_shapes);
}

/* A set renders its templates any number of times, and a failed render
   reports again the next time. */
static void test_renders_repeat(void **state)
{
  struct diag *d = diag_new();
  struct mustache_set *set = mustache_set_new(NULL);
  const struct mustache_template *ok, *bad;
  struct value_tree *tree = loader_load_bytes("d", "{a: A}", 6, NULL, d);
  struct mustache_view view = value_data_view(value_tree_root(tree));
  struct buf out = BUF_INIT;

  (void)state;
  ok = mustache_set_parse(set, "ok", "<{{a}}>", 7, d);
  bad = mustache_set_parse(set, "bad", "{{b}}", 5, d);
  assert_non_null(ok);
  assert_non_null(bad);
  assert_int_equal(mustache_render(set, ok, &view, NULL, &out, d), 0);
  assert_int_equal(mustache_render(set, ok, &view, NULL, &out, d), 0);
  assert_string_equal(out.data, "<A><A>");
  assert_int_equal(mustache_render(set, bad, &view, NULL, &out, d), -1);
  assert_int_equal(mustache_render(set, bad, &view, NULL, &out, d), -1);
  assert_int_equal(diag_count(d), 2);
  assert_string_equal(diag_message(d, 1), "bad:1:1: error: unknown name 'b'");
  assert_null(mustache_set_parse(set, "worse", "{{#x}}", 6, d));
  assert_int_equal(diag_count(d), 3);
  mustache_set_free(set);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&out);
}

/* A sink that keeps what it is given, or fails from its fail_at-th call
   on (0: never), counting the calls. */
struct test_sink {
  struct buf kept;
  unsigned calls, fail_at;
};

static int test_flush(void *closure, struct buf *out)
{
  struct test_sink *k = closure;

  if (k->fail_at && ++k->calls >= k->fail_at)
    return -1;
  if (!k->fail_at)
    k->calls++;
  buf_put(&k->kept, out->data, out->len);
  buf_clear(out);
  return 0;
}

/* Renders tmpl against data through a sink; the render's result. */
static int render_sink(const char *tmpl, const char *data, struct test_sink *k,
                       struct buf *out, struct diag *d)
{
  struct value_tree *tree =
      loader_load_bytes("d", data, strlen(data), &limits, d);
  struct mustache_set *set = mustache_set_new(NULL);
  struct mustache_view view = value_data_view(value_tree_root(tree));
  struct mustache_sink sink;
  const struct mustache_template *t;
  int rc;

  sink.flush = test_flush;
  sink.closure = k;
  t = mustache_set_parse(set, "t", tmpl, strlen(tmpl), d);
  assert_non_null(t);
  rc = mustache_render_to(set, t, &view, NULL, &sink, out, d);
  mustache_set_free(set);
  value_tree_free(tree);
  return rc;
}

/* 1000 items of 1000 bytes each: about 15 flushes. */
static void thousand(struct buf *data)
{
  int i;

  buf_puts(data, "{l: [");
  for (i = 0; i < 1000; i++)
    buf_printf(data, "%s%d", i ? ", " : "", i);
  buf_puts(data, "], w: '");
  for (i = 0; i < 1000; i++)
    buf_putc(data, (char)('a' + i % 26));
  buf_puts(data, "'}");
}

/* The output reaches the sink whole and in order; a sink that fails stops
   the render at once, with -1 and no message of the engine's. */
static void test_sink(void **state)
{
  const char *tmpl = "{{#l}}{{{w}}}{{/l}}";
  struct buf data = BUF_INIT, out = BUF_INIT, want = BUF_INIT;
  struct test_sink k;
  struct diag *d = diag_new();
  int i;

  (void)state;
  thousand(&data);
  for (i = 0; i < 1000; i++)
    buf_put(&want, strchr(data.data, '\'') + 1, 1000);
  memset(&k, 0, sizeof k);
  assert_int_equal(render_sink(tmpl, data.data, &k, &out, d), 0);
  buf_put(&k.kept, out.data, out.len);
  assert_true(k.calls > 10);
  assert_int_equal(k.kept.len, want.len);
  assert_memory_equal(k.kept.data, want.data, want.len);
  buf_free(&k.kept);

  buf_clear(&out);
  memset(&k, 0, sizeof k);
  k.fail_at = 1;
  assert_int_equal(render_sink(tmpl, data.data, &k, &out, d), -1);
  assert_int_equal(k.calls, 1);
  assert_true(out.len < MUSTACHE_FLUSH_AT + 1000);
  assert_int_equal(diag_count(d), 0);
  buf_free(&k.kept);
  buf_free(&data);
  buf_free(&out);
  buf_free(&want);
  diag_free(d);
}

/* "{k: {k: ... {k: false}}}", depth levels of k above the false. */
static void nested_k(struct buf *data, unsigned depth)
{
  unsigned i;

  for (i = 0; i < depth; i++)
    buf_puts(data, "{k: ");
  buf_puts(data, "{k: false}");
  for (i = 0; i < depth; i++)
    buf_putc(data, '}');
}

/* Eight sections over a list of 100 items, around nothing. The steps, by
   hand: each of the 8 sections is visited and enters its first item (16
   steps), the innermost renders its 100 items (to step 115), then each
   further item of the 7th costs 102 (itself, a visit of the 8th, its 100
   items). Step 1001 is the 70th of the 9th such round, an item of the
   8th section, the tag at column 43. */
static const char eight[] = "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}"
                            "{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}";

/* Each row's budget: steps, bytes (0: the default). */
static const struct {
  struct row row;
  unsigned long steps;
  size_t bytes;
} budgets[] = {
    {{"sections multiply",
      eight,
      NULL,
      "t.mustache:1:43: error: render budget exceeded: more than 1000 steps "
      "(raise it with --max-steps)",
      {NULL}},
     1000,
     0},
    {{"a partial visited counts",
      "{{>p}}",
      "{k: {k: false}}",
      "p:1:1: error: render budget exceeded: more than 3 steps (raise it "
      "with --max-steps)",
      {"p", "{{#k}}{{>p}}{{/k}}", NULL}},
     3,
     0},
    {{"the last step allowed",
      "{{>p}}",
      "{k: false}",
      "",
      {"p", "{{#k}}{{>p}}{{/k}}", NULL}},
     2,
     0},
    {{"text is blamed on the tag around it",
      "ab{{#l}}-{{.}}-{{/l}}",
      NULL,
      "t.mustache:1:3: error: render budget exceeded: more than 10 bytes of "
      "output (raise it with --max-output)",
      {NULL}},
     0,
     10},
    {{"a value is blamed on its tag",
      "ab{{#l}}{{{.}}}{{/l}}",
      NULL,
      "t.mustache:1:9: error: render budget exceeded: more than 10 bytes of "
      "output (raise it with --max-output)",
      {NULL}},
     0,
     10},
    {{"text with no tag around it",
      "0123456789+",
      "{}",
      "t.mustache: error: render budget exceeded: more than 10 bytes of "
      "output (raise it with --max-output)",
      {NULL}},
     0,
     10},
    {{"exactly the bytes allowed", "0123456789", "{}", "0123456789", {NULL}},
     0,
     10},
};

static void test_budget(void **state)
{
  struct buf l = BUF_INIT, out = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
  struct row r;
  size_t i;
  int k, mode;

  (void)state;
  buf_puts(&l, "{l: [");
  for (k = 0; k < 100; k++)
    buf_printf(&l, "%s%d", k ? ", " : "", k);
  buf_puts(&l, "]}");
  for (i = 0; i < COUNT(budgets); i++)
    for (mode = 0; mode < NAMES_MODES; mode++) {
      r = budgets[i].row;
      if (!r.data)
        r.data = l.data;
      buf_clear(&out);
      run_budget(&r, 0, (enum names)mode, budgets[i].steps, budgets[i].bytes,
                 &out);
      if (strcmp(out.data, r.want) != 0)
        fail_msg("%s (names %s)\n  want: %s\n  got:  %s", r.name,
                 names_word[mode], visible(&a, r.want, strlen(r.want)),
                 visible(&b, out.data, out.len));
    }
  buf_free(&l);
  buf_free(&out);
  buf_free(&a);
  buf_free(&b);
}

/* The default budget ends what would run for ever: a partial that
   includes itself twice at each level of data 40 deep (2^40 expansions),
   in steps; the same with text, in bytes. */
static void test_budget_defaults(void **state)
{
  struct buf data = BUF_INIT, out = BUF_INIT, big = BUF_INIT;
  struct row r = {"doubling",
                  "{{>p}}",
                  NULL,
                  NULL,
                  {"p", "{{#k}}{{>p}}{{>p}}{{/k}}", NULL}};
  int i;

  (void)state;
  nested_k(&data, 40);
  r.data = data.data;
  run(&r, 0, &out);
  assert_non_null(strstr(out.data, ": error: render budget exceeded: more "
                                   "than 64000000 steps (raise it with "
                                   "--max-steps)"));
  assert_null(strchr(out.data, '\n'));
  buf_puts(&big, "{{#k}}{{>p}}");
  for (i = 0; i < 1024; i++)
    buf_puts(&big, "0123456789abcdef");
  buf_puts(&big, "{{>p}}{{/k}}");
  r.partials[1] = big.data;
  buf_clear(&out);
  run(&r, 0, &out);
  assert_string_equal(out.data, "p:1:1: error: render budget exceeded: more "
                                "than 67108864 bytes of output (raise it with "
                                "--max-output)");
  buf_free(&data);
  buf_free(&out);
  buf_free(&big);
}

/* The budget counts the bytes a sink has taken. */
static void test_budget_sink(void **state)
{
  struct buf data = BUF_INIT, out = BUF_INIT;
  struct mustache_config cfg;
  struct diag *d = diag_new();
  struct value_tree *tree;
  struct mustache_set *set;
  struct mustache_view view;
  struct mustache_sink sink;
  struct test_sink k;
  const struct mustache_template *t;

  (void)state;
  thousand(&data);
  tree = loader_load_bytes("d", data.data, data.len, &limits, d);
  memset(&cfg, 0, sizeof cfg);
  cfg.max_bytes = 100000;
  set = mustache_set_new(&cfg);
  view = value_data_view(value_tree_root(tree));
  memset(&k, 0, sizeof k);
  sink.flush = test_flush;
  sink.closure = &k;
  t = mustache_set_parse(set, "t", "{{#l}}{{{w}}}{{/l}}", 19, d);
  assert_int_equal(mustache_render_to(set, t, &view, NULL, &sink, &out, d), -1);
  assert_int_equal(k.calls, 1);
  assert_int_equal(diag_count(d), 1);
  assert_string_equal(diag_message(d, 0),
                      "t:1:7: error: render budget "
                      "exceeded: more than 100000 bytes of output (raise it "
                      "with --max-output)");
  mustache_set_free(set);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&k.kept);
  buf_free(&data);
  buf_free(&out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_comments),
      cmocka_unit_test(test_delimiters),
      cmocka_unit_test(test_interpolation),
      cmocka_unit_test(test_sections),
      cmocka_unit_test(test_inverted),
      cmocka_unit_test(test_partials),
      cmocka_unit_test(test_inheritance),
      cmocka_unit_test(test_strict_ok),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_nesting_bound),
      cmocka_unit_test(test_recursion_bound),
      cmocka_unit_test(test_deepest_stack),
      cmocka_unit_test(test_too_many_errors),
      cmocka_unit_test(test_megabyte_template),
      cmocka_unit_test(test_no_allocation_per_tag),
      cmocka_unit_test(test_renders_repeat),
      cmocka_unit_test(test_resolve_once),
      cmocka_unit_test(test_sink),
      cmocka_unit_test(test_budget),
      cmocka_unit_test(test_budget_defaults),
      cmocka_unit_test(test_budget_sink),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
