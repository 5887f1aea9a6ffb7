/* output: write-if-changed, streamed. Each file compares what it is fed
   with the bytes already on disk; at the first difference it starts a
   temporary beside the file, copies the equal prefix into it from the old
   file, and from then on writes what it is fed. Unchanged files are never
   written, so their timestamps never move and make stays quiet. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmem.h"

/* Bytes read from an old file at a time while comparing or copying. */
#define CHUNK 65536

struct output_file {
  struct output *o;
  char *path;
  char *temp;         /* the temporary, once the file differs */
  int old_fd;         /* the file on disk, -1 when there is none */
  int temp_fd;
  unsigned long same; /* bytes fed so far that equal the old file's */
  int differ;
  int err;            /* errno of the first failure, 0 if none */
  const char *what;   /* what failed: "read", "write" */
};

struct output {
  struct output_io io;
  int check;
  struct output_file **files;
  size_t n, cap;
  char chunk[CHUNK];
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

struct output *output_new(const struct output_io *io, int check)
{
  struct output *o = xcalloc(1, sizeof *o);

  o->io.write_all = write_all;
  if (io)
    o->io = *io;
  o->check = check;
  return o;
}

static void close_file(struct output_file *f)
{
  if (f->old_fd >= 0)
    close(f->old_fd);
  if (f->temp_fd >= 0)
    close(f->temp_fd);
  f->old_fd = f->temp_fd = -1;
}

void output_free(struct output *o)
{
  size_t i;

  if (!o)
    return;
  for (i = 0; i < o->n; i++) {
    struct output_file *f = o->files[i];

    close_file(f);
    if (f->temp)
      unlink(f->temp);
    free(f->temp);
    free(f->path);
    free(f);
  }
  free(o->files);
  free(o);
}

static void fail(struct output_file *f, const char *what)
{
  if (!f->err) {
    f->err = errno ? errno : EIO;
    f->what = what;
  }
}

/* Reads up to len bytes of the old file, retrying interrupted reads. */
static ssize_t read_old(struct output_file *f, char *p, size_t len)
{
  ssize_t k;

  do
    k = read(f->old_fd, p, len);
  while (k < 0 && errno == EINTR);
  if (k < 0)
    fail(f, "read");
  return k;
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
static mode_t mode_for(const struct output_file *f)
{
  struct stat st;
  mode_t mask;

  if (f->old_fd >= 0 && fstat(f->old_fd, &st) == 0)
    return st.st_mode & 07777;
  mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

/* The file differs from the disk from byte f->same on: start the
   temporary with the old file's first f->same bytes. */
static void diverge(struct output_file *f)
{
  struct output *o = f->o;
  unsigned long done = 0;

  f->differ = 1;
  if (o->check)
    return;
  f->temp = temp_name(f->path);
  f->temp_fd = mkstemp(f->temp);
  if (f->temp_fd < 0) {
    fail(f, "create a temporary file beside it");
    free(f->temp);
    f->temp = NULL;
    return;
  }
  if (fchmod(f->temp_fd, mode_for(f)) < 0)
    fail(f, "write");
  while (!f->err && done < f->same) {
    size_t want = f->same - done < CHUNK ? f->same - done : CHUNK;
    ssize_t k = pread(f->old_fd, o->chunk, want, (off_t)done);

    if (k <= 0)
      fail(f, "read");
    else if (o->io.write_all(o->io.closure, f->temp_fd, o->chunk,
                             (size_t)k) < 0)
      fail(f, "write");
    else
      done += (unsigned long)k;
  }
}

/* 1 when the next len bytes of the old file equal p. */
static int same_as_old(struct output_file *f, const char *p, size_t len)
{
  while (len) {
    ssize_t k = read_old(f, f->o->chunk, len < CHUNK ? len : CHUNK);

    if (k <= 0 || memcmp(f->o->chunk, p, (size_t)k) != 0)
      return 0;
    p += k;
    len -= (size_t)k;
  }
  return 1;
}

void output_put(struct output_file *f, const char *bytes, size_t len)
{
  if (!len || f->err)
    return;
  if (!f->differ) {
    if (same_as_old(f, bytes, len)) {
      f->same += len;
      return;
    }
    diverge(f);
  }
  if (f->temp_fd >= 0 && !f->err &&
      f->o->io.write_all(f->o->io.closure, f->temp_fd, bytes, len) < 0)
    fail(f, "write");
}

struct output_file *output_begin(struct output *o, const char *path,
                                 struct diag *d)
{
  struct output_file *f = xcalloc(1, sizeof *f);
  struct mark m = {0, 0, 0};
  struct stat st;

  f->o = o;
  f->path = xstrndup(path, strlen(path));
  f->temp_fd = -1;
  f->old_fd = open(path, O_RDONLY);
  m.file = f->path;
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 8;
    o->files = xrealloc(o->files, o->cap * sizeof *o->files);
  }
  o->files[o->n++] = f;
  if (f->old_fd < 0 && errno != ENOENT)
    return diag_error(d, &m, "cannot read: %s", strerror(errno)), NULL;
  if (f->old_fd >= 0 && fstat(f->old_fd, &st) == 0 && S_ISDIR(st.st_mode))
    return diag_error(d, &m, "cannot read: %s", strerror(EISDIR)), NULL;
  if (f->old_fd < 0)
    diverge(f);
  return f;
}

int output_end(struct output_file *f, struct diag *d)
{
  struct mark m = {0, 0, 0};
  char one;

  m.file = f->path;
  if (!f->differ && !f->err && read_old(f, &one, 1) != 0)
    diverge(f); /* the old file is longer */
  if (f->temp_fd >= 0 && close(f->temp_fd) < 0)
    fail(f, "write");
  f->temp_fd = -1;
  if (f->old_fd >= 0)
    close(f->old_fd);
  f->old_fd = -1;
  if (!f->err)
    return 0;
  return diag_error(d, &m, "cannot %s: %s", f->what, strerror(f->err));
}

int output_add(struct output *o, const char *path, const char *bytes,
               size_t len, struct diag *d)
{
  struct output_file *f = output_begin(o, path, d);

  if (!f)
    return -1;
  output_put(f, bytes, len);
  return output_end(f, d);
}

size_t output_count(const struct output *o)
{
  return o->n;
}

const char *output_path(const struct output *o, size_t i)
{
  return o->files[i]->path;
}

int output_commit(struct output *o,
                  void (*report)(void *closure, const char *path,
                                 enum output_state state),
                  void *closure, struct diag *d)
{
  size_t i;
  int changed = 0;

  for (i = 0; i < o->n; i++) {
    struct output_file *f = o->files[i];
    struct mark m = {0, 0, 0};

    m.file = f->path;
    if (f->temp && rename(f->temp, f->path) < 0)
      return diag_error(d, &m, "cannot replace: %s", strerror(errno));
    free(f->temp);
    f->temp = NULL;
  }
  for (i = 0; i < o->n; i++) {
    changed += o->files[i]->differ;
    if (report)
      report(closure, o->files[i]->path,
             !o->files[i]->differ ? OUTPUT_UNCHANGED
             : o->check           ? OUTPUT_STALE
                                  : OUTPUT_WRITTEN);
  }
  return changed;
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
