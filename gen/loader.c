/* loader: libyaml's event stream to a value tree. Only this module includes
   <yaml.h>. Collections are built on a work stack: children pile up as they
   complete, and a closing event moves them into the tree's arena at once, so
   the tree costs no per-node malloc and no second pass.

   Contents:
     loader_load_file, loader_load_bytes   public entry points
     load_events                           the event loop
     on_scalar, on_open, on_close          one event each
     resolve_plain                         YAML 1.2 core schema for plain text
     check_tag, check_duplicates           refusals that do not stop the load
     report_parser_error                   libyaml's problem at 1-based marks */
#include "loader.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "sysio.h"
#include "xmem.h"

const struct loader_limits loader_default_limits = {
    64, /* depth: a spec nests 4 levels; 64 is generous */
    (size_t)256 * 1024 * 1024, /* bytes: room for a million statuses */
    (size_t)1024 * 1024,       /* one scalar: far beyond any description */
    (size_t)16 * 1024 * 1024   /* nodes: about 1.5 million statuses */
};

/* An open collection, waiting for its children. */
struct frame {
  enum value_kind kind;
  struct mark mark;
  size_t base; /* index of its first child on the work stack */
};

/* Mapping keys repeat in every entry ("code", "reason"...): short ones are
   stored once. A spec uses a handful; past this many, keys are copied. */
#define INTERN_SLOTS 64
#define INTERN_LONGEST 32

struct loader {
  struct value_tree *tree;
  struct diag *d;
  const struct loader_limits *lim;
  const char *file;
  const char *bytes; /* the input */
  size_t len;
  struct value *work; /* completed nodes not yet in a collection */
  size_t nwork, capwork;
  struct frame *frames;
  size_t nframes, capframes;
  size_t nodes;
  size_t before;                      /* errors in d when the load began */
  const char *interned[INTERN_SLOTS]; /* open addressing by hash */
  size_t interned_len[INTERN_SLOTS];
};

static struct mark mark_of(const struct loader *l, yaml_mark_t m)
{
  struct mark r;

  r.file = l->file;
  r.line = (unsigned)m.line + 1;
  r.col = (unsigned)m.column + 1;
  return r;
}

/* libyaml's reader reports a byte offset only: count lines and characters
   (UTF-8 lead bytes, or any byte that is not a continuation) up to it,
   reading a file input again from its start. */
static struct mark mark_at_offset(const struct loader *l, size_t offset)
{
  struct mark r;
  size_t i;
  int c;

  r.file = l->file;
  r.line = 1;
  r.col = 1;
  for (i = 0; i < offset && i < l->len; i++) {
    c = (unsigned char)l->bytes[i];
    if (c == '\n') {
      r.line++;
      r.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      r.col++;
    }
  }
  return r;
}

/* Whether the load has reported anything: every stage tells its errors
   by what it added to d. */
static int failed(const struct loader *l)
{
  return diag_count(l->d) > l->before;
}

static int error_at(struct loader *l, const struct mark *m, const char *what,
                    const char *name)
{
  if (name)
    return diag_error(l->d, m, "%s ('%s')", what, name);
  return diag_error(l->d, m, "%s", what);
}

static void push(struct loader *l, const struct value *v)
{
  if (l->nwork == l->capwork) {
    l->capwork = l->capwork ? l->capwork * 2 : 64;
    l->work = xrealloc(l->work, l->capwork * sizeof *l->work);
  }
  l->work[l->nwork++] = *v;
}

static int is_key_position(const struct loader *l)
{
  const struct frame *f;

  if (!l->nframes)
    return 0;
  f = &l->frames[l->nframes - 1];
  return f->kind == VALUE_MAP && (l->nwork - f->base) % 2 == 0;
}

/* Digits of base b only, at least one, with no sign: 1 when all of s is. */
static int all_digits(const char *s, size_t n, int b)
{
  size_t i;

  if (!n)
    return 0;
  for (i = 0; i < n; i++) {
    int c = (unsigned char)s[i];
    int ok = b == 16 ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                           (c >= 'A' && c <= 'F')
                     : c >= '0' && c < '0' + b;
    if (!ok)
      return 0;
  }
  return 1;
}

static int is_float_text(const char *s, size_t n)
{
  size_t i = 0, digits = 0;

  if (i < n && (s[i] == '-' || s[i] == '+'))
    i++;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    i++, digits++;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
      i++, digits++;
  }
  if (!digits)
    return 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < n && (s[i] == '-' || s[i] == '+'))
      i++;
    if (!all_digits(s + i, n - i, 10))
      return 0;
    i = n;
  }
  return i == n;
}

/* Most plain scalars are text that no word starts like: one compare of
   the first byte turns them away. */
static int is_one_of(const char *s, const char *const *words)
{
  for (; *words; words++)
    if (s[0] == (*words)[0] && strcmp(s, *words) == 0)
      return 1;
  return 0;
}

/* Gives a plain scalar its YAML 1.2 core schema type. Returns -1 for an
   integer too large for long long. */
static int resolve_plain(struct value *v)
{
  static const char *const nulls[] = {"", "~", "null", "Null", "NULL", 0};
  static const char *const trues[] = {"true", "True", "TRUE", 0};
  static const char *const falses[] = {"false", "False", "FALSE", 0};
  static const char *const infs[] = {".inf", ".Inf", ".INF", 0};
  static const char *const nans[] = {".nan", ".NaN", ".NAN", 0};
  const char *s = v->str;
  size_t n = v->len, sign = (n && (s[0] == '-' || s[0] == '+'));
  int base = 0;

  if (is_one_of(s, nulls)) {
    v->kind = VALUE_NULL;
  } else if (is_one_of(s, trues) || is_one_of(s, falses)) {
    v->kind = VALUE_BOOL;
    v->as.i = is_one_of(s, trues);
  } else if (all_digits(s + sign, n - sign, 10)) {
    base = 10;
  } else if (n > 2 && s[0] == '0' && s[1] == 'o' &&
             all_digits(s + 2, n - 2, 8)) {
    base = 8;
  } else if (n > 2 && s[0] == '0' && s[1] == 'x' &&
             all_digits(s + 2, n - 2, 16)) {
    base = 16;
  } else if (is_float_text(s, n)) {
    v->kind = VALUE_FLOAT;
    v->as.f = strtod(s, NULL);
  } else if (is_one_of(s + sign, infs)) {
    v->kind = VALUE_FLOAT;
    v->as.f = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  } else if (is_one_of(s, nans)) {
    v->kind = VALUE_FLOAT;
    v->as.f = NAN;
  }
  if (base) {
    errno = 0;
    v->kind = VALUE_INT;
    v->as.i = strtoll(base == 10 ? s : s + 2, NULL, base);
    if (errno == ERANGE)
      return -1;
  }
  return 0;
}

#define CORE_TAG "tag:yaml.org,2002:"

/* Checks an explicit tag against what the node turned out to be. Only the
   core schema's tags are accepted: a spec has no use for others. */
static void check_tag(struct loader *l, const yaml_char_t *tag, struct value *v)
{
  static const struct {
    const char *name;
    enum value_kind kind;
  } core[] = {{"str", VALUE_STRING},  {"int", VALUE_INT},
              {"float", VALUE_FLOAT}, {"bool", VALUE_BOOL},
              {"null", VALUE_NULL},   {"seq", VALUE_SEQ},
              {"map", VALUE_MAP}};
  const char *t = (const char *)tag;
  size_t i, n = strlen(CORE_TAG);

  if (!t)
    return;
  if (strcmp(t, "!") == 0 && v->str) {
    v->kind = VALUE_STRING;
    return;
  }
  for (i = 0; strncmp(t, CORE_TAG, n) == 0 && i < sizeof core / sizeof *core;
       i++) {
    if (strcmp(t + n, core[i].name) != 0)
      continue;
    if (core[i].kind == VALUE_STRING && v->str)
      v->kind = VALUE_STRING;
    else if (core[i].kind == VALUE_FLOAT && v->kind == VALUE_INT)
      v->kind = VALUE_FLOAT, v->as.f = (double)v->as.i;
    else if (core[i].kind != v->kind)
      error_at(l, &v->mark, "value does not match its tag", t);
    return;
  }
  error_at(l, &v->mark, "tags other than YAML's core schema are not allowed",
           t);
}

static int check_anchor(struct loader *l, const yaml_char_t *anchor,
                        yaml_mark_t m)
{
  struct mark mk;

  if (!anchor)
    return 0;
  mk = mark_of(l, m);
  return error_at(l, &mk, "anchors are not allowed", (const char *)anchor);
}

static int count_node(struct loader *l, const struct mark *m)
{
  if (++l->nodes <= l->lim->max_nodes)
    return 0;
  return diag_error(l->d, m, "too many nodes (the limit is %lu)",
                    (unsigned long)l->lim->max_nodes);
}

/* The tree's copy of a key's text: one per distinct short key. */
static const char *intern(struct loader *l, const char *s, size_t n)
{
  unsigned long h = 5381;
  size_t i, k;

  if (n > INTERN_LONGEST)
    return value_tree_strndup(l->tree, s, n);
  for (i = 0; i < n; i++)
    h = h * 33 + (unsigned char)s[i];
  for (i = 0; i < INTERN_SLOTS; i++) {
    k = (h + i) % INTERN_SLOTS;
    if (!l->interned[k]) {
      l->interned[k] = value_tree_strndup(l->tree, s, n);
      l->interned_len[k] = n;
      return l->interned[k];
    }
    if (l->interned_len[k] == n && memcmp(l->interned[k], s, n) == 0)
      return l->interned[k];
  }
  return value_tree_strndup(l->tree, s, n);
}

static int on_scalar(struct loader *l, const yaml_event_t *e)
{
  struct value v;
  size_t n = e->data.scalar.length;

  memset(&v, 0, sizeof v);
  v.mark = mark_of(l, e->start_mark);
  if (count_node(l, &v.mark))
    return -1;
  if (n > l->lim->max_scalar) {
    return diag_error(l->d, &v.mark,
                      "scalar of %lu bytes is too long "
                      "(the limit is %lu)",
                      (unsigned long)n, (unsigned long)l->lim->max_scalar);
  }
  check_anchor(l, e->data.scalar.anchor, e->start_mark);
  v.kind = VALUE_STRING;
  v.len = (unsigned)n; /* n <= max_scalar < 2^32 */
  v.str =
      is_key_position(l)
          ? intern(l, (const char *)e->data.scalar.value, n)
          : value_tree_strndup(l->tree, (const char *)e->data.scalar.value, n);
  if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
    if (resolve_plain(&v) < 0)
      error_at(l, &v.mark, "integer out of range", v.str);
    if (is_key_position(l) && value_is(&v, "<<"))
      error_at(l, &v.mark, "merge keys are not allowed", NULL);
  }
  check_tag(l, e->data.scalar.tag, &v);
  push(l, &v);
  return 0;
}

static int on_open(struct loader *l, const yaml_event_t *e,
                   enum value_kind kind)
{
  struct frame f;

  f.kind = kind;
  f.mark = mark_of(l, e->start_mark);
  f.base = l->nwork;
  if (count_node(l, &f.mark))
    return -1;
  if (l->nframes >= l->lim->max_depth) {
    return diag_error(l->d, &f.mark, "nesting deeper than %u levels",
                      l->lim->max_depth);
  }
  if (is_key_position(l))
    error_at(l, &f.mark, "a mapping key must be a scalar", NULL);
  {
    struct value v;

    memset(&v, 0, sizeof v);
    v.kind = kind;
    v.mark = f.mark;
    if (kind == VALUE_SEQ) {
      check_anchor(l, e->data.sequence_start.anchor, e->start_mark);
      check_tag(l, e->data.sequence_start.tag, &v);
    } else {
      check_anchor(l, e->data.mapping_start.anchor, e->start_mark);
      check_tag(l, e->data.mapping_start.tag, &v);
    }
  }
  if (l->nframes == l->capframes) {
    l->capframes = l->capframes ? l->capframes * 2 : 16;
    l->frames = xrealloc(l->frames, l->capframes * sizeof *l->frames);
  }
  l->frames[l->nframes++] = f;
  return 0;
}

static int by_key_text(const void *pa, const void *pb)
{
  const struct value *a = *(const struct value *const *)pa;
  const struct value *b = *(const struct value *const *)pb;
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->str, b->str, n);

  if (c)
    return c;
  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;
  return a < b ? -1 : a > b; /* document order among equals */
}

/* Sorting the keys finds every duplicate in n log n, however large the
   mapping; each is reported at its later occurrence. */
static void check_duplicates(struct loader *l, const struct value *map)
{
  const struct value **keys;
  size_t i, k, first, n = map->len;

  if (n < 2)
    return;
  keys = xmalloc(n * sizeof *keys);
  for (i = k = 0; i < n; i++) /* a collection as key was refused already */
    if (map->as.items[2 * i].str)
      keys[k++] = &map->as.items[2 * i];
  n = k;
  qsort(keys, n, sizeof *keys, by_key_text);
  for (i = 1, first = 0; i < n; i++) {
    const struct value *a = keys[first], *b = keys[i];

    if (a->len != b->len || memcmp(a->str, b->str, a->len) != 0) {
      first = i;
      continue;
    }
    diag_error(l->d, &b->mark, "duplicate key '%s' (first at %u:%u)", b->str,
               a->mark.line, a->mark.col);
  }
  free(keys);
}

static void on_close(struct loader *l)
{
  struct frame f = l->frames[--l->nframes];
  size_t n = l->nwork - f.base;
  struct value v;

  memset(&v, 0, sizeof v);
  v.kind = f.kind;
  v.mark = f.mark;
  v.len = (unsigned)(f.kind == VALUE_MAP ? n / 2 : n); /* n <= max_nodes */
  if (n) {
    v.as.items = value_tree_alloc(l->tree, n * sizeof *v.as.items);
    memcpy(v.as.items, l->work + f.base, n * sizeof *v.as.items);
  }
  l->nwork = f.base;
  if (f.kind == VALUE_MAP)
    check_duplicates(l, &v);
  push(l, &v);
}

/* The start of 1-based line n of the input (NULL past its end), and in
 *indent the spaces that begin it. */
static const char *line_start(const struct loader *l, unsigned n,
                              size_t *indent)
{
  const char *p = l->bytes, *end = l->bytes + l->len;

  while (p && n > 1 && p < end) {
    p = memchr(p, '\n', (size_t)(end - p));
    p = p ? p + 1 : NULL;
    n--;
  }
  if (!p || n > 1 || p >= end)
    return NULL;
  for (*indent = 0; p + *indent < end && p[*indent] == ' ';)
    (*indent)++;
  return p;
}

/* For the problems a misplaced indentation causes, what usually does:
   appended to out as ": line 7 is indented 5 spaces, line 6 (the line
   above) 4; ..." */
static void indent_hint(const struct loader *l, unsigned line,
                        const char *problem, struct buf *out)
{
  size_t here, above = 0;
  const char *s = line_start(l, line, &here), *t = NULL;
  unsigned k = line;

  if (strstr(problem, "tab character")) {
    buf_puts(out, ": YAML indents with spaces, never tabs");
    return;
  }
  if (!strstr(problem, "mapping values are not allowed") &&
      !strstr(problem, "did not find expected key") &&
      !strstr(problem, "could not find expected ':'"))
    return;
  while (s && !t && --k > 0) { /* the line above, blank ones and comments
                                   left out */
    t = line_start(l, k, &above);
    if (t && (t[above] == '\n' || t[above] == '#' || t[above] == '\r'))
      t = NULL;
  }
  if (s && t && here != above)
    buf_printf(out,
               ": line %u is indented %lu spaces, line %u (the line above) "
               "%lu; the keys of one mapping line up, those of a mapping "
               "inside it go deeper",
               line, (unsigned long)here, k, (unsigned long)above);
  else if (s)
    buf_puts(out, ": a plain value that holds ': ' must be quoted, "
                  "and the keys of one mapping line up");
}

/* libyaml stops at its first problem; report it at 1-based positions, with
   its context ("while parsing a block mapping") and that context's place. */
static void report_parser_error(struct loader *l, const yaml_parser_t *p)
{
  struct mark m, c;
  const char *problem = p->problem ? p->problem : "cannot parse the input";
  struct buf hint = BUF_INIT;

  if (p->error == YAML_READER_ERROR) {
    m = mark_at_offset(l, p->problem_offset);
    /* The value is a byte for a malformed sequence, else a code point
       (a surrogate, one past U+10FFFF, a non-character). */
    if (p->problem_value > 0x10FFFF)
      diag_error(l->d, &m, "%s (0x%lX, past U+10FFFF)", problem,
                 (unsigned long)p->problem_value);
    else if (p->problem_value > 0xFF ||
             (p->problem_value != -1 && !strstr(problem, "octet")))
      diag_error(l->d, &m, "%s (U+%04lX)", problem, /* a code point */
                 (unsigned long)p->problem_value);
    else if (p->problem_value != -1)
      diag_error(l->d, &m, "%s (byte 0x%02X)", problem,
                 (unsigned)p->problem_value & 0xFFu);
    else
      diag_error(l->d, &m, "%s", problem);
    return;
  }
  if (p->error == YAML_MEMORY_ERROR)
    xmem_exhausted();
  m = mark_of(l, p->problem_mark);
  indent_hint(l, m.line, problem, &hint);
  if (p->context) {
    c = mark_of(l, p->context_mark);
    diag_error(l->d, &m, "%s (%s at %u:%u)%s", problem, p->context, c.line,
               c.col, hint.len ? hint.data : "");
  } else {
    diag_error(l->d, &m, "%s%s", problem, hint.len ? hint.data : "");
  }
  buf_free(&hint);
}

/* One event; returns 1 at the end of the stream, -1 to stop. */
static int on_event(struct loader *l, const yaml_event_t *e, int *docs)
{
  struct mark m;

  switch (e->type) {
  case YAML_STREAM_END_EVENT: return 1;
  case YAML_DOCUMENT_START_EVENT:
    if (++*docs > 1) {
      m = mark_of(l, e->start_mark);
      return error_at(l, &m, "only one document is allowed", NULL);
    }
    return 0;
  case YAML_ALIAS_EVENT: {
    struct value v;

    memset(&v, 0, sizeof v);
    v.mark = mark_of(l, e->start_mark);
    error_at(l, &v.mark, "aliases are not allowed",
             (const char *)e->data.alias.anchor);
    push(l, &v); /* a null stands in, so the load can go on */
    return 0;
  }
  case YAML_SCALAR_EVENT: return on_scalar(l, e);
  case YAML_SEQUENCE_START_EVENT: return on_open(l, e, VALUE_SEQ);
  case YAML_MAPPING_START_EVENT: return on_open(l, e, VALUE_MAP);
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT: on_close(l); return 0;
  case YAML_NO_EVENT:
  case YAML_STREAM_START_EVENT:
  case YAML_DOCUMENT_END_EVENT: return 0;
  }
  return 0;
}

static void load_events(struct loader *l)
{
  yaml_parser_t p;
  yaml_event_t e;
  int docs = 0, r = 0;

  if (!yaml_parser_initialize(&p))
    xmem_exhausted();
  yaml_parser_set_input_string(&p, (const unsigned char *)l->bytes, l->len);
  while (r == 0) {
    if (!yaml_parser_parse(&p, &e)) {
      report_parser_error(l, &p);
      break;
    }
    r = on_event(l, &e, &docs);
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&p);
}

/* Loads what l names (bytes or a file), l->len bytes long; the tree, or
   NULL after errors in l->d. */
static struct value_tree *load(struct loader *l, const char *name)
{
  struct mark whole;

  l->tree = value_tree_new(name);
  l->file = value_tree_file(l->tree);
  whole.file = name;
  whole.line = 0;
  whole.col = 0;
  if (l->len > l->lim->max_bytes) {
    diag_error(l->d, &whole, "input is too large (the limit is %lu bytes)",
               (unsigned long)l->lim->max_bytes);
  } else {
    load_events(l);
  }
  if (!failed(l) && l->nwork == 0) {
    struct value v; /* an empty stream is one null document */

    memset(&v, 0, sizeof v);
    v.mark.file = l->file;
    v.mark.line = 1;
    v.mark.col = 1;
    push(l, &v);
  }
  if (!failed(l)) {
    struct value *root = value_tree_alloc(l->tree, sizeof *root);

    *root = l->work[0];
    value_tree_set_root(l->tree, root);
  }
  free(l->work);
  free(l->frames);
  if (failed(l)) {
    value_tree_free(l->tree);
    return NULL;
  }
  return l->tree;
}

static void init(struct loader *l, const struct loader_limits *lim,
                 struct diag *d)
{
  memset(l, 0, sizeof *l);
  l->d = d;
  l->before = diag_count(d);
  l->lim = lim ? lim : &loader_default_limits;
}

struct value_tree *loader_load_bytes(const char *name, const char *bytes,
                                     size_t len,
                                     const struct loader_limits *lim,
                                     struct diag *d)
{
  struct loader l;

  init(&l, lim, d);
  l.bytes = bytes;
  l.len = len;
  return load(&l, name);
}

/* The file is read whole first (it is bounded by the limit), through
   sysio: a FIFO or a device is refused before anything blocks on it. */
struct value_tree *loader_load_file(const char *path,
                                    const struct loader_limits *lim,
                                    struct diag *d)
{
  struct mark m = {0, 0, 0};
  struct value_tree *t = NULL;
  struct buf bytes = BUF_INIT, why = BUF_INIT;
  size_t limit = (lim ? lim : &loader_default_limits)->max_bytes;
  int r;

  if (strcmp(path, "-") == 0) { /* standard input, named as GCC names it */
    path = LOADER_STDIN;
    r = sysio_read_fd(0, limit, &bytes, &why);
  } else {
    r = sysio_read_file(path, limit, &bytes, &why);
  }
  m.file = path;
  if (r == 0 || r == -2) /* too large: reported as for bytes */
    t = loader_load_bytes(path, bytes.data, r ? limit + 1 : bytes.len, lim, d);
  else if (r == 1)
    diag_error(d, &m, "cannot open: %s", strerror(ENOENT));
  else
    diag_error(d, &m, "cannot read: %s", why.data);
  buf_free(&bytes);
  buf_free(&why);
  return t;
}
