/* diag: collects problems as "FILE:LINE:COL: error: MESSAGE" and prints
   them sorted by position, so one run can report every problem it finds. */
#ifndef STATUSGEN_DIAG_H
#define STATUSGEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct buf;

#if defined(__GNUC__)
#define DIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DIAG_PRINTF(f, a)
#endif

/* A position in an input file: 1-based line and column (column counts
   characters, UTF-8 sequences counting one). line 0 means "the file as
   a whole"; file NULL means "no file".
   file is borrowed: it must outlive the struct that holds it. */
struct mark {
  const char *file;
  unsigned line;
  unsigned col;
};

struct diag;

/* Returns an empty sink; free it with diag_free(). */
struct diag *diag_new(void);
void diag_free(struct diag *d);

/* Adds one error at m (NULL: no position) and returns -1, so call sites
   read "return diag_error(...)". The text is formatted at once: m->file
   need not outlive the call. */
int diag_error(struct diag *d, const struct mark *m, const char *fmt, ...)
    DIAG_PRINTF(3, 4);

/* Appends the len bytes at s to out with every control character shown
   as an escape (\n, \t, \xNN), as every diagnostic shows its text: a
   name or a path from an input can never start a line of its own, forge
   a position or move the terminal. */
void diag_put_visible(struct buf *out, const char *s, size_t len);

/* The place at as a message at from names it: "LINE:COL", or
   "FILE:LINE:COL" when the two are in different files (specs given in
   layers). Written into out (size bytes, a long name cut); returns out. */
const char *diag_place(char *out, size_t size, const struct mark *at,
                       const struct mark *from);

/* How many errors were added. */
size_t diag_count(const struct diag *d);

/* The i-th error in print order (i < diag_count), without a newline:
   "file:line:col: error: message". Valid until the next diag_error or
   diag_free. */
const char *diag_message(struct diag *d, size_t i);

/* Prints every error, one per line, ordered by file (in the order files were
   first named), then line, then column; equal positions keep the order in
   which they were added. In colour (as GCC: the place bold, "error:" red)
   once diag_set_color(d, 1) was called. */
void diag_print(struct diag *d, FILE *f);
void diag_set_color(struct diag *d, int on);
/* With on, diag_print shows under each error that has a line and a column
   the source line, read again from the file, and a caret at the column,
   as GCC does:
       12 |   - code: 404
          |           ^
   A file that cannot be read again (standard input) shows none. */
void diag_set_caret(struct diag *d, int on);

#endif
