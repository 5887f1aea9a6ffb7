/* test_layers: specs in layers, merged before the model is built. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "diag.h"
#include "layers.h"
#include "loader.h"
#include "spec.h"

static const char base[] = "name: demo\n"
                           "title: Demo\n"
                           "source: written for the tests\n"
                           "classes:\n"
                           "  - {id: ok, title: Fine, range: [200, 299]}\n"
                           "flags:\n"
                           "  cacheable: may be kept\n"
                           "statuses:\n"
                           "  - code: 200\n"
                           "    reason: OK\n"
                           "    description: It worked.\n"
                           "    flags: [cacheable]\n"
                           "  - code: 204\n"
                           "    reason: No Content\n"
                           "    description: Nothing to send.\n";

/* Loads base and the layers (NULL ended), merges and builds: the model,
   or NULL with the messages in *d. */
static struct spec *build(struct diag *d, struct value_tree **trees,
                          const char *const *layers)
{
  char name[32];
  size_t n = 1, i;
  int ok = 1;

  trees[0] = loader_load_bytes("base.yaml", base, strlen(base), NULL, d);
  for (; layers[n - 1]; n++) {
    snprintf(name, sizeof name, "layer%lu.yaml", (unsigned long)n);
    trees[n] =
        loader_load_bytes(name, layers[n - 1], strlen(layers[n - 1]), NULL, d);
  }
  for (i = 0; i < n; i++)
    ok = ok && trees[i];
  if (!ok || layers_merge(trees, n, d) < 0)
    return NULL;
  return spec_build(trees[0], d);
}

static void free_all(struct value_tree **trees, struct diag *d, struct spec *s)
{
  size_t i;

  spec_free(s);
  for (i = 0; i < 4; i++)
    value_tree_free(trees[i]);
  diag_free(d);
}

/* The messages of d, one a line. */
static const char *messages(struct diag *d, char *out, size_t size)
{
  size_t i, at = 0;

  out[0] = '\0';
  for (i = 0; i < diag_count(d) && at < size; i++)
    at += (size_t)snprintf(out + at, size - at, "%s\n", diag_message(d, i));
  return out;
}

/* Builds base and the layers, and wants no model and exactly the
   messages want. */
static void expect_errors(const char *const *layers, const char *want)
{
  struct value_tree *trees[4] = {NULL, NULL, NULL, NULL};
  struct diag *d = diag_new();
  struct spec *s = build(d, trees, layers);
  char text[4096];

  assert_null(s);
  assert_string_equal(messages(d, text, sizeof text), want);
  free_all(trees, d, s);
}

/* A later layer adds statuses, a class, a flag, and flags and aliases to
   an earlier status; repeating an earlier status's texts is no change. */
static void test_adds(void **state)
{
  static const char *const layers[] = {
      "classes:\n"
      "  - {id: gone, title: Gone, range: [400, 499]}\n"
      "flags:\n"
      "  local: ours\n"
      "statuses:\n"
      "  - code: 444\n"
      "    reason: No Response\n"
      "    description: Closed without a word.\n"
      "    flags: [local]\n"
      "  - code: 200\n"
      "    reason: OK\n"
      "    flags: [local]\n"
      "    aliases: [Fine]\n",
      "statuses:\n"
      "  - {code: 204, aliases: [Empty]}\n",
      NULL};
  struct value_tree *trees[4] = {NULL, NULL, NULL, NULL};
  struct diag *d = diag_new();
  struct spec *s;
  char text[2048];

  (void)state;
  s = build(d, trees, layers);
  assert_string_equal(messages(d, text, sizeof text), "");
  assert_non_null(s);
  assert_int_equal(s->nstatuses, 3);
  assert_int_equal(s->nclasses, 2);
  assert_int_equal(s->nflags, 2);
  assert_int_equal(s->statuses[0].code, 200);
  assert_int_equal(s->statuses[0].nflags, 2);
  assert_int_equal(s->statuses[0].naliases, 1);
  assert_string_equal(s->statuses[0].aliases[0].reason, "Fine");
  assert_int_equal(s->statuses[1].code, 204);
  assert_string_equal(s->statuses[1].aliases[0].reason, "Empty");
  assert_int_equal(s->statuses[2].code, 444);
  assert_string_equal(s->statuses[2].reason, "No Response");
  free_all(trees, d, s);
}

/* Every change of what an earlier layer said is an error at the later
   place, naming the earlier one with its file. */
static void test_conflicts(void **state)
{
  static const char *const layers[] = {
      "title: Other\n"
      "flags:\n"
      "  cacheable: something else\n"
      "classes:\n"
      "  - {id: ok, title: Fine, range: [200, 298]}\n"
      "statuses:\n"
      "  - code: 200\n"
      "    reason: Okay\n"
      "    reference: RFC 1\n",
      NULL};

  (void)state;
  expect_errors(
      layers,
      "layer1.yaml:1:8: error: 'title' differs from the earlier spec's (at "
      "base.yaml:2:8): a later spec may give a key the earlier ones left "
      "out, and change none\n"
      "layer1.yaml:3:14: error: what the flag means differs from the earlier "
      "spec's (at base.yaml:7:14): a later spec may add flags, and change "
      "none\n"
      "layer1.yaml:5:5: error: a class of the same id differs from the "
      "earlier spec's (at base.yaml:5:5): a later spec may add classes, and "
      "change none\n"
      "layer1.yaml:8:13: error: 'reason' of status 200 differs from the "
      "earlier spec's (at base.yaml:10:13): a later spec may add 'flags' and "
      "'aliases' to an earlier status, and change nothing else\n"
      "layer1.yaml:9:5: error: 'reference' of status 200 differs from the "
      "earlier spec's (at base.yaml:9:5): a later spec may add 'flags' and "
      "'aliases' to an earlier status, and change nothing else (the earlier "
      "one has none)\n");
}

/* What the model checks it checks across layers, naming the other
   layer's place: a reason taken, a flag listed twice. */
static void test_model_across_layers(void **state)
{
  static const char *const layers[] = {
      "statuses:\n"
      "  - {code: 201, reason: ok, description: Again.}\n"
      "  - {code: 200, flags: [cacheable]}\n",
      NULL};

  (void)state;
  expect_errors(layers, "layer1.yaml:2:25: error: duplicate name 'OK' (first "
                        "at base.yaml:10:13)\n"
                        "layer1.yaml:2:25: error: duplicate reason 'ok' (first "
                        "at base.yaml:10:13)\n"
                        "layer1.yaml:3:25: error: flag 'cacheable' is listed "
                        "twice\n");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_adds),
      cmocka_unit_test(test_conflicts),
      cmocka_unit_test(test_model_across_layers),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
