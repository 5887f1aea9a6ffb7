/* output: write-if-changed with all-or-nothing temporaries. A file's state
   is decided by comparing its bytes with the disk's, so timestamps of
   unchanged outputs never move and make stays quiet. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmem.h"

struct file {
  char *path;
  char *bytes;
  size_t len;
  char *temp;  /* while being written: the temporary beside path */
  int changed;
};

struct output {
  struct output_io io;
  struct file *files;
  size_t n, cap;
};

static int write_all(void *closure, int fd, const void *bytes, size_t len)
{
  const char *p = bytes;

  (void)closure;
  while (len) {
    ssize_t k = write(fd, p, len);

    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return -1;
    p += k;
    len -= (size_t)k;
  }
  return 0;
}

struct output *output_new(const struct output_io *io)
{
  struct output *o = xcalloc(1, sizeof *o);

  o->io.write_all = write_all;
  if (io)
    o->io = *io;
  return o;
}

void output_free(struct output *o)
{
  size_t i;

  if (!o)
    return;
  for (i = 0; i < o->n; i++) {
    free(o->files[i].path);
    free(o->files[i].bytes);
    free(o->files[i].temp);
  }
  free(o->files);
  free(o);
}

void output_add(struct output *o, const char *path, const char *bytes,
                size_t len)
{
  struct file *f;

  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 8;
    o->files = xrealloc(o->files, o->cap * sizeof *o->files);
  }
  f = &o->files[o->n++];
  memset(f, 0, sizeof *f);
  f->path = xstrndup(path, strlen(path));
  f->bytes = xstrndup(bytes, len);
  f->len = len;
}

size_t output_count(const struct output *o)
{
  return o->n;
}

const char *output_path(const struct output *o, size_t i)
{
  return o->files[i].path;
}

/* 1 when the file at f->path holds exactly f's bytes, 0 when it differs or
   does not exist, -1 after an error in d. */
static int same_on_disk(const struct file *f, struct diag *d)
{
  struct mark m = {0, 0, 0};
  char chunk[65536];
  size_t at = 0;
  ssize_t k;
  int fd, same = 1;

  m.file = f->path;
  fd = open(f->path, O_RDONLY);
  if (fd < 0 && errno == ENOENT)
    return 0;
  if (fd < 0)
    return diag_error(d, &m, "cannot read: %s", strerror(errno));
  while (same && (k = read(fd, chunk, sizeof chunk)) != 0) {
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0) {
      int e = errno;

      close(fd);
      return diag_error(d, &m, "cannot read: %s", strerror(e));
    }
    same = (size_t)k <= f->len - at && memcmp(chunk, f->bytes + at,
                                              (size_t)k) == 0;
    at += (size_t)k;
  }
  close(fd);
  return same && at == f->len;
}

int output_check(struct output *o,
                 void (*report)(void *closure, const char *path,
                                enum output_state state),
                 void *closure, struct diag *d)
{
  size_t i;
  int stale = 0, err = 0;

  for (i = 0; i < o->n; i++) {
    int same = same_on_disk(&o->files[i], d);

    if (same < 0) {
      err = 1;
      continue;
    }
    stale += !same;
    if (report)
      report(closure, o->files[i].path,
             same ? OUTPUT_UNCHANGED : OUTPUT_STALE);
  }
  return err ? -1 : stale;
}

/* The temporary's name: ".NAME.XXXXXX" in the folder of path, so the
   rename stays within one file system. */
static char *temp_name(const char *path)
{
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
  struct buf b = BUF_INIT;

  buf_put(&b, path, dir);
  buf_printf(&b, ".%s.XXXXXX", path + dir);
  return buf_detach(&b, NULL);
}

/* The mode a new output gets: what the file had, or 0666 less the umask. */
static mode_t mode_for(const char *path)
{
  struct stat st;
  mode_t mask;

  if (stat(path, &st) == 0)
    return st.st_mode & 07777;
  mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

static int write_temp(struct output *o, struct file *f, struct diag *d)
{
  struct mark m = {0, 0, 0};
  int fd, e;

  m.file = f->path;
  f->temp = temp_name(f->path);
  fd = mkstemp(f->temp);
  if (fd < 0) {
    e = errno;
    free(f->temp);
    f->temp = NULL;
    return diag_error(d, &m, "cannot create a temporary file beside it: %s",
                      strerror(e));
  }
  if (o->io.write_all(o->io.closure, fd, f->bytes, f->len) < 0 ||
      fchmod(fd, mode_for(f->path)) < 0) {
    e = errno;
    close(fd);
    return diag_error(d, &m, "cannot write: %s", strerror(e));
  }
  if (close(fd) < 0)
    return diag_error(d, &m, "cannot write: %s", strerror(errno));
  return 0;
}

static void remove_temps(struct output *o)
{
  size_t i;

  for (i = 0; i < o->n; i++) {
    if (o->files[i].temp)
      unlink(o->files[i].temp);
    free(o->files[i].temp);
    o->files[i].temp = NULL;
  }
}

int output_write(struct output *o,
                 void (*report)(void *closure, const char *path,
                                enum output_state state),
                 void *closure, struct diag *d)
{
  size_t i;
  int err = 0;

  for (i = 0; i < o->n && !err; i++) {
    struct file *f = &o->files[i];
    int same = same_on_disk(f, d);

    f->changed = same == 0;
    if (same < 0 || (f->changed && write_temp(o, f, d) < 0))
      err = 1;
  }
  for (i = 0; i < o->n && !err; i++) {
    struct file *f = &o->files[i];
    struct mark m = {0, 0, 0};

    m.file = f->path;
    if (f->temp && rename(f->temp, f->path) < 0)
      err = diag_error(d, &m, "cannot replace: %s", strerror(errno));
    else if (f->temp) {
      free(f->temp);
      f->temp = NULL;
    }
  }
  remove_temps(o);
  if (err)
    return -1;
  for (i = 0; report && i < o->n; i++)
    report(closure, o->files[i].path,
           o->files[i].changed ? OUTPUT_WRITTEN : OUTPUT_UNCHANGED);
  return 0;
}

static void make_path(struct buf *out, const char *p)
{
  for (; *p; p++) {
    if (*p == ' ' || *p == '#')
      buf_putc(out, '\\');
    if (*p == '$')
      buf_putc(out, '$');
    buf_putc(out, *p);
  }
}

void output_make_rule(struct buf *out, const char *const *targets, size_t nt,
                      const char *const *deps, size_t nd)
{
  size_t i;

  for (i = 0; i < nt; i++) {
    buf_puts(out, i ? " " : "");
    make_path(out, targets[i]);
  }
  buf_putc(out, ':');
  for (i = 0; i < nd; i++) {
    buf_puts(out, " \\\n  ");
    make_path(out, deps[i]);
  }
  buf_putc(out, '\n');
}
