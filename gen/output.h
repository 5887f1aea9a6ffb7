/* output: the files a run produces, written only when their bytes change,
   each through a temporary file in its own folder, and committed all or
   nothing: an error, a signal or a killed run leaves every existing output
   as it was (a killed commit is rolled back by the next run). A file is
   fed in pieces and compared with the disk as it comes; a temporary is
   started at the first byte that differs. Also checks files without
   writing (--check) and formats make-style rules (-M).

   Every temporary is named ".statusgen-PID-N.tmp" (".old" for the links
   that keep old outputs during a commit, ".journal" for the commit's
   record) in the folder of its output; the next run removes those of runs
   that are no longer alive. New outputs get mode 0666 less the umask; an
   existing output that is a symbolic link is replaced by a file, never
   written through; one that is not a regular file is an error. */
#ifndef STATUSGEN_OUTPUT_H
#define STATUSGEN_OUTPUT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* What happened to one file, for reporting. */
enum output_state { OUTPUT_UNCHANGED, OUTPUT_WRITTEN, OUTPUT_STALE };

struct output;
struct output_file;

/* An empty set of files. check: compare only, never write (files that
   differ are OUTPUT_STALE). no_sync: skip fsync (faster, not durable
   across a power loss). Free with output_free(), which removes any
   temporary not committed. */
struct output *output_new(int check, int no_sync);
void output_free(struct output *o);

/* Locks the folder dir for this set, from now until output_free():
   exclusively to write, shared to check, so concurrent runs on one folder
   take turns and a check never sees half a commit. To write, also rolls
   back a commit that a killed run left half done and removes the
   temporaries of runs no longer alive. Blocks while another run holds
   the lock. 0, or -1 after an error in d. */
int output_lock(struct output *o, const char *dir, struct diag *d);

/* Starts the file at path (copied). Returns NULL after an error in d: the
   path is a folder or other special file, an existing file cannot be
   read, its folder cannot be used, or it is a file already begun (under
   any name). */
struct output_file *output_begin(struct output *o, const char *path,
                                 struct diag *d);
/* Appends len bytes to f: 0, or -1 once f has failed (the error is
   reported by output_end): a producer should stop. */
int output_put(struct output_file *f, const char *bytes, size_t len);
/* Finishes f: 0, or -1 after an error in d. */
int output_end(struct output_file *f, struct diag *d);

/* output_begin, output_put and output_end of a whole text. */
int output_add(struct output *o, const char *path, const char *bytes,
               size_t len, struct diag *d);

/* How many files were begun, and the path of the i-th. */
size_t output_count(const struct output *o);
const char *output_path(const struct output *o, size_t i);

/* Errors when a file begun is one of the n inputs (the same file, whether
   by name, hard link or symbolic link), so an input is never overwritten.
   0, or -1 after an error in d for each. */
int output_refuse_inputs(struct output *o, const char *const *inputs, size_t n,
                         struct diag *d);

/* Puts every changed file in place (nothing in check mode), all or none:
   each temporary is synced, each old file linked aside, then all are
   renamed and the folders synced; if any step fails, what was renamed is
   put back. Catchable termination signals wait until it is done. Then
   calls report for each file in the order begun: OUTPUT_WRITTEN
   (OUTPUT_STALE in check mode) for those that differ, else
   OUTPUT_UNCHANGED. Returns how many differ, or -1 after an error in d
   (report is then not called). */
int output_commit(struct output *o,
                  void (*report)(void *closure, const char *path,
                                 enum output_state state),
                  void *closure, struct diag *d);

/* Removes every temporary of every live set (async-signal-safe: for a
   signal handler or an out-of-memory exit). Outputs stay as they were. */
void output_remove_temporaries(void);

/* Appends a make rule "T1 T2: D1 D2\n" with one line per dependency. Each
   path is escaped for GNU make: '\' before a space, '#', ':', '*', '?'
   or '[', and before '%' in a target; '$$' for '$'. A path that make
   cannot read back (holding ';', '=', '\', '(', ')', '|', a control
   character, or empty) makes it return -1 with that path in *bad and out
   unchanged; else 0. */
int output_make_rule(struct buf *out, const char *const *targets, size_t nt,
                     const char *const *deps, size_t nd, const char **bad);

#endif
