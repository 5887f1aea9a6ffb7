/* sysio: the system calls the generator makes on files, each retried when
   interrupted and each able to fail on purpose (fault.h), so tests can run
   a whole generation failing at every call in turn. Also the one way
   inputs are read: regular files only, never blocking, never unbounded. */
#ifndef STATUSGEN_SYSIO_H
#define STATUSGEN_SYSIO_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "buf.h"

/* As their POSIX namesakes: -1 with errno set on failure (an injected
   failure sets the errno a real one most likely would: EIO for reads,
   ENOSPC for writes and fsync, EBUSY for rename, EPERM for link). */
int sysio_open(const char *path, int flags, mode_t mode);
ssize_t sysio_read(int fd, void *p, size_t n);
int sysio_fsync(int fd);
int sysio_close(int fd);
int sysio_rename(const char *from, const char *to);
int sysio_link(const char *from, const char *to);
int sysio_unlink(const char *path);
int sysio_flock(int fd, int op);
/* Writes all n bytes (retrying short writes): 0, or -1 with errno. */
int sysio_write_all(int fd, const void *p, size_t n);

/* "a FIFO", "a folder", ...: what a file of this mode is, for messages. */
const char *sysio_kind(mode_t mode);

/* Appends the whole file at path to out. It must be a regular file (a FIFO
   or a device is refused without being read, so nothing blocks) of at
   most limit bytes. Returns 0; 1 when there is no such file; -2 when it
   is larger than limit; or -1. On -1 and -2 the reason is appended to
   why ("not a regular file (a FIFO)", "larger than N bytes", or
   strerror's text). out may keep part of the file. */
int sysio_read_file(const char *path, size_t limit, struct buf *out,
                    struct buf *why);

/* Appends what can be read from fd (standard input, a pipe) until its end
   to out, at most limit bytes: 0, -2 past limit, or -1; on -1 and -2 the
   reason is appended to why. */
int sysio_read_fd(int fd, size_t limit, struct buf *out, struct buf *why);

/* The canonical absolute path of path (links resolved), to free(); NULL
   with errno set when it cannot be found. Not a fault point. */
char *sysio_realpath(const char *path);

/* Where a program started as argv0 is, as POSIX shells find it: argv0
   itself when it holds a '/', else the first executable file of that
   name in the folders of path (a PATH value; an empty entry is the
   current folder). Its canonical path, to free(), or NULL. */
char *sysio_find_program(const char *argv0, const char *path);

#endif
