/* sysio: thin wrappers. Each asks fault_next() first, so the count of
   calls a run makes is the count a fault test walks through. */
/* realpath() is an XSI function of POSIX.1-2008 and flock() a BSD one
   that Linux, the BSDs and musl all have: this module, the one that calls
   the system, asks for them, so that the rest builds with
   -D_POSIX_C_SOURCE=200809L alone. */
#if !defined(_XOPEN_SOURCE) || _XOPEN_SOURCE < 700
#undef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "sysio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "fault.h"

/* Fails with err when the fault countdown says so. */
static int injected(int err)
{
  if (!fault_next())
    return 0;
  errno = err;
  return 1;
}

int sysio_open(const char *path, int flags, mode_t mode)
{
  int fd;

  if (injected(EACCES))
    return -1;
  do
    fd = open(path, flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  return fd;
}

ssize_t sysio_read(int fd, void *p, size_t n)
{
  ssize_t k;

  if (injected(EIO))
    return -1;
  do
    k = read(fd, p, n);
  while (k < 0 && errno == EINTR);
  return k;
}

int sysio_write_all(int fd, const void *p, size_t n)
{
  const char *q = p;

  if (injected(ENOSPC))
    return -1;
  while (n) {
    ssize_t k = write(fd, q, n);

    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0)
      return -1;
    if (k == 0) {
      errno = ENOSPC;
      return -1;
    }
    q += k;
    n -= (size_t)k;
  }
  return 0;
}

int sysio_fsync(int fd)
{
  int r;

  if (injected(ENOSPC))
    return -1;
  do
    r = fsync(fd);
  while (r < 0 && errno == EINTR);
  /* A folder or a file system that cannot sync has nothing to lose. */
  return r < 0 && (errno == EINVAL || errno == EROFS) ? 0 : r;
}

int sysio_close(int fd)
{
  if (injected(EIO)) {
    close(fd); /* the descriptor is gone either way */
    return -1;
  }
  /* Linux frees the descriptor even when close is interrupted: never
     retry, which could close another thread's new descriptor. */
  return close(fd) < 0 && errno != EINTR ? -1 : 0;
}

int sysio_rename(const char *from, const char *to)
{
  return injected(EBUSY) ? -1 : rename(from, to);
}

int sysio_link(const char *from, const char *to)
{
  return injected(EPERM) ? -1 : link(from, to);
}

int sysio_unlink(const char *path)
{
  return injected(EBUSY) ? -1 : unlink(path);
}

int sysio_flock(int fd, int op)
{
  int r;

  if (injected(ENOLCK))
    return -1;
  do
    r = flock(fd, op);
  while (r < 0 && errno == EINTR);
  return r;
}

const char *sysio_kind(mode_t mode)
{
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISLNK(mode))
    return "a symbolic link";
  return S_ISREG(mode) ? "a regular file" : "a special file";
}

/* Reads fd to its end, refusing more than limit bytes. */
static int read_all(int fd, size_t limit, struct buf *out, struct buf *why)
{
  size_t start = out->len;

  for (;;) {
    ssize_t k;

    buf_grow(out, 65536);
    k = sysio_read(fd, out->data + out->len, out->cap - out->len - 1);
    if (k < 0) {
      buf_puts(why, strerror(errno));
      return -1;
    }
    if (k == 0)
      return 0;
    out->len += (size_t)k;
    out->data[out->len] = '\0';
    if (out->len - start > limit) {
      buf_printf(why, "larger than %lu bytes", (unsigned long)limit);
      return -2;
    }
  }
}

int sysio_read_fd(int fd, size_t limit, struct buf *out, struct buf *why)
{
  return read_all(fd, limit, out, why);
}

int sysio_read_file(const char *path, size_t limit, struct buf *out,
                    struct buf *why)
{
  struct stat st;
  int fd = sysio_open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0), r;

  if (fd < 0 && errno == ENOENT)
    return 1;
  if (fd < 0) {
    buf_puts(why, strerror(errno));
    return -1;
  }
  if (fstat(fd, &st) < 0) {
    buf_puts(why, strerror(errno));
    r = -1;
  } else if (!S_ISREG(st.st_mode)) {
    buf_printf(why, "not a regular file (%s)", sysio_kind(st.st_mode));
    r = -1;
  } else if ((unsigned long long)st.st_size > limit) {
    buf_printf(why, "larger than %lu bytes", (unsigned long)limit);
    r = -2;
  } else {
    /* room for what fstat says and the read that finds the end: a large
       input is held once, not in a buffer grown past it by doubling */
    buf_grow(out, (size_t)st.st_size + 65536 + 1);
    r = read_all(fd, limit, out, why);
  }
  close(fd);
  return r;
}

char *sysio_realpath(const char *path)
{
  return realpath(path, NULL);
}

char *sysio_find_program(const char *argv0, const char *path)
{
  struct buf try = BUF_INIT;
  const char *p, *colon;
  char *real = NULL;

  if (strchr(argv0, '/'))
    return sysio_realpath(argv0);
  for (p = path; !real && p && *p; p = colon + 1) {
    colon = strchr(p, ':');
    if (!colon)
      colon = p + strlen(p);
    buf_clear(&try);
    if (colon == p) /* an empty entry is the current folder */
      buf_printf(&try, "./%s", argv0);
    else
      buf_printf(&try, "%.*s/%s", (int)(colon - p), p, argv0);
    if (access(try.data, X_OK) == 0)
      real = sysio_realpath(try.data);
    if (!*colon)
      break;
  }
  buf_free(&try);
  return real;
}
