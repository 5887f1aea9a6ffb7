/* hostile_check: reads every text of tests/specs/hostile.yaml back from the
   generated lookups, byte for byte. The expected texts are the spec's,
   written again here as C literals (not read from the generated code). */
#include <stdio.h>
#include <string.h>

#include "hostile.h"

static int failed, passed;

static void same(const char *what, const char *got, const char *want)
{
  if (got && strcmp(got, want) == 0) {
    passed++;
    return;
  }
  failed++;
  printf("hostile: %s: got '%s', want '%s'\n", what, got ? got : "(null)",
         want);
}

static void equal(const char *what, int got, int want)
{
  if (got == want) {
    passed++;
    return;
  }
  failed++;
  printf("hostile: %s: got %d, want %d\n", what, got, want);
}

static const char reason1[] = "Quote \" back\\slash */ ?\?/ %d\ttab";
static const char old1[] = "Old \"one\" | ?\?! */";
static const char old2[] = "Caf\xc3\xa9 \xc3\x89t\xc3\xa9";

int main(void)
{
  same("reason 1", hostile_reason(1), reason1);
  same("description 1", hostile_description(1),
       "Desc line one */\nline two \\ \"q\" ?\?= %% | cell |\ttab "
       "\xf0\x9f\x98\x80 end\\");
  same("reference 1", hostile_reference(1), "Ref *//* ?\?' % |");
  same("reason 42", hostile_reason(42), "/*slash star first");
  same("name 42", hostile_name(42), "ANSWER");
  same("description 42", hostile_description(42),
       "*/ star slash first, ?? at the end?\?");
  same("reason 99", hostile_reason(99), "trailing star *");
  same("description 99", hostile_description(99),
       "# heading? - list? 1. numbered? > quote? <b>html</b> [link](x) "
       "`code`");
  same("reference 99", hostile_reference(99), "?");
  same("class 1", hostile_class_title(HOSTILE_CLASS_LOW),
       "Low \"class\" */ | ?\?/");
  same("class 2", hostile_class_title(HOSTILE_CLASS_HIGH),
       "High\tclass\n| x |");
  equal("from_reason", hostile_from_reason(reason1, strlen(reason1)), 1);
  equal("from_reason old 1", hostile_from_reason(old1, strlen(old1)), 1);
  equal("from_reason old 2", hostile_from_reason(old2, strlen(old2)), 1);
  /* only ASCII folds: the UTF-8 capital stays as it is */
  equal("from_reason folded",
        hostile_from_reason("caf\xc3\xa9 \xc3\x89T\xc3\xa9", 11), 1);
  equal("from_reason not folded",
        hostile_from_reason("caf\xc3\xa9 \xc3\xa9t\xc3\xa9", 11), -1);
  equal("from_name", hostile_from_name("ANSWER", 6), 42);
  equal("from_name alias", hostile_from_name("OLD_ONE", 7), 1);
  equal("alias constant", HOSTILE_CAF_T, HOSTILE_QUOTE_BACK_SLASH_D_TAB);
  equal("is_odd", hostile_is_odd(1) && !hostile_is_odd(42), 1);
  equal("class_of", (int)hostile_class_of(42), (int)HOSTILE_CLASS_HIGH);
  printf("hostile: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
