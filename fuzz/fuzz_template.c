/* fuzz_template: a template, untrusted, parsed and rendered against data
   that comes from the input too. The input is one option byte, then YAML
   data, a NUL, then the template (no NUL: all of it is the template, the
   data is null). The data's mapping "partials" (name -> source) serves the
   partials and parents, so {{>p}}, {{<p}} and {{>*name}} reach templates of
   the input's own.

   The option byte's low bits: bit 0 lenient names; bits 1-2 the escaper
   (0 HTML, 1 C, 2 markdown, 3 none); bit 3 the first render holds its
   output whole (mustache_render) instead of flushing it. So the printable
   '0'..'?' choose every combination, and seed files stay readable.

   Checked, besides crashes and sanitizer reports: a parse fails exactly
   when it adds a diagnostic, and so does the first render; a second render
   of the same template in the same set (partials now cached, scratch
   memory reused) gives the same bytes and the same outcome. Output is
   hashed as it is flushed, so a large render does not fill memory. */
#include <stdlib.h>
#include <string.h>

/* A smaller render budget than the command's: the budget is reached, and
   its error checked, within a fraction of the fuzzer's time limit per
   input even under the sanitizers (the defaults take seconds there). */
#define FUZZ_MAX_STEPS 200000ul
#define FUZZ_MAX_BYTES ((size_t)1 << 20)

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "fuzz.h"
#include "loader.h"
#include "mustache.h"
#include "value.h"
#include "value_data.h"

static const struct loader_limits limits = {32, 1 << 20, 1 << 16, 1 << 16};

/* What a render produced: its length and an FNV-1a hash of its bytes. */
struct digest {
  unsigned long long len, hash;
};

static void digest_add(struct digest *g, const char *s, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    g->hash = (g->hash ^ (unsigned char)s[i]) * 1099511628211ull;
  g->len += n;
}

static int flush(void *closure, struct buf *out)
{
  digest_add(closure, out->data, out->len);
  buf_clear(out);
  return 0;
}

/* Renders t once, through a hashing sink unless whole; -1 or 0 as
   mustache_render. */
static int render_once(struct mustache_set *set,
                       const struct mustache_template *t,
                       const struct mustache_view *view,
                       void (*escape)(struct buf *, const char *, size_t),
                       int whole, struct diag *d, struct digest *g)
{
  struct mustache_sink sink;
  struct buf out = BUF_INIT;
  int r;

  memset(g, 0, sizeof *g);
  g->hash = 14695981039346656037ull;
  sink.flush = flush;
  sink.closure = g;
  if (whole)
    r = mustache_render(set, t, view, escape, &out, d);
  else
    r = mustache_render_to(set, t, view, escape, &sink, &out, d);
  flush(g, &out);
  buf_free(&out);
  return r;
}

static void run(const struct value *root, const char *tpl, size_t len,
                unsigned options)
{
  /* bits 1-2 and 4-5 of the options pick one; inputs whose bits 4-5 are
     0 keep the choice they had when there were four */
  static void (*const escapers[])(struct buf *, const char *, size_t) = {
      escape_html,       escape_c,      escape_markdown,   NULL,
      escape_json,       escape_python, escape_javascript, escape_rust,
      escape_go,         escape_c,      escape_json,       escape_python,
      escape_javascript, escape_rust,   escape_go,         escape_html};
  void (*escape)(struct buf *, const char *, size_t) =
      escapers[((options >> 1) & 3) | ((options >> 4) & 3) << 2];
  struct mustache_config cfg;
  struct mustache_set *set;
  struct mustache_view view;
  const struct mustache_template *t;
  struct diag *d = diag_new();
  struct digest one, two;
  size_t before;
  int r1, r2;

  memset(&cfg, 0, sizeof cfg);
  cfg.partial = value_data_partial;
  cfg.closure = (void *)value_get(root, "partials");
  cfg.lenient = options & 1;
  cfg.max_steps = FUZZ_MAX_STEPS;
  cfg.max_bytes = FUZZ_MAX_BYTES;
  set = mustache_set_new(&cfg);
  t = mustache_set_parse(set, "fuzz.mustache", tpl, len, d);
  if (!t != (diag_count(d) > 0))
    abort(); /* a parse fails exactly when it says why */
  if (t && root) {
    view = value_data_view(root);
    before = diag_count(d);
    r1 = render_once(set, t, &view, escape, options & 8, d, &one);
    if ((r1 < 0) != (diag_count(d) > before))
      abort(); /* the first render fails exactly when it says why */
    r2 = render_once(set, t, &view, escape, 0, d, &two);
    if (r1 != r2 || (r1 == 0 && (one.len != two.len || one.hash != two.hash)))
      abort(); /* rendering again gives the same result */
  }
  mustache_set_free(set);
  diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *bytes = (const char *)data + (size ? 1 : 0);
  size_t n = size ? size - 1 : 0;
  const char *nul = memchr(bytes, '\0', n);
  size_t ndata = nul ? (size_t)(nul - bytes) : 0;
  const char *tpl = nul ? nul + 1 : bytes;
  size_t ntpl = n - (size_t)(tpl - bytes);
  unsigned options = size ? data[0] : 0;
  struct diag *d = diag_new();
  struct value_tree *t =
      loader_load_bytes("data.yaml", bytes, ndata, &limits, d);

  /* Data the loader refuses still lets the template be parsed. */
  run(t ? value_tree_root(t) : NULL, tpl, ntpl, options);
  value_tree_free(t);
  diag_free(d);
  return 0;
}
