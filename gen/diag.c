/* diag: an append-only list of formatted errors, sorted on demand. */
#include "diag.h"

#include <stdarg.h>
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
};

/* GCC's colours: the place in bold, "error:" in bold red. */
#define BOLD "\033[01m"
#define RED "\033[01;31m"
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

void diag_print(struct diag *d, FILE *f)
{
  size_t i;

  sort(d);
  for (i = 0; i < d->count; i++) {
    if (d->color)
      print_color(f, d->entries[i].text);
    else
      fprintf(f, "%s\n", d->entries[i].text);
  }
}
