/* test_lookup: the shapes the generated lookups are built on. Each test
   walks the tables the way the generated C does and checks that every
   text finds its own code, and that other texts find nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "lookup.h"

/* 1 when s equals lower, in lower case, once ASCII capitals are folded. */
static int equal_folded(const char *s, const char *lower)
{
  for (; *s && tolower((unsigned char)*s) == (unsigned char)*lower; s++)
    lower++;
  return *s == '\0' && *lower == '\0';
}

/* What the generated _from_name/_from_reason do: -1 when s is no key. */
static long probe(const struct lookup_table *t, const char *s, int fold)
{
  size_t len = strlen(s);
  unsigned long row, i;
  unsigned byte;

  if (len == 0 || len > t->max_length)
    return -1;
  byte = (unsigned char)s[t->by_length[len].at];
  if (fold)
    byte = (unsigned)tolower((int)byte);
  row = (unsigned long)(t->by_length[len].base + (long)byte);
  if (row >= t->index.rows)
    return -1;
  for (i = t->by_row[row]; i != 0; i = t->index.by_slot[i - 1]->next) {
    const struct lookup_key *k = t->index.by_slot[i - 1];

    if (k->len == len &&
        (fold ? equal_folded(s, k->lower) : strcmp(k->text, s) == 0))
      return k->code;
  }
  return -1;
}

static const char *const names[] = {
    "OK",        "NO",    "GONE",      "LOCKED",    "CREATED",  "ACCEPTED",
    "NOT_FOUND", "FOUND", "SEE_OTHER", "TOO_EARLY", "CONFLICT", "FORBIDDEN"};
static const char *const reasons[] = {
    "OK",        "No",    "Gone",      "Locked",    "Created",  "Accepted",
    "Not Found", "Found", "See Other", "Too Early", "Conflict", "Forbidden"};
static const long codes[] = {200, 1,   410, 423, 201, 202,
                             404, 302, 303, 425, 409, 403};
#define N (sizeof codes / sizeof *codes)

static void test_every_text_finds_its_code(void **state)
{
  static const long sorted[] = {1,   200, 201, 202, 302, 303,
                                403, 404, 409, 410, 423, 425};
  struct arena *a = arena_new();
  struct lookup_design d;
  size_t i;

  (void)state;
  lookup_design_build(&d, a, sorted, N, names, reasons, codes, N);
  for (i = 0; i < N; i++) {
    assert_int_equal(probe(&d.names, names[i], 0), codes[i]);
    assert_int_equal(probe(&d.reasons, reasons[i], 1), codes[i]);
  }
  assert_int_equal(probe(&d.reasons, "not found", 1), 404);
  assert_int_equal(probe(&d.reasons, "NOT FOUND", 1), 404);
  assert_int_equal(probe(&d.names, "not_found", 0), -1);
  assert_int_equal(probe(&d.names, "NOT_FOUNDX", 0), -1);
  assert_int_equal(probe(&d.names, "FOUNE", 0), -1);
  assert_int_equal(probe(&d.names, "", 0), -1);
  assert_int_equal(probe(&d.reasons, "Gone ", 1), -1);
  arena_free(a);
}

/* Two texts of one length that differ in one byte only, and a length
   whose texts share every byte but one: chains must keep them apart. */
static void test_texts_that_share_a_row(void **state)
{
  static const char *const texts[] = {"AB", "AC", "BB", "BC", "ABC"};
  static const long c[] = {1, 2, 3, 4, 5};
  static const long sorted[] = {1, 2, 3, 4, 5};
  struct arena *a = arena_new();
  struct lookup_design d;
  size_t i;

  (void)state;
  lookup_design_build(&d, a, sorted, 5, texts, texts, c, 5);
  for (i = 0; i < 5; i++)
    assert_int_equal(probe(&d.names, texts[i], 0), c[i]);
  assert_int_equal(probe(&d.names, "AA", 0), -1);
  assert_int_equal(probe(&d.names, "CB", 0), -1);
  arena_free(a);
}

/* Dense codes: one entry per value from lo to hi, holes in runs of at most
   LOOKUP_GAPS_PER_ROW; sparse codes: a slot per status after slot 0. */
static void test_code_rows(void **state)
{
  static const long dense[] = {100, 101, 103, 120};
  static const long sparse[] = {1, 100000, 2000000};
  static const char *const t[] = {"A", "B", "C", "D"};
  struct arena *a = arena_new();
  struct lookup_design d;
  size_t i, holes = 0, statuses = 0;

  (void)state;
  lookup_design_build(&d, a, dense, 4, t, t, dense, 4);
  assert_true(d.slots.dense);
  assert_int_equal(d.slots.lo, 100);
  assert_int_equal(d.slots.hi, 120);
  assert_int_equal(d.slots.ngaps, 17); /* 102, 104..119 */
  for (i = 0; i < d.nrows; i++) {
    if (d.rows[i].status) {
      assert_int_equal(d.rows[i].status, ++statuses);
      continue;
    }
    assert_true(d.rows[i].ngaps >= 1);
    assert_true(d.rows[i].ngaps <= LOOKUP_GAPS_PER_ROW);
    assert_int_equal(d.rows[i].gaps[0], holes == 0 ? 2 : 4 + holes - 1);
    holes += d.rows[i].ngaps;
  }
  assert_int_equal(statuses, 4);
  assert_int_equal(holes, 17);
  assert_int_equal(d.rows[0].status, 1);
  assert_int_equal(d.rows[1].status, 2);
  assert_int_equal(d.rows[2].gaps[0], 2);
  assert_int_equal(d.rows[3].status, 3);
  assert_int_equal(d.rows[d.nrows - 1].status, 4);
  /* the switch shape of dense codes keeps the holes, as cases */
  lookup_design_use_switch(&d, a);
  assert_false(d.slots.dense);
  assert_true(d.holes);
  assert_int_equal(d.slots.ngaps, 17);
  assert_int_equal(d.rows[2].gaps[0], 2);

  lookup_design_build(&d, a, sparse, 3, t, t, sparse, 3);
  assert_false(d.slots.dense);
  assert_int_equal(d.nrows, 4);
  assert_int_equal(d.rows[0].status, 0);
  assert_int_equal(d.rows[0].ngaps, 1);
  for (i = 1; i < 4; i++)
    assert_int_equal(d.rows[i].status, i);
  lookup_design_use_switch(&d, a);
  assert_false(d.holes);
  assert_int_equal(d.nrows, 4);
  arena_free(a);
}

/* The tables are cut into lines of LOOKUP_NUMBERS_PER_LINE that cover
   every entry once, in order. */
static void test_lines_cover_the_tables(void **state)
{
  static const long sorted[] = {1,   200, 201, 202, 302, 303,
                                403, 404, 409, 410, 423, 425};
  struct arena *a = arena_new();
  struct lookup_design d;
  size_t i, seen = 0;

  (void)state;
  lookup_design_build(&d, a, sorted, N, names, reasons, codes, N);
  assert_int_equal(d.names.max_length, 9);
  for (i = 0; i < d.names.nlength_lines; i++) {
    assert_ptr_equal(d.names.length_lines[i].lengths, d.names.by_length + seen);
    assert_null(d.names.length_lines[i].slots);
    assert_true(d.names.length_lines[i].n <= LOOKUP_NUMBERS_PER_LINE);
    seen += d.names.length_lines[i].n;
  }
  assert_int_equal(seen, d.names.max_length + 1);
  for (seen = 0, i = 0; i < d.reasons.nrow_lines; i++) {
    assert_ptr_equal(d.reasons.row_lines[i].slots, d.reasons.by_row + seen);
    seen += d.reasons.row_lines[i].n;
  }
  assert_int_equal(seen, d.reasons.index.rows);
  /* a length no text has points past the last row */
  assert_int_equal(d.names.by_length[1].base, (long)d.names.index.rows);
  arena_free(a);
}

/* The pool: each text once, offsets past the lone NUL at 0, every use
   pointing at its stored text; a former name's and a status's equal texts
   share it, and every key is stored in its own case (no lower-case copy). */
static void test_pool_stores_each_text_once(void **state)
{
  static const char *const n[] = {"X", "OK", "GONE", "OLD_GONE"};
  static const char *const r[] = {"x", "OK", "Gone", "gone"};
  static const long c[] = {-3, 200, 410, 410}; /* in code order */
  static const long sorted[] = {-3, 200, 410};
  static const char *const descriptions[] = {"same", "OK", "same"};
  static const char *const references[] = {NULL, "RFC", NULL};
  struct arena *a = arena_new();
  struct lookup_design d;
  const struct lookup_pool *p = &d.pool;
  unsigned long at = 1;
  size_t i, k;

  (void)state;
  lookup_design_build(&d, a, sorted, 3, n, r, c, 4);
  lookup_design_pool(&d, a, descriptions, references);
  /* stored: x, X, same, OK, RFC, Gone, GONE, OLD_GONE, gone */
  for (i = 0; i < p->ntexts; i++) {
    assert_int_equal(p->texts[i].offset, at);
    at += p->texts[i].len + 1;
    for (k = 0; k < i; k++)
      assert_false(
          p->texts[k].len == p->texts[i].len &&
          memcmp(p->texts[k].text, p->texts[i].text, p->texts[i].len) == 0);
  }
  assert_int_equal(p->size, at);
  assert_int_equal(p->ntexts, 9);
  assert_int_equal(d.names.index.nstatuses, 3);
  assert_int_equal(d.reasons.index.nstatuses, 3);
  assert_string_equal(p->type, "unsigned char");
  assert_string_equal(d.by_slot[1].reason->label, "rm3");
  assert_string_equal(d.by_slot[1].reason->text, "x");
  assert_string_equal(d.by_slot[2].description->label, "r200");
  assert_string_equal(d.by_slot[3].description->label, "dm3");
  assert_null(d.by_slot[1].reference);
  assert_string_equal(d.by_slot[2].reference->text, "RFC");
  for (i = 0; i < d.reasons.index.nkeys; i++) {
    const struct lookup_key *key = &d.reasons.index.keys[i];

    assert_string_equal(key->stored->text, key->text);
    if (strcmp(key->text, "gone") == 0)
      assert_string_equal(key->label, "A410_1");
  }
  for (i = 0; i < d.names.index.nkeys; i++) {
    const struct lookup_key *key = &d.names.index.keys[i];

    assert_string_equal(key->stored->text, key->text);
    if (strcmp(key->text, "OLD_GONE") == 0) {
      assert_string_equal(key->stored->label, "n410_1");
      assert_string_equal(key->label, "A410_1");
      assert_int_equal(key->slot, 4); /* after the three statuses' */
    }
    if (strcmp(key->text, "GONE") == 0) {
      assert_string_equal(key->label, "S410");
      assert_int_equal(key->slot, 3); /* its status's */
    }
  }
  arena_free(a);
}

static void test_narrowest_types(void **state)
{
  (void)state;
  assert_string_equal(lookup_ctype(0, 255), "unsigned char");
  assert_string_equal(lookup_ctype(0, 256), "unsigned short");
  assert_string_equal(lookup_ctype(0, 65535), "unsigned short");
  assert_string_equal(lookup_ctype(0, 65536), "unsigned long");
  assert_string_equal(lookup_ctype(-1, 127), "signed char");
  assert_string_equal(lookup_ctype(-1, 128), "short");
  assert_string_equal(lookup_ctype(-128, 0), "short");
  assert_string_equal(lookup_ctype(-32767, 32767), "short");
  assert_string_equal(lookup_ctype(-32768, 0), "long");
}

/* The text tables' code type holds the codes and the unknown value: -1
   until told otherwise, then whatever the spec says. */
static void test_code_type_holds_unknown(void **state)
{
  static const long negative[] = {-113, -5, -1};
  static const long small[] = {1, 2, 3};
  static const char *const t[] = {"A", "B", "C"};
  struct arena *a = arena_new();
  struct lookup_design d;

  (void)state;
  lookup_design_build(&d, a, small, 3, t, t, small, 3);
  assert_string_equal(d.names.code_type, "signed char"); /* -1 .. 3 */
  lookup_design_unknown(&d, 0);
  assert_string_equal(d.names.code_type, "unsigned char");
  assert_string_equal(d.reasons.code_type, "unsigned char");
  lookup_design_unknown(&d, 70000);
  assert_string_equal(d.names.code_type, "int");
  lookup_design_build(&d, a, negative, 3, t, t, negative, 3);
  assert_string_equal(d.names.code_type, "signed char"); /* -113 .. -1 */
  lookup_design_unknown(&d, -4096);
  assert_string_equal(d.names.code_type, "short");
  assert_string_equal(d.reasons.code_type, "short");
  lookup_design_unknown(&d, -2147483647L);
  assert_string_equal(d.reasons.code_type, "int");
  arena_free(a);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_text_finds_its_code),
      cmocka_unit_test(test_texts_that_share_a_row),
      cmocka_unit_test(test_code_rows),
      cmocka_unit_test(test_lines_cover_the_tables),
      cmocka_unit_test(test_pool_stores_each_text_once),
      cmocka_unit_test(test_narrowest_types),
      cmocka_unit_test(test_code_type_holds_unknown),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
