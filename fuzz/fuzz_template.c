/* fuzz_template: a template, untrusted, parsed and rendered against data
   that comes from the input too. The input is YAML data, a NUL, then the
   template; the data's mapping "partials" (name -> source) serves the
   partials. The first byte of the data picks strict or lenient names and
   the escaper. */
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "fuzz.h"
#include "loader.h"
#include "mustache.h"
#include "value.h"
#include "value_data.h"

static const struct loader_limits limits = {32, 1 << 20, 1 << 16, 1 << 16};

static enum mustache_found partial(void *closure, const char *name,
                                   size_t len, struct mustache_source *src)
{
  const struct value *map = closure;
  size_t i;

  for (i = 0; map && map->kind == VALUE_MAP && i < map->len; i++) {
    const struct value *k = &map->as.items[2 * i], *v = k + 1;

    if (k->str && k->len == len && memcmp(k->str, name, len) == 0 &&
        v->str) {
      src->bytes = v->str;
      src->len = v->len;
      src->file = NULL;
      return MUSTACHE_FOUND;
    }
  }
  return MUSTACHE_NOT_FOUND;
}

static void render(const struct value *root, const char *tpl, size_t len,
                   unsigned options)
{
  static void (*const escapers[])(struct buf *, const char *, size_t) = {
      escape_html, escape_c, escape_markdown, NULL};
  struct mustache_config cfg;
  struct mustache_set *set;
  struct mustache_view view = value_data_view(root);
  const struct mustache_template *t;
  struct diag *d = diag_new();
  struct buf out = BUF_INIT;

  memset(&cfg, 0, sizeof cfg);
  cfg.partial = partial;
  cfg.closure = (void *)value_get(root, "partials");
  cfg.lenient = options & 1;
  set = mustache_set_new(&cfg);
  t = mustache_set_parse(set, "fuzz.mustache", tpl, len, d);
  if (t)
    mustache_render(set, t, &view, escapers[(options >> 1) & 3], &out, d);
  buf_free(&out);
  mustache_set_free(set);
  diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *bytes = (const char *)data;
  const char *nul = memchr(bytes, '\0', size);
  size_t ndata = nul ? (size_t)(nul - bytes) : 0;
  const char *tpl = nul ? nul + 1 : bytes;
  size_t ntpl = size - (size_t)(tpl - bytes);
  unsigned options = ndata ? (unsigned char)bytes[0] : 0;
  struct diag *d = diag_new();
  struct value_tree *t = loader_load_bytes("data.yaml", bytes, ndata,
                                           &limits, d);

  if (t)
    render(value_tree_root(t), tpl, ntpl, options);
  value_tree_free(t);
  diag_free(d);
  return 0;
}
