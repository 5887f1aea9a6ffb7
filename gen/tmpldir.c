/* tmpldir: lists a folder's templates and serves its partials, confined to
   the folder by name and, through realpath(), by where links lead. */
#include "tmpldir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "nearest.h"
#include "sysio.h"
#include "xmem.h"

struct tmpldir {
  char *dir;
  char *real; /* the folder's canonical path: partials stay inside */
  struct diag *d;
  char **names, **paths;
  size_t n;
  char **files; /* read so far */
  size_t nfiles;
  struct buf partial; /* the last partial handed out */
  struct buf hint;    /* why the last partial was not found */
  char *extra;        /* the path of the last tmpldir_read_extra() */
};

static int by_string(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t suffixed(const char *name)
{
  size_t n = strlen(name), k = strlen(TMPLDIR_SUFFIX);

  return n > k && strcmp(name + n - k, TMPLDIR_SUFFIX) == 0 ? n - k : 0;
}

/* A template's file name: NAME.mustache, not hidden, not a partial-only
   name (leading '_'); its stem's length, or 0. */
static size_t template_stem(const char *name)
{
  return name[0] != '_' && name[0] != '.' ? suffixed(name) : 0;
}

enum tmpldir_probe tmpldir_probe(const char *dir)
{
  enum tmpldir_probe r = TMPLDIR_NO_TEMPLATES;
  struct dirent *e;
  struct stat st;
  DIR *dh;

  if (stat(dir, &st) < 0)
    return errno == ENOENT || errno == ENOTDIR ? TMPLDIR_MISSING
                                               : TMPLDIR_UNREADABLE;
  if (!S_ISDIR(st.st_mode))
    return TMPLDIR_NOT_A_FOLDER;
  if (!(dh = opendir(dir)))
    return TMPLDIR_UNREADABLE;
  while (r != TMPLDIR_HAS_TEMPLATES && (e = readdir(dh)))
    if (template_stem(e->d_name))
      r = TMPLDIR_HAS_TEMPLATES;
  closedir(dh);
  return r;
}

const char *tmpldir_probe_text(enum tmpldir_probe p)
{
  switch (p) {
  case TMPLDIR_HAS_TEMPLATES: break;
  case TMPLDIR_MISSING: return "no such folder";
  case TMPLDIR_NOT_A_FOLDER: return "not a folder";
  case TMPLDIR_UNREADABLE: return "cannot be read";
  case TMPLDIR_NO_TEMPLATES:
    return "no statusgen templates (files NAME" TMPLDIR_SUFFIX ") in it";
  }
  return "";
}

static void add_template(struct tmpldir *t, const char *file, size_t stem)
{
  t->names = xrealloc(t->names, (t->n + 1) * sizeof *t->names);
  t->names[t->n++] = xstrndup(file, stem);
}

static char *path_of(const struct tmpldir *t, const char *name, size_t len)
{
  struct buf path = BUF_INIT;

  buf_printf(&path, "%s/", t->dir);
  buf_put(&path, name, len);
  buf_puts(&path, TMPLDIR_SUFFIX);
  return buf_detach(&path, NULL);
}

struct tmpldir *tmpldir_open(const char *dir, struct diag *d)
{
  struct mark m = {0, 0, 0};
  struct tmpldir *t;
  struct dirent *e;
  DIR *dh;
  size_t i;

  m.file = dir;
  dh = opendir(dir);
  if (!dh)
    return diag_error(d, &m, "cannot read the templates folder: %s",
                      strerror(errno)),
           NULL;
  t = xcalloc(1, sizeof *t);
  t->dir = xstrndup(dir, strlen(dir));
  t->d = d;
  buf_init(&t->partial);
  buf_init(&t->hint);
  /* Partials are confined to where the folder really is: without it,
     nothing can be served (a path past PATH_MAX, out of memory). */
  t->real = sysio_realpath(dir);
  if (!t->real) {
    diag_error(d, &m, "cannot resolve the templates folder: %s",
               strerror(errno));
    closedir(dh);
    tmpldir_free(t);
    return NULL;
  }
  while ((e = readdir(dh))) {
    size_t stem = template_stem(e->d_name);

    if (stem)
      add_template(t, e->d_name, stem);
  }
  closedir(dh);
  if (!t->n) {
    diag_error(d, &m, "no templates (files NAME%s) in the folder",
               TMPLDIR_SUFFIX);
    tmpldir_free(t);
    return NULL;
  }
  qsort(t->names, t->n, sizeof *t->names, by_string);
  t->paths = xcalloc(t->n, sizeof *t->paths);
  for (i = 0; i < t->n; i++)
    t->paths[i] = path_of(t, t->names[i], strlen(t->names[i]));
  return t;
}

void tmpldir_free(struct tmpldir *t)
{
  size_t i;

  if (!t)
    return;
  for (i = 0; i < t->n; i++) {
    free(t->names[i]);
    if (t->paths)
      free(t->paths[i]);
  }
  for (i = 0; i < t->nfiles; i++)
    free(t->files[i]);
  free(t->names);
  free(t->paths);
  free(t->files);
  free(t->dir);
  free(t->real);
  free(t->extra);
  buf_free(&t->partial);
  buf_free(&t->hint);
  free(t);
}

size_t tmpldir_count(const struct tmpldir *t)
{
  return t->n;
}

const char *tmpldir_name(const struct tmpldir *t, size_t i)
{
  return t->names[i];
}

const char *tmpldir_path(const struct tmpldir *t, size_t i)
{
  return t->paths[i];
}

static void note_file(struct tmpldir *t, const char *path)
{
  size_t i;

  for (i = 0; i < t->nfiles; i++)
    if (strcmp(t->files[i], path) == 0)
      return;
  t->files = xrealloc(t->files, (t->nfiles + 1) * sizeof *t->files);
  t->files[t->nfiles++] = xstrndup(path, strlen(path));
}

/* Where path leads, links resolved: 1 inside the folder, 0 no such file,
   -1 somewhere else. */
static int locate(const struct tmpldir *t, const char *path)
{
  char *real = sysio_realpath(path);
  size_t n = strlen(t->real);
  int r;

  if (!real)
    return 0;
  r = strncmp(real, t->real, n) == 0 && real[n] == '/' ? 1 : -1;
  free(real);
  return r;
}

/* Reads path into out, if it is a regular file inside the folder (links
   resolved) of at most TMPLDIR_MAX_BYTES: 1 done, 0 no such file, -1
   after an error in d (-2 when it leads outside, not reported). */
static int read_file(struct tmpldir *t, const char *path, struct buf *out)
{
  struct mark m = {0, 0, 0};
  struct buf why = BUF_INIT;
  int r = locate(t, path);

  m.file = path;
  if (r <= 0)
    return r < 0 ? -2 : 0;
  r = sysio_read_file(path, TMPLDIR_MAX_BYTES, out, &why);
  if (r < 0)
    diag_error(t->d, &m, "cannot read: %s", why.data);
  buf_free(&why);
  if (r == 0)
    note_file(t, path);
  return r == 0 ? 1 : r == 1 ? 0 : -1;
}

int tmpldir_read(struct tmpldir *t, size_t i, struct buf *out)
{
  struct mark m = {0, 0, 0};
  int r = read_file(t, t->paths[i], out);

  m.file = t->paths[i];
  if (r == 0)
    return diag_error(t->d, &m, "cannot open: %s", strerror(ENOENT));
  if (r == -2)
    return diag_error(t->d, &m,
                      "cannot read: it leads outside the "
                      "templates folder '%s'",
                      t->dir);
  return r < 0 ? -1 : 0;
}

int tmpldir_read_extra(struct tmpldir *t, const char *name, struct buf *out,
                       const char **path)
{
  struct mark m = {0, 0, 0};
  struct buf p = BUF_INIT;
  int r;

  buf_printf(&p, "%s/%s", t->dir, name);
  free(t->extra);
  t->extra = buf_detach(&p, NULL);
  if (path)
    *path = t->extra;
  m.file = t->extra;
  r = read_file(t, t->extra, out);
  if (r == -2)
    diag_error(t->d, &m,
               "cannot read: it leads outside the templates "
               "folder '%s'",
               t->dir);
  return r < 0 ? -1 : r;
}

/* Why the partial name (len bytes) is not found, into t->hint: the file
   looked for, and the nearest partial of its folder ("no file
   t/row.mustache; did you mean '_row'?"). */
static void not_found_hint(struct tmpldir *t, const char *path,
                           const char *name, size_t len)
{
  struct buf dir = BUF_INIT, shown = BUF_INIT;
  struct nearest near;
  char **stems = NULL;
  size_t nstems = 0, i, base = 0;
  struct dirent *e;
  DIR *dh;

  for (i = 0; i < len; i++) /* the folder: up to the last '/' */
    if (name[i] == '/')
      base = i + 1;
  buf_clear(&t->hint);
  buf_puts(&t->hint, "no file ");
  diag_put_visible(&t->hint, path, strlen(path));
  buf_printf(&dir, "%s/", t->dir);
  buf_put(&dir, name, base);
  nearest_init(&near, name + base, len - base);
  if ((dh = opendir(dir.data)) != NULL) {
    while ((e = readdir(dh))) {
      size_t stem = suffixed(e->d_name);

      if (!stem || e->d_name[0] == '.')
        continue;
      stems = xrealloc(stems, (nstems + 1) * sizeof *stems);
      stems[nstems++] = xstrndup(e->d_name, stem);
    }
    closedir(dh);
  }
  if (nstems) /* ties go to the first name */
    qsort(stems, nstems, sizeof *stems, by_string);
  for (i = 0; i < nstems; i++) /* '_row' is what 'row' meant, as a rule */
    nearest_offer_as(&near,
                     stems[i][0] == '_' && name[base] != '_' ? stems[i] + 1
                                                             : stems[i],
                     stems[i]);
  if (near.best) {
    buf_put(&shown, name, base);
    buf_puts(&shown, near.best);
    buf_puts(&t->hint, "; did you mean '");
    diag_put_visible(&t->hint, shown.data, shown.len);
    buf_puts(&t->hint, "'?");
  }
  for (i = 0; i < nstems; i++)
    free(stems[i]);
  free(stems);
  buf_free(&dir);
  buf_free(&shown);
}

enum mustache_found tmpldir_partial(void *closure, const char *name, size_t len,
                                    struct mustache_source *src)
{
  struct tmpldir *t = closure;
  enum mustache_found found = MUSTACHE_FORBIDDEN;
  char *path = NULL;
  size_t i;
  int r;

  buf_clear(&t->partial);
  memset(src, 0, sizeof *src);
  if (!len || name[0] == '/' || memchr(name, '\0', len))
    return found;
  path = path_of(t, name, len);
  r = read_file(t, path, &t->partial);
  if (r == 0) {
    found = MUSTACHE_NOT_FOUND;
    not_found_hint(t, path, name, len);
    src->hint = t->hint.data;
  } else if (r != -2)
    found = r > 0 ? MUSTACHE_FOUND : MUSTACHE_FAILED;
  for (i = 0; found == MUSTACHE_FOUND && i < t->nfiles; i++)
    if (strcmp(t->files[i], path) == 0)
      src->file = t->files[i];
  src->bytes = t->partial.data;
  src->len = t->partial.len;
  free(path);
  return found;
}

const char *const *tmpldir_files(const struct tmpldir *t, size_t *n)
{
  *n = t->nfiles;
  return (const char *const *)t->files;
}
