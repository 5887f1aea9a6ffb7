/* fuzz_spec: a spec file, untrusted, through every stage: load, validate,
   the model as JSON, and every default template rendered in check mode
   (nothing is written). Besides crashes and sanitizer reports, it aborts
   when a promise breaks:
     - a refused spec says why, and every diagnostic points into the spec
       (fuzz.yaml:LINE:COL, both 1-based);
     - the model of an accepted spec dumps as valid JSON;
     - the project's own templates generate from an accepted spec. The only
       errors allowed are those an output kind raises against the spec's
       text (a name its language reserves), so they too point into the
       spec: an error in a template (unknown name, nothing to print, a
       partial gone wrong) means the model and the templates disagree.
       generate() fails exactly when it reports something. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* 1 when every diagnostic in d is "fuzz.yaml:LINE:COL: error: ..." with
   a line and a column. */
static int all_in_spec(struct diag *d)
{
  size_t i;

  for (i = 0; i < diag_count(d); i++) {
    const char *m = diag_message(d, i);
    unsigned line = 0, col = 0;
    int n = 0;

    if (sscanf(m, "fuzz.yaml:%u:%u: error: %n", &line, &col, &n) != 2 || !n ||
        !line || !col)
      return 0;
  }
  return 1;
}

/* Prints d to stderr and aborts: what broke is then in the crash log. */
static void fail(struct diag *d, const char *why)
{
  fprintf(stderr, "fuzz_spec: %s\n", why);
  diag_print(d, stderr);
  abort();
}

static void generate_all(const struct spec *s)
{
  struct diag *d = diag_new();
  struct view *v = view_new(s, NULL, "fuzz.yaml");
  struct tmpldir *dir = templates();
  struct output *out = output_new(1, 1);
  struct buf json = BUF_INIT;
  int r;

  view_dump_json(v, view_root(v), 1, &json);
  if (!json_check(json.data, json.len))
    fail(d, "the model's JSON dump is not valid JSON");
  if (!dir)
    fail(d, "the templates folder cannot be read: run from the project");
  mkdir("build/fuzz/empty-out", 0777); /* check mode: nothing is written */
  r = generate(v, s, NULL, dir, "build/fuzz/empty-out", 0, out, d);
  if ((r < 0) != (diag_count(d) > 0))
    fail(d, "generate()'s result disagrees with its diagnostics");
  if (!all_in_spec(d))
    fail(d, "a valid spec fails the project's templates");
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
    fail(d, "a spec is refused without a diagnostic");
  if (!all_in_spec(d))
    fail(d, "a diagnostic does not point into the spec");
  spec_free(s);
  value_tree_free(t);
  diag_free(d);
  return 0;
}
