/* view: the model as the templates see it, read in place (nothing is copied
   into another tree). A view_ref names one value: a scalar, a list or an
   object whose fields are looked up by name. The same walk prints the data
   as JSON for --dump-model, so the dump is always what templates get.

   The objects and their fields, in dump order:
     root:   prefix, PREFIX, spec_file, title, source, count, classes,
             flags, statuses, constants, code_slots, name_index,
             reason_index
     class:  id, ID, title, lo, hi, index, statuses
     flag:   id, ID, meaning, statuses (as status refs)
     status: code, name, reason, description, reference, class (a class
             ref), flags (every declared flag id -> true/false), flag_list
             (flag refs), aliases
     alias:  reason, name
     class ref: id, ID, title    flag ref: id, ID, meaning
     status ref: code, name
     constant: name, code, target (the status's name for an alias, else
             null), reason: every enumerator, each status followed by its
             aliases
     code slots: lo, hi, dense (lo..hi is small enough for tables
             indexed by code - lo), size (entries of the tables indexed by
             code: dense, hi - lo + 1; otherwise one per status plus the
             empty slot 0), cases (each status's code, slot (its place,
             1-based) and offset (code - lo)), rows (the tables' entries in
             order: a status, or a run of holes as gaps, a few per row)
     text index (name_index: names of statuses and aliases; reason_index:
             their reasons): id ("name", "reason"), fold (true for
             reasons: compared ignoring ASCII case), groups (by length:
             length, pos (the byte that tells the group's texts apart),
             base (row = base + byte),
             keys), keys (in slot order: text, lower (ASCII lower case),
             length, code, slot, row, next (the next slot with the same
             row, or 0)), rows, max_length, by_length (for every length 0
             .. max_length: at, base; an absent length has base = rows),
             by_row (for every row: slot, 0 when no key has the row); both
             cut into lines of a dozen: lists of {items}; for reasons a
             byte is that of the lower case text. See lookup.h.
   Every item of a list has two more fields, first and last (booleans),
   for separators.
   Absent values are null or false, never missing, so strict templates can
   name every field of every entry. */
#ifndef STATUSGEN_VIEW_H
#define STATUSGEN_VIEW_H

#include <stddef.h>

#include "buf.h"
#include "mustache.h"
#include "spec.h"

enum view_kind { VIEW_NULL, VIEW_BOOL, VIEW_INT, VIEW_TEXT, VIEW_LIST,
                 VIEW_OBJECT };

/* Which fields an object (or a list's items) has; internal to view.c. */
enum view_type { VIEW_ROOT, VIEW_CLASS, VIEW_CLASS_REF, VIEW_FLAG,
                 VIEW_FLAG_REF, VIEW_FLAG_SET, VIEW_STATUS, VIEW_STATUS_REF,
                 VIEW_ALIAS, VIEW_CONSTANT, VIEW_GROUP, VIEW_KEY, VIEW_INDEX,
                 VIEW_LENGTH, VIEW_ROW_SLOT, VIEW_SLOTS, VIEW_SLOT, VIEW_ROW,
                 VIEW_LINE, VIEW_GAP };

/* A value, passed by copy; its pointers borrow from the view. */
struct view_ref {
  enum view_kind kind;
  enum view_type type; /* VIEW_OBJECT: its fields; VIEW_LIST: its items' */
  const void *ptr;     /* the object; a list's first item or pointer */
  const char *text;    /* VIEW_TEXT: NUL-terminated */
  long num;            /* VIEW_INT, VIEW_BOOL (0 or 1), VIEW_LIST: count */
  int indirect;        /* VIEW_LIST: ptr is an array of pointers */
  long pos, count;     /* a list's item: its place; count 0 otherwise */
};

struct view;

/* A view of s under prefix (the spec's name when NULL); spec_file is the
   spec's path as given. Borrows s, which must outlive it. */
struct view *view_new(const struct spec *s, const char *prefix,
                      const char *spec_file);
void view_free(struct view *v);

struct view_ref view_root(const struct view *v);
/* The field named name (len bytes, no NUL needed) of an object; kind
   VIEW_NULL with ptr NULL when r is no object or has no such field. */
int view_get(const struct view *v, struct view_ref r, const char *name,
             size_t len, struct view_ref *out);
/* The i-th item of a list (i < r.num). */
struct view_ref view_item(const struct view *v, struct view_ref r, size_t i);
/* The view as the template engine reads it: fills *out with the data
   interface, the closure and the root. Valid while v lives. */
void view_mustache(const struct view *v, struct mustache_view *out);

/* Appends r as JSON (2-space indent, keys in field order, strings escaped
   so any text gives valid JSON), ending with a newline at the top level. */
void view_dump_json(const struct view *v, struct view_ref r, struct buf *out);

#endif
