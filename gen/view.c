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

/* A table's entries, a few per line of the generated source (VIEW_LINE
   items): n items of type from base. */
struct line {
  enum view_type type;
  const void *base;
  size_t n;
};
/* The first switch of a text index as a table: by length, the byte to
   read and the base of its rows (rows past the end for absent lengths). */
struct length_row {
  unsigned long at;
  long base;
};

/* A text index as tables: by length, and by row the slot to try first;
   each also cut into lines. */
struct tables {
  struct length_row *by_length; /* 0 .. max_length */
  size_t max_length;
  unsigned long *by_row;        /* slots; 0 where no key */
  struct line *length_lines, *row_lines;
  size_t nlength_lines, nrow_lines;
};

/* An entry of the tables indexed by code: a status, or a run of holes. */
struct row {
  const struct spec_status *status;
  const unsigned long *gaps;
  size_t ngaps;
};

struct view {
  const struct spec *s;
  struct constant *constants;
  size_t nconstants;
  struct lookup_index names, reasons;
  struct lookup_slots slots;
  struct tables name_tables, reason_tables;
  struct row *rows; /* the code tables' entries, in order */
  size_t nrows;
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
static const char *const index_fields[] = {"id", "fold", "groups", "keys",
                                           "rows", "max_length", "by_length",
                                           "by_row"};
static const char *const line_fields[] = {"items"};
static const char *const length_fields[] = {"at", "base"};
static const char *const row_slot_fields[] = {"slot"};
static const char *const group_fields[] = {"length", "pos", "base", "keys"};
static const char *const slots_fields[] = {"lo", "hi", "dense", "size",
                                           "cases", "rows"};
static const char *const row_fields[] = {"status", "gaps"};
static const char *const slot_fields[] = {"code", "slot", "offset"};
static const char *const gap_fields[] = {"offset"};
static const char *const key_fields[] = {"text", "lower", "length", "code",
                                         "slot", "row", "next"};
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

/* Field names of each type, indexed by enum view_type; a flag set takes its
   names from the spec. A ref's fields are the first of its full type's. */
static const struct type_info types[] = {
  [VIEW_ROOT] = {root_fields, COUNT(root_fields), VIEW_ROOT},
  [VIEW_CLASS] = {class_fields, COUNT(class_fields), VIEW_CLASS},
  [VIEW_CLASS_REF] = {class_fields, 3, VIEW_CLASS},
  [VIEW_FLAG] = {flag_fields, COUNT(flag_fields), VIEW_FLAG},
  [VIEW_FLAG_REF] = {flag_fields, 3, VIEW_FLAG},
  [VIEW_FLAG_SET] = {NULL, 0, VIEW_FLAG_SET},
  [VIEW_STATUS] = {status_fields, COUNT(status_fields), VIEW_STATUS},
  [VIEW_STATUS_REF] = {status_fields, 2, VIEW_STATUS},
  [VIEW_ALIAS] = {alias_fields, COUNT(alias_fields), VIEW_ALIAS},
  [VIEW_CONSTANT] = {constant_fields, COUNT(constant_fields), VIEW_CONSTANT},
  [VIEW_GROUP] = {group_fields, COUNT(group_fields), VIEW_GROUP},
  [VIEW_KEY] = {key_fields, COUNT(key_fields), VIEW_KEY},
  [VIEW_INDEX] = {index_fields, COUNT(index_fields), VIEW_INDEX},
  [VIEW_LENGTH] = {length_fields, COUNT(length_fields), VIEW_LENGTH},
  [VIEW_ROW_SLOT] = {row_slot_fields, COUNT(row_slot_fields), VIEW_ROW_SLOT},
  [VIEW_SLOTS] = {slots_fields, COUNT(slots_fields), VIEW_SLOTS},
  [VIEW_SLOT] = {slot_fields, COUNT(slot_fields), VIEW_SLOT},
  [VIEW_ROW] = {row_fields, COUNT(row_fields), VIEW_ROW},
  [VIEW_LINE] = {line_fields, COUNT(line_fields), VIEW_LINE},
  [VIEW_GAP] = {gap_fields, COUNT(gap_fields), VIEW_GAP},
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
  if (r.type == VIEW_FLAG_SET)
    return v->s->flags[i].id;
  return info(r.type)->names[i];
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
  case 11: return object(VIEW_INDEX, &v->names);
  default: return object(VIEW_INDEX, &v->reasons);
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

static const struct tables *tables_of(const struct view *v,
                                      const void *owner)
{
  return owner == &v->names ? &v->name_tables : &v->reason_tables;
}

static struct view_ref index_field(const struct view *v,
                                   const struct lookup_index *x, size_t i)
{
  const struct tables *t = tables_of(v, x);

  switch (i) {
  case 0: return text(x == &v->names ? "name" : "reason");
  case 1: return number(VIEW_BOOL, x == &v->reasons);
  case 2: return list(VIEW_GROUP, x->groups, x->ngroups, 0);
  case 3: return list(VIEW_KEY, x->keys, x->nkeys, 0);
  case 4: return number(VIEW_INT, (long)x->rows);
  case 5: return number(VIEW_INT, (long)t->max_length);
  case 6: return list(VIEW_LINE, t->length_lines, t->nlength_lines, 0);
  default: return list(VIEW_LINE, t->row_lines, t->nrow_lines, 0);
  }
}

static struct view_ref group_field(const struct lookup_group *g, size_t i)
{
  switch (i) {
  case 0: return number(VIEW_INT, (long)g->length);
  case 1: return number(VIEW_INT, (long)g->pos);
  case 2: return number(VIEW_INT, g->base);
  default: return list(VIEW_KEY, g->keys, g->nkeys, 0);
  }
}

static struct view_ref key_field(const struct lookup_key *k, size_t i)
{
  switch (i) {
  case 0: return text(k->text);
  case 1: return text(k->lower);
  case 2: return number(VIEW_INT, (long)k->len);
  case 3: return number(VIEW_INT, k->code);
  case 4: return number(VIEW_INT, (long)k->slot);
  case 5: return number(VIEW_INT, k->row);
  default: return number(VIEW_INT, (long)k->next);
  }
}

/* Holes come in runs of at most this many per row of a table. */
#define GAPS_PER_LINE 8
/* Numbers per line of a table of the generated source. */
#define NUMBERS_PER_LINE 12

static size_t item_size(enum view_type t);

/* Cuts n items of type from base into lines; returns how many. */
static size_t cut(struct line **lines, enum view_type type, const void *base,
                  size_t n)
{
  size_t i, k = (n + NUMBERS_PER_LINE - 1) / NUMBERS_PER_LINE;

  *lines = xcalloc(k + 1, sizeof **lines);
  for (i = 0; i < k; i++) {
    (*lines)[i].type = type;
    (*lines)[i].base = (const char *)base + i * NUMBERS_PER_LINE *
                                                item_size(type);
    (*lines)[i].n = n - i * NUMBERS_PER_LINE < NUMBERS_PER_LINE
                        ? n - i * NUMBERS_PER_LINE : NUMBERS_PER_LINE;
  }
  return k;
}

static void build_tables(struct tables *t, const struct lookup_index *x)
{
  size_t i, k;

  t->max_length = x->ngroups ? x->groups[x->ngroups - 1].length : 0;
  t->by_length = xcalloc(t->max_length + 1, sizeof *t->by_length);
  for (i = 0; i <= t->max_length; i++)
    t->by_length[i].base = (long)x->rows; /* no such length: past the end */
  for (i = 0; i < x->ngroups; i++) {
    t->by_length[x->groups[i].length].at = x->groups[i].pos;
    t->by_length[x->groups[i].length].base = x->groups[i].base;
  }
  t->by_row = xcalloc(x->rows + 1, sizeof *t->by_row);
  for (k = x->nkeys; k-- > 0;) /* the first key of a row wins */
    t->by_row[x->keys[k].row] = x->keys[k].slot;
  t->nlength_lines = cut(&t->length_lines, VIEW_LENGTH, t->by_length,
                         t->max_length + 1);
  t->nrow_lines = cut(&t->row_lines, VIEW_ROW_SLOT, t->by_row, x->rows);
}

static struct view_ref slots_field(const struct view *v, size_t i)
{
  const struct lookup_slots *sl = &v->slots;

  switch (i) {
  case 0: return number(VIEW_INT, sl->lo);
  case 1: return number(VIEW_INT, sl->hi);
  case 2: return number(VIEW_BOOL, sl->dense);
  case 3:
    return number(VIEW_INT, sl->dense ? sl->hi - sl->lo + 1
                                      : (long)v->s->nstatuses + 1);
  case 4: return list(VIEW_SLOT, v->s->statuses, v->s->nstatuses, 0);
  default: return list(VIEW_ROW, v->rows, v->nrows, 0);
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
  case VIEW_INDEX: return index_field(v, r.ptr, i);
  case VIEW_LENGTH:
    return i == 0 ? number(VIEW_INT,
                           (long)((const struct length_row *)r.ptr)->at)
                  : number(VIEW_INT, ((const struct length_row *)r.ptr)->base);
  case VIEW_ROW_SLOT:
    return number(VIEW_INT, (long)*(const unsigned long *)r.ptr);
  case VIEW_SLOTS: return slots_field(v, i);
  case VIEW_SLOT: return slot_field(v, r.ptr, i);
  case VIEW_ROW:
    if (i == 0)
      return object(VIEW_STATUS, ((const struct row *)r.ptr)->status);
    return list(VIEW_GAP, ((const struct row *)r.ptr)->gaps,
                ((const struct row *)r.ptr)->ngaps, 0);
  case VIEW_LINE:
    return list(((const struct line *)r.ptr)->type,
                ((const struct line *)r.ptr)->base,
                ((const struct line *)r.ptr)->n, 0);
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

/* 1 when the NUL-terminated f is the len bytes at name. Inline, and most
   names differ in their first byte: lookups are the engine's inner loop. */
static int same_name(const char *f, const char *name, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++)
    if (f[i] != name[i])
      return 0;
  return f[len] == '\0';
}

int view_get(const struct view *v, struct view_ref r, const char *name,
             size_t len, struct view_ref *out)
{
  size_t i, n = field_count(v, r);

  /* first and last, asked for at every separator, are no type's own
     field names: go straight to them, past the scan */
  if (r.count && r.kind == VIEW_OBJECT && r.type != VIEW_FLAG_SET &&
      (same_name("first", name, len) || same_name("last", name, len))) {
    *out = field_value(v, r, own_fields(v, r) + (name[0] == 'l'));
    return 1;
  }
  for (i = 0; len && i < n; i++) {
    if (same_name(field_name(v, r, i), name, len)) {
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

  case VIEW_SLOT: return sizeof(struct spec_status);
  case VIEW_ROW: return sizeof(struct row);
  case VIEW_LENGTH: return sizeof(struct length_row);
  case VIEW_ROW_SLOT: return sizeof(unsigned long);
  case VIEW_LINE: return sizeof(struct line);
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

/* The rows of the tables indexed by code (dense: code - lo; otherwise by
   slot, 0 being none): statuses, and holes in runs of at most a line. */
static void build_rows(struct view *v)
{
  static const unsigned long none = 0;
  const struct lookup_slots *sl = &v->slots;
  size_t i = 0, g = 0, n;

  v->rows = xcalloc(v->s->nstatuses + sl->ngaps + 2, sizeof *v->rows);
  if (!sl->dense) {
    v->rows[v->nrows].gaps = &none;
    v->rows[v->nrows++].ngaps = 1;
  }
  while (i < v->s->nstatuses || g < sl->ngaps) {
    struct row *r = &v->rows[v->nrows++];

    if (g == sl->ngaps || (i < v->s->nstatuses &&
        (unsigned long)(v->s->statuses[i].code - sl->lo) < sl->gaps[g])) {
      r->status = &v->s->statuses[i++];
      continue;
    }
    for (n = 1; g + n < sl->ngaps && n < GAPS_PER_LINE &&
                sl->gaps[g + n] == sl->gaps[g] + n; n++)
      ;
    r->gaps = &sl->gaps[g];
    r->ngaps = n;
    g += n;
  }
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

static void free_tables(struct tables *t)
{
  free(t->by_length);
  free(t->by_row);
  free(t->length_lines);
  free(t->row_lines);
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
  build_rows(v);
  build_tables(&v->name_tables, &v->names);
  build_tables(&v->reason_tables, &v->reasons);
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
  free(v->rows);
  free_tables(&v->name_tables);
  free_tables(&v->reason_tables);
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
                                            m_item, m_print, NULL, NULL, NULL};

  out->data = &data;
  out->closure = (void *)v;
  out->root = to_handle(view_root(v));
}
