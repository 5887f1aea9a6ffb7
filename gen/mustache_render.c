/* mustache_render: walks a template's nodes against the caller's data.
   The context stack, the indentation of standalone partials and blocks,
   and the block arguments of the parents being expanded are linked lists
   on the C stack. Everything else a render writes is its own too (struct
   render): its scratch text, which tags have reported an error, and what
   the data's shapes make of each name part. The templates and the set are
   only read, so renders may run side by side; a render allocates its few
   buffers once, never per tag (and, the first time a partial is named,
   the set loads the partial).

   Indentation, as the spec has it, is text at the start of each source
   line of an indented partial: it is written when the first node of such
   a line renders (a node flagged LINE, or a line that starts inside a
   text node), whatever that node renders. It stays "owed" until the next
   byte: if that byte ends the line (or nothing follows at all), the
   indentation is taken back out of the buffer, so no line ends in blanks
   that indentation put there. */
#include "mustache_tree.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nearest.h"
#include "xmem.h"

/* One level of the context stack, with v's shape (-1: none), asked once
   when the level is pushed rather than by every tag that looks in it. */
struct frame {
  struct mustache_value v;
  int shape;
  const struct frame *up;
};

/* White space added at the start of each line of template text. */
struct indent {
  const char *s;
  size_t n;
  const struct indent *up; /* written first */
};

/* A parent being expanded: its block children are the arguments. */
struct args {
  const struct mustache_template *t;
  size_t parent; /* index of the parent node in t */
  const struct args *up;
};

/* What one name part resolved to in the last shapes met there: way k holds
   shape[k] + 1 (0: empty) and the field that resolve() gave for it. */
struct part_memo {
  unsigned shape[MUSTACHE_SHAPES_PER_PART];
  int field[MUSTACHE_SHAPES_PER_PART];
  unsigned next; /* the way a miss fills when all are taken */
};

struct render {
  struct mustache_set *set;
  const struct mustache_data *data;
  void *closure;
  void (*escape)(struct buf *out, const char *s, size_t len);
  struct buf *out;
  struct diag *d;
  const struct indent *indent; /* NULL: none */
  const struct args *args;
  int owed;        /* out[owed_at, owed_end) is indentation that nothing */
  size_t owed_at;  /* has followed yet: taken back if a line end or the */
  size_t owed_end; /* end of the output comes next */
  int first;       /* a block's content begins: 1, its first line is a line
                      start (the block stood alone); 2, it is not, though
                      the content's source says so; 0, neither */
  unsigned depth;  /* partials, parents and overrides being expanded */
  int strict;
  int failed;
  int stop; /* end the render at once: nested too deep, the budget is
               spent, or the sink failed */
  const struct mustache_sink *sink; /* NULL: hold everything */
  unsigned long steps, max_steps;
  size_t max_bytes;
  size_t start;    /* out->len when the render began, until the first flush */
  size_t flushed;  /* bytes the sink has taken */
  size_t check_at; /* out->len from which spill() has work: the byte budget
                      passed, or enough for the sink */
  const struct mustache_template *top;  /* the template rendered */
  const struct mustache_template *at_t; /* the tag being expanded, where a */
  const struct mustache_node *at_n;     /* budget error points; NULL: none */
  struct buf scratch;                   /* a value's text before escaping */
  struct buf name;                      /* a dynamic name's text */
  unsigned char *reported; /* per node of the set: 1 once it reported */
  size_t nreported;
  struct part_memo *memos; /* per name part of the set */
  size_t nmemos;
};

static void render_nodes(struct render *r, const struct mustache_template *t,
                         size_t i, size_t end, const struct frame *ctx);

static void report(struct render *r, const struct mustache_template *t,
                   const struct mustache_node *n, const char *fmt, ...)
    DIAG_PRINTF(4, 5);

/* Makes arr, an array of *have zeroed items of size bytes, hold need
   (> *have) of them, the new ones zeroed: a render's arrays per node or
   per name part, sized to the set when first used and grown when a
   partial loaded meanwhile added nodes and parts. */
static void *cover(void *arr, size_t *have, size_t need, size_t size)
{
  assert(need > *have);
  if (need > (size_t)-1 / size)
    xmem_exhausted();
  arr = xrealloc(arr, need * size);
  memset((char *)arr + *have * size, 0, (need - *have) * size);
  *have = need;
  return arr;
}

/* Adds an error at n, unless n already reported one in this render (a tag
   in a loop would otherwise repeat it for every item). */
static void report(struct render *r, const struct mustache_template *t,
                   const struct mustache_node *n, const char *fmt, ...)
{
  size_t id = t->node_base + (size_t)(n - t->nodes);
  struct mark m;
  char msg[256];
  va_list ap;

  assert(n >= t->nodes && n < t->nodes + t->count);
  r->failed = 1;
  if (id >= r->nreported)
    r->reported = cover(r->reported, &r->nreported, r->set->nodes, 1);
  if (r->reported[id])
    return;
  r->reported[id] = 1;
  m.file = t->file;
  m.line = n->line;
  m.col = n->col;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_error(r->d, &m, "%s", msg);
}

/* Ends the render: it has spent its budget of steps (bytes 0) or bytes.
   The error points at n, or when n is text at the tag being expanded. */
static void exceeded(struct render *r, const struct mustache_template *t,
                     const struct mustache_node *n, int bytes)
{
  struct mark m;

  if (n->kind == MUSTACHE_N_TEXT) {
    t = r->at_t ? r->at_t : r->top;
    n = r->at_n;
  }
  m.file = t->file;
  m.line = n ? n->line : 0;
  m.col = n ? n->col : 0;
  r->failed = 1;
  r->stop = 1;
  if (bytes)
    diag_error(r->d, &m,
               "render budget exceeded: more than %zu bytes of "
               "output (raise it with --max-output)",
               r->max_bytes);
  else
    diag_error(r->d, &m,
               "render budget exceeded: more than %lu steps "
               "(raise it with --max-steps)",
               r->max_steps);
}

/* Counts a step of n (its visit, or one item of a section): -1 when that
   step is one too many. */
static int charge(struct render *r, const struct mustache_template *t,
                  const struct mustache_node *n)
{
  if (++r->steps <= r->max_steps)
    return 0;
  exceeded(r, t, n, 0);
  return -1;
}

static void put_indent(struct buf *out, const struct indent *in)
{
  if (!in)
    return;
  put_indent(out, in->up);
  buf_put(out, in->s, in->n);
}

/* A source line starts: writes the indentation in force, owed. */
static void owe(struct render *r)
{
  if (!r->indent)
    return;
  if (!r->owed) {
    r->owed = 1;
    r->owed_at = r->out->len;
  }
  put_indent(r->out, r->indent);
  r->owed_end = r->out->len;
}

/* After a write: owed indentation stays when something other than a line
   end followed it, and is taken back when a line end did. */
static void settle(struct render *r)
{
  struct buf *o = r->out;
  char c;

  if (!r->owed || o->len == r->owed_end)
    return;
  r->owed = 0;
  c = o->data[r->owed_end];
  if (c != '\n' && c != '\r')
    return;
  memmove(o->data + r->owed_at, o->data + r->owed_end, o->len - r->owed_end);
  buf_truncate(o, o->len - (r->owed_end - r->owed_at));
}

/* Template text. Its first line was indented when its node began (if it
   starts a line); each line after a line end inside it starts one. */
static void out_text(struct render *r, const char *s, size_t n)
{
  const char *nl;
  size_t k;

  if (!r->indent && !r->owed) {
    struct buf *o = r->out;

    /* buf_put inline: template text is most of most outputs */
    if (!n)
      return;
    if (o->cap - o->len <= n)
      buf_grow(o, n);
    memcpy(o->data + o->len, s, n);
    o->len += n;
    o->data[o->len] = '\0';
    return;
  }
  while (n) {
    nl = memchr(s, '\n', n);
    k = nl ? (size_t)(nl - s) + 1 : n;
    buf_put(r->out, s, k);
    settle(r);
    s += k;
    n -= k;
    if (n)
      owe(r);
  }
}

/* The field that part k of t names in mappings of the given shape, or -1:
   from the render's memo of that part, asking the data on a miss. */
static int field_of(struct render *r, const struct mustache_template *t,
                    size_t k, int shape)
{
  size_t id = t->part_base + k;
  unsigned want = (unsigned)shape + 1u, w;
  struct part_memo *m;

  if (id >= r->nmemos)
    r->memos = cover(r->memos, &r->nmemos, r->set->parts, sizeof *r->memos);
  m = &r->memos[id];
  for (w = 0; w < MUSTACHE_SHAPES_PER_PART; w++)
    if (m->shape[w] == want)
      return m->field[w];
  w = m->next;
  m->next = (w + 1) % MUSTACHE_SHAPES_PER_PART;
  m->shape[w] = want;
  m->field[w] =
      r->data->resolve(r->closure, shape, t->parts[k].s, t->parts[k].n);
  return m->field[w];
}

/* v's shape, or -1 when it has none or the data gives no shapes. */
static int shape_of(const struct render *r, struct mustache_value v)
{
  return r->data->shape ? r->data->shape(r->closure, v) : -1;
}

/* Looks part k of t up in v, whose shape is given: 1 with *out set, or 0
   when v has no such key (or is no mapping). By field number when v has
   a shape, else by key text. */
static inline int look(struct render *r, const struct mustache_template *t,
                       size_t k, struct mustache_value v, int shape,
                       struct mustache_value *out)
{
  int f;

  if (shape < 0)
    return r->data->lookup(r->closure, v, t->parts[k].s, t->parts[k].n, out);
  f = field_of(r, t, k, shape);
  if (f < 0)
    return 0;
  *out = r->data->field(r->closure, v, f);
  return 1;
}

/* Offers the keys of mapping v to near. */
static void offer_keys(struct render *r, struct mustache_value v,
                       struct nearest *near)
{
  const char *k;
  size_t i;

  for (i = 0; (k = r->data->key(r->closure, v, i)) != NULL; i++)
    nearest_offer(near, k);
}

/* Reports n's name as unknown: part k of it was not found, in the
   context stack ctx (k = 0) or in the mapping v (the value of the parts
   before k). With a key() in the data, names the nearest key there: the
   names valid at that point. */
static void unknown_name(struct render *r, const struct mustache_template *t,
                         const struct mustache_node *n, size_t k,
                         const struct frame *ctx, struct mustache_value v)
{
  const struct mustache_part *part = t->parts + n->part + k;
  char shown[96], meant[96];
  struct nearest near;
  struct buf name = BUF_INIT;
  size_t i;

  nearest_init(&near, part->s, part->n);
  if (r->data->key && ctx)
    for (; ctx; ctx = ctx->up)
      offer_keys(r, ctx->v, &near);
  else if (r->data->key)
    offer_keys(r, v, &near);
  mustache_show(shown, sizeof shown, n->str, n->len);
  if (!near.best) {
    report(r, t, n, "unknown name '%s'", shown);
    return;
  }
  /* the name as meant: the parts before k, then the key */
  for (i = 0; i < k; i++)
    buf_printf(&name, "%.*s.", (int)t->parts[n->part + i].n,
               t->parts[n->part + i].s);
  buf_puts(&name, near.best);
  report(r, t, n, "unknown name '%s' (did you mean '%s'?)", shown,
         mustache_show(meant, sizeof meant, name.data, name.len));
  buf_free(&name);
}

/* Finds the value of n's name on the context stack: 1, or 0 when the data
   has no such name (an error in strict mode). */
static int resolve(struct render *r, const struct mustache_template *t,
                   const struct mustache_node *n, const struct frame *ctx,
                   struct mustache_value *v)
{
  const struct frame *f;
  size_t i;

  if (!n->nparts) { /* "." (a template may then have no parts at all) */
    *v = ctx->v;
    return 1;
  }
  for (f = ctx; f; f = f->up)
    if (look(r, t, n->part, f->v, f->shape, v))
      break;
  for (i = 1; f && i < n->nparts; i++) {
    struct mustache_value before = *v;

    if (!look(r, t, n->part + i, *v, shape_of(r, *v), v)) {
      if (r->strict)
        unknown_name(r, t, n, i, NULL, before);
      return 0;
    }
  }
  if (f)
    return 1;
  if (r->strict)
    unknown_name(r, t, n, 0, ctx, ctx->v);
  return 0;
}

/* Appends the text of v to b: 0, or -1 when it has none. */
static int print(struct render *r, const struct mustache_template *t,
                 const struct mustache_node *n, struct mustache_value v,
                 struct buf *b)
{
  char shown[96];

  if (r->data->print(r->closure, v, b) == 0)
    return 0;
  if (r->strict)
    report(r, t, n, "cannot print '%s': not a scalar",
           mustache_show(shown, sizeof shown, n->str, n->len));
  return -1;
}

/* {{name}}, {{{name}}}: printed straight into the output unless it is
   escaped. A value's own line ends start no source line: what follows
   them is not indented. */
static void render_var(struct render *r, const struct mustache_template *t,
                       const struct mustache_node *n, const struct frame *ctx)
{
  void (*escape)(struct buf *, const char *, size_t) =
      n->kind == MUSTACHE_N_VAR ? r->escape : NULL;
  struct buf *tmp = &r->scratch;
  struct mustache_value v;

  if (!resolve(r, t, n, ctx, &v))
    return;
  if (!escape) {
    print(r, t, n, v, r->out);
  } else {
    buf_clear(tmp);
    if (print(r, t, n, v, tmp) == 0 && tmp->len)
      escape(r->out, tmp->data, tmp->len);
  }
  settle(r);
}

/* {{#name}}: once per item of a list, once for a truthy value. */
static void render_section(struct render *r, const struct mustache_template *t,
                           size_t i, const struct frame *ctx)
{
  const struct mustache_node *n = &t->nodes[i];
  const struct mustache_template *at_t = r->at_t;
  const struct mustache_node *at_n = r->at_n;
  struct mustache_value v;
  struct frame f;
  size_t len, k;

  if (!resolve(r, t, n, ctx, &v))
    return;
  f.up = ctx;
  r->at_t = t;
  r->at_n = n;
  if (r->data->list(r->closure, v, &len)) {
    for (k = 0; k < len && charge(r, t, n) == 0; k++) {
      f.v = r->data->item(r->closure, v, k);
      f.shape = shape_of(r, f.v);
      render_nodes(r, t, i + 1, n->end, &f);
      if (r->stop)
        break;
    }
  } else if (r->data->truthy(r->closure, v)) {
    f.v = v;
    f.shape = shape_of(r, v);
    render_nodes(r, t, i + 1, n->end, &f);
  }
  r->at_t = at_t;
  r->at_n = at_n;
}

/* {{^name}}: once when the value is missing, falsey or an empty list. */
static void render_inverted(struct render *r, const struct mustache_template *t,
                            size_t i, const struct frame *ctx)
{
  const struct mustache_node *n = &t->nodes[i];
  struct mustache_value v;
  size_t len;
  int show;

  if (!resolve(r, t, n, ctx, &v))
    show = 1;
  else if (r->data->list(r->closure, v, &len))
    show = len == 0;
  else
    show = !r->data->truthy(r->closure, v);
  if (show) {
    const struct mustache_template *at_t = r->at_t;
    const struct mustache_node *at_n = r->at_n;

    r->at_t = t;
    r->at_n = n;
    render_nodes(r, t, i + 1, n->end, ctx);
    r->at_t = at_t;
    r->at_n = at_n;
  }
}

/* The template a partial or parent node names; NULL when there is none
   (reported when it is an error). */
static const struct mustache_template *target(struct render *r,
                                              const struct mustache_template *t,
                                              const struct mustache_node *n,
                                              const struct frame *ctx)
{
  const struct mustache_template *p;
  const char *name = n->str;
  size_t len = n->len;
  enum mustache_found why;
  struct mustache_value v;
  const char *hint = NULL;
  char shown[96];

  if (n->flags & MUSTACHE_F_DYNAMIC) {
    if (!resolve(r, t, n, ctx, &v))
      return NULL;
    buf_clear(&r->name);
    if (print(r, t, n, v, &r->name) < 0)
      return NULL;
    name = r->name.data;
    len = r->name.len;
  }
  mustache_show(shown, sizeof shown, name, len);
  if (r->depth >= MUSTACHE_MAX_DEPTH) {
    report(r, t, n, "%s '%s' nested too deep (limit %d)",
           n->kind == MUSTACHE_N_PARENT ? "parent" : "partial", shown,
           MUSTACHE_MAX_DEPTH);
    r->stop = 1;
    return NULL;
  }
  p = len ? mustache_set_partial(r->set, name, len, r->d, &why, &hint) : NULL;
  if (!len)
    why = MUSTACHE_NOT_FOUND;
  if (p)
    return p;
  if (why == MUSTACHE_FORBIDDEN)
    report(r, t, n, "partial '%s' is outside the templates folder", shown);
  else if (why == MUSTACHE_FAILED)
    r->failed = 1;
  else if (r->strict && hint)
    report(r, t, n, "partial '%s' not found (%s)", shown, hint);
  else if (r->strict)
    report(r, t, n, "partial '%s' not found", shown);
  return NULL;
}

/* Renders partial or parent p for node n: a standalone tag indents every
   line of p by its own white space (on top of the indentation in force);
   an inline one renders p without indentation, though the line it sits
   on has its own (written, if due, when the tag's node began). */
static void expand(struct render *r, const struct mustache_template *p,
                   const struct mustache_template *t,
                   const struct mustache_node *n, const struct frame *ctx)
{
  const struct indent *saved = r->indent;
  const struct mustache_template *at_t = r->at_t;
  const struct mustache_node *at_n = r->at_n;
  struct indent in;

  if (!(n->flags & MUSTACHE_F_STANDALONE)) {
    r->indent = NULL;
  } else if (n->indent_len) {
    in.s = n->indent;
    in.n = n->indent_len;
    in.up = r->indent;
    r->indent = &in;
  }
  r->depth++;
  r->at_t = t;
  r->at_n = n;
  render_nodes(r, p, 0, p->count, ctx);
  r->at_t = at_t;
  r->at_n = at_n;
  r->depth--;
  r->indent = saved;
}

static int is_container(int kind)
{
  return kind == MUSTACHE_N_SECTION || kind == MUSTACHE_N_INVERTED ||
         kind == MUSTACHE_N_PARENT || kind == MUSTACHE_N_BLOCK;
}

/* The argument for block n from the parents being expanded: the
   outermost wins, so a template overrides what its parents pass on, and
   of two arguments of one parent for the same block, the last. */
static int find_override(const struct render *r, const struct mustache_node *n,
                         const struct mustache_template **t, size_t *from,
                         size_t *to)
{
  const struct args *a;
  int found = 0;

  for (a = r->args; a; a = a->up) {
    const struct mustache_node *nodes = a->t->nodes;
    size_t k = a->parent + 1, end = nodes[a->parent].end;

    while (k < end) {
      const struct mustache_node *c = &nodes[k];

      if (c->kind == MUSTACHE_N_BLOCK && c->len == n->len &&
          memcmp(c->str, n->str, n->len) == 0) {
        *t = a->t;
        *from = k + 1;
        *to = c->end;
        found = 1;
      }
      k = is_container(c->kind) ? c->end : k + 1;
    }
  }
  return found;
}

/* {{$name}}: the argument passed for it, else its own content, indented by
   the block's indentation. */
static void render_block(struct render *r, const struct mustache_template *t,
                         size_t i, const struct frame *ctx)
{
  const struct mustache_node *n = &t->nodes[i];
  const struct mustache_template *from_t = t, *at_t = r->at_t;
  const struct mustache_node *at_n = r->at_n;
  const struct indent *saved = r->indent;
  size_t from = i + 1, to = n->end;
  unsigned over = (unsigned)find_override(r, n, &from_t, &from, &to);
  struct indent in;
  char shown[96];

  if (over && r->depth >= MUSTACHE_MAX_DEPTH) {
    report(r, t, n, "block '%s' nested too deep (limit %d)",
           mustache_show(shown, sizeof shown, n->str, n->len),
           MUSTACHE_MAX_DEPTH);
    r->stop = 1;
    return;
  }
  if (n->indent_len) {
    in.s = n->indent;
    in.n = n->indent_len;
    in.up = r->indent;
    r->indent = &in;
  }
  r->depth += over;
  r->at_t = t;
  r->at_n = n;
  r->first = n->flags & MUSTACHE_F_STANDALONE ? 1 : 2;
  render_nodes(r, from_t, from, to, ctx);
  r->first = 0;
  r->at_t = at_t;
  r->at_n = at_n;
  r->depth -= over;
  r->indent = saved;
}

/* {{>name}}: the partial, whose blocks are its own parameters: the
   arguments of the parents being expanded stop here, so that it renders
   its blocks' defaults ("a parameter of the containing template", says
   the spec). */
static void render_partial(struct render *r, const struct mustache_template *t,
                           const struct mustache_node *n,
                           const struct frame *ctx)
{
  const struct mustache_template *p = target(r, t, n, ctx);
  const struct args *args = r->args;

  if (!p)
    return;
  r->args = NULL;
  expand(r, p, t, n, ctx);
  r->args = args;
}

/* {{<name}}: the parent template, with this node's blocks as arguments. */
static void render_parent(struct render *r, const struct mustache_template *t,
                          size_t i, const struct frame *ctx)
{
  const struct mustache_template *p = target(r, t, &t->nodes[i], ctx);
  struct args a;

  if (!p)
    return;
  a.t = t;
  a.parent = i;
  a.up = r->args;
  r->args = &a;
  expand(r, p, t, &t->nodes[i], ctx);
  r->args = a.up;
}

/* Sets check_at: one compare per node then tells whether the output has
   passed the byte budget (out->len - start > max_bytes - flushed) or
   holds enough for the sink. */
static void aim(struct render *r)
{
  size_t room = r->max_bytes - r->flushed;

  r->check_at =
      room >= (size_t)-1 - r->start ? (size_t)-1 : r->start + room + 1;
  if (r->sink && r->check_at > MUSTACHE_FLUSH_AT)
    r->check_at = MUSTACHE_FLUSH_AT;
}

/* After node n: ends the render when its output has passed the budget,
   else hands the output to the sink once it holds enough (a failed flush
   ends the render too; the sink's owner reports why). */
static void spill(struct render *r, const struct mustache_template *t,
                  const struct mustache_node *n)
{
  if (r->out->len < r->check_at || r->stop)
    return;
  if (r->out->len - r->start > r->max_bytes - r->flushed) {
    exceeded(r, t, n, 1);
    return;
  }
  if (!r->sink || r->owed || r->out->len < MUSTACHE_FLUSH_AT)
    return;
  r->flushed += r->out->len - r->start;
  r->start = 0;
  aim(r);
  if (r->sink->flush(r->sink->closure, r->out) < 0) {
    r->failed = 1;
    r->stop = 1;
  }
}

static void render_nodes(struct render *r, const struct mustache_template *t,
                         size_t i, size_t end, const struct frame *ctx)
{
  while (i < end && !r->stop) {
    const struct mustache_node *n = &t->nodes[i];

    if (charge(r, t, n) < 0)
      return;
    if (r->first && !(n->flags & MUSTACHE_F_STANDALONE)) {
      if (r->first == 1)
        owe(r);
      r->first = 0;
    } else if (n->flags & MUSTACHE_F_LINE) {
      owe(r);
    }
    switch (n->kind) {
    case MUSTACHE_N_TEXT: out_text(r, n->str, n->len); break;
    case MUSTACHE_N_VAR:
    case MUSTACHE_N_RAW: render_var(r, t, n, ctx); break;
    case MUSTACHE_N_SECTION: render_section(r, t, i, ctx); break;
    case MUSTACHE_N_INVERTED: render_inverted(r, t, i, ctx); break;
    case MUSTACHE_N_PARTIAL: render_partial(r, t, n, ctx); break;
    case MUSTACHE_N_PARENT: render_parent(r, t, i, ctx); break;
    case MUSTACHE_N_BLOCK: render_block(r, t, i, ctx); break;
    }
    i = is_container(n->kind) ? n->end : i + 1;
    spill(r, t, n);
  }
}

int mustache_render(struct mustache_set *s, const struct mustache_template *t,
                    const struct mustache_view *view,
                    void (*escape)(struct buf *out, const char *s, size_t len),
                    struct buf *out, struct diag *d)
{
  return mustache_render_to(s, t, view, escape, NULL, out, d);
}

int mustache_render_to(
    struct mustache_set *s, const struct mustache_template *t,
    const struct mustache_view *view,
    void (*escape)(struct buf *out, const char *s, size_t len),
    const struct mustache_sink *sink, struct buf *out, struct diag *d)
{
  struct render r;
  struct frame root;

  memset(&r, 0, sizeof r);
  r.set = s;
  r.data = view->data;
  r.closure = view->closure;
  r.escape = escape;
  r.out = out;
  r.d = d;
  r.sink = sink;
  r.strict = !s->cfg.lenient;
  r.max_steps = s->cfg.max_steps ? s->cfg.max_steps : MUSTACHE_MAX_STEPS;
  r.max_bytes = s->cfg.max_bytes ? s->cfg.max_bytes : MUSTACHE_MAX_BYTES;
  r.start = out->len;
  aim(&r);
  r.top = t;
  buf_init(&r.scratch);
  buf_init(&r.name);
  root.v = view->root;
  root.shape = shape_of(&r, root.v);
  root.up = NULL;
  render_nodes(&r, t, 0, t->count, &root);
  if (r.owed)
    buf_truncate(out, r.owed_at);
  buf_free(&r.scratch);
  buf_free(&r.name);
  free(r.reported);
  free(r.memos);
  return r.failed ? -1 : 0;
}
