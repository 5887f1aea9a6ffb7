/* tmpldir: a templates folder. Its top-level files NAME.mustache whose
   names do not start with '_' are templates, one output each; any file
   NAME.mustache in it or below is a partial, named NAME (with its
   subfolders: "c/lookup") in {{> NAME}}. Templates and partials never
   come from outside the folder: not through "..", an absolute name or a
   symbolic link. */
#ifndef STATUSGEN_TMPLDIR_H
#define STATUSGEN_TMPLDIR_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"

/* The largest template or partial read, in bytes: far past any real
   one, and a file that is not regular (a FIFO, /dev/zero) is refused. */
#define TMPLDIR_MAX_BYTES ((size_t)16 << 20)

/* The suffix of every template and partial file. */
#define TMPLDIR_SUFFIX ".mustache"

struct tmpldir;

/* What a folder is, as a place to take templates from (tmpldir_probe). */
enum tmpldir_probe {
  TMPLDIR_HAS_TEMPLATES, /* a readable folder with a template */
  TMPLDIR_MISSING,       /* nothing at that path */
  TMPLDIR_NOT_A_FOLDER,
  TMPLDIR_UNREADABLE,  /* a folder that cannot be listed */
  TMPLDIR_NO_TEMPLATES /* a folder without any file NAME.mustache */
};

/* Looks at dir without keeping anything: whether tmpldir_open() would
   find templates there, or why not. */
enum tmpldir_probe tmpldir_probe(const char *dir);

/* Why a probe failed, in words ("no such folder"); "" for
   TMPLDIR_HAS_TEMPLATES. */
const char *tmpldir_probe_text(enum tmpldir_probe p);

/* Lists the templates of dir, sorted by name. Returns NULL after an error
   in d: dir cannot be read, or holds no template. Partial lookups report
   their I/O errors to d too. Free with tmpldir_free(). */
struct tmpldir *tmpldir_open(const char *dir, struct diag *d);
void tmpldir_free(struct tmpldir *t);

size_t tmpldir_count(const struct tmpldir *t);
/* The i-th template's file name without the suffix ("{{prefix}}.h"): the
   output's name, as a template itself. */
const char *tmpldir_name(const struct tmpldir *t, size_t i);
/* The i-th template's path: dir/name.mustache. */
const char *tmpldir_path(const struct tmpldir *t, size_t i);
/* Appends the i-th template's bytes to out; -1 after an error in d. */
int tmpldir_read(struct tmpldir *t, size_t i, struct buf *out);

/* Appends the bytes of the file name (a plain file name) directly in the
   folder to out, when there is one: 1 read, 0 there is none, -1 after an
   error in d (it cannot be read, or leads outside the folder). path (when
   not NULL) gets dir/name, which lives as long as t. A file read counts
   among tmpldir_files(). */
int tmpldir_read_extra(struct tmpldir *t, const char *name, struct buf *out,
                       const char **path);

/* The partial callback for struct mustache_config, closure t. */
enum mustache_found tmpldir_partial(void *t, const char *name, size_t len,
                                    struct mustache_source *src);

/* Every file read so far, templates and partials, as paths under dir, in
   the order first read: the dependencies of the outputs. */
const char *const *tmpldir_files(const struct tmpldir *t, size_t *n);

#endif
