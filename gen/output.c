/* output: write-if-changed, streamed, committed as one. Each file compares
   what it is fed with the bytes on disk, keeping the equal prefix in
   memory; at the first difference it starts a temporary beside the file
   and writes the prefix and all that follows. A prefix past SAME_MAX goes
   to the temporary at once instead, which is dropped if the file ends
   equal: memory stays bounded whatever the outputs' size. Bytes re-read
   from the old file are never copied: another program may change it
   meanwhile.
   Unchanged files are never written, so their timestamps never move.

   The commit is git's lockfile discipline made all or nothing: link each
   old output aside, record the set in a journal, rename, sync, and only
   then drop the journal (the commit point) and the links; on a failure,
   rename the links back. Nothing between the first rename and the end
   allocates, so running out of memory cannot stop a commit halfway. */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysio.h"
#include "xmem.h"

/* The longest equal prefix an output keeps in memory. */
#define SAME_MAX ((size_t)1 << 20)

/* Bytes read from an old file at a time while comparing. */
#define CHUNK 65536
/* The start of every name output makes for itself. */
#define PREFIX ".statusgen-"
/* The journal's last record: without it, no rename had begun. */
#define JOURNAL_END "end"

struct folder {
  char *path; /* as written in the outputs' paths ("." for none) */
  char *real; /* canonical, for the journal */
  int fd;
  dev_t dev;
  ino_t ino;
};

struct output_file {
  struct output *o;
  char *path;
  const char *name; /* in path: the part after the folder */
  size_t folder;    /* index in o->folders */
  char *temp;       /* the temporary, once the file differs */
  char *aside;      /* the old file's link during the commit */
  int old_fd, temp_fd;
  int had_old;      /* something (a file, a link) was at path */
  struct stat seen; /* the old file when opened: a change means rewrite */
  dev_t dev;        /* what was at path, when had_old */
  ino_t ino;
  struct buf same; /* bytes fed so far that equal the old file's, until
                      SAME_MAX: then they are in the temporary */
  int differ;
  int err;          /* errno of the first failure, 0 if none */
  const char *what; /* what failed: "read", "write" */
};

struct output {
  int check, no_sync;
  int lock_fd;
  size_t lock_folder; /* the locked folder, where the journal goes */
  struct folder *folders;
  size_t nfolders;
  struct output_file **files;
  size_t n, cap;
  unsigned long serial; /* numbers this run's temporary names */
  char chunk[CHUNK];
};

/* Temporaries a signal handler must remove: changed only with the
   catchable signals blocked, so a handler never sees it half updated. */
static char **live;
static size_t nlive, caplive;

static void block_signals(sigset_t *old)
{
  sigset_t set;

  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGPIPE);
  sigprocmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
  sigprocmask(SIG_SETMASK, old, NULL);
}

/* Makes room for one more entry, so that adding it allocates nothing. */
static void live_reserve(void)
{
  char **grown;
  sigset_t old;

  if (nlive < caplive)
    return;
  grown = xcalloc(caplive ? caplive * 2 : 16, sizeof *grown);
  if (nlive)
    memcpy(grown, live, nlive * sizeof *live);
  block_signals(&old);
  free(live); /* no handler can be walking it now */
  live = grown;
  caplive = caplive ? caplive * 2 : 16;
  restore_signals(&old);
}

/* With the signals blocked and room reserved. */
static void live_push(char *path)
{
  live[nlive++] = path;
}

static void live_remove(const char *path)
{
  sigset_t old;
  size_t i;

  block_signals(&old);
  for (i = 0; i < nlive; i++)
    if (live[i] == path) {
      live[i] = live[--nlive];
      break;
    }
  if (!nlive) {
    free(live);
    live = NULL;
    caplive = 0;
  }
  restore_signals(&old);
}

void output_remove_temporaries(void)
{
  size_t i;

  for (i = 0; i < nlive; i++)
    unlink(live[i]);
}

struct output *output_new(int check, int no_sync)
{
  struct output *o = xcalloc(1, sizeof *o);

  o->check = check;
  o->no_sync = no_sync;
  o->lock_fd = -1;
  o->lock_folder = (size_t)-1;
  return o;
}

static void drop_temp(struct output_file *f)
{
  if (!f->temp)
    return;
  live_remove(f->temp);
  sysio_unlink(f->temp);
  free(f->temp);
  f->temp = NULL;
}

void output_free(struct output *o)
{
  size_t i;

  if (!o)
    return;
  for (i = 0; i < o->n; i++) {
    struct output_file *f = o->files[i];

    if (f->old_fd >= 0)
      close(f->old_fd);
    if (f->temp_fd >= 0)
      close(f->temp_fd);
    drop_temp(f);
    free(f->aside);
    free(f->path);
    buf_free(&f->same);
    free(f);
  }
  for (i = 0; i < o->nfolders; i++) {
    close(o->folders[i].fd);
    free(o->folders[i].path);
    free(o->folders[i].real);
  }
  if (o->lock_fd >= 0)
    close(o->lock_fd); /* and with it the lock */
  free(o->folders);
  free(o->files);
  free(o);
}

/* "DIR/.statusgen-PID-N.EXT", N the next serial number. */
static char *own_name(struct output *o, const char *dir, const char *ext)
{
  struct buf b = BUF_INIT;

  buf_printf(&b, "%s/" PREFIX "%ld-%lu.%s", dir, (long)getpid(), ++o->serial,
             ext);
  return buf_detach(&b, NULL);
}

/* The pid in a name of ours, or 0 when the name is not one of ours. */
static long owner_of(const char *name, const char **ext)
{
  const char *p = name + strlen(PREFIX);
  long pid = 0;

  *ext = "";
  if (strncmp(name, PREFIX, strlen(PREFIX)) != 0)
    return 0;
  while (*p >= '0' && *p <= '9' && pid < 100000000L)
    pid = pid * 10 + (*p++ - '0');
  if (*p == '-')
    for (p++; *p >= '0' && *p <= '9'; p++)
      ;
  *ext = p;
  return strcmp(p, ".tmp") == 0 || strcmp(p, ".old") == 0 ||
                 strcmp(p, ".journal") == 0
             ? pid
             : 0;
}

/* 1 when a run that may still use the file at path is alive: its pid
   is, and when it is ours, the file is one of this run's. */
static int alive(long pid, const char *path)
{
  size_t i;

  if (pid != (long)getpid())
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
  for (i = 0; i < nlive; i++)
    if (strcmp(live[i], path) == 0)
      return 1;
  return 0;
}

/* The NUL-terminated field at *at in j, or NULL past its end. */
static const char *field(const struct buf *j, size_t *at)
{
  const char *p = j->data + *at, *nul;

  if (*at >= j->len || !(nul = memchr(p, '\0', j->len - *at)))
    return NULL;
  *at += (size_t)(nul - p) + 1;
  return p;
}

/* Undoes the commit the journal at path records, when it is complete
   (without its last record no rename had begun): each output goes back to
   its old file, or away when it had none. Can be run again after a
   failure: what was put back is not found again. 0, or -1 with errno. */
static int roll_back_journal(const char *path)
{
  struct buf j = BUF_INIT, why = BUF_INIT;
  size_t at = 0;
  const char *kind, *a, *b;
  int r = sysio_read_file(path, (size_t)1 << 24, &j, &why), e = EIO;

  if (r == 1) /* already gone */
    r = 0;
  else if (r < 0)
    e = errno ? errno : EIO;
  else if (j.len > 4 && memcmp(j.data + j.len - 4, JOURNAL_END, 4) == 0)
    while (r == 0 && (kind = field(&j, &at)) &&
           strcmp(kind, JOURNAL_END) != 0 && (a = field(&j, &at))) {
      if (strcmp(kind, "new") == 0) {
        if (sysio_unlink(a) < 0 && errno != ENOENT)
          r = -1, e = errno;
      } else if (!(b = field(&j, &at))) {
        r = -1;
      } else if (sysio_rename(a, b) < 0
                     ? errno != ENOENT
                     : sysio_unlink(a) < 0 && errno != ENOENT) {
        /* rename() between two links of one file does nothing: the old
           file's link is then removed by hand */
        r = -1, e = errno;
      }
    }
  buf_free(&j);
  buf_free(&why);
  errno = e;
  return r;
}

/* Removes what runs no longer alive left in folder f: temporaries, and
   the links that keep old files during a commit. Under the folder's lock
   (locked), a commit's journal and links can only be a dead run's, since
   a commit holds the lock until it is done: the journals are rolled back
   first, whatever their pid (it may have been reused). 0, or -1 after an
   error in d when a journal cannot be rolled back: then it and every link
   stay for the next run, and nothing is written. */
static int sweep(const struct folder *f, int locked, struct diag *d)
{
  int pass;

  for (pass = !locked; pass < 2; pass++) {
    DIR *dh = opendir(f->path);
    struct dirent *e;
    int r = 0;

    while (r == 0 && dh && (e = readdir(dh))) {
      const char *ext;
      long pid = owner_of(e->d_name, &ext);
      struct buf p = BUF_INIT;
      int journal = strcmp(ext, ".journal") == 0;
      struct mark m = {0, 0, 0};

      if (!pid || journal != (pass == 0))
        continue;
      buf_printf(&p, "%s/%s", f->path, e->d_name);
      m.file = p.data;
      if (journal) {
        if (roll_back_journal(p.data) < 0 || sysio_fsync(f->fd) < 0 ||
            sysio_unlink(p.data) < 0)
          r = diag_error(d, &m,
                         "cannot roll back the interrupted commit it "
                         "records: %s",
                         strerror(errno));
      } else if ((locked && strcmp(ext, ".old") == 0) || !alive(pid, p.data)) {
        sysio_unlink(p.data);
      }
      buf_free(&p);
    }
    if (dh)
      closedir(dh);
    if (r < 0)
      return -1;
  }
  return 0;
}

/* The index of the folder at dir (by identity), opened (and, with
   to_sweep, swept) on first use; -1 after an error in d, reported at
   who. */
static long use_folder(struct output *o, const char *dir, const char *who,
                       int to_sweep, struct diag *d)
{
  struct mark m = {0, 0, 0};
  struct folder f;
  struct stat st;
  size_t i;

  m.file = who;
  f.fd = sysio_open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK, 0);
  if (f.fd < 0 || fstat(f.fd, &st) < 0) {
    int e = errno;

    if (f.fd >= 0)
      close(f.fd);
    return diag_error(d, &m, "cannot use its folder: %s", strerror(e));
  }
  for (i = 0; i < o->nfolders; i++)
    if (o->folders[i].dev == st.st_dev && o->folders[i].ino == st.st_ino) {
      close(f.fd);
      return (long)i;
    }
  f.dev = st.st_dev;
  f.ino = st.st_ino;
  f.path = xstrndup(dir, strlen(dir));
  f.real = sysio_realpath(dir);
  if (!f.real) {
    int e = errno;

    close(f.fd);
    free(f.path);
    return diag_error(d, &m, "cannot use its folder: %s", strerror(e));
  }
  o->folders = xrealloc(o->folders, (o->nfolders + 1) * sizeof *o->folders);
  o->folders[o->nfolders] = f;
  o->nfolders++;
  if (!o->check && to_sweep)
    sweep(&f, 0, d); /* without the lock: never fails */
  return (long)o->nfolders - 1;
}

int output_lock(struct output *o, const char *dir, struct diag *d)
{
  struct mark m = {0, 0, 0};
  long i = use_folder(o, dir, dir, 0, d);
  struct stat now, locked;

  m.file = dir;
  if (i < 0)
    return -1;
  o->lock_folder = (size_t)i;
  o->lock_fd = dup(o->folders[i].fd);
  if (o->lock_fd < 0 ||
      sysio_flock(o->lock_fd, o->check ? LOCK_SH : LOCK_EX) < 0)
    return diag_error(d, &m, "cannot lock the output folder: %s",
                      strerror(errno));
  /* A run that made the folder removes it when it fails: one that waited
     for its lock would write into a folder no longer there. */
  if (stat(dir, &now) < 0 || fstat(o->lock_fd, &locked) < 0 ||
      now.st_dev != locked.st_dev || now.st_ino != locked.st_ino)
    return diag_error(d, &m,
                      "the output folder was removed or replaced while this "
                      "run waited for it");
  if (!o->check)
    return sweep(&o->folders[i], 1, d);
  return 0;
}

static void fail(struct output_file *f, const char *what)
{
  if (!f->err) {
    f->err = errno ? errno : EIO;
    f->what = what;
  }
}

/* Starts the temporary with the equal prefix kept so far. */
static void start_temp(struct output_file *f)
{
  struct output *o = f->o;
  const char *dir = o->folders[f->folder].path;

  live_reserve();
  for (;;) {
    sigset_t old;
    int e;

    f->temp = own_name(o, dir, "tmp");
    block_signals(&old); /* a signal removes it once it exists */
    f->temp_fd = sysio_open(f->temp, O_WRONLY | O_CREAT | O_EXCL, 0666);
    e = errno;
    if (f->temp_fd >= 0)
      live_push(f->temp);
    restore_signals(&old);
    errno = e;
    if (f->temp_fd >= 0 || errno != EEXIST)
      break;
    free(f->temp); /* a dead run's with our pid: take the next number */
  }
  if (f->temp_fd < 0) {
    fail(f, "create a temporary file beside it");
    free(f->temp);
    f->temp = NULL;
  } else {
    if (f->same.len &&
        sysio_write_all(f->temp_fd, f->same.data, f->same.len) < 0)
      fail(f, "write");
  }
  buf_free(&f->same);
}

/* The file differs from the disk from here on: its bytes go to the
   temporary (started now, unless a long equal prefix started it). */
static void diverge(struct output_file *f)
{
  f->differ = 1;
  if (f->o->check || f->err) {
    buf_free(&f->same);
    return;
  }
  if (f->temp_fd < 0)
    start_temp(f);
}

/* 1 when the old file was changed since it was opened (by another
   program, while it was compared): its bytes cannot be trusted equal. */
static int changed_since_open(const struct output_file *f)
{
  struct stat now;

  return fstat(f->old_fd, &now) < 0 || now.st_size != f->seen.st_size ||
         now.st_mtim.tv_sec != f->seen.st_mtim.tv_sec ||
         now.st_mtim.tv_nsec != f->seen.st_mtim.tv_nsec ||
         now.st_ctim.tv_sec != f->seen.st_ctim.tv_sec ||
         now.st_ctim.tv_nsec != f->seen.st_ctim.tv_nsec;
}

/* 1 when the next len bytes of the old file equal p. */
static int same_as_old(struct output_file *f, const char *p, size_t len)
{
  while (len) {
    ssize_t k = sysio_read(f->old_fd, f->o->chunk, len < CHUNK ? len : CHUNK);

    if (k < 0)
      fail(f, "read");
    if (k <= 0 || memcmp(f->o->chunk, p, (size_t)k) != 0)
      return 0;
    p += k;
    len -= (size_t)k;
  }
  return 1;
}

int output_put(struct output_file *f, const char *bytes, size_t len)
{
  if (f->err)
    return -1;
  if (!len)
    return 0;
  if (!f->differ) {
    if (!same_as_old(f, bytes, len)) {
      diverge(f);
    } else if (f->o->check) {
      return 0; /* nothing will be written: keep nothing */
    } else if (f->temp_fd < 0) {
      buf_put(&f->same, bytes, len);
      if (f->same.len > SAME_MAX)
        start_temp(f);
      return f->err ? -1 : 0;
    }
  }
  if (f->temp_fd >= 0 && !f->err && sysio_write_all(f->temp_fd, bytes, len) < 0)
    fail(f, "write");
  return f->err ? -1 : 0;
}

/* Where path's name starts, and its folder ("." when it has none). */
static const char *split(const char *path, struct buf *dir)
{
  const char *slash = strrchr(path, '/');

  if (!slash) {
    buf_puts(dir, ".");
    return path;
  }
  buf_put(dir, path, slash == path ? 1 : (size_t)(slash - path));
  return slash + 1;
}

/* Opens what is at f->path now, without following a link and without
   blocking; 0, or -1 after an error in d. */
static int open_old(struct output_file *f, struct mark *m, struct diag *d)
{
  struct stat st;

  f->old_fd =
      sysio_open(f->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
  if (f->old_fd < 0 && errno == ENOENT)
    return 0;
  if (f->old_fd >= 0 ? fstat(f->old_fd, &st) < 0
                     : errno != ELOOP || lstat(f->path, &st) < 0)
    return diag_error(d, m, "cannot read: %s", strerror(errno));
  f->had_old = 1;
  f->seen = st;
  f->dev = st.st_dev;
  f->ino = st.st_ino;
  if (S_ISLNK(st.st_mode)) { /* replaced by a file, never written through */
    if (f->old_fd >= 0)
      close(f->old_fd);
    f->old_fd = -1;
    return 0;
  }
  if (!S_ISREG(st.st_mode))
    return diag_error(d, m, "cannot replace: it is %s, not a regular file",
                      sysio_kind(st.st_mode));
  return 0;
}

struct output_file *output_begin(struct output *o, const char *path,
                                 struct diag *d)
{
  struct output_file *f = xcalloc(1, sizeof *f);
  struct mark m = {0, 0, 0};
  struct buf dir = BUF_INIT;
  long folder;
  size_t i;

  f->o = o;
  f->path = xstrndup(path, strlen(path));
  f->temp_fd = f->old_fd = -1;
  f->name = split(f->path, &dir);
  buf_init(&f->same);
  m.file = f->path;
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 8;
    o->files = xrealloc(o->files, o->cap * sizeof *o->files);
  }
  o->files[o->n++] = f;
  folder = !*f->name ? diag_error(d, &m, "cannot read: %s", strerror(EISDIR))
                     : use_folder(o, dir.data, f->path, 1, d);
  buf_free(&dir);
  if (folder < 0)
    return f->err = EIO, NULL;
  f->folder = (size_t)folder;
  for (i = 0; i + 1 < o->n; i++)
    if (o->files[i]->folder == f->folder && o->files[i]->name &&
        strcmp(o->files[i]->name, f->name) == 0)
      return f->err = EIO,
             diag_error(d, &m, "written twice: also as '%s'",
                        o->files[i]->path),
             NULL;
  if (open_old(f, &m, d) < 0)
    return f->err = EIO, NULL;
  if (f->old_fd < 0)
    diverge(f);
  return f;
}

int output_end(struct output_file *f, struct diag *d)
{
  struct mark m = {0, 0, 0};
  char one;

  m.file = f->path;
  if (!f->differ && !f->err) {
    ssize_t k = sysio_read(f->old_fd, &one, 1);

    if (k < 0)
      fail(f, "read");
    else if (k > 0 || changed_since_open(f))
      diverge(f); /* the old file is longer, or was changed meanwhile */
  }
  buf_free(&f->same);
  if (!f->differ && f->temp_fd >= 0) { /* a long prefix, and all equal */
    sysio_close(f->temp_fd);
    f->temp_fd = -1;
    drop_temp(f);
  }
  if (f->temp_fd >= 0) {
    if (!f->err && !f->o->no_sync && sysio_fsync(f->temp_fd) < 0)
      fail(f, "write");
    if (sysio_close(f->temp_fd) < 0)
      fail(f, "write");
  }
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

int output_refuse_inputs(struct output *o, const char *const *inputs, size_t n,
                         struct diag *d)
{
  struct stat *ids = xcalloc(n, sizeof *ids);
  size_t i, k;
  int r = 0;

  for (k = 0; k < n; k++)
    if (stat(inputs[k], &ids[k]) < 0)
      ids[k].st_nlink = 0; /* absent: nothing to overwrite */
  for (i = 0; i < o->n; i++) {
    struct output_file *f = o->files[i];
    struct mark m = {0, 0, 0};

    m.file = f->path;
    for (k = 0; k < n && f->had_old; k++)
      if (ids[k].st_nlink && f->dev == ids[k].st_dev &&
          f->ino == ids[k].st_ino) {
        r = diag_error(d, &m, "would overwrite the input '%s'", inputs[k]);
        break;
      }
  }
  free(ids);
  return r;
}

/* Step 1: names for the links that keep the old files, and the journal's
   text; everything the commit allocates is allocated here. */
static void plan(struct output *o, struct buf *journal)
{
  size_t i;

  for (i = 0; i < o->n; i++) {
    struct output_file *f = o->files[i];
    const struct folder *d = &o->folders[f->folder];

    if (!f->temp)
      continue;
    if (f->had_old) {
      f->aside = own_name(o, d->path, "old");
      buf_printf(journal, "old%c%s/%s%c%s/%s%c", 0, d->real,
                 strrchr(f->aside, '/') + 1, 0, d->real, f->name, 0);
    } else {
      buf_printf(journal, "new%c%s/%s%c", 0, d->real, f->name, 0);
    }
  }
  buf_puts(journal, JOURNAL_END);
}

/* Writes the journal and syncs it: -1 with errno on failure. */
static int write_journal(struct output *o, const char *path,
                         const struct buf *j)
{
  int fd = sysio_open(path, O_WRONLY | O_CREAT | O_EXCL, 0666), e;

  if (fd < 0)
    return -1;
  if (sysio_write_all(fd, j->data, j->len + 1) < 0 ||
      (!o->no_sync && sysio_fsync(fd) < 0)) {
    e = errno;
    close(fd);
    sysio_unlink(path);
    errno = e;
    return -1;
  }
  return sysio_close(fd) < 0 ? (sysio_unlink(path), -1) : 0;
}

static int sync_folders(struct output *o)
{
  size_t i;

  for (i = 0; i < o->nfolders && !o->no_sync; i++)
    if (sysio_fsync(o->folders[i].fd) < 0)
      return -1;
  return 0;
}

/* Puts back the files renamed before index end: each old file from its
   link, or a new one removed. Returns the index of a file it could not
   put back, or o->n. */
static size_t put_back(struct output *o, size_t end)
{
  size_t i, bad = o->n;

  for (i = 0; i < end; i++) {
    struct output_file *f = o->files[i];

    if (!f->temp)
      continue;
    if (f->aside ? sysio_rename(f->aside, f->path) < 0
                 : sysio_unlink(f->path) < 0 && errno != ENOENT)
      bad = i;
    else if (f->aside) {
      free(f->aside);
      f->aside = NULL;
    }
  }
  return bad;
}

/* Removes the links still kept aside. */
static void drop_asides(struct output *o)
{
  size_t i;

  for (i = 0; i < o->n; i++) {
    if (o->files[i]->aside)
      sysio_unlink(o->files[i]->aside);
    free(o->files[i]->aside);
    o->files[i]->aside = NULL;
  }
}

/* Step 2 on, with signals held: link aside, journal, rename, sync. On a
   failure, *at is the file at fault (o->n: none in particular), *what
   says which step and the result is errno; 0 when committed. */
static int apply(struct output *o, const char *journal, const struct buf *j,
                 size_t *at, const char **what)
{
  size_t i, renamed = 0;
  int e = 0;

  *what = "keep the old file aside";
  for (i = 0; i < o->n && !e; i++) {
    struct output_file *f = o->files[i];

    if (f->aside && sysio_link(f->path, f->aside) < 0) {
      e = errno;
      free(f->aside); /* nothing was made */
      f->aside = NULL;
      *at = i;
    }
  }
  if (!e && write_journal(o, journal, j) < 0)
    e = errno, *what = "write the commit journal", *at = o->n;
  if (!e && sync_folders(o) < 0)
    e = errno, *what = "sync the folder", *at = o->n;
  for (i = 0; i < o->n && !e; i++) {
    struct output_file *f = o->files[i];

    if (f->temp && sysio_rename(f->temp, f->path) < 0)
      e = errno, *what = "replace", *at = i;
    else
      renamed = i + 1;
  }
  if (!e && sync_folders(o) < 0)
    e = errno, *what = "sync the folder", *at = o->n;
  if (!e && sysio_unlink(journal) < 0) /* the commit point */
    e = errno, *what = "finish the commit journal", *at = o->n;
  if (!e) {
    for (i = 0; i < o->n; i++) /* renamed: nothing left to remove */
      if (o->files[i]->temp) {
        live_remove(o->files[i]->temp);
        free(o->files[i]->temp);
        o->files[i]->temp = NULL;
      }
  } else if (put_back(o, renamed) != o->n) {
    /* Keep the journal and the links: the next run puts the rest back. */
    *what = "replace the outputs (the next run puts the old ones back)";
    return e;
  } else {
    sync_folders(o);
    sysio_unlink(journal);
  }
  drop_asides(o);
  return e;
}

int output_commit(struct output *o,
                  void (*report)(void *closure, const char *path,
                                 enum output_state state),
                  void *closure, struct diag *d)
{
  struct buf j = BUF_INIT;
  char *journal = NULL;
  const char *what = NULL;
  size_t i, at = 0;
  int changed = 0, e = 0, any = 0;
  sigset_t old;

  for (i = 0; i < o->n; i++)
    any |= o->files[i]->temp != NULL;
  if (any && !o->check) {
    struct mark m = {0, 0, 0};
    const struct folder *home =
        &o->folders[o->lock_folder == (size_t)-1 ? o->files[0]->folder
                                                 : o->lock_folder];

    plan(o, &j);
    journal = own_name(o, home->path, "journal");
    block_signals(&old);
    e = apply(o, journal, &j, &at, &what);
    restore_signals(&old);
    free(journal);
    buf_free(&j);
    m.file = at < o->n ? o->files[at]->path : home->path;
    if (e)
      return diag_error(d, &m, "cannot %s: %s", what, strerror(e));
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

/* How make reads c in a path: 0 as it is, 1 after a '\', 2 as '$$', -1
   not at all. */
static int make_char(unsigned char c, int target)
{
  if (c < 0x20 || c == 0x7F || strchr(";=\\()|", c))
    return -1;
  if (c == '$')
    return 2;
  if (strchr(" #:*?[", c) || (target && c == '%'))
    return 1;
  return 0;
}

static int make_path(struct buf *out, const char *p, int target)
{
  if (!*p)
    return -1;
  for (; *p; p++) {
    int how = make_char((unsigned char)*p, target);

    if (how < 0)
      return -1;
    if (how)
      buf_putc(out, how == 1 ? '\\' : '$');
    buf_putc(out, *p);
  }
  return 0;
}

int output_make_rule(struct buf *out, const char *const *targets, size_t nt,
                     const char *const *deps, size_t nd, const char **bad)
{
  size_t i, start = out->len;

  for (i = 0; i < nt + nd; i++) {
    int target = i < nt;
    const char *p = target ? targets[i] : deps[i - nt];

    if (i == nt)
      buf_putc(out, ':');
    buf_puts(out, !target ? " \\\n  " : i ? " " : "");
    if (make_path(out, p, target) < 0) {
      buf_truncate(out, start);
      *bad = p;
      return -1;
    }
  }
  if (!nd)
    buf_putc(out, ':');
  buf_putc(out, '\n');
  return 0;
}
