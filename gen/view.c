/* view: the model read in place through declared field tables. Each
   object type is one table of {name, getter} rows; lookups by name,
   names resolved ahead of time, list items and the JSON dump all go
   through those tables and nothing else. */
#include "view.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lookup.h"
#include "xmem.h"

/* Which fields an object has, and so how the items of a list read. */
enum view_type {
  VIEW_ROOT,
  VIEW_NAMES,
  VIEW_INTERNAL,
  VIEW_CLASS,
  VIEW_CLASS_REF,
  VIEW_FLAG,
  VIEW_FLAG_REF,
  VIEW_FLAG_SET,
  VIEW_STATUS,
  VIEW_STATUS_REF,
  VIEW_ALIAS,
  VIEW_CONSTANT,
  VIEW_SLOTS,
  VIEW_SLOT,
  VIEW_ROW,
  VIEW_GAP,
  VIEW_INDEX,
  VIEW_GROUP,
  VIEW_KEY,
  VIEW_LINE,
  VIEW_LENGTH,
  VIEW_ROW_SLOT,
  VIEW_POOL,
  VIEW_POOL_TEXT,
  VIEW_TEXTS,
  VIEW_NTYPES
};

/* One enumerator: a status, or an alias equal to one. */
struct constant {
  const char *name;
  const struct spec_names *names;
  long code;
  const char *target; /* aliases: the status's name */
  const char *reason;
};

struct view {
  struct arena *arena; /* holds the view and everything it built */
  const struct spec *s;
  struct constant *constants; /* each status followed by its aliases */
  size_t nconstants;
  struct lookup_design design;
  const char *prefix, *upper_prefix, *spec_file;
  struct spec_names prefix_names;
  const char **class_upper;        /* upper-case ids */
  size_t *class_first, *class_len; /* each class's slice of statuses */
  const char **flag_upper;
  const struct spec_status ***flag_statuses; /* per flag: who has it */
  size_t *flag_len;
  int has_flags, has_references, has_aliases; /* some status has one */
  char lo_unsigned[32]; /* the code tables' lo as an unsigned C constant */
};

/* A field: its name and how to read it from an object of its type. */
struct field {
  const char *name;
  struct view_ref (*get)(const struct view *v, const void *obj);
  int internal; /* left out of the dump unless everything is asked for */
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Values. */

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

static struct view_ref integer(long n)
{
  struct view_ref r = make(VIEW_INT);

  r.num = n;
  return r;
}

static struct view_ref boolean(int b)
{
  struct view_ref r = make(VIEW_BOOL);

  r.num = b != 0;
  return r;
}

static struct view_ref object(enum view_type type, const void *p)
{
  struct view_ref r = make(p ? VIEW_OBJECT : VIEW_NULL);

  r.type = (int)type;
  r.ptr = p;
  return r;
}

/* A list of n items of type: an array from base, or (indirect) an array
   of pointers to them. */
static struct view_ref list(enum view_type type, const void *base, size_t n,
                            int indirect)
{
  struct view_ref r = make(VIEW_LIST);

  r.type = (int)type;
  r.ptr = base;
  r.num = (long)n;
  r.indirect = indirect;
  return r;
}

/* The key at slot (1-based) of the index that holds k, or NULL for 0. */
static const struct lookup_key *key_at(const struct view *v,
                                       const struct lookup_key *k, size_t slot)
{
  const struct lookup_index *x = &v->design.names.index;

  if (k < x->keys || k >= x->keys + x->nkeys)
    x = &v->design.reasons.index;
  return slot ? x->by_slot[slot - 1] : NULL;
}

static const struct lookup_table *table_of_length(const struct view *v,
                                                  const struct lookup_length *l)
{
  const struct lookup_table *t = &v->design.names;

  return l >= t->by_length && l <= t->by_length + t->max_length
             ? t
             : &v->design.reasons;
}

/* The key a by_row entry gives, or NULL for none. */
static const struct lookup_key *slot_key(const struct view *v,
                                         const unsigned long *slot)
{
  const struct lookup_table *t = &v->design.names;

  if (slot < t->by_row || slot >= t->by_row + t->index.rows)
    t = &v->design.reasons;
  return *slot ? t->index.by_slot[*slot - 1] : NULL;
}

static struct view_ref label_of(const struct lookup_key *k, int own)
{
  if (!k)
    return make(VIEW_NULL);
  return text(own ? k->label : k->stored->label);
}

/* The class of status i (0-based) when it is its class's first, or null:
   the code tables start each class with a line that names it. */
static struct view_ref class_start(const struct view *v, size_t i)
{
  const struct spec_status *st = &v->s->statuses[i];

  if (!st->cls || (i > 0 && st[-1].cls == st->cls))
    return make(VIEW_NULL);
  return object(VIEW_CLASS, st->cls);
}

/* Getters, grouped by type. Each reads one field of obj. */

#define GETTER(fn, type, var, value) \
  static struct view_ref fn(const struct view *v, const void *obj) \
  { \
    const type *var = obj; \
    (void)v; \
    (void)var; \
    return value; \
  }

GETTER(root_prefix, struct spec, s, text(v->prefix))
GETTER(root_upper, struct spec, s, text(v->upper_prefix))
GETTER(root_spec_file, struct spec, s, text(v->spec_file))
GETTER(root_title, struct spec, s, text(s->title))
GETTER(root_source, struct spec, s, text(s->source))
GETTER(root_count, struct spec, s, integer((long)s->nstatuses))
GETTER(root_classes, struct spec, s,
       list(VIEW_CLASS, s->classes, s->nclasses, 0))
GETTER(root_flags, struct spec, s, list(VIEW_FLAG, s->flags, s->nflags, 0))
GETTER(root_has_flags, struct spec, s, boolean(v->has_flags))
GETTER(root_has_references, struct spec, s, boolean(v->has_references))
GETTER(root_has_aliases, struct spec, s, boolean(v->has_aliases))
GETTER(root_statuses, struct spec, s,
       list(VIEW_STATUS, s->statuses, s->nstatuses, 0))
GETTER(root_constants, struct spec, s,
       list(VIEW_CONSTANT, v->constants, v->nconstants, 0))
GETTER(root_names, struct spec, s, object(VIEW_NAMES, &v->prefix_names))
GETTER(root_internal, struct spec, s, object(VIEW_INTERNAL, &v->design))
GETTER(root_unknown, struct spec, s, integer(s->unknown))
GETTER(root_code_lo, struct spec, s, integer(s->code_lo))
GETTER(root_code_hi, struct spec, s, integer(s->code_hi))
GETTER(root_signed_codes, struct spec, s, boolean(s->code_lo < 0))

GETTER(internal_slots, struct lookup_design, d, object(VIEW_SLOTS, &d->slots))
GETTER(internal_pool, struct lookup_design, d, object(VIEW_POOL, &d->pool))
GETTER(internal_shape, struct lookup_design, d,
       text(d->use_switch ? "switch" : "table"))
GETTER(internal_names, struct lookup_design, d, object(VIEW_INDEX, &d->names))
GETTER(internal_reasons, struct lookup_design, d,
       object(VIEW_INDEX, &d->reasons))

GETTER(names_upper_snake, struct spec_names, n, text(n->upper_snake))
GETTER(names_upper_camel, struct spec_names, n, text(n->upper_camel))
GETTER(names_lower_snake, struct spec_names, n, text(n->lower_snake))
GETTER(names_lower_camel, struct spec_names, n, text(n->lower_camel))

static size_t class_at(const struct view *v, const struct spec_class *c)
{
  return (size_t)(c - v->s->classes);
}

GETTER(class_id, struct spec_class, c, text(c->id))
GETTER(class_upper, struct spec_class, c, text(v->class_upper[class_at(v, c)]))
GETTER(class_title, struct spec_class, c, text(c->title))
GETTER(class_names, struct spec_class, c, object(VIEW_NAMES, &c->names))
GETTER(class_lo, struct spec_class, c, integer(c->lo))
GETTER(class_hi, struct spec_class, c, integer(c->hi))
GETTER(class_index, struct spec_class, c, integer((long)class_at(v, c) + 1))
GETTER(class_statuses, struct spec_class, c,
       list(VIEW_STATUS, v->s->statuses + v->class_first[class_at(v, c)],
            v->class_len[class_at(v, c)], 0))

static size_t flag_at(const struct view *v, const struct spec_flag *f)
{
  return (size_t)(f - v->s->flags);
}

GETTER(flag_id, struct spec_flag, f, text(f->id))
GETTER(flag_upper, struct spec_flag, f, text(v->flag_upper[flag_at(v, f)]))
GETTER(flag_meaning, struct spec_flag, f, text(f->meaning))
GETTER(flag_names, struct spec_flag, f, object(VIEW_NAMES, &f->names))
GETTER(flag_statuses, struct spec_flag, f,
       list(VIEW_STATUS_REF, v->flag_statuses[flag_at(v, f)],
            v->flag_len[flag_at(v, f)], 1))

GETTER(status_code, struct spec_status, st, integer(st->code))
GETTER(status_name, struct spec_status, st, text(st->name))
GETTER(status_names, struct spec_status, st, object(VIEW_NAMES, &st->names))
GETTER(status_reason, struct spec_status, st, text(st->reason))
GETTER(status_description, struct spec_status, st, text(st->description))
GETTER(status_reference, struct spec_status, st, text(st->reference))
GETTER(status_class, struct spec_status, st, object(VIEW_CLASS_REF, st->cls))
GETTER(status_flags, struct spec_status, st, object(VIEW_FLAG_SET, st))
GETTER(status_flag_list, struct spec_status, st,
       list(VIEW_FLAG_REF, st->flags, st->nflags, 1))
GETTER(status_aliases, struct spec_status, st,
       list(VIEW_ALIAS, st->aliases, st->naliases, 0))

GETTER(alias_reason, struct spec_alias, a, text(a->reason))
GETTER(alias_name, struct spec_alias, a, text(a->name))
GETTER(alias_names, struct spec_alias, a, object(VIEW_NAMES, &a->names))
GETTER(alias_status, struct spec_alias, a, object(VIEW_STATUS_REF, a->status))

GETTER(constant_name, struct constant, c, text(c->name))
GETTER(constant_names, struct constant, c, object(VIEW_NAMES, c->names))
GETTER(constant_code, struct constant, c, integer(c->code))
GETTER(constant_target, struct constant, c, text(c->target))
GETTER(constant_reason, struct constant, c, text(c->reason))

GETTER(slots_lo, struct lookup_slots, sl, integer(sl->lo))
GETTER(slots_hi, struct lookup_slots, sl, integer(sl->hi))
GETTER(slots_dense, struct lookup_slots, sl, boolean(sl->dense))
GETTER(slots_lo_unsigned, struct lookup_slots, sl, text(v->lo_unsigned))
GETTER(slots_size, struct lookup_slots, sl,
       integer(sl->dense ? sl->hi - sl->lo + 1 : (long)v->s->nstatuses + 1))
GETTER(slots_cases, struct lookup_slots, sl,
       list(VIEW_SLOT, v->s->statuses, v->s->nstatuses, 0))
GETTER(slots_rows, struct lookup_slots, sl,
       list(VIEW_ROW, v->design.rows, v->design.nrows, 0))
GETTER(slots_holes, struct lookup_slots, sl, boolean(v->design.holes))
GETTER(by_code_yes, void, p, boolean(1))
GETTER(by_code_no, void, p, boolean(0))

GETTER(slot_code, struct spec_status, st, integer(st->code))
GETTER(slot_slot, struct spec_status, st,
       integer((long)(st - v->s->statuses) + 1))
GETTER(slot_offset, struct spec_status, st,
       integer(st->code - v->design.slots.lo))

GETTER(row_status, struct lookup_row, r,
       object(VIEW_STATUS, r->status ? &v->s->statuses[r->status - 1] : NULL))
GETTER(row_gaps, struct lookup_row, r, list(VIEW_GAP, r->gaps, r->ngaps, 0))
GETTER(row_slot_n, struct lookup_row, r, integer((long)r->status))
GETTER(row_label, struct lookup_row, r,
       r->status ? text(v->design.by_slot[r->status].label) : make(VIEW_NULL))
GETTER(row_texts, struct lookup_row, r,
       object(VIEW_TEXTS, r->status ? &v->design.by_slot[r->status] : NULL))
GETTER(row_class_start, struct lookup_row, r,
       r->status ? class_start(v, r->status - 1) : make(VIEW_NULL))
GETTER(slot_class_start, struct spec_status, st,
       class_start(v, (size_t)(st - v->s->statuses)))
GETTER(slots_slot_type, struct lookup_slots, sl, text(v->design.slot_type))
GETTER(slots_pool_type, struct lookup_slots, sl, text(v->design.pool.type))
GETTER(slot_code_label, struct spec_status, st,
       text(v->design.by_slot[(size_t)(st - v->s->statuses) + 1].label))
GETTER(slot_texts, struct spec_status, st,
       object(VIEW_TEXTS,
              &v->design.by_slot[(size_t)(st - v->s->statuses) + 1]))

GETTER(pool_type, struct lookup_pool, p, text(p->type))
GETTER(pool_size, struct lookup_pool, p, integer((long)p->size))
GETTER(pool_texts, struct lookup_pool, p,
       list(VIEW_POOL_TEXT, p->texts, p->ntexts, 0))
GETTER(text_label, struct lookup_text, t, text(t->label))
GETTER(text_text, struct lookup_text, t, text(t->text))
GETTER(text_size, struct lookup_text, t, integer((long)t->len + 1))
GETTER(text_offset, struct lookup_text, t, integer((long)t->offset))
GETTER(texts_label, struct lookup_texts, t, text(t->label))
GETTER(texts_reason, struct lookup_texts, t, text(t->reason->label))
GETTER(texts_name, struct lookup_texts, t, text(t->name->label))
GETTER(texts_description, struct lookup_texts, t,
       text(t->description ? t->description->label : NULL))
GETTER(texts_reference, struct lookup_texts, t,
       text(t->reference ? t->reference->label : NULL))
GETTER(gap_offset, unsigned long, g, integer((long)*g))
GETTER(gap_code, unsigned long, g, integer(v->design.slots.lo + (long)*g))

GETTER(index_id, struct lookup_table, t,
       text(t == &v->design.names ? "name" : "reason"))
GETTER(index_fold, struct lookup_table, t, boolean(t == &v->design.reasons))
GETTER(index_groups, struct lookup_table, t,
       list(VIEW_GROUP, t->index.groups, t->index.ngroups, 0))
GETTER(index_keys, struct lookup_table, t,
       list(VIEW_KEY, t->index.by_slot, t->index.nkeys, 1))
GETTER(index_aliases, struct lookup_table, t,
       list(VIEW_KEY, t->index.by_slot + t->index.nstatuses,
            t->index.nkeys - t->index.nstatuses, 1))
GETTER(index_rows, struct lookup_table, t, integer((long)t->index.rows))
GETTER(index_max_length, struct lookup_table, t, integer((long)t->max_length))
GETTER(index_by_length, struct lookup_table, t,
       list(VIEW_LINE, t->length_lines, t->nlength_lines, 0))
GETTER(index_by_row, struct lookup_table, t,
       list(VIEW_LINE, t->row_lines, t->nrow_lines, 0))
GETTER(index_upper, struct lookup_table, t,
       text(t == &v->design.names ? "NAME" : "REASON"))
GETTER(index_len_type, struct lookup_table, t, text(t->len_type))
GETTER(index_code_type, struct lookup_table, t, text(t->code_type))
GETTER(index_slot_type, struct lookup_table, t, text(t->slot_type))
GETTER(index_at_type, struct lookup_table, t, text(t->at_type))
GETTER(index_base_type, struct lookup_table, t, text(t->base_type))
GETTER(index_pool_type, struct lookup_table, t, text(v->design.pool.type))

GETTER(group_length, struct lookup_group, g, integer((long)g->length))
GETTER(group_pos, struct lookup_group, g, integer((long)g->pos))
GETTER(group_base, struct lookup_group, g, integer(g->base))
GETTER(group_keys, struct lookup_group, g, list(VIEW_KEY, g->keys, g->nkeys, 0))
GETTER(group_span, struct lookup_group, g, integer((long)g->span))
GETTER(group_prev, struct lookup_group, g,
       g->prev ? integer((long)g->prev->length) : make(VIEW_NULL))
GETTER(group_prev_span, struct lookup_group, g,
       g->prev ? integer((long)g->prev->span) : make(VIEW_NULL))

GETTER(key_text, struct lookup_key, k, text(k->text))
GETTER(key_lower, struct lookup_key, k, text(k->lower))
GETTER(key_length, struct lookup_key, k, integer((long)k->len))
GETTER(key_code, struct lookup_key, k, integer(k->code))
GETTER(key_slot, struct lookup_key, k, integer((long)k->slot))
GETTER(key_row, struct lookup_key, k, integer(k->row))
GETTER(key_next, struct lookup_key, k, integer((long)k->next))
GETTER(key_next_label, struct lookup_key, k, label_of(key_at(v, k, k->next), 0))
GETTER(key_next_key, struct lookup_key, k, label_of(key_at(v, k, k->next), 1))
GETTER(key_key, struct lookup_key, k, text(k->label))
GETTER(key_label, struct lookup_key, k,
       text(k->stored ? k->stored->label : NULL))

GETTER(line_group, struct lookup_line, l, object(VIEW_GROUP, l->group))
GETTER(line_items, struct lookup_line, l,
       l->lengths ? list(VIEW_LENGTH, l->lengths, l->n, 0)
                  : list(VIEW_ROW_SLOT, l->slots, l->n, 0))
GETTER(length_at, struct lookup_length, x, integer((long)x->at))
GETTER(length_base, struct lookup_length, x, integer(x->base))
GETTER(row_slot, unsigned long, slot, integer((long)*slot))
GETTER(row_slot_label, unsigned long, slot, label_of(slot_key(v, slot), 0))
GETTER(row_slot_key, unsigned long, slot, label_of(slot_key(v, slot), 1))
GETTER(length_length, struct lookup_length, x,
       integer((long)(x - table_of_length(v, x)->by_length)))
GETTER(length_used, struct lookup_length, x, boolean(x->group != NULL))
GETTER(length_byte, struct lookup_length, x,
       integer(x->group ? (long)x->group->start - x->base : 0))

/* The tables. A row per field, in dump order; a short reference type is
   its own list. */

/* A test build adds a field to the status type here, to show that one row
   is all a new field takes: VIEW_EXTRA_FIELDS_FILE names a file of getters
   that defines VIEW_EXTRA_STATUS_FIELDS as more rows. */
#ifdef VIEW_EXTRA_FIELDS_FILE
#include VIEW_EXTRA_FIELDS_FILE
#endif
#ifndef VIEW_EXTRA_STATUS_FIELDS
#define VIEW_EXTRA_STATUS_FIELDS
#endif

/* The tables, one row per field. */
/* clang-format off */
static const struct field root_fields[] = {
  {"prefix", root_prefix, 0},
  {"PREFIX", root_upper, 0},
  {"names", root_names, 0},
  {"spec_file", root_spec_file, 0},
  {"title", root_title, 0},
  {"source", root_source, 0},
  {"count", root_count, 0},
  {"unknown", root_unknown, 0},
  {"code_lo", root_code_lo, 0},
  {"code_hi", root_code_hi, 0},
  {"signed_codes", root_signed_codes, 0},
  {"classes", root_classes, 0},
  {"flags", root_flags, 0},
  {"has_flags", root_has_flags, 0},
  {"has_references", root_has_references, 0},
  {"has_aliases", root_has_aliases, 0},
  {"statuses", root_statuses, 0},
  {"constants", root_constants, 0},
  {"internal", root_internal, 1}};
static const struct field names_fields[] = {
  {"UPPER_SNAKE", names_upper_snake, 0},
  {"UpperCamel", names_upper_camel, 0},
  {"lower_snake", names_lower_snake, 0},
  {"lowerCamel", names_lower_camel, 0}};
static const struct field internal_fields[] = {
  {"code_slots", internal_slots, 0},
  {"name_index", internal_names, 0},
  {"reason_index", internal_reasons, 0},
  {"pool", internal_pool, 0},
  {"shape", internal_shape, 0}};
static const struct field class_fields[] = {
  {"id", class_id, 0},
  {"ID", class_upper, 0},
  {"names", class_names, 0},
  {"title", class_title, 0},
  {"lo", class_lo, 0},
  {"hi", class_hi, 0},
  {"index", class_index, 0},
  {"statuses", class_statuses, 0}};
static const struct field class_ref_fields[] = {
  {"id", class_id, 0},
  {"ID", class_upper, 0},
  {"names", class_names, 0},
  {"title", class_title, 0}};
static const struct field flag_fields[] = {
  {"id", flag_id, 0},
  {"ID", flag_upper, 0},
  {"names", flag_names, 0},
  {"meaning", flag_meaning, 0},
  {"statuses", flag_statuses, 0}};
static const struct field flag_ref_fields[] = {
  {"id", flag_id, 0},
  {"ID", flag_upper, 0},
  {"names", flag_names, 0},
  {"meaning", flag_meaning, 0}};
static const struct field status_fields[] = {
  {"code", status_code, 0},
  {"name", status_name, 0},
  {"names", status_names, 0},
  {"reason", status_reason, 0},
  {"description", status_description, 0},
  {"reference", status_reference, 0},
  {"class", status_class, 0},
  {"flags", status_flags, 0},
  {"flag_list", status_flag_list, 0},
  {"aliases", status_aliases, 0}
  VIEW_EXTRA_STATUS_FIELDS};
static const struct field status_ref_fields[] = {
  {"code", status_code, 0},
  {"name", status_name, 0},
  {"names", status_names, 0}};
static const struct field alias_fields[] = {
  {"reason", alias_reason, 0},
  {"name", alias_name, 0},
  {"names", alias_names, 0},
  {"status", alias_status, 0}};
static const struct field constant_fields[] = {
  {"name", constant_name, 0},
  {"names", constant_names, 0},
  {"code", constant_code, 0},
  {"target", constant_target, 0},
  {"reason", constant_reason, 0}};
static const struct field slots_fields[] = {
    {"by_code", by_code_yes, 0}, {"lo", slots_lo, 0},
    {"hi", slots_hi, 0},         {"dense", slots_dense, 0},
    {"size", slots_size, 0},     {"cases", slots_cases, 0},
    {"rows", slots_rows, 0},     {"holes", slots_holes, 0},
    {"slot_type", slots_slot_type, 0},
    {"pool_type", slots_pool_type, 0}, {"lo_unsigned", slots_lo_unsigned, 0}};
static const struct field slot_fields[] = {
    {"code", slot_code, 0}, {"slot", slot_slot, 0}, {"offset", slot_offset, 0},
    {"texts", slot_texts, 0},   {"label", slot_code_label, 0},
    {"class_start", slot_class_start, 0}};
static const struct field row_fields[] = {{"status", row_status, 0},
                                          {"gaps", row_gaps, 0},
                                          {"slot", row_slot_n, 0},
                                          {"label", row_label, 0},
                                          {"texts", row_texts, 0},
                                          {"class_start", row_class_start, 0}};
static const struct field gap_fields[] = {{"offset", gap_offset, 0},
                                          {"code", gap_code, 0}};
static const struct field index_fields[] = {{"by_code", by_code_no, 0},
                                            {"id", index_id, 0},
                                            {"ID", index_upper, 0},
                                            {"fold", index_fold, 0},
                                            {"groups", index_groups, 0},
                                            {"keys", index_keys, 0},
                                            {"aliases", index_aliases, 0},
                                            {"rows", index_rows, 0},
                                            {"max_length", index_max_length, 0},
                                            {"by_length", index_by_length, 0},
                                            {"by_row", index_by_row, 0},
                                            {"len_type", index_len_type, 0},
                                            {"code_type", index_code_type, 0},
                                            {"slot_type", index_slot_type, 0},
                                            {"at_type", index_at_type, 0},
                                            {"base_type", index_base_type, 0},
                                            {"pool_type", index_pool_type, 0}};
static const struct field group_fields[] = {{"length", group_length, 0},
                                            {"pos", group_pos, 0},
                                            {"base", group_base, 0},
                                            {"keys", group_keys, 0},
                                            {"span", group_span, 0},
                                            {"prev", group_prev, 0},
                                            {"prev_span", group_prev_span, 0}};
static const struct field key_fields[] = {
    {"text", key_text, 0}, {"lower", key_lower, 0}, {"length", key_length, 0},
    {"code", key_code, 0}, {"slot", key_slot, 0},   {"row", key_row, 0},
    {"next", key_next, 0}, {"label", key_label, 0},
    {"next_label", key_next_label, 0}, {"key", key_key, 0},
    {"next_key", key_next_key, 0}};
static const struct field line_fields[] = {{"items", line_items, 0},
                                           {"group", line_group, 0}};
static const struct field length_fields[] = {{"at", length_at, 0},
                                             {"base", length_base, 0},
                                             {"length", length_length, 0},
                                             {"used", length_used, 0},
                                             {"byte", length_byte, 0}};
static const struct field row_slot_fields[] = {{"slot", row_slot, 0},
                                               {"label", row_slot_label, 0},
                                               {"key", row_slot_key, 0}};
static const struct field pool_fields[] = {{"type", pool_type, 0},
                                           {"size", pool_size, 0},
                                           {"texts", pool_texts, 0}};
static const struct field text_fields[] = {{"label", text_label, 0},
                                           {"text", text_text, 0},
                                           {"size", text_size, 0},
                                           {"offset", text_offset, 0}};
static const struct field texts_fields[] = {
    {"label", texts_label, 0},   {"reason", texts_reason, 0}, {"name", texts_name, 0},
    {"description", texts_description, 0}, {"reference", texts_reference, 0}};
/* clang-format on */

/* Every list item has these two more, for separators. */
static const char *const item_fields[] = {"first", "last"};

struct type_info {
  const struct field *fields; /* NULL: the flag set, whose fields are */
  size_t nfields;             /* the spec's flags */
  size_t item_size;           /* bytes between items of an array */
};

#define TYPE(fields, item) \
  { \
    fields, COUNT(fields), item \
  }

static const struct type_info types[] = {
    [VIEW_ROOT] = TYPE(root_fields, 0),
    [VIEW_NAMES] = TYPE(names_fields, 0),
    [VIEW_INTERNAL] = TYPE(internal_fields, 0),
    [VIEW_CLASS] = TYPE(class_fields, sizeof(struct spec_class)),
    [VIEW_CLASS_REF] = TYPE(class_ref_fields, 0),
    [VIEW_FLAG] = TYPE(flag_fields, sizeof(struct spec_flag)),
    [VIEW_FLAG_REF] = TYPE(flag_ref_fields, 0),
    [VIEW_FLAG_SET] = {NULL, 0, 0},
    [VIEW_STATUS] = TYPE(status_fields, sizeof(struct spec_status)),
    [VIEW_STATUS_REF] = TYPE(status_ref_fields, 0),
    [VIEW_ALIAS] = TYPE(alias_fields, sizeof(struct spec_alias)),
    [VIEW_CONSTANT] = TYPE(constant_fields, sizeof(struct constant)),
    [VIEW_SLOTS] = TYPE(slots_fields, 0),
    [VIEW_SLOT] = TYPE(slot_fields, sizeof(struct spec_status)),
    [VIEW_ROW] = TYPE(row_fields, sizeof(struct lookup_row)),
    [VIEW_GAP] = TYPE(gap_fields, sizeof(unsigned long)),
    [VIEW_INDEX] = TYPE(index_fields, 0),
    [VIEW_GROUP] = TYPE(group_fields, sizeof(struct lookup_group)),
    [VIEW_KEY] = TYPE(key_fields, sizeof(struct lookup_key)),
    [VIEW_LINE] = TYPE(line_fields, sizeof(struct lookup_line)),
    [VIEW_LENGTH] = TYPE(length_fields, sizeof(struct lookup_length)),
    [VIEW_ROW_SLOT] = TYPE(row_slot_fields, sizeof(unsigned long)),
    [VIEW_POOL] = TYPE(pool_fields, 0),
    [VIEW_POOL_TEXT] = TYPE(text_fields, sizeof(struct lookup_text)),
    [VIEW_TEXTS] = TYPE(texts_fields, 0),
};

/* Fails to compile when a type has no row above. */
typedef char view_every_type_has_a_table[COUNT(types) == VIEW_NTYPES ? 1 : -1];

/* Fields of r's type itself, before first and last. */
static size_t own_fields(const struct view *v, struct view_ref r)
{
  return r.type == VIEW_FLAG_SET ? v->s->nflags : types[r.type].nfields;
}

static size_t field_count(const struct view *v, struct view_ref r)
{
  if (r.kind != VIEW_OBJECT)
    return 0;
  return own_fields(v, r) + (r.count ? COUNT(item_fields) : 0);
}

static const char *field_name(const struct view *v, struct view_ref r, size_t i)
{
  size_t own = own_fields(v, r);

  if (i >= own)
    return item_fields[i - own];
  if (r.type == VIEW_FLAG_SET)
    return v->s->flags[i].id;
  return types[r.type].fields[i].name;
}

static int has_flag(const struct spec_status *st, const struct spec_flag *f)
{
  size_t i;

  for (i = 0; i < st->nflags; i++)
    if (st->flags[i] == f)
      return 1;
  return 0;
}

/* Field i (below field_count) of the object r. */
static struct view_ref field_value(const struct view *v, struct view_ref r,
                                   size_t i)
{
  size_t own = own_fields(v, r);

  if (i >= own)
    return boolean(i == own ? r.pos == 0 : r.pos == r.count - 1);
  if (r.type == VIEW_FLAG_SET)
    return boolean(has_flag(r.ptr, &v->s->flags[i]));
  return types[r.type].fields[i].get(v, r.ptr);
}

/* 1 when the NUL-terminated f is the len bytes at name. */
static int same_name(const char *f, const char *name, size_t len)
{
  return strncmp(f, name, len) == 0 && f[len] == '\0';
}

/* The number of the field called name in objects like r; -1: none. */
static long field_index(const struct view *v, struct view_ref r,
                        const char *name, size_t len)
{
  size_t i, n = field_count(v, r);

  for (i = 0; len && i < n; i++)
    if (same_name(field_name(v, r, i), name, len))
      return (long)i;
  return -1;
}

struct view_ref view_root(const struct view *v)
{
  return object(VIEW_ROOT, v->s);
}

int view_get(const struct view *v, struct view_ref r, const char *name,
             size_t len, struct view_ref *out)
{
  long i = field_index(v, r, name, len);

  *out = i < 0 ? make(VIEW_NULL) : field_value(v, r, (size_t)i);
  return i >= 0;
}

struct view_ref view_item(const struct view *v, struct view_ref r, size_t i)
{
  struct view_ref item;

  (void)v;
  if (r.indirect)
    item = object((enum view_type)r.type, ((const void *const *)r.ptr)[i]);
  else
    item = object((enum view_type)r.type,
                  (const char *)r.ptr + i * types[r.type].item_size);
  item.pos = (long)i;
  item.count = r.num;
  return item;
}

/* Building. */

static const char *upper(struct arena *a, const char *s)
{
  size_t i, n = strlen(s);
  char *u = arena_strndup(a, s, n);

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

  v->class_upper = arena_calloc(v->arena, s->nclasses, sizeof *v->class_upper);
  v->class_first = arena_calloc(v->arena, s->nclasses, sizeof *v->class_first);
  v->class_len = arena_calloc(v->arena, s->nclasses, sizeof *v->class_len);
  for (k = 0; k < s->nclasses; k++) {
    v->class_upper[k] = upper(v->arena, s->classes[k].id);
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

  v->flag_upper = arena_calloc(v->arena, s->nflags, sizeof *v->flag_upper);
  v->flag_statuses =
      arena_calloc(v->arena, s->nflags, sizeof *v->flag_statuses);
  v->flag_len = arena_calloc(v->arena, s->nflags, sizeof *v->flag_len);
  for (i = 0; i < s->nstatuses; i++)
    for (j = 0; j < s->statuses[i].nflags; j++)
      v->flag_len[s->statuses[i].flags[j] - s->flags]++;
  for (k = 0; k < s->nflags; k++) {
    v->flag_upper[k] = upper(v->arena, s->flags[k].id);
    v->flag_statuses[k] =
        arena_calloc(v->arena, v->flag_len[k], sizeof **v->flag_statuses);
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
  v->constants = arena_calloc(v->arena, n, sizeof *v->constants);
  for (i = 0; i < s->nstatuses; i++) {
    const struct spec_status *st = &s->statuses[i];
    struct constant *c = &v->constants[v->nconstants++];

    c->name = st->name;
    c->names = &st->names;
    c->code = st->code;
    c->reason = st->reason;
    for (j = 0; j < st->naliases; j++) {
      c = &v->constants[v->nconstants++];
      c->name = st->aliases[j].name;
      c->names = &st->aliases[j].names;
      c->code = st->code;
      c->target = st->name;
      c->reason = st->aliases[j].reason;
    }
  }
}

/* The lookups' design, from the statuses' codes and the enumerators'
   names, reasons and codes (lists that only the building needs). */
static void build_design(struct view *v)
{
  size_t i, n = v->nconstants;
  long *status_codes = xcalloc(v->s->nstatuses + 1, sizeof *status_codes);
  const char **names = xcalloc(n + 1, sizeof *names);
  const char **reasons = xcalloc(n + 1, sizeof *reasons);
  long *codes = xcalloc(n + 1, sizeof *codes);
  const char **descriptions = xcalloc(v->s->nstatuses + 1, sizeof(char *));
  const char **references = xcalloc(v->s->nstatuses + 1, sizeof(char *));

  for (i = 0; i < v->s->nstatuses; i++)
    status_codes[i] = v->s->statuses[i].code;
  for (i = 0; i < n; i++) {
    names[i] = v->constants[i].name;
    reasons[i] = v->constants[i].reason;
    codes[i] = v->constants[i].code;
  }
  lookup_design_build(&v->design, v->arena, status_codes, v->s->nstatuses,
                      names, reasons, codes, n);
  for (i = 0; i < v->s->nstatuses; i++) {
    descriptions[i] = v->s->statuses[i].description;
    references[i] = v->s->statuses[i].reference;
  }
  lookup_design_unknown(&v->design, v->s->unknown);
  /* code - lo in unsigned arithmetic: 100u, or (unsigned)-5 */
  if (v->design.slots.lo < 0)
    sprintf(v->lo_unsigned, "(unsigned)%ld", v->design.slots.lo);
  else
    sprintf(v->lo_unsigned, "%ldu", v->design.slots.lo);
  if (v->s->shape && strcmp(v->s->shape, "switch") == 0)
    lookup_design_use_switch(&v->design, v->arena);
  lookup_design_pool(&v->design, v->arena, descriptions, references);
  free(descriptions);
  free(references);
  free(status_codes);
  free(names);
  free(reasons);
  free(codes);
}

struct view *view_new(const struct spec *s, const char *prefix,
                      const char *spec_file)
{
  struct arena *a = arena_new();
  struct view *v = arena_alloc(a, sizeof *v);
  size_t i;

  memset(v, 0, sizeof *v);
  v->arena = a;
  v->s = s;
  if (!prefix)
    prefix = s->name;
  v->prefix = arena_strndup(a, prefix, strlen(prefix));
  v->upper_prefix = upper(a, prefix);
  spec_names_of(&v->prefix_names, a, prefix);
  v->spec_file = arena_strndup(a, spec_file, strlen(spec_file));
  index_classes(v);
  index_flags(v);
  for (i = 0; i < s->nstatuses; i++) {
    v->has_flags |= s->statuses[i].nflags > 0;
    v->has_references |= s->statuses[i].reference != NULL;
    v->has_aliases |= s->statuses[i].naliases > 0;
  }
  build_constants(v);
  build_design(v);
  return v;
}

void view_free(struct view *v)
{
  if (v)
    arena_free(v->arena); /* v itself lives in it */
}

/* The JSON dump. */

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

/* 1 when field i of r stays out of a dump of the stable part. */
static int hidden(const struct view *v, struct view_ref r, size_t i)
{
  return r.type != VIEW_FLAG_SET && i < own_fields(v, r) &&
         types[r.type].fields[i].internal;
}

static void dump(const struct view *v, struct view_ref r, int all,
                 struct buf *out, int depth)
{
  size_t i, n, shown = 0;

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
      dump(v, view_item(v, r, i), all, out, depth + 1);
    }
    if (n)
      indent(out, depth);
    buf_putc(out, ']');
    return;
  case VIEW_OBJECT:
    n = field_count(v, r);
    buf_putc(out, '{');
    for (i = 0; i < n; i++) {
      if (!all && hidden(v, r, i))
        continue;
      buf_puts(out, shown++ ? "," : "");
      indent(out, depth + 1);
      json_string(out, field_name(v, r, i));
      buf_puts(out, ": ");
      dump(v, field_value(v, r, i), all, out, depth + 1);
    }
    if (shown)
      indent(out, depth);
    buf_putc(out, '}');
    return;
  }
}

void view_dump_json(const struct view *v, struct view_ref r, int all,
                    struct buf *out)
{
  dump(v, r, all, out, 0);
  buf_putc(out, '\n');
}

/* The engine's handles. A handle carries a view_ref: its kind, whether a
   list holds pointers, whether an object is a list's item, and its type
   packed in tag; the object, list or text in ptr; the number, or an
   item's place and its list's length, in num. */

#define KIND_BITS 3
#define TYPE_BITS 5
#define INDIRECT_BIT (1 << KIND_BITS)
#define TYPE_SHIFT (KIND_BITS + 1)

/* Fail to compile when a kind or a type outgrows its bits. */
typedef char view_kinds_fit[VIEW_OBJECT < 1 << KIND_BITS ? 1 : -1];
typedef char view_types_fit[VIEW_NTYPES <= 1 << TYPE_BITS ? 1 : -1];

static struct mustache_value to_handle(struct view_ref r)
{
  struct mustache_value h;

  h.ptr = r.kind == VIEW_TEXT ? (const void *)r.text : r.ptr;
  h.tag = (int)r.kind | (r.indirect ? INDIRECT_BIT : 0) | r.type << TYPE_SHIFT;
  h.num = r.kind == VIEW_OBJECT ? (long long)((unsigned long long)r.pos << 32 |
                                              (unsigned long long)r.count)
                                : r.num;
  return h;
}

static struct view_ref from_handle(struct mustache_value h)
{
  struct view_ref r = make((enum view_kind)(h.tag & ((1 << KIND_BITS) - 1)));

  r.type = h.tag >> TYPE_SHIFT & ((1 << TYPE_BITS) - 1);
  r.indirect = (h.tag & INDIRECT_BIT) != 0;
  if (r.kind == VIEW_TEXT)
    r.text = h.ptr;
  else
    r.ptr = h.ptr;
  if (r.kind == VIEW_OBJECT) {
    r.pos = (long)((unsigned long long)h.num >> 32);
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

/* Objects of one type have the same fields, and so do the items of a
   list of them, which add first and last: a shape is the type, doubled,
   plus 1 for an item. */
static int m_shape(void *closure, struct mustache_value h)
{
  (void)closure;
  if ((h.tag & ((1 << KIND_BITS) - 1)) != VIEW_OBJECT)
    return -1;
  return (h.tag >> TYPE_SHIFT & ((1 << TYPE_BITS) - 1)) * 2 +
         ((h.num & 0xFFFFFFFF) != 0);
}

static int m_resolve(void *closure, int shape, const char *key, size_t len)
{
  struct view_ref r = make(VIEW_OBJECT);

  r.type = shape / 2;
  r.count = shape % 2;
  return (int)field_index(closure, r, key, len);
}

static struct mustache_value m_field(void *closure, struct mustache_value h,
                                     int f)
{
  const struct view *v = closure;
  int type = h.tag >> TYPE_SHIFT & ((1 << TYPE_BITS) - 1);

  /* most fields are a type's own: read them straight from the table */
  if (type != VIEW_FLAG_SET && (size_t)f < types[type].nfields)
    return to_handle(types[type].fields[f].get(v, h.ptr));
  return to_handle(field_value(v, from_handle(h), (size_t)f));
}

/* The name of field i of an object, for "did you mean". */
static const char *m_key(void *closure, struct mustache_value h, size_t i)
{
  const struct view *v = closure;
  struct view_ref r = from_handle(h);

  if (r.kind != VIEW_OBJECT || i >= field_count(v, r))
    return NULL;
  return field_name(v, r, i);
}

/* The kind of the value a handle carries. */
static enum view_kind kind_of(struct mustache_value h)
{
  return (enum view_kind)(h.tag & ((1 << KIND_BITS) - 1));
}

static int m_truthy(void *closure, struct mustache_value h)
{
  enum view_kind k = kind_of(h);

  (void)closure;
  return k == VIEW_BOOL ? h.num != 0 : k != VIEW_NULL;
}

static int m_list(void *closure, struct mustache_value h, size_t *len)
{
  (void)closure;
  if (kind_of(h) != VIEW_LIST)
    return 0;
  *len = (size_t)h.num;
  return 1;
}

/* view_item on handles, without the trip through a view_ref: sections
   ask for every item of every list they walk. */
static struct mustache_value m_item(void *closure, struct mustache_value h,
                                    size_t i)
{
  int type = h.tag >> TYPE_SHIFT & ((1 << TYPE_BITS) - 1);
  struct mustache_value item;

  (void)closure;
  if (h.tag & INDIRECT_BIT)
    item.ptr = ((const void *const *)h.ptr)[i];
  else
    item.ptr = (const char *)h.ptr + i * types[type].item_size;
  item.tag = item.ptr ? VIEW_OBJECT | type << TYPE_SHIFT : VIEW_NULL;
  item.num =
      (long long)((unsigned long long)i << 32 | (unsigned long long)h.num);
  return item;
}

/* The decimal digits of n: printf's, without its cost (numbers are most
   of what the generated tables print). */
static void put_number(struct buf *out, long n)
{
  char digits[24], *p = digits + sizeof digits;
  unsigned long u = n < 0 ? 0ul - (unsigned long)n : (unsigned long)n;

  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (n < 0)
    *--p = '-';
  buf_put(out, p, (size_t)(digits + sizeof digits - p));
}

static int m_print(void *closure, struct mustache_value h, struct buf *out)
{
  (void)closure;
  switch (kind_of(h)) {
  case VIEW_NULL: return 0;
  case VIEW_BOOL: buf_puts(out, h.num ? "true" : "false"); return 0;
  case VIEW_INT: put_number(out, (long)h.num); return 0;
  case VIEW_TEXT: buf_puts(out, h.ptr); return 0;
  case VIEW_LIST:
  case VIEW_OBJECT: break;
  }
  return -1;
}

void view_mustache(const struct view *v, struct mustache_view *out)
{
  static const struct mustache_data data = {m_lookup,  m_truthy, m_list,
                                            m_item,    m_print,  m_shape,
                                            m_resolve, m_field,  m_key};

  out->data = &data;
  out->closure = (void *)v;
  out->root = to_handle(view_root(v));
}
