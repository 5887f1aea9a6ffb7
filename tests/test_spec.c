/* test_spec: the model built from valid specs (values written here by hand)
   and the helpers behind the rules: name derivation and identifiers. The
   invalid specs, one rule each, are in tests/specs/invalid (test_cli). The
   model checks shapes only: names a language reserves are valid here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "loader.h"
#include "spec.h"
#include "spec_load.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const struct spec *load(struct spec_load *l, const char *path)
{
  const struct spec *s = spec_load_file(l, path);

  assert_non_null(s);
  return s;
}

static void test_derive_name(void **state)
{
  static const struct {
    const char *reason, *name;
  } rows[] = {
      {"Not Found", "NOT_FOUND"},
      {"Request-URI Too Long", "REQUEST_URI_TOO_LONG"},
      {"I'm a Teapot", "I_M_A_TEAPOT"},
      {"  --Leading and trailing--  ", "LEADING_AND_TRAILING"},
      {"Non-Authoritative Information", "NON_AUTHORITATIVE_INFORMATION"},
      {"Caf\xc3\xa9 Closed", "CAF_CLOSED"},
      {"HTTP/1.1 only", "HTTP_1_1_ONLY"},
      {"???", ""},
      {"", ""},
  };
  char out[64];
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    size_t n = spec_derive_name(rows[i].reason, out);

    if (strcmp(out, rows[i].name) != 0)
      print_error("'%s' gave '%s'\n", rows[i].reason, out);
    assert_string_equal(out, rows[i].name);
    assert_int_equal(n, strlen(rows[i].name));
  }
}

static void test_lower_ident(void **state)
{
  static const struct {
    const char *s;
    int ok;
  } rows[] = {
      {"http_status", 1},
      {"smtp2", 1},
      {"a", 1},
      {"x_1_y", 1},
      {"Http", 0},
      {"_x", 0},
      {"x_", 0},
      {"a__b", 0},
      {"2fa", 0},
      {"a-b", 0},
      {"", 0},
      {"caf\xc3\xa9", 0},
      /* keywords have the shape: an output kind refuses them, not the
         model */
      {"int", 1},
      {"class", 1},
      {"typeof", 1},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    if (spec_is_lower_ident(rows[i].s) != rows[i].ok)
      print_error("'%s'\n", rows[i].s);
    assert_int_equal(spec_is_lower_ident(rows[i].s), rows[i].ok);
  }
}

static void test_minimal_spec_sorted_without_classes(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, "tests/specs/valid/minimal.yaml");

  (void)state;
  assert_string_equal(s->name, "exit_code");
  assert_int_equal(s->nclasses, 0);
  assert_int_equal(s->nflags, 0);
  assert_int_equal(s->nstatuses, 3);
  assert_int_equal(s->statuses[0].code, 0);
  assert_string_equal(s->statuses[0].name, "SUCCESS");
  assert_int_equal(s->statuses[1].code, 1);
  assert_string_equal(s->statuses[1].name, "GENERAL_FAILURE_SEE_THE_LOG");
  assert_string_equal(s->statuses[1].reason, "General failure: see the log");
  assert_int_equal(s->statuses[2].code, 2);
  assert_null(s->statuses[2].cls);
  assert_null(s->statuses[2].reference);
  assert_int_equal(s->statuses[2].nflags, 0);
  spec_load_free(&l);
}

static void test_other_domain(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, "tests/specs/valid/smtp.yaml");
  const struct spec_status *st;

  (void)state;
  assert_string_equal(s->name, "smtp_reply");
  assert_int_equal(s->nclasses, 4);
  assert_string_equal(s->classes[2].title, "Transient Negative Completion");
  assert_int_equal(s->nstatuses, 7);
  st = &s->statuses[2];
  assert_int_equal(st->code, 250);
  assert_string_equal(st->name, "REQUESTED_MAIL_ACTION_OKAY_COMPLETED");
  assert_string_equal(st->cls->id, "positive_completion");
  st = &s->statuses[4];
  assert_int_equal(st->code, 421);
  assert_string_equal(st->cls->id, "transient_negative");
  /* listed as [closes, retry_later]; kept in declaration order */
  assert_int_equal(st->nflags, 2);
  assert_string_equal(st->flags[0]->id, "retry_later");
  assert_string_equal(st->flags[1]->id, "closes");
  st = &s->statuses[5];
  assert_int_equal(st->naliases, 1);
  assert_string_equal(st->aliases[0].name, "MAILBOX_BUSY");
  assert_string_equal(s->statuses[6].cls->id, "permanent_negative");
  spec_load_free(&l);
}

static void test_text_kept_byte_for_byte(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, "tests/specs/valid/text.yaml");
  const struct spec_status *st = &s->statuses[0];

  (void)state;
  assert_string_equal(
      s->title, "Caf\xc3\xa9 \"statuses\" \xe2\x80\x94 \\ and */ and ?\?/");
  assert_string_equal(s->source, "100% made up, with %s and %n | pipes");
  assert_string_equal(s->flags[0].meaning,
                      "a meaning with \ttab and \xe6\x97\xa5\xe6\x9c\xac");
  assert_string_equal(st->reason, "Don't \"Panic\"");
  assert_string_equal(st->name, "DON_T_PANIC");
  assert_string_equal(st->description, "Line one\nline two\twith tab | pipe "
                                       "*/ ?\?= ?\?/ %d \\\\ end");
  assert_string_equal(st->reference, "See \xc2\xa7 4.2 [x]");
  assert_string_equal(st->aliases[0].reason, "Back\\slash");
  assert_string_equal(st->aliases[0].name, "BACK_SLASH");
  assert_string_equal(st->aliases[1].reason, "Emoji \xf0\x9f\x98\x80 Face");
  assert_string_equal(st->aliases[1].name, "EMOJI_FACE");
  assert_true(strlen(s->statuses[1].description) > 3000);
  assert_null(strchr(s->statuses[1].description, '\n'));
  spec_load_free(&l);
}

static void assert_mark(const struct mark *m, unsigned line, unsigned col)
{
  assert_string_equal(m->file, "s.yaml");
  assert_int_equal(m->line, line);
  assert_int_equal(m->col, col);
}

/* Names a C output reserves make a valid model, and every name keeps the
   place a later stage reports it at. */
static void test_names_and_their_places(void **state)
{
  static const char yaml[] =
      "name: int\n"                                    /* 1 */
      "title: T\nsource: S\n"                          /* 2, 3 */
      "classes:\n"                                     /* 4 */
      "  - title: None\n"                              /* 5 */
      "    id: none\n"                                 /* 6 */
      "    range: [1, 9]\n"                            /* 7 */
      "flags: {known: k}\n"                            /* 8 */
      "statuses:\n"                                    /* 9 */
      "  - {code: 2, reason: Count, description: D,\n" /* 10 */
      "     aliases: [Old Map]}\n"                     /* 11 */
      "  - {code: 1, reason: R, name: CLASS_X, description: D}\n";
  struct spec_load l;
  const struct spec *s = spec_load_text(&l, "s.yaml", yaml);

  (void)state;
  assert_non_null(s);
  assert_string_equal(s->name, "int");
  assert_mark(&s->name_mark, 1, 7);
  assert_string_equal(s->classes[0].id, "none");
  assert_mark(&s->classes[0].mark, 5, 5);
  assert_mark(&s->classes[0].id_mark, 6, 9);
  assert_string_equal(s->flags[0].id, "known");
  assert_mark(&s->flags[0].mark, 8, 9);
  /* sorted by code: CLASS_X first */
  assert_string_equal(s->statuses[0].name, "CLASS_X");
  assert_int_equal(s->statuses[0].name_given, 1);
  assert_mark(&s->statuses[0].name_mark, 12, 32);
  assert_string_equal(s->statuses[1].name, "COUNT");
  assert_int_equal(s->statuses[1].name_given, 0);
  assert_mark(&s->statuses[1].name_mark, 10, 23);
  assert_string_equal(s->statuses[1].aliases[0].name, "OLD_MAP");
  assert_mark(&s->statuses[1].aliases[0].mark, 11, 16);
  spec_load_free(&l);
}

/* Bad specs from text, for rules whose messages test_cli does not reach. */
static void check_errors(const char *yaml, const char *const *want, size_t n)
{
  struct diag *d = diag_new();
  struct value_tree *t =
      loader_load_bytes("s.yaml", yaml, strlen(yaml), NULL, d);
  size_t i;

  assert_non_null(t);
  assert_null(spec_build(t, d));
  for (i = 0; i < diag_count(d) && i < n; i++)
    assert_string_equal(diag_message(d, i), want[i]);
  assert_int_equal(diag_count(d), n);
  value_tree_free(t);
  diag_free(d);
}

static void test_no_cascade_after_a_bad_class(void **state)
{
  static const char yaml[] =
      "name: x\ntitle: T\nsource: S\n"
      "classes:\n  - {id: a, title: A, range: [5, 1]}\n"
      "statuses:\n  - {code: 9, reason: R, description: D}\n";
  static const char *const want[] = {
      "s.yaml:5:30: error: range [5, 1] is empty: low is above high"};

  (void)state;
  check_errors(yaml, want, COUNT(want));
}

static void test_alias_rules(void **state)
{
  static const char yaml[] =
      "name: x\ntitle: T\nsource: S\n"
      "statuses:\n"
      "  - {code: 1, reason: One, description: D, aliases: [Uno, '', 7]}\n"
      "  - {code: 2, reason: Uno, description: D, aliases: notalist}\n";
  static const char *const want[] = {
      "s.yaml:5:59: error: 'alias' must not be empty",
      "s.yaml:5:63: error: 'alias' must be a string, not an integer (quote it)",
      "s.yaml:6:23: error: duplicate name 'UNO' (first at 5:54)",
      "s.yaml:6:23: error: duplicate reason 'Uno' (first at 5:54)",
      "s.yaml:6:53: error: 'aliases' must be a list, not a string"};

  (void)state;
  check_errors(yaml, want, COUNT(want));
}

static void test_root_kinds(void **state)
{
  static const char *const want_scalar[] = {
      "s.yaml:1:1: error: the spec must be a mapping, not a string"};

  (void)state;
  check_errors("just text", want_scalar, 1);
}

/* Without 'codes' and 'unknown': codes 0 to 2147483647, unknown -1. */
static void test_number_defaults(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, "tests/specs/valid/minimal.yaml");

  (void)state;
  assert_int_equal(s->code_lo, 0);
  assert_int_equal(s->code_hi, 2147483647L);
  assert_int_equal(s->unknown, -1);
  assert_false(s->codes_given);
  assert_false(s->unknown_given);
  spec_load_free(&l);
}

/* Negative codes and class bounds within a declared range, sorted; the
   unknown value and the places of both keys. */
static void test_negative_codes(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, "tests/specs/valid/errno.yaml");

  (void)state;
  assert_int_equal(s->code_lo, -4095);
  assert_int_equal(s->code_hi, -1);
  assert_int_equal(s->unknown, -4096);
  assert_true(s->codes_given);
  assert_true(s->unknown_given);
  assert_int_equal(s->codes_mark.line, 10);
  assert_int_equal(s->codes_mark.col, 8);
  assert_int_equal(s->unknown_mark.line, 11);
  assert_int_equal(s->unknown_mark.col, 10);
  assert_int_equal(s->nclasses, 2);
  assert_int_equal(s->classes[0].lo, -34);
  assert_int_equal(s->classes[0].hi, -1);
  assert_int_equal(s->classes[1].lo, -4095);
  assert_int_equal(s->classes[1].hi, -35);
  assert_int_equal(s->statuses[0].code, -113);
  assert_string_equal(s->statuses[0].name, "EHOSTUNREACH");
  assert_string_equal(s->statuses[0].cls->id, "extended");
  assert_int_equal(s->statuses[s->nstatuses - 1].code, -1);
  assert_string_equal(s->statuses[s->nstatuses - 1].name, "EPERM");
  assert_string_equal(s->statuses[s->nstatuses - 1].cls->id, "base");
  spec_load_free(&l);
}

/* The widest range and unknown a spec may declare: every int but
   INT_MIN. */
static void test_widest_numbers(void **state)
{
  static const char yaml[] =
      "name: x\ntitle: T\nsource: S\n"
      "codes: [-2147483647, 2147483647]\nunknown: 2147483647\n"
      "statuses:\n  - {code: -2147483647, reason: R, description: D}\n"
      "  - {code: 2147483646, reason: Q, description: D}\n";
  struct diag *d = diag_new();
  struct value_tree *t =
      loader_load_bytes("s.yaml", yaml, strlen(yaml), NULL, d);
  struct spec *s;

  (void)state;
  assert_non_null(t);
  s = spec_build(t, d);
  assert_non_null(s);
  assert_int_equal(diag_count(d), 0);
  assert_int_equal(s->code_lo, -2147483647L);
  assert_int_equal(s->unknown, 2147483647L);
  assert_int_equal(s->statuses[0].code, -2147483647L);
  spec_free(s);
  value_tree_free(t);
  diag_free(d);
}

/* Each problem of the numbers at its place, every one reported: the
   shape of 'codes', its bounds, a code or bound outside it (naming where
   it was set), a code that is the unknown value (naming where that was
   set, or that it is the default). */
static void test_number_errors(void **state)
{
  static const struct {
    const char *name, *yaml, *want[3];
  } rows[] = {
      {"codes not a list",
       "codes: {a: 1}\n",
       {"s.yaml:4:8: error: 'codes' must be a list, not a mapping"}},
      {"codes of three",
       "codes: [1, 2, 3]\n",
       {"s.yaml:4:8: error: 'codes' must be [low, high]"}},
      {"codes empty",
       "codes: []\n",
       {"s.yaml:4:8: error: 'codes' must be [low, high]"}},
      {"codes of text",
       "codes: [a, 9]\n",
       {"s.yaml:4:9: error: 'low' must be an integer, not a string"}},
      {"codes reversed",
       "codes: [9, 1]\n",
       {"s.yaml:4:8: error: 'codes' [9, 1] is empty: low is above high"}},
      {"codes beyond int",
       "codes: [-3000000000, 3000000000]\n",
       {"s.yaml:4:9: error: low -3000000000 is out of range (-2147483647 to "
        "2147483647)",
        "s.yaml:4:22: error: high 3000000000 is out of range (-2147483647 to "
        "2147483647)"}},
      {"unknown not an integer",
       "unknown: -1.0\n",
       {"s.yaml:4:10: error: 'unknown' must be an integer, not a number"}},
      {"unknown beyond int",
       "unknown: 2147483648\n",
       {"s.yaml:4:10: error: unknown 2147483648 is out of range "
        "(-2147483647 to 2147483647)"}},
      {"code outside codes",
       "codes: [-9, -1]\nunknown: 0\n",
       {"s.yaml:7:11: error: code 5 is out of range (-9 to -1, 'codes' at "
        "4:8)"}},
      {"code is unknown",
       "codes: [-9, 9]\nunknown: 5\n",
       {"s.yaml:7:11: error: code 5 is the 'unknown' value (set at 5:10): "
        "give 'unknown' a value no status has"}},
  };
  size_t i, n;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    struct buf yaml = BUF_INIT;

    /* the row's keys on line 4 on, then one status of code 5 */
    buf_printf(&yaml,
               "name: x\ntitle: T\nsource: S\n%sstatuses:\n"
               "  - code: 5\n    reason: R\n    description: D\n",
               rows[i].yaml);
    for (n = 0; n < 3 && rows[i].want[n]; n++)
      ;
    check_errors(yaml.data, rows[i].want, n);
    buf_free(&yaml);
  }
}

/* A class bound is held to 'codes' like a code; with default numbers, -1
   is out of range before it could be the unknown value. */
static void test_bounds_and_default_unknown(void **state)
{
  static const char yaml[] =
      "name: x\ntitle: T\nsource: S\ncodes: [-10, 10]\n"
      "classes:\n  - {id: a, title: A, range: [-20, 10]}\n"
      "statuses:\n  - {code: -1, reason: R, description: D}\n";
  static const char *const want[] = {
      "s.yaml:6:31: error: low -20 is out of range (-10 to 10, 'codes' at "
      "4:8)",
      "s.yaml:8:12: error: code -1 is the default 'unknown' value: give "
      "'unknown' a value no status has"};

  (void)state;
  check_errors(yaml, want, COUNT(want));
}

/* The four cases of a name, written out by hand. */
static void test_name_cases(void **state)
{
  static const struct {
    const char *id, *upper_snake, *upper_camel, *lower_snake, *lower_camel;
  } rows[] = {
      {"NOT_FOUND", "NOT_FOUND", "NotFound", "not_found", "notFound"},
      {"IM_A_TEAPOT", "IM_A_TEAPOT", "ImATeapot", "im_a_teapot", "imATeapot"},
      {"HTTP_VERSION_NOT_SUPPORTED", "HTTP_VERSION_NOT_SUPPORTED",
       "HttpVersionNotSupported", "http_version_not_supported",
       "httpVersionNotSupported"},
      {"OK", "OK", "Ok", "ok", "ok"},
      {"TYPE_2A", "TYPE_2A", "Type2a", "type_2a", "type2a"},
      {"client_error", "CLIENT_ERROR", "ClientError", "client_error",
       "clientError"},
      {"x", "X", "X", "x", "x"},
  };
  struct arena *a = arena_new();
  struct spec_names n;
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    spec_names_of(&n, a, rows[i].id);
    assert_string_equal(n.upper_snake, rows[i].upper_snake);
    assert_string_equal(n.upper_camel, rows[i].upper_camel);
    assert_string_equal(n.lower_snake, rows[i].lower_snake);
    assert_string_equal(n.lower_camel, rows[i].lower_camel);
  }
  { /* longer than any name a real spec has: 45 words "AB" */
    char id[200] = "", camel[200] = "", snake[200] = "", lower[200] = "ab";

    for (i = 0; i < 45; i++) {
      strcat(id, i ? "_AB" : "AB");
      strcat(camel, "Ab");
      strcat(snake, i ? "_ab" : "ab");
      if (i)
        strcat(lower, "Ab");
    }
    spec_names_of(&n, a, id);
    assert_string_equal(n.upper_snake, id);
    assert_string_equal(n.upper_camel, camel);
    assert_string_equal(n.lower_snake, snake);
    assert_string_equal(n.lower_camel, lower);
  }
  arena_free(a);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_derive_name),
      cmocka_unit_test(test_name_cases),
      cmocka_unit_test(test_lower_ident),
      cmocka_unit_test(test_minimal_spec_sorted_without_classes),
      cmocka_unit_test(test_other_domain),
      cmocka_unit_test(test_text_kept_byte_for_byte),
      cmocka_unit_test(test_names_and_their_places),
      cmocka_unit_test(test_no_cascade_after_a_bad_class),
      cmocka_unit_test(test_alias_rules),
      cmocka_unit_test(test_root_kinds),
      cmocka_unit_test(test_number_defaults),
      cmocka_unit_test(test_negative_codes),
      cmocka_unit_test(test_widest_numbers),
      cmocka_unit_test(test_number_errors),
      cmocka_unit_test(test_bounds_and_default_unknown),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
