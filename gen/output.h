/* output: the files a run produces, written only when their bytes change,
   each through a temporary file in its own folder and a rename, and none
   at all when any of them fails: an error leaves every existing output as
   it was, bytes and mtime. A file is fed in pieces and compared with the
   disk as it comes, so no output is ever held whole in memory: a temporary
   is started only at the first byte that differs. Also checks files
   without writing (--check) and formats make-style rules (-M). */
#ifndef STATUSGEN_OUTPUT_H
#define STATUSGEN_OUTPUT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* How bytes reach a file descriptor; tests replace it to fake a full
   disk. Returns 0, or -1 with errno set. */
struct output_io {
  int (*write_all)(void *closure, int fd, const void *bytes, size_t len);
  void *closure;
};

/* What happened to one file, for reporting. */
enum output_state { OUTPUT_UNCHANGED, OUTPUT_WRITTEN, OUTPUT_STALE };

struct output;
struct output_file;

/* An empty set of files. io NULL: write(2). check: compare only, never
   write (files that differ are OUTPUT_STALE). Free with output_free(),
   which removes any temporary not yet renamed. */
struct output *output_new(const struct output_io *io, int check);
void output_free(struct output *o);

/* Starts the file at path (copied). Returns NULL after an error in d (the
   path is a folder, or an existing file cannot be read). */
struct output_file *output_begin(struct output *o, const char *path,
                                 struct diag *d);
/* Appends len bytes to f. An I/O error is remembered for output_end. */
void output_put(struct output_file *f, const char *bytes, size_t len);
/* Finishes f: 0, or -1 after an error in d. */
int output_end(struct output_file *f, struct diag *d);

/* output_begin, output_put and output_end of a whole text. */
int output_add(struct output *o, const char *path, const char *bytes,
               size_t len, struct diag *d);

/* How many files were begun, and the path of the i-th. */
size_t output_count(const struct output *o);
const char *output_path(const struct output *o, size_t i);

/* Renames every temporary into place (nothing in check mode), then calls
   report for each file in the order begun: OUTPUT_WRITTEN (OUTPUT_STALE in
   check mode) for those that differ, else OUTPUT_UNCHANGED. Returns how
   many differ, or -1 after an error in d; a failed rename leaves the files
   renamed before it in place. */
int output_commit(struct output *o,
                  void (*report)(void *closure, const char *path,
                                 enum output_state state),
                  void *closure, struct diag *d);

/* Appends a make rule "T1 T2: D1 D2\n" with one line per dependency, each
   path escaped as GCC's -MD does: '\' before a space or '#', '$$' for
   '$'. */
void output_make_rule(struct buf *out, const char *const *targets, size_t nt,
                      const char *const *deps, size_t nd);

#endif
