/* view: field tables over the spec model. Each object type lists its field
   names in one table; field_value() maps a position to a value. Lookups,
   iteration and the JSON dump all go through those two. */
#include "view.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

struct view {
  const struct spec *s;
  char *prefix, *upper_prefix, *spec_file;
  char **class_upper, **flag_upper; /* upper-case ids */
  size_t *class_first, *class_len;  /* each class's slice of statuses */
  const struct spec_status ***flag_statuses; /* per flag: who has it */
  size_t *flag_len;
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const root_fields[] = {
  "prefix", "PREFIX", "spec_file", "title", "source", "count", "classes",
  "flags", "statuses"};
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

/* Field names of each type; a flag set takes its names from the spec. */
static struct type_info info(enum view_type t)
{
  struct type_info i = {NULL, 0, VIEW_FLAG_SET};

  switch (t) {
  case VIEW_ROOT: i.names = root_fields, i.count = COUNT(root_fields); break;
  case VIEW_CLASS: i.names = class_fields, i.count = COUNT(class_fields); break;
  case VIEW_CLASS_REF: i.names = class_fields, i.count = 3; break;
  case VIEW_FLAG: i.names = flag_fields, i.count = COUNT(flag_fields); break;
  case VIEW_FLAG_REF: i.names = flag_fields, i.count = 3; break;
  case VIEW_STATUS: i.names = status_fields, i.count = COUNT(status_fields);
    break;
  case VIEW_STATUS_REF: i.names = status_fields, i.count = 2; break;
  case VIEW_ALIAS: i.names = alias_fields, i.count = COUNT(alias_fields);
    break;
  case VIEW_FLAG_SET: break;
  }
  i.full = t == VIEW_CLASS_REF ? VIEW_CLASS
         : t == VIEW_FLAG_REF ? VIEW_FLAG
         : t == VIEW_STATUS_REF ? VIEW_STATUS : t;
  return i;
}

static size_t field_count(const struct view *v, struct view_ref r)
{
  if (r.kind != VIEW_OBJECT)
    return 0;
  return r.type == VIEW_FLAG_SET ? v->s->nflags : info(r.type).count;
}

static const char *field_name(const struct view *v, struct view_ref r,
                              size_t i)
{
  return r.type == VIEW_FLAG_SET ? v->s->flags[i].id : info(r.type).names[i];
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
  default: return list(VIEW_STATUS, s->statuses, s->nstatuses, 0);
  }
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
  const struct spec_alias *a = r.ptr;

  switch (info(r.type).full) {
  case VIEW_ROOT: return root_field(v, i);
  case VIEW_CLASS: return class_field(v, r.ptr, i);
  case VIEW_FLAG: return flag_field(v, r.ptr, i);
  case VIEW_STATUS: return status_field(r.ptr, i);
  case VIEW_ALIAS: return text(i == 0 ? a->reason : a->name);
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

  for (i = 0; i < n; i++) {
    const char *f = field_name(v, r, i);

    if (strlen(f) == len && memcmp(f, name, len) == 0) {
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
  default: return 0; /* refs come in lists of pointers */
  }
}

struct view_ref view_item(const struct view *v, struct view_ref r, size_t i)
{
  (void)v;
  if (r.indirect)
    return object(r.type, ((const void *const *)r.ptr)[i]);
  return object(r.type, (const char *)r.ptr + i * item_size(r.type));
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
