/* test_mustache_threads: renders of one set side by side. A first render
   loads the partials; then several threads render the same parsed
   templates many times at once, names found by lookup and through
   shapes, and every result must be the bytes, or the diagnostics, of the
   same render made alone. make check also builds this test with clang's
   ThreadSanitizer, which fails it if two renders write the same memory:
   state shared between renders would show there even when the bytes
   happen to come out right. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "loader.h"
#include "mustache.h"
#include "value_data.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define THREADS 4
#define ROUNDS 150 /* per thread, each rendering every case */
#define ITEMS 150

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
/* ThreadSanitizer reports a race only when it can still tell where the
   older access was: with its default history, a write shared by two
   renders went unreported in half the runs, the other thread having
   rendered much since. The longest history catches it every time. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void)
{
  return "history_size=7";
}
#endif
#endif

/* Partials: name, source. */
static const char *const partials[][2] = {
    {"banner", "/* {{title}}: {{count}} items */\n"},
    {"row", "{{code}} {{#flag}}{{prefix}}{{/flag}}{{^flag}}-{{/flag}} "
            "{{info.ok}}\n"},
    {"tail", "  {{#items}}{{#last}}last: {{name}}{{/last}}{{/items}}\n"},
    {"bad", "{{#items}}{{code}}{{info.nope}}{{/items}}"},
};

static const char good[] =
    "{{>banner}}\n"
    "{{#items}}\n"
    "  {{name}} = {{>row}}"
    "{{/items}}\n"
    "{{#items}}{{#tags}}[{{.}}|{{prefix}}]{{/tags}}{{/items}}\n"
    "{{<*which}}{{/*which}}";

/* Strict: the unknown names inside the loop are reported once per render,
   at their tags, the partial's too. */
static const char failing[] =
    "{{#items}}{{name}}{{nope}}{{/items}}\n{{>bad}}{{prefix.x}}";

static enum mustache_found find_partial(void *closure, const char *name,
                                        size_t len, struct mustache_source *src)
{
  size_t i;

  (void)closure;
  for (i = 0; i < COUNT(partials); i++) {
    if (strlen(partials[i][0]) != len || memcmp(partials[i][0], name, len) != 0)
      continue;
    src->bytes = partials[i][1];
    src->len = strlen(partials[i][1]);
    src->file = NULL;
    return MUSTACHE_FOUND;
  }
  return MUSTACHE_NOT_FOUND;
}

/* A provider through shapes that only reads, so threads may share it: in
   the test data, mappings with the same number of keys have the same
   keys, so the count is the shape; kind[n] is one mapping with n keys,
   found before any thread starts. */
#define MAX_KEYS 8

struct shapes {
  const struct value *kind[MAX_KEYS];
};

static void find_kinds(struct shapes *s, const struct value *v)
{
  size_t i;

  if (v->kind == VALUE_SEQ)
    for (i = 0; i < v->len; i++)
      find_kinds(s, &v->as.items[i]);
  if (v->kind != VALUE_MAP)
    return;
  assert_true(v->len < MAX_KEYS);
  if (!s->kind[v->len])
    s->kind[v->len] = v;
  for (i = 0; i < v->len; i++)
    find_kinds(s, &v->as.items[2 * i + 1]);
}

static int shape(void *closure, struct mustache_value v)
{
  const struct value *m = v.ptr;

  (void)closure;
  return m && m->kind == VALUE_MAP ? (int)m->len : -1;
}

static int resolve(void *closure, int n, const char *key, size_t len)
{
  const struct shapes *s = closure;
  const struct value *m = s->kind[n];
  size_t i;

  for (i = 0; i < m->len; i++) {
    const struct value *k = &m->as.items[2 * i];

    if (k->str && k->len == len && memcmp(k->str, key, len) == 0)
      return (int)i;
  }
  return -1;
}

static struct mustache_value field(void *closure, struct mustache_value v,
                                   int f)
{
  const struct value *m = v.ptr;

  (void)closure;
  return value_data_of(&m->as.items[2 * f + 1]);
}

/* One render to do, and what it gave when done alone. */
struct job {
  const struct mustache_template *t;
  struct mustache_view view;
  struct buf want; /* the output, or every diagnostic, a line each */
  int rc;
};

struct world {
  struct mustache_set *set;
  struct job jobs[4];
  size_t njobs;
};

/* Renders j once: *got holds the output, or the diagnostics. */
static int render(struct mustache_set *set, const struct job *j,
                  struct buf *got)
{
  struct diag *d = diag_new();
  size_t i;
  int rc;

  buf_clear(got);
  rc = mustache_render(set, j->t, &j->view, escape_c, got, d);
  if (diag_count(d))
    buf_clear(got);
  for (i = 0; i < diag_count(d); i++)
    buf_printf(got, "%s\n", diag_message(d, i));
  diag_free(d);
  return rc;
}

/* A thread: ROUNDS times every job, counting the results that differ
   from the job's render alone (cmocka's checks are for the main thread).
   The threads start together at a barrier, so that their renders overlap
   in time. */
struct worker {
  pthread_t id;
  struct world *w;
  pthread_barrier_t *start;
  unsigned long wrong;
};

static void *work(void *arg)
{
  struct worker *k = arg;
  struct buf got = BUF_INIT;
  size_t round, i;

  pthread_barrier_wait(k->start);
  for (round = 0; round < ROUNDS; round++)
    for (i = 0; i < k->w->njobs; i++) {
      const struct job *j = &k->w->jobs[(i + round) % k->w->njobs];
      int rc = render(k->w->set, j, &got);

      if (rc != j->rc || got.len != j->want.len ||
          memcmp(got.data, j->want.data, got.len) != 0)
        k->wrong++;
    }
  buf_free(&got);
  return NULL;
}

static void data_text(struct buf *data)
{
  int i;

  buf_printf(data,
             "{title: threads, prefix: P, which: tail, count: %d, "
             "items: [",
             ITEMS);
  for (i = 0; i < ITEMS; i++)
    buf_printf(data,
               "%s{name: 'n*/%d', code: %d, flag: %s, "
               "info: {ok: %d}, tags: [%d, t], last: %s}",
               i ? ", " : "", i, 100 + i, i % 2 ? "true" : "false", i % 3, i,
               i == ITEMS - 1 ? "true" : "false");
  buf_puts(data, "]}");
}

/* The jobs: each template rendered by lookup and through shapes, each
   rendered twice alone, the first time loading the partials. */
static void make_jobs(struct world *w, const struct value *root,
                      const struct mustache_data *by_shapes,
                      struct shapes *kinds, struct diag *d)
{
  size_t i;

  for (i = 0; i < COUNT(w->jobs); i++) {
    struct job *j = &w->jobs[w->njobs++];
    const char *src = i % 2 ? failing : good;

    j->t = mustache_set_parse(w->set, i % 2 ? "failing" : "good", src,
                              strlen(src), d);
    assert_non_null(j->t);
    j->view = value_data_view(root);
    if (i >= 2) {
      j->view.data = by_shapes;
      j->view.closure = kinds;
    }
    buf_init(&j->want);
    j->rc = render(w->set, j, &j->want);
    j->rc = render(w->set, j, &j->want);
  }
}

/* Runs THREADS workers on w; fails if any got a different result. */
static void run_threads(struct world *w)
{
  struct worker k[THREADS];
  pthread_barrier_t start;
  size_t i;

  assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
  for (i = 0; i < THREADS; i++) {
    k[i].w = w;
    k[i].start = &start;
    k[i].wrong = 0;
    assert_int_equal(pthread_create(&k[i].id, NULL, work, &k[i]), 0);
  }
  for (i = 0; i < THREADS; i++)
    assert_int_equal(pthread_join(k[i].id, NULL), 0);
  pthread_barrier_destroy(&start);
  for (i = 0; i < THREADS; i++)
    if (k[i].wrong)
      fail_msg("thread %zu: %lu renders differ from the render alone", i,
               k[i].wrong);
}

static void test_threads(void **state)
{
  static const struct loader_limits lim = {100, (size_t)1 << 20,
                                           (size_t)1 << 20, (size_t)1 << 20};
  struct mustache_data by_shapes = value_data_interface;
  struct buf data = BUF_INIT;
  struct diag *d = diag_new();
  struct mustache_config cfg;
  struct value_tree *tree;
  struct shapes kinds;
  struct world w;
  size_t i;

  (void)state;
  data_text(&data);
  tree = loader_load_bytes("d", data.data, data.len, &lim, d);
  assert_non_null(tree);
  memset(&kinds, 0, sizeof kinds);
  find_kinds(&kinds, value_tree_root(tree));
  by_shapes.shape = shape;
  by_shapes.resolve = resolve;
  by_shapes.field = field;
  memset(&cfg, 0, sizeof cfg);
  cfg.partial = find_partial;
  memset(&w, 0, sizeof w);
  w.set = mustache_set_new(&cfg);
  make_jobs(&w, value_tree_root(tree), &by_shapes, &kinds, d);
  /* what the renders alone gave, both ways alike */
  assert_int_equal(w.jobs[0].rc, 0);
  assert_non_null(strstr(w.jobs[0].want.data, "  n*\\057149 = 249 P 2\n"));
  assert_non_null(strstr(w.jobs[0].want.data, "  last: n*\\057149\n"));
  assert_string_equal(w.jobs[1].want.data,
                      "failing:1:19: error: unknown name 'nope'\n"
                      "failing:2:9: error: unknown name 'prefix.x'\n"
                      "bad:1:19: error: unknown name 'info.nope'\n");
  assert_string_equal(w.jobs[2].want.data, w.jobs[0].want.data);
  assert_string_equal(w.jobs[3].want.data, w.jobs[1].want.data);
  run_threads(&w);
  for (i = 0; i < w.njobs; i++)
    buf_free(&w.jobs[i].want);
  mustache_set_free(w.set);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&data);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_threads),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
