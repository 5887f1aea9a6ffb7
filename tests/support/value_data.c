/* value_data: struct mustache_data over struct value. */
#include "value_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct value *node(struct mustache_value v)
{
  return v.ptr;
}

struct mustache_value value_data_of(const struct value *v)
{
  struct mustache_value h;

  memset(&h, 0, sizeof h);
  h.ptr = v;
  return h;
}

struct mustache_view value_data_view(const struct value *v)
{
  struct mustache_view view;

  view.data = &value_data_interface;
  view.closure = NULL;
  view.root = value_data_of(v);
  return view;
}

static int lookup(void *closure, struct mustache_value ctx, const char *key,
                  size_t len, struct mustache_value *out)
{
  const struct value *m = node(ctx);
  size_t i;

  (void)closure;
  if (!m || m->kind != VALUE_MAP)
    return 0;
  for (i = 0; i < m->len; i++) {
    const struct value *k = &m->as.items[2 * i];

    if (k->str && k->len == len && memcmp(k->str, key, len) == 0) {
      *out = value_data_of(&m->as.items[2 * i + 1]);
      return 1;
    }
  }
  return 0;
}

static int truthy(void *closure, struct mustache_value v)
{
  const struct value *x = node(v);

  (void)closure;
  if (!x)
    return 0;
  switch (x->kind) {
  case VALUE_NULL: return 0;
  case VALUE_BOOL: return x->as.i != 0;
  case VALUE_STRING:
  case VALUE_SEQ: return x->len != 0;
  default: return 1;
  }
}

static int list(void *closure, struct mustache_value v, size_t *len)
{
  const struct value *x = node(v);

  (void)closure;
  if (!x || x->kind != VALUE_SEQ)
    return 0;
  *len = x->len;
  return 1;
}

static struct mustache_value item(void *closure, struct mustache_value v,
                                  size_t i)
{
  (void)closure;
  return value_data_of(&node(v)->as.items[i]);
}

void value_data_print_float(struct buf *out, double f)
{
  char tmp[64];
  int prec;

  char *e;
  long exp;

  for (prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, f);
    if (strtod(tmp, NULL) == f)
      break;
  }
  e = strchr(tmp, 'e');
  if (e) {
    exp = strtol(e + 1, NULL, 10);
    if (exp > -7 && exp < 21)
      snprintf(tmp, sizeof tmp, "%.*f",
               prec - 1 - exp > 0 ? (int)(prec - 1 - exp) : 0, f);
  }
  buf_puts(out, tmp);
}

static int print(void *closure, struct mustache_value v, struct buf *out)
{
  const struct value *x = node(v);

  (void)closure;
  if (!x)
    return 0;
  switch (x->kind) {
  case VALUE_NULL: return 0;
  case VALUE_BOOL: buf_puts(out, x->as.i ? "true" : "false"); return 0;
  case VALUE_INT: buf_printf(out, "%lld", x->as.i); return 0;
  case VALUE_FLOAT: value_data_print_float(out, x->as.f); return 0;
  case VALUE_STRING: buf_put(out, x->str, x->len); return 0;
  default: return -1;
  }
}

const struct mustache_data value_data_interface = {
    lookup, truthy, list, item, print, NULL, NULL, NULL, NULL};

enum mustache_found value_data_partial(void *closure, const char *name,
                                       size_t len, struct mustache_source *src)
{
  const struct value *map = closure;
  size_t i;

  for (i = 0; map && map->kind == VALUE_MAP && i < map->len; i++) {
    const struct value *k = &map->as.items[2 * i], *v = k + 1;

    if (k->str && k->len == len && memcmp(k->str, name, len) == 0 && v->str) {
      src->bytes = v->str;
      src->len = v->len;
      src->file = NULL;
      return MUSTACHE_FOUND;
    }
  }
  return MUSTACHE_NOT_FOUND;
}

void value_data_quote(struct buf *out, const char *s, size_t n)
{
  size_t i;

  buf_putc(out, '"');
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];

    if (c == '\n')
      buf_puts(out, "\\n");
    else if (c == '\t')
      buf_puts(out, "\\t");
    else if (c == '\r')
      buf_puts(out, "\\r");
    else if (c == '"' || c == '\\')
      buf_printf(out, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f)
      buf_printf(out, "\\x%02x", c);
    else
      buf_putc(out, (char)c);
  }
  buf_putc(out, '"');
}

const char *value_data_text(const struct value *v, size_t *len)
{
  *len = v && v->str ? v->len : 0;
  return v && v->str ? v->str : "";
}

void value_data_report(struct buf *out, const struct value *expected,
                       const struct buf *got, struct diag *d)
{
  size_t n, i;
  const char *s = value_data_text(expected, &n);

  buf_puts(out, "\n    expected: ");
  value_data_quote(out, s, n);
  buf_puts(out, "\n    got:      ");
  value_data_quote(out, got->data, got->len);
  buf_putc(out, '\n');
  for (i = 0; i < diag_count(d); i++)
    buf_printf(out, "    %s\n", diag_message(d, i));
}
