/* view: the model as the templates see it, read in place (nothing is copied
   into another tree). A view_ref names one value: a scalar, a list or an
   object whose fields are looked up by name. Each type of object is
   declared once, as a table of {name, getter} rows in view.c; lookups,
   list items, the engine's resolved names and the JSON dump of
   --dump-model all read those tables, so the dump is always what
   templates get.

   The stable part, which users' templates may rely on (field order is
   dump order):
     root:   prefix, PREFIX, names, spec_file, title, source, count,
             unknown (what lookups answer for no such code), code_lo,
             code_hi (the codes' range), signed_codes (code_lo < 0),
             classes, flags, statuses, constants, internal
     class:  id, ID, names, title, lo, hi, index, statuses
     flag:   id, ID, names, meaning, statuses (as status refs)
     status: code, name, names, reason, description, reference, class (a
             class ref), flags (every declared flag id -> true/false),
             flag_list (flag refs), aliases
     alias:  reason, name, names, status (a status ref)
     class ref: id, ID, names, title    flag ref: id, ID, names, meaning
     status ref: code, name, names
     constant: name, names, code, target (the status's name for an alias,
             else null), reason: every enumerator, each status followed by
             its aliases
     names:  UPPER_SNAKE, UpperCamel, lower_snake, lowerCamel (struct
             spec_names)
   Every item of a list has two more fields, first and last (booleans),
   for separators. Absent values are null or false, never missing, so
   strict templates can name every field of every entry.

   The part that belongs to the default templates, under root.internal:
   the shapes of the generated lookups as lookup.h works them out
   (code_slots, name_index, reason_index; see README.md). Its insides
   change with the generated C; the dump leaves it out unless asked for
   everything. */
#ifndef STATUSGEN_VIEW_H
#define STATUSGEN_VIEW_H

#include <stddef.h>

#include "buf.h"
#include "mustache.h"
#include "spec.h"

enum view_kind {
  VIEW_NULL,
  VIEW_BOOL,
  VIEW_INT,
  VIEW_TEXT,
  VIEW_LIST,
  VIEW_OBJECT
};

/* A value, passed by copy; its pointers borrow from the view. */
struct view_ref {
  enum view_kind kind;
  int type;         /* VIEW_OBJECT: which fields it has; VIEW_LIST: its
                       items' (a number private to view.c) */
  const void *ptr;  /* the object; a list's first item or pointer */
  const char *text; /* VIEW_TEXT: NUL-terminated */
  long num;         /* VIEW_INT, VIEW_BOOL (0 or 1), VIEW_LIST: count */
  int indirect;     /* VIEW_LIST: ptr is an array of pointers */
  long pos, count;  /* a list's item: its place; count 0 otherwise */
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
   so any text gives valid JSON), ending with a newline at the top level:
   the stable part only, or everything (root.internal too) when all. */
void view_dump_json(const struct view *v, struct view_ref r, int all,
                    struct buf *out);

#endif
