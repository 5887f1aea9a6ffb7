/* test_http_spec: the HTTP spec's model against the registry tables of
   tests/support/http_registry.c, written from the IANA registry, RFC 9110
   and the seed list, not read from the spec: a wrong or missing entry in
   spec/http_status.yaml fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "diag.h"
#include "http_registry.h"
#include "loader.h"
#include "spec.h"

#define SPEC_PATH "spec/http_status.yaml"

struct fixture {
  struct diag *d;
  struct value_tree *tree;
  struct spec *spec;
};

static int setup(void **state)
{
  static struct fixture f;

  f.d = diag_new();
  f.tree = loader_load_file(SPEC_PATH, NULL, f.d);
  f.spec = f.tree ? spec_build(f.tree, f.d) : NULL;
  if (!f.spec)
    diag_print(f.d, stderr);
  *state = &f;
  return f.spec ? 0 : -1;
}

static int teardown(void **state)
{
  struct fixture *f = *state;

  spec_free(f->spec);
  value_tree_free(f->tree);
  diag_free(f->d);
  return 0;
}

static const struct spec_status *find(const struct spec *s, long code)
{
  size_t i;

  for (i = 0; i < s->nstatuses; i++)
    if (s->statuses[i].code == code)
      return &s->statuses[i];
  return NULL;
}

static unsigned flags_of(const struct spec_status *st)
{
  static const struct {
    const char *id;
    unsigned bit;
  } ids[] = {{"cacheable", HTTP_CACHEABLE},
             {"empty", HTTP_EMPTY},
             {"retryable", HTTP_RETRYABLE},
             {"deprecated", HTTP_DEPRECATED},
             {"provisional", HTTP_PROVISIONAL}};
  unsigned bits = 0;
  size_t i, j;

  for (i = 0; i < st->nflags; i++)
    for (j = 0; j < sizeof ids / sizeof *ids; j++)
      if (strcmp(st->flags[i]->id, ids[j].id) == 0)
        bits |= ids[j].bit;
  return bits;
}

static void test_every_registry_code_once_in_order(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  assert_int_equal(s->nstatuses, http_registry_count);
  for (i = 0; i < http_registry_count; i++) {
    const struct http_code *want = &http_registry[i];
    const struct spec_status *st = &s->statuses[i];

    assert_int_equal(st->code, want->code);
    assert_string_equal(st->reason, want->reason);
    assert_string_equal(st->name, want->name);
    assert_non_null(st->reference);
    assert_string_equal(st->reference, want->reference);
    if (flags_of(st) != want->flags)
      print_error("flags of %d\n", want->code);
    assert_int_equal(flags_of(st), want->flags);
  }
}

static void test_classes_by_first_digit(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  assert_string_equal(s->name, "http_status");
  assert_int_equal(s->nclasses, 5);
  for (i = 0; i < 5; i++) {
    assert_string_equal(s->classes[i].id, http_class_ids[i]);
    assert_string_equal(s->classes[i].title, http_class_titles[i]);
    assert_int_equal(s->classes[i].lo, (long)(i + 1) * 100);
    assert_int_equal(s->classes[i].hi, (long)(i + 1) * 100 + 99);
  }
  for (i = 0; i < s->nstatuses; i++)
    assert_string_equal(s->statuses[i].cls->id,
                        http_class_ids[s->statuses[i].code / 100 - 1]);
}

static void test_seed_descriptions_word_for_word(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i;

  for (i = 0; i < http_seed_count; i++) {
    const struct spec_status *st = find(s, http_seed[i].code);

    assert_non_null(st);
    assert_string_equal(st->description, http_seed[i].description);
  }
}

/* Every alias of the table, at its status, in the table's order (oldest
   last), and no other. */
static void test_aliases_oldest_last(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  size_t i, k = 0, total = 0;

  for (i = 0; i < s->nstatuses; i++)
    total += s->statuses[i].naliases;
  assert_int_equal(total, http_aliases_count);
  while (k < http_aliases_count) {
    const struct spec_status *st = find(s, http_aliases[k].code);

    assert_non_null(st);
    assert_true(st->naliases > 0);
    for (i = 0; i < st->naliases; i++, k++) {
      assert_true(k < http_aliases_count);
      assert_int_equal(st->code, http_aliases[k].code);
      assert_string_equal(st->aliases[i].reason, http_aliases[k].reason);
      assert_string_equal(st->aliases[i].name, http_aliases[k].name);
    }
  }
}

/* a and b are equal ignoring ASCII case. */
static int same_but_case(const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
      return 0;
  return *a == *b;
}

/* The legacy phrases servers still send, and no alias that only recases its
   status's reason (RFC 2616's 505 "HTTP Version not supported"). */
static void test_legacy_phrases(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;
  static const struct {
    int code;
    const char *reason;
  } legacy[] = {{302, "Moved Temporarily"},
                {408, "Request Time-out"},
                {414, "Request-URI Too Large"},
                {504, "Gateway Time-out"}};
  size_t i, j;

  for (i = 0; i < sizeof legacy / sizeof *legacy; i++) {
    const struct spec_status *st = find(s, legacy[i].code);
    int seen = 0;

    assert_non_null(st);
    for (j = 0; j < st->naliases; j++)
      seen |= strcmp(st->aliases[j].reason, legacy[i].reason) == 0;
    if (!seen)
      fail_msg("%d lacks '%s'", legacy[i].code, legacy[i].reason);
  }
  for (i = 0; i < s->nstatuses; i++)
    for (j = 0; j < s->statuses[i].naliases; j++)
      assert_false(same_but_case(s->statuses[i].aliases[j].reason,
                                 s->statuses[i].reason));
}

static void test_reserved_codes_say_so(void **state)
{
  const struct spec *s = ((struct fixture *)*state)->spec;

  assert_non_null(strstr(find(s, 306)->description, "reserved"));
  assert_non_null(strstr(find(s, 306)->description, "unused"));
  assert_non_null(strstr(find(s, 418)->description, "reserved"));
  assert_non_null(strstr(find(s, 418)->description, "unused"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_registry_code_once_in_order),
      cmocka_unit_test(test_classes_by_first_digit),
      cmocka_unit_test(test_seed_descriptions_word_for_word),
      cmocka_unit_test(test_aliases_oldest_last),
      cmocka_unit_test(test_legacy_phrases),
      cmocka_unit_test(test_reserved_codes_say_so),
  };

  return cmocka_run_group_tests(tests, setup, teardown);
}
