/* output: the files a run produces, written only when their bytes change,
   each through a temporary file in its own folder and a rename, and none
   at all when any of them fails: an error leaves every existing output as
   it was, bytes and mtime. Also checks files without writing (--check) and
   formats make-style dependency rules (-M). */
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

/* An empty set of files. io NULL: write(2). Free with output_free(). */
struct output *output_new(const struct output_io *io);
void output_free(struct output *o);

/* Adds a file to produce at path, with len bytes (both copied). */
void output_add(struct output *o, const char *path, const char *bytes,
                size_t len);

/* How many files were added, and the path of the i-th. */
size_t output_count(const struct output *o);
const char *output_path(const struct output *o, size_t i);

/* Calls report for each file, in the order added, with OUTPUT_STALE when
   the file is missing or differs, else OUTPUT_UNCHANGED; writes nothing.
   Returns the number of stale files, or -1 after an error in d (a file
   that exists but cannot be read). */
int output_check(struct output *o,
                 void (*report)(void *closure, const char *path,
                                enum output_state state),
                 void *closure, struct diag *d);

/* Writes every file whose bytes differ from the disk's: first all to
   temporary files beside them, then, when all of those succeeded, renames
   them into place. Calls report for each file, OUTPUT_WRITTEN or
   OUTPUT_UNCHANGED, once all are in place. Returns 0, or -1 after errors
   in d, with no temporary file left and, unless a rename itself failed
   (the files renamed before it stay), no output changed. */
int output_write(struct output *o,
                 void (*report)(void *closure, const char *path,
                                enum output_state state),
                 void *closure, struct diag *d);

/* Appends a make rule "T1 T2: D1 D2\n" with one line per dependency, each
   path escaped as GCC's -MD does: '\' before a space or '#', '$$' for
   '$'. */
void output_make_rule(struct buf *out, const char *const *targets, size_t nt,
                      const char *const *deps, size_t nd);

#endif
