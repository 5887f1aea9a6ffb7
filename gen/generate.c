/* generate: two passes, so that every template's syntax errors are
   reported before anything renders: parse all, then render all. */
#include "generate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "loader.h"
#include "mustache.h"
#include "xmem.h"

struct run {
  struct mustache_set *set;
  struct mustache_view mv;
  struct tmpldir *dir;
  const char *outdir;
  struct output *out;
  struct diag *d;
  const struct spec *spec;
  const char *prefix;
  struct kind_map *map;      /* what the templates folder's kinds file says */
  const struct kind **kinds; /* the kinds met so far, names checked */
  size_t nkinds;
  char **names; /* outputs named so far, to catch two templates at one */
  size_t *from; /* the template that named each */
  size_t nnames;
  const struct generate_options *opt;
  char **listed; /* with opt->list: the paths, handed over at the end */
  size_t nlisted;
};

/* Reports the problems of a template's name, found by the engine in
   names (whose positions are columns in the name), at the template file:
   "T: error: in its name (column 3): unknown name 'x'". */
static void name_errors(struct run *r, const char *path, struct diag *names)
{
  struct mark m = {0, 0, 0};
  size_t i;

  m.file = path;
  for (i = 0; i < diag_count(names); i++) {
    const char *msg = diag_message(names, i);
    const char *text = strstr(msg, ": error: ");
    unsigned line = 0, col = 0;

    sscanf(msg, "%*[^:]:%u:%u", &line, &col);
    if (col)
      diag_error(r->d, &m, "in its name (column %u): %s", col, text + 9);
    else
      diag_error(r->d, &m, "in its name: %s", text + 9);
  }
}

/* Renders template i's file name (itself a template) into name; -1 after
   an error in d. */
static int output_name(struct run *r, size_t i, struct buf *name)
{
  const struct mustache_template *t;
  struct diag *names = diag_new();
  struct mark m = {0, 0, 0};
  const char *stem = tmpldir_name(r->dir, i);
  size_t k;
  int ok;

  m.file = tmpldir_path(r->dir, i);
  t = mustache_set_parse(r->set, "name", stem, strlen(stem), names);
  ok = t && mustache_render(r->set, t, &r->mv, NULL, name, names) == 0;
  name_errors(r, m.file, names);
  diag_free(names);
  if (!ok)
    return -1;
  for (k = 0; k < name->len; k++)
    if ((unsigned char)name->data[k] < 0x20 || name->data[k] == '/')
      break;
  if (!name->len || k < name->len || name->data[0] == '.')
    return diag_error(r->d, &m,
                      "its name gives '%s', which is no plain "
                      "file name",
                      name->data);
  for (k = 0; k < r->nnames; k++)
    if (strcmp(r->names[k], name->data) == 0)
      return diag_error(r->d, &m,
                        "its name gives '%s', already given by "
                        "%s",
                        name->data, tmpldir_path(r->dir, r->from[k]));
  r->names = xrealloc(r->names, (r->nnames + 1) * sizeof *r->names);
  r->from = xrealloc(r->from, (r->nnames + 1) * sizeof *r->from);
  r->from[r->nnames] = i;
  r->names[r->nnames++] = xstrndup(name->data, name->len);
  return 0;
}

/* The engine's flush: the rendered bytes so far go to the output file;
   -1 once the file has failed, so the render stops (output_end reports
   why). */
static int flush(void *closure, struct buf *out)
{
  int r = output_put(closure, out->data, out->len);

  buf_clear(out);
  return r;
}

/* Reports that template i gives an output (named name) of no kind. */
static void no_kind(struct run *r, size_t i, const char *name)
{
  struct mark m = {0, 1, 1};
  const char *dot = strrchr(name, '.');
  struct buf ids = BUF_INIT;

  m.file = tmpldir_path(r->dir, i);
  kind_list_ids(&ids);
  if (dot && dot != name)
    diag_error(r->d, &m,
               "no output kind for '%s' (map it to one in %s in the "
               "templates folder, as '%s: text'; kinds: %s)",
               dot, KIND_FILE, dot, ids.data);
  else
    diag_error(r->d, &m,
               "no output kind for '%s', which has no extension (map it "
               "to one in %s in the templates folder, as '%s: text'; "
               "kinds: %s)",
               name, KIND_FILE, name, ids.data);
  buf_free(&ids);
}

/* The kind of the output named name, which template i gives; NULL after
   an error (it has none). The first output of a kind checks the spec's
   names and texts against it, once a run. */
static const struct kind *kind_of(struct run *r, size_t i, const char *name)
{
  const struct kind *k = kind_map_find(r->map, name);
  size_t j;

  if (!k) {
    no_kind(r, i, name);
    return NULL;
  }
  for (j = 0; j < r->nkinds; j++)
    if (r->kinds[j] == k)
      return k;
  r->kinds = xrealloc(r->kinds, (r->nkinds + 1) * sizeof *r->kinds);
  r->kinds[r->nkinds++] = k;
  kind_check_names(k, r->spec, r->prefix, name, r->d);
  kind_check_texts(k, r->spec, name, r->d);
  return k;
}

/* Reads the templates folder's kinds file into r->map, when it has one;
   its problems go to d. An empty file says nothing. */
static void read_kinds(struct run *r)
{
  struct buf src = BUF_INIT;
  struct value_tree *tree = NULL;
  const char *path;

  r->map = kind_map_new();
  if (tmpldir_read_extra(r->dir, KIND_FILE, &src, &path) > 0)
    tree = loader_load_bytes(path, src.data, src.len, NULL, r->d);
  if (tree && value_tree_root(tree)->kind != VALUE_NULL)
    kind_map_read(r->map, value_tree_root(tree), r->d);
  value_tree_free(tree);
  buf_free(&src);
}

static void render_one(struct run *r, size_t i,
                       const struct mustache_template *t)
{
  struct buf name = BUF_INIT, body = BUF_INIT, path = BUF_INIT;
  const struct kind *k;
  struct output_file *f;
  struct mustache_sink sink;

  if (output_name(r, i, &name) == 0 && (k = kind_of(r, i, name.data))) {
    buf_printf(&path, "%s/%s", r->outdir, name.data);
    if (r->opt && r->opt->list) {
      r->listed = xrealloc(r->listed, (r->nlisted + 1) * sizeof *r->listed);
      r->listed[r->nlisted++] = buf_detach(&path, NULL);
      f = NULL;
    } else {
      f = output_begin(r->out, path.data, r->d);
    }
    sink.flush = flush;
    sink.closure = f;
    if (f) {
      mustache_render_to(r->set, t, &r->mv, k->escape, &sink, &body, r->d);
      flush(f, &body);
      output_end(f, r->d);
    }
  }
  buf_free(&name);
  buf_free(&body);
  buf_free(&path);
}

int generate(const struct view *v, const struct spec *s, const char *prefix,
             struct tmpldir *dir, const char *outdir,
             const struct generate_options *opt, struct output *out,
             struct diag *d)
{
  struct mustache_config cfg;
  const struct mustache_template **parsed;
  struct buf src = BUF_INIT;
  size_t i, n = tmpldir_count(dir), before = diag_count(d);
  struct run r;

  memset(&cfg, 0, sizeof cfg);
  cfg.partial = tmpldir_partial;
  cfg.closure = dir;
  if (opt) {
    cfg.lenient = opt->lenient;
    cfg.max_steps = opt->max_steps;
    cfg.max_bytes = opt->max_bytes;
  }
  memset(&r, 0, sizeof r);
  r.set = mustache_set_new(&cfg);
  view_mustache(v, &r.mv);
  r.dir = dir;
  r.outdir = outdir;
  r.out = out;
  r.d = d;
  r.spec = s;
  r.prefix = prefix;
  parsed = xcalloc(n, sizeof *parsed);
  for (i = 0; i < n; i++) {
    buf_clear(&src);
    if (tmpldir_read(dir, i, &src) == 0)
      parsed[i] =
          mustache_set_parse(r.set, tmpldir_path(dir, i), src.data, src.len, d);
  }
  read_kinds(&r);
  r.opt = opt;
  if (diag_count(d) == before) /* render only templates that all parse */
    for (i = 0; i < n; i++)
      render_one(&r, i, parsed[i]);
  for (i = 0; opt && opt->list && diag_count(d) == before && i < r.nlisted; i++)
    opt->list(opt->list_closure, r.listed[i]);
  for (i = 0; i < r.nlisted; i++)
    free(r.listed[i]);
  free(r.listed);
  for (i = 0; i < r.nnames; i++)
    free(r.names[i]);
  free(r.names);
  free(r.from);
  free(r.kinds);
  kind_map_free(r.map);
  free(parsed);
  buf_free(&src);
  mustache_set_free(r.set);
  return diag_count(d) == before ? 0 : -1;
}
