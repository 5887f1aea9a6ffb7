/* view: field tables over the spec model. Each object type lists its field
   names in one table; field_value() maps a position to a value. Lookups,
   iteration and the JSON dump all go through those two. */
#include "view.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lookup.h"
#include "xmem.h"

/* One enumerator: a status, or an alias equal to one. */
struct constant {
  const char *name;
  long code;
  const char *target; /* aliases: the status's name */
  const char *reason;
};

struct view {
  const struct spec *s;
  struct constant *constants;
  size_t nconstants;
  struct lookup_index names, reasons;
  struct lookup_slots slots;
  char *prefix, *upper_prefix, *spec_file;
  char **class_upper, **flag_upper; /* upper-case ids */
  size_t *class_first, *class_len;  /* each class's slice of statuses */
  const struct spec_status ***flag_statuses; /* per flag: who has it */
  size_t *flag_len;
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const root_fields[] = {
  "prefix", "PREFIX", "spec_file", "title", "source", "count", "classes",
  "flags", "statuses", "constants", "code_slots", "name_index",
  "reason_index"};
static const char *const constant_fields[] = {"name", "code", "target",
                                              "reason"};
static const char *const group_fields[] = {"length", "pos", "one", "cases",
                                           "keys"};
static const char *const case_fields[] = {"byte", "label", "keys"};
static const char *const slots_fields[] = {"lo", "hi", "dense", "cases",
                                           "gap_lines"};
static const char *const slot_fields[] = {"code", "slot", "offset"};
static const char *const gap_line_fields[] = {"gaps"};
static const char *const gap_fields[] = {"offset"};
static const char *const key_fields[] = {"text", "lower", "code"};
static const char *const item_fields[] = {"first", "last"};
static const char *const class_fields[] = {
  "id", "ID", "title", "lo", "hi", "index", "statuses"};
static const char *const flag_fields[] = {"id", "ID", "meaning", "statuses"};
static const char *const status_fields[] = {
  "code", "name", "reason", "description", "reference", "class", "flags",
  "flag_list", "aliases"};
static const char *const alias_fields[] = {"reason", "name"};

struct type_info {
  const char *const *names;
  size_t count;
  enum view_type full; /* a ref's fields are the first of its full type's */
};

/* Field names of each type, by enum view_type; a flag set takes its
   names from the spec. A ref's fields are the first of its full type's. */
static const struct type_info types[] = {
  {root_fields, COUNT(root_fields), VIEW_ROOT},
  {class_fields, COUNT(class_fields), VIEW_CLASS},
  {class_fields, 3, VIEW_CLASS},
  {flag_fields, COUNT(flag_fields), VIEW_FLAG},
  {flag_fields, 3, VIEW_FLAG},
  {NULL, 0, VIEW_FLAG_SET},
  {status_fields, COUNT(status_fields), VIEW_STATUS},
  {status_fields, 2, VIEW_STATUS},
  {alias_fields, COUNT(alias_fields), VIEW_ALIAS},
  {constant_fields, COUNT(constant_fields), VIEW_CONSTANT},
  {group_fields, COUNT(group_fields), VIEW_GROUP},
  {key_fields, COUNT(key_fields), VIEW_KEY},
  {case_fields, COUNT(case_fields), VIEW_CASE},
  {slots_fields, COUNT(slots_fields), VIEW_SLOTS},
  {slot_fields, COUNT(slot_fields), VIEW_SLOT},
  {gap_line_fields, COUNT(gap_line_fields), VIEW_GAP_LINE},
  {gap_fields, COUNT(gap_fields), VIEW_GAP},
};

static const struct type_info *info(enum view_type t)
{
  return &types[t];
}

/* Fields of the type itself, before first and last. */
static size_t own_fields(const struct view *v, struct view_ref r)
{
  return r.type == VIEW_FLAG_SET ? v->s->nflags : info(r.type)->count;
}

static size_t field_count(const struct view *v, struct view_ref r)
{
  if (r.kind != VIEW_OBJECT)
    return 0;
  return own_fields(v, r) + (r.count ? COUNT(item_fields) : 0);
}

static const char *field_name(const struct view *v, struct view_ref r,
                              size_t i)
{
  size_t own = own_fields(v, r);

  if (i >= own)
    return item_fields[i - own];
  return r.type == VIEW_FLAG_SET ? v->s->flags[i].id : info(r.type)->names[i];
}

static struct view_ref make(enum view_kind kind)
{
  struct view_ref r;

  memset(&r, 0, sizeof r);
  r.kind = kind;
  return r;
}

static struct view_ref text(const char *s)
{
  struct view_ref r = make(s ? VIEW_TEXT : VIEW_NULL);

  r.text = s;
  return r;
}

static struct view_ref number(enum view_kind kind, long n)
{
  struct view_ref r = make(kind);

  r.num = n;
  return r;
}

static struct view_ref object(enum view_type type, const void *p)
{
  struct view_ref r = make(p ? VIEW_OBJECT : VIEW_NULL);

  r.type = type;
  r.ptr = p;
  return r;
}

static struct view_ref list(enum view_type type, const void *base, size_t n,
                            int indirect)
{
  struct view_ref r = make(VIEW_LIST);

  r.type = type;
  r.ptr = base;
  r.num = (long)n;
  r.indirect = indirect;
  return r;
}

static struct view_ref root_field(const struct view *v, size_t i)
{
  const struct spec *s = v->s;

  switch (i) {
  case 0: return text(v->prefix);
  case 1: return text(v->upper_prefix);
  case 2: return text(v->spec_file);
  case 3: return text(s->title);
  case 4: return text(s->source);
  case 5: return number(VIEW_INT, (long)s->nstatuses);
  case 6: return list(VIEW_CLASS, s->classes, s->nclasses, 0);
  case 7: return list(VIEW_FLAG, s->flags, s->nflags, 0);
  case 8: return list(VIEW_STATUS, s->statuses, s->nstatuses, 0);
  case 9: return list(VIEW_CONSTANT, v->constants, v->nconstants, 0);
  case 10: return object(VIEW_SLOTS, &v->slots);
  case 11: return list(VIEW_GROUP, v->names.groups, v->names.ngroups, 0);
  default: return list(VIEW_GROUP, v->reasons.groups, v->reasons.ngroups, 0);
  }
}

static struct view_ref constant_field(const struct constant *c, size_t i)
{
  switch (i) {
  case 0: return text(c->name);
  case 1: return number(VIEW_INT, c->code);
  case 2: return text(c->target);
  default: return text(c->reason);
  }
}

static struct view_ref group_field(const struct lookup_group *g, size_t i)
{
  switch (i) {
  case 0: return number(VIEW_INT, (long)g->length);
  case 1: return number(VIEW_INT, (long)g->pos);
  case 2: return object(VIEW_KEY, g->nkeys == 1 ? g->keys : NULL);
  case 3: return list(VIEW_CASE, g->cases, g->ncases, 0);
  default: return list(VIEW_KEY, g->keys, g->nkeys, 0);
  }
}

static struct view_ref key_field(const struct lookup_key *k, size_t i)
{
  switch (i) {
  case 0: return text(k->text);
  case 1: return text(k->lower);
  default: return number(VIEW_INT, k->code);
  }
}

static struct view_ref case_field(const struct lookup_case *c, size_t i)
{
  if (i == 0)
    return number(VIEW_INT, (long)c->byte);
  if (i == 1)
    return text(c->label);
  return list(VIEW_KEY, c->keys, c->nkeys, 0);
}

/* Gap offsets come in lines of this many, for case labels that fit. */
#define GAPS_PER_LINE 7

static struct view_ref slots_field(const struct view *v, size_t i)
{
  const struct lookup_slots *sl = &v->slots;

  switch (i) {
  case 0: return number(VIEW_INT, sl->lo);
  case 1: return number(VIEW_INT, sl->hi);
  case 2: return number(VIEW_BOOL, sl->dense);
  case 3: return list(VIEW_SLOT, v->s->statuses, v->s->nstatuses, 0);
  default:
    return list(VIEW_GAP_LINE, sl->gaps,
                (sl->ngaps + GAPS_PER_LINE - 1) / GAPS_PER_LINE, 0);
  }
}

static struct view_ref slot_field(const struct view *v,
                                  const struct spec_status *st, size_t i)
{
  switch (i) {
  case 0: return number(VIEW_INT, st->code);
  case 1: return number(VIEW_INT, (long)(st - v->s->statuses) + 1);
  default: return number(VIEW_INT, st->code - v->slots.lo);
  }
}

/* A line of gaps: the offsets from line up to GAPS_PER_LINE, or the end. */
static struct view_ref gap_line(const struct view *v, const unsigned long *at)
{
  size_t done = (size_t)(at - v->slots.gaps), n = v->slots.ngaps - done;

  return list(VIEW_GAP, at, n < GAPS_PER_LINE ? n : GAPS_PER_LINE, 0);
}

static struct view_ref class_field(const struct view *v,
                                   const struct spec_class *c, size_t i)
{
  size_t k = (size_t)(c - v->s->classes);

  switch (i) {
  case 0: return text(c->id);
  case 1: return text(v->class_upper[k]);
  case 2: return text(c->title);
  case 3: return number(VIEW_INT, c->lo);
  case 4: return number(VIEW_INT, c->hi);
  case 5: return number(VIEW_INT, (long)k + 1);
  default:
    return list(VIEW_STATUS, v->s->statuses + v->class_first[k],
                v->class_len[k], 0);
  }
}

static struct view_ref flag_field(const struct view *v,
                                  const struct spec_flag *f, size_t i)
{
  size_t k = (size_t)(f - v->s->flags);

  switch (i) {
  case 0: return text(f->id);
  case 1: return text(v->flag_upper[k]);
  case 2: return text(f->meaning);
  default:
    return list(VIEW_STATUS_REF, v->flag_statuses[k], v->flag_len[k], 1);
  }
}

static int has_flag(const struct spec_status *st, const struct spec_flag *f)
{
  size_t i;

  for (i = 0; i < st->nflags; i++)
    if (st->flags[i] == f)
      return 1;
  return 0;
}

static struct view_ref status_field(const struct spec_status *st, size_t i)
{
  switch (i) {
  case 0: return number(VIEW_INT, st->code);
  case 1: return text(st->name);
  case 2: return text(st->reason);
  case 3: return text(st->description);
  case 4: return text(st->reference);
  case 5: return object(VIEW_CLASS_REF, st->cls);
  case 6: return object(VIEW_FLAG_SET, st);
  case 7: return list(VIEW_FLAG_REF, st->flags, st->nflags, 1);
  default: return list(VIEW_ALIAS, st->aliases, st->naliases, 0);
  }
}

static struct view_ref field_value(const struct view *v, struct view_ref r,
                                   size_t i)
{
  size_t own = own_fields(v, r);

  if (i >= own)
    return number(VIEW_BOOL, i == own ? r.pos == 0 : r.pos == r.count - 1);
  switch (info(r.type)->full) {
  case VIEW_ROOT: return root_field(v, i);
  case VIEW_CLASS: return class_field(v, r.ptr, i);
  case VIEW_FLAG: return flag_field(v, r.ptr, i);
  case VIEW_STATUS: return status_field(r.ptr, i);
  case VIEW_ALIAS:
    return text(i == 0 ? ((const struct spec_alias *)r.ptr)->reason
                       : ((const struct spec_alias *)r.ptr)->name);
  case VIEW_CONSTANT: return constant_field(r.ptr, i);
  case VIEW_GROUP: return group_field(r.ptr, i);
  case VIEW_KEY: return key_field(r.ptr, i);
  case VIEW_CASE: return case_field(r.ptr, i);
  case VIEW_SLOTS: return slots_field(v, i);
  case VIEW_SLOT: return slot_field(v, r.ptr, i);
  case VIEW_GAP_LINE: return gap_line(v, r.ptr);
  case VIEW_GAP:
    return number(VIEW_INT, (long)*(const unsigned long *)r.ptr);
  case VIEW_FLAG_SET:
    return number(VIEW_BOOL, has_flag(r.ptr, &v->s->flags[i]));
  case VIEW_CLASS_REF:
  case VIEW_FLAG_REF:
  case VIEW_STATUS_REF: break; /* info() maps refs to their full types */
  }
  return make(VIEW_NULL);
}

struct view_ref view_root(const struct view *v)
{
  return object(VIEW_ROOT, v->s);
}

int view_get(const struct view *v, struct view_ref r, const char *name,
             size_t len, struct view_ref *out)
{
  size_t i, n = field_count(v, r);

  for (i = 0; len && i < n; i++) {
    const char *f = field_name(v, r, i);

    /* no strlen: most names differ in their first byte */
    if (f[0] == name[0] && strncmp(f, name, len) == 0 && f[len] == '\0') {
      *out = field_value(v, r, i);
      return 1;
    }
  }
  *out = make(VIEW_NULL);
  return 0;
}

static size_t item_size(enum view_type t)
{
  switch (t) {
  case VIEW_CLASS: return sizeof(struct spec_class);
  case VIEW_FLAG: return sizeof(struct spec_flag);
  case VIEW_STATUS: return sizeof(struct spec_status);
  case VIEW_ALIAS: return sizeof(struct spec_alias);
  case VIEW_CONSTANT: return sizeof(struct constant);
  case VIEW_GROUP: return sizeof(struct lookup_group);
  case VIEW_KEY: return sizeof(struct lookup_key);
  case VIEW_CASE: return sizeof(struct lookup_case);
  case VIEW_SLOT: return sizeof(struct spec_status);
  case VIEW_GAP_LINE: return GAPS_PER_LINE * sizeof(unsigned long);
  case VIEW_GAP: return sizeof(unsigned long);
  default: return 0; /* refs come in lists of pointers */
  }
}

struct view_ref view_item(const struct view *v, struct view_ref r, size_t i)
{
  struct view_ref item;

  (void)v;
  if (r.indirect)
    item = object(r.type, ((const void *const *)r.ptr)[i]);
  else
    item = object(r.type, (const char *)r.ptr + i * item_size(r.type));
  item.pos = (long)i;
  item.count = r.num;
  return item;
}

static char *upper(const char *s)
{
  size_t i, n = strlen(s);
  char *u = xstrndup(s, n);

  for (i = 0; i < n; i++)
    u[i] = (char)toupper((unsigned char)u[i]);
  return u;
}

/* Each class's statuses are one slice of the sorted list: classes do not
   overlap, and a class is a range of codes. */
static void index_classes(struct view *v)
{
  const struct spec *s = v->s;
  size_t i, k;

  v->class_upper = xcalloc(s->nclasses + 1, sizeof *v->class_upper);
  v->class_first = xcalloc(s->nclasses + 1, sizeof *v->class_first);
  v->class_len = xcalloc(s->nclasses + 1, sizeof *v->class_len);
  for (k = 0; k < s->nclasses; k++) {
    v->class_upper[k] = upper(s->classes[k].id);
    for (i = 0; i < s->nstatuses && s->statuses[i].code < s->classes[k].lo;)
      i++;
    v->class_first[k] = i;
    while (i < s->nstatuses && s->statuses[i].code <= s->classes[k].hi)
      i++;
    v->class_len[k] = i - v->class_first[k];
  }
}

static void index_flags(struct view *v)
{
  const struct spec *s = v->s;
  size_t i, j, k;

  v->flag_upper = xcalloc(s->nflags + 1, sizeof *v->flag_upper);
  v->flag_statuses = xcalloc(s->nflags + 1, sizeof *v->flag_statuses);
  v->flag_len = xcalloc(s->nflags + 1, sizeof *v->flag_len);
  for (i = 0; i < s->nstatuses; i++)
    for (j = 0; j < s->statuses[i].nflags; j++)
      v->flag_len[s->statuses[i].flags[j] - s->flags]++;
  for (k = 0; k < s->nflags; k++) {
    v->flag_upper[k] = upper(s->flags[k].id);
    v->flag_statuses[k] =
        xcalloc(v->flag_len[k] + 1, sizeof **v->flag_statuses);
    v->flag_len[k] = 0;
  }
  for (i = 0; i < s->nstatuses; i++)
    for (j = 0; j < s->statuses[i].nflags; j++) {
      k = (size_t)(s->statuses[i].flags[j] - s->flags);
      v->flag_statuses[k][v->flag_len[k]++] = &s->statuses[i];
    }
}

static void build_constants(struct view *v)
{
  const struct spec *s = v->s;
  size_t i, j, n = s->nstatuses;

  for (i = 0; i < s->nstatuses; i++)
    n += s->statuses[i].naliases;
  v->constants = xcalloc(n + 1, sizeof *v->constants);
  for (i = 0; i < s->nstatuses; i++) {
    const struct spec_status *st = &s->statuses[i];
    struct constant *c = &v->constants[v->nconstants++];

    c->name = st->name;
    c->code = st->code;
    c->reason = st->reason;
    for (j = 0; j < st->naliases; j++) {
      c = &v->constants[v->nconstants++];
      c->name = st->aliases[j].name;
      c->code = st->code;
      c->target = st->name;
      c->reason = st->aliases[j].reason;
    }
  }
}

/* The names (reasons when by_reason) of every status and alias, indexed
   for the generated lookups; and the codes' slots. */
static void build_index(struct view *v, struct lookup_index *x, int by_reason)
{
  const char **texts = xcalloc(v->nconstants + 1, sizeof *texts);
  long *codes = xcalloc(v->nconstants + 1, sizeof *codes);
  size_t i;

  for (i = 0; i < v->nconstants; i++) {
    texts[i] = by_reason ? v->constants[i].reason : v->constants[i].name;
    codes[i] = v->constants[i].code;
  }
  lookup_index_build(x, texts, codes, v->nconstants, by_reason);
  free(texts);
  free(codes);
}

static void build_slots(struct view *v)
{
  long *codes = xcalloc(v->s->nstatuses + 1, sizeof *codes);
  size_t i;

  for (i = 0; i < v->s->nstatuses; i++)
    codes[i] = v->s->statuses[i].code;
  lookup_slots_build(&v->slots, codes, v->s->nstatuses);
  free(codes);
}

struct view *view_new(const struct spec *s, const char *prefix,
                      const char *spec_file)
{
  struct view *v = xcalloc(1, sizeof *v);

  v->s = s;
  if (!prefix)
    prefix = s->name;
  v->prefix = xstrndup(prefix, strlen(prefix));
  v->upper_prefix = upper(prefix);
  v->spec_file = xstrndup(spec_file, strlen(spec_file));
  index_classes(v);
  index_flags(v);
  build_constants(v);
  build_index(v, &v->names, 0);
  build_index(v, &v->reasons, 1);
  build_slots(v);
  return v;
}

void view_free(struct view *v)
{
  size_t k;

  if (!v)
    return;
  for (k = 0; k < v->s->nclasses; k++)
    free(v->class_upper[k]);
  for (k = 0; k < v->s->nflags; k++) {
    free(v->flag_upper[k]);
    free(v->flag_statuses[k]);
  }
  free(v->class_upper);
  free(v->class_first);
  free(v->class_len);
  free(v->flag_upper);
  free(v->flag_statuses);
  free(v->flag_len);
  free(v->constants);
  lookup_index_free(&v->names);
  lookup_index_free(&v->reasons);
  lookup_slots_free(&v->slots);
  free(v->prefix);
  free(v->upper_prefix);
  free(v->spec_file);
  free(v);
}

static void json_string(struct buf *out, const char *s)
{
  buf_putc(out, '"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;

    if (c == '"' || c == '\\') {
      buf_putc(out, '\\');
      buf_putc(out, (char)c);
    } else if (c == '\n') {
      buf_puts(out, "\\n");
    } else if (c == '\t') {
      buf_puts(out, "\\t");
    } else if (c < 0x20) {
      buf_printf(out, "\\u%04x", c);
    } else {
      buf_putc(out, (char)c);
    }
  }
  buf_putc(out, '"');
}

static void indent(struct buf *out, int depth)
{
  buf_putc(out, '\n');
  while (depth-- > 0)
    buf_puts(out, "  ");
}

static void dump(const struct view *v, struct view_ref r, struct buf *out,
                 int depth)
{
  size_t i, n;

  switch (r.kind) {
  case VIEW_NULL: buf_puts(out, "null"); return;
  case VIEW_BOOL: buf_puts(out, r.num ? "true" : "false"); return;
  case VIEW_INT: buf_printf(out, "%ld", r.num); return;
  case VIEW_TEXT: json_string(out, r.text); return;
  case VIEW_LIST:
    n = (size_t)r.num;
    buf_putc(out, '[');
    for (i = 0; i < n; i++) {
      buf_puts(out, i ? "," : "");
      indent(out, depth + 1);
      dump(v, view_item(v, r, i), out, depth + 1);
    }
    if (n)
      indent(out, depth);
    buf_putc(out, ']');
    return;
  case VIEW_OBJECT:
    n = field_count(v, r);
    buf_putc(out, '{');
    for (i = 0; i < n; i++) {
      buf_puts(out, i ? "," : "");
      indent(out, depth + 1);
      json_string(out, field_name(v, r, i));
      buf_puts(out, ": ");
      dump(v, field_value(v, r, i), out, depth + 1);
    }
    if (n)
      indent(out, depth);
    buf_putc(out, '}');
    return;
  }
}

void view_dump_json(const struct view *v, struct view_ref r, struct buf *out)
{
  dump(v, r, out, 0);
  buf_putc(out, '\n');
}

/* The engine's handles carry a view_ref: kind, type and indirect in tag,
   the pointer in ptr, the number (or a list item's place and count) in
   num. */
static struct mustache_value to_handle(struct view_ref r)
{
  struct mustache_value h;

  h.ptr = r.kind == VIEW_TEXT ? (const void *)r.text : r.ptr;
  h.aux = NULL;
  h.tag = (int)r.kind | (int)r.type << 3 | r.indirect << 8;
  h.num = r.kind == VIEW_OBJECT ? (long long)r.pos << 32 | r.count : r.num;
  return h;
}

static struct view_ref from_handle(struct mustache_value h)
{
  struct view_ref r = make((enum view_kind)(h.tag & 7));

  r.type = (enum view_type)(h.tag >> 3 & 31);
  r.indirect = h.tag >> 8 & 1;
  if (r.kind == VIEW_TEXT)
    r.text = h.ptr;
  else
    r.ptr = h.ptr;
  if (r.kind == VIEW_OBJECT) {
    r.pos = (long)(h.num >> 32);
    r.count = (long)(h.num & 0xFFFFFFFF);
  } else {
    r.num = (long)h.num;
  }
  return r;
}

static int m_lookup(void *closure, struct mustache_value ctx, const char *key,
                    size_t len, struct mustache_value *out)
{
  struct view_ref r;

  if (!view_get(closure, from_handle(ctx), key, len, &r))
    return 0;
  *out = to_handle(r);
  return 1;
}

static int m_truthy(void *closure, struct mustache_value h)
{
  struct view_ref r = from_handle(h);

  (void)closure;
  return r.kind == VIEW_BOOL ? r.num != 0 : r.kind != VIEW_NULL;
}

static int m_list(void *closure, struct mustache_value h, size_t *len)
{
  struct view_ref r = from_handle(h);

  (void)closure;
  if (r.kind != VIEW_LIST)
    return 0;
  *len = (size_t)r.num;
  return 1;
}

static struct mustache_value m_item(void *closure, struct mustache_value h,
                                    size_t i)
{
  return to_handle(view_item(closure, from_handle(h), i));
}

static int m_print(void *closure, struct mustache_value h, struct buf *out)
{
  struct view_ref r = from_handle(h);

  (void)closure;
  switch (r.kind) {
  case VIEW_NULL: return 0;
  case VIEW_BOOL: buf_puts(out, r.num ? "true" : "false"); return 0;
  case VIEW_INT: buf_printf(out, "%ld", r.num); return 0;
  case VIEW_TEXT: buf_puts(out, r.text); return 0;
  case VIEW_LIST:
  case VIEW_OBJECT: break;
  }
  return -1;
}

void view_mustache(const struct view *v, struct mustache_view *out)
{
  static const struct mustache_data data = {m_lookup, m_truthy, m_list,
                                            m_item, m_print};

  out->data = &data;
  out->closure = (void *)v;
  out->root = to_handle(view_root(v));
}
