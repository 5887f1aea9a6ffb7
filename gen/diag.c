/* diag: an append-only list of formatted errors, sorted on demand. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmem.h"

struct entry {
  size_t file; /* index into files: order of first appearance */
  unsigned line;
  unsigned col;
  size_t seq; /* order added: keeps the sort stable */
  char *text;
};

struct diag {
  struct entry *entries;
  size_t count, cap;
  char **files;
  size_t nfiles;
  int sorted;
  int color;
  int caret;
};

/* GCC's colours: the place in bold, "error:" in bold red. */
#define BOLD "\033[01m"
#define RED "\033[01;31m"
#define GREEN "\033[01;32m"
#define RESET "\033[m"

struct diag *diag_new(void)
{
  return xcalloc(1, sizeof(struct diag));
}

void diag_free(struct diag *d)
{
  size_t i;

  if (!d)
    return;
  for (i = 0; i < d->count; i++)
    free(d->entries[i].text);
  for (i = 0; i < d->nfiles; i++)
    free(d->files[i]);
  free(d->entries);
  free(d->files);
  free(d);
}

static size_t file_index(struct diag *d, const char *file)
{
  size_t i;

  if (!file)
    file = "";
  for (i = 0; i < d->nfiles; i++)
    if (strcmp(d->files[i], file) == 0)
      return i;
  d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
  d->files[d->nfiles] = xstrndup(file, strlen(file));
  return d->nfiles++;
}

void diag_put_visible(struct buf *out, const char *s, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];

    if (c == '\n')
      buf_puts(out, "\\n");
    else if (c == '\t')
      buf_puts(out, "\\t");
    else if (c < 0x20 || c == 0x7F)
      buf_printf(out, "\\x%02X", c);
    else
      buf_putc(out, (char)c);
  }
}

static char *visible(const struct buf *b)
{
  struct buf v = BUF_INIT;

  diag_put_visible(&v, b->data, b->len);
  return buf_detach(&v, NULL);
}

int diag_error(struct diag *d, const struct mark *m, const char *fmt, ...)
{
  struct buf b = BUF_INIT;
  struct entry *e;
  va_list ap;

  if (m && m->file && m->line)
    buf_printf(&b, "%s:%u:%u: ", m->file, m->line, m->col);
  else if (m && m->file)
    buf_printf(&b, "%s: ", m->file);
  buf_puts(&b, "error: ");
  va_start(ap, fmt);
  buf_vprintf(&b, fmt, ap);
  va_end(ap);

  if (d->count == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->entries = xrealloc(d->entries, d->cap * sizeof *d->entries);
  }
  e = &d->entries[d->count];
  e->file = file_index(d, m ? m->file : NULL);
  e->line = m ? m->line : 0;
  e->col = m ? m->col : 0;
  e->seq = d->count;
  e->text = visible(&b);
  buf_free(&b);
  d->count++;
  d->sorted = 0;
  return -1;
}

const char *diag_place(char *out, size_t size, const struct mark *at,
                       const struct mark *from)
{
  if (at->file && from->file && strcmp(at->file, from->file) != 0)
    snprintf(out, size, "%s:%u:%u", at->file, at->line, at->col);
  else
    snprintf(out, size, "%u:%u", at->line, at->col);
  return out;
}

size_t diag_count(const struct diag *d)
{
  return d->count;
}

static int by_position(const void *pa, const void *pb)
{
  const struct entry *a = pa, *b = pb;

  if (a->file != b->file)
    return a->file < b->file ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort(struct diag *d)
{
  if (!d->sorted && d->count)
    qsort(d->entries, d->count, sizeof *d->entries, by_position);
  d->sorted = 1;
}

const char *diag_message(struct diag *d, size_t i)
{
  sort(d);
  return i < d->count ? d->entries[i].text : NULL;
}

void diag_set_color(struct diag *d, int on)
{
  d->color = on;
}

static void print_color(FILE *f, const char *text)
{
  const char *e = strstr(text, "error: ");

  if (!e) {
    fprintf(f, "%s\n", text);
    return;
  }
  if (e > text)
    fprintf(f, BOLD "%.*s" RESET, (int)(e - text), text);
  fprintf(f, RED "error:" RESET "%s\n", e + 6);
}

void diag_set_caret(struct diag *d, int on)
{
  d->caret = on;
}

/* The largest input whose lines are shown under its diagnostics. */
#define SOURCE_MAX ((long)64 << 20)

/* Where diag_print is in the file it shows lines of. */
struct source {
  size_t file; /* d->files index; (size_t)-1 before the first */
  int ok;      /* the file was read */
  struct buf text;
  size_t at;     /* offset of the start of line `line` */
  unsigned line; /* 1-based */
};

/* Reads the file of index file into src (src->ok 0 when it cannot be: a
   pipe, a file gone, one too large). */
static void load_source(struct source *src, const char *path, size_t file)
{
  /* "<stdin>" and the like name no file: never read one of that name */
  FILE *f = path[0] && path[0] != '<' ? fopen(path, "rb") : NULL;
  char chunk[8192];
  size_t n;

  src->file = file;
  src->ok = 0;
  src->at = 0;
  src->line = 1;
  buf_clear(&src->text);
  if (!f)
    return;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 &&
         src->text.len + n <= (size_t)SOURCE_MAX)
    buf_put(&src->text, chunk, n);
  src->ok = !ferror(f) && feof(f);
  fclose(f);
}

/* The line of number line in src, as start and length; 0 when the file
   has no such line. Lines are asked for in order, mostly: the cursor goes
   back to the start only when asked for an earlier one. */
static int source_line(struct source *src, unsigned line, const char **start,
                       size_t *len)
{
  const char *t = src->text.data, *nl;
  size_t n = src->text.len;

  if (line < src->line) {
    src->at = 0;
    src->line = 1;
  }
  while (src->line < line) {
    nl = src->at < n ? memchr(t + src->at, '\n', n - src->at) : NULL;
    if (!nl)
      return 0;
    src->at = (size_t)(nl - t) + 1;
    src->line++;
  }
  if (src->at >= n && !(src->at == 0 && line == 1))
    return 0;
  nl = memchr(t + src->at, '\n', n - src->at);
  *start = t + src->at;
  *len = nl ? (size_t)(nl - *start) : n - src->at;
  if (*len && (*start)[*len - 1] == '\r')
    (*len)--;
  return 1;
}

/* The source line under a diagnostic, as GCC shows it, and a caret under
   column col (characters: a UTF-8 sequence counts one): control
   characters are shown escaped, a tab as one space, the caret moved
   along with them. */
static void print_caret(FILE *f, const char *line, size_t len, unsigned num,
                        unsigned col, int color)
{
  struct buf shown = BUF_INIT, pad = BUF_INIT;
  unsigned c = 1;
  size_t i = 0;

  while (i < len) {
    unsigned char b = (unsigned char)line[i];
    size_t n = 1, before = shown.len, k;

    if (b >= 0xC0) /* a UTF-8 sequence: its continuation bytes too */
      while (i + n < len && ((unsigned char)line[i + n] & 0xC0) == 0x80)
        n++;
    if (b == '\t')
      buf_putc(&shown, ' ');
    else
      diag_put_visible(&shown, line + i, n);
    if (c < col) /* the caret's padding: one space a column shown */
      for (k = before; k < shown.len; k++)
        if (((unsigned char)shown.data[k] & 0xC0) != 0x80)
          buf_putc(&pad, ' ');
    i += n;
    c++;
  }
  if (c < col) /* past the end of the line: at its end */
    col = c;
  fprintf(f, "%5u | %s\n", num, shown.len ? shown.data : "");
  fprintf(f, "      | %s%s^%s\n", pad.len ? pad.data : "", color ? GREEN : "",
          color ? RESET : "");
  buf_free(&shown);
  buf_free(&pad);
}

void diag_print(struct diag *d, FILE *f)
{
  struct source src;
  size_t i;

  src.file = (size_t)-1;
  src.ok = 0;
  buf_init(&src.text);
  sort(d);
  for (i = 0; i < d->count; i++) {
    const struct entry *e = &d->entries[i];
    const char *line;
    size_t len;

    if (d->color)
      print_color(f, e->text);
    else
      fprintf(f, "%s\n", e->text);
    if (!d->caret || !e->line || !e->col)
      continue;
    if (src.file != e->file)
      load_source(&src, d->files[e->file], e->file);
    if (src.ok && source_line(&src, e->line, &line, &len))
      print_caret(f, line, len, e->line, e->col, d->color);
  }
  buf_free(&src.text);
}
