/* fuzz_spec: a spec file, untrusted, through every stage: load, validate,
   the model as JSON (which must be valid JSON), and every default template
   rendered in check mode (nothing is written). */
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "fuzz.h"
#include "generate.h"
#include "json_check.h"
#include "loader.h"
#include "output.h"
#include "spec.h"
#include "tmpldir.h"
#include "view.h"

/* Small limits keep each run quick; the limits themselves are tested. */
static const struct loader_limits limits = {32, 1 << 20, 1 << 16, 1 << 16};

/* The default templates, listed once for all runs (run from the top of
   the project). */
static struct tmpldir *templates(void)
{
  static struct diag *d;
  static struct tmpldir *dir;

  if (!d) {
    d = diag_new();
    dir = tmpldir_open("templates", d);
  }
  return dir;
}

static void generate_all(const struct spec *s)
{
  struct diag *d = diag_new();
  struct view *v = view_new(s, NULL, "fuzz.yaml");
  struct tmpldir *dir = templates();
  struct output *out = output_new(1, 1);
  struct buf json = BUF_INIT;

  view_dump_json(v, view_root(v), &json);
  if (!json_check(json.data, json.len))
    abort(); /* the dump must be valid JSON for any valid spec */
  if (dir)
    generate(v, dir, "build/fuzz/no-such-folder", 0, out, d);
  buf_free(&json);
  output_free(out);
  view_free(v);
  diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct diag *d = diag_new();
  struct value_tree *t =
      loader_load_bytes("fuzz.yaml", (const char *)data, size, &limits, d);
  struct spec *s = t ? spec_build(t, d) : NULL;

  if (s)
    generate_all(s);
  if (!s && diag_count(d) == 0)
    abort(); /* every refusal says why */
  spec_free(s);
  value_tree_free(t);
  diag_free(d);
  return 0;
}
