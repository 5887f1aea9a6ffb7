/* proc: runs a program the way a shell would and captures what it says,
   for tests whose unit is a whole process. */
#ifndef STATUSGEN_TEST_PROC_H
#define STATUSGEN_TEST_PROC_H

#include "buf.h"

/* Runs argv[0] (a path) with argv, standard input from /dev/null, standard
   output and error appended to out and err. Returns the exit status, or
   128 + the signal number when a signal ended it, or -1 when it could not
   be started. */
int proc_run(char *const argv[], struct buf *out, struct buf *err);

/* A finished run: what it printed and its exit status as proc_run gives. */
struct proc_result {
  struct buf out, err;
  int status;
};

/* proc_run of argv (NULL-terminated) into r's fresh buffers; free them
   with proc_result_free(). */
void proc_result_run(struct proc_result *r, const char *const *argv);
void proc_result_free(struct proc_result *r);

/* The statusgen under test: $STATUSGEN, else build/statusgen. */
const char *proc_statusgen(void);

/* Reads a whole file into b (appending); -1 when it cannot be read. */
int proc_slurp(const char *path, struct buf *b);

/* 1 when running under valgrind (make memcheck), where a child forked
   without exec is checked for leaks at its exit with the parent's memory
   counted as its own: tests that fork so skip, saying so. */
int proc_under_valgrind(void);

#endif
