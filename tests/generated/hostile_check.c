/* hostile_check: reads every text of tests/specs/hostile.yaml that the C
   API gives back from the generated lookups, byte for byte. The expected
   texts are the spec's, written again here as C literals (not read from
   the generated code): bidirectional controls, separators and astral
   characters as their UTF-8 bytes in octal. */
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

/* U+202E, U+202C, U+2066, U+2067, U+2069, U+200E, U+200F, U+061C,
   U+202A, U+202B, U+202D; U+2028, U+2029; U+1F600, U+1F4A9, U+10348. */
#define RLO "\342\200\256"
#define PDF "\342\200\254"
#define LRI "\342\201\246"
#define RLI "\342\201\247"
#define PDI "\342\201\251"
#define LRM "\342\200\216"
#define RLM "\342\200\217"
#define ALM "\330\234"
#define LRE "\342\200\252"
#define RLE "\342\200\253"
#define LRO "\342\200\255"
#define LS "\342\200\250"
#define PS "\342\200\251"
#define GRIN "\360\237\230\200"
#define PILE "\360\237\222\251"
#define HWAIR "\360\220\215\210"

static const char reason1[] = "Quote \" back\\slash */ ?\?/ %d\ttab";
static const char old1[] = "Old \"one\" | ?\?! */";
static const char old2[] = "Caf\xc3\xa9 \xc3\x89t\xc3\xa9";
static const char reason7[] = "Script </script> ${x} `tick` <!-- -->";
static const char reason8[] = "Bidi " RLO "evil" PDF " text";
static const char old8[] = "Old bidi " RLI "isolate" PDI;

static void texts(void)
{
  same("reason 1", hostile_reason(1), reason1);
  same("description 1", hostile_description(1),
       "Desc line one */\nline two \\ \"q\" ?\?= %% | cell |\ttab " GRIN
       " end\\");
  same("reference 1", hostile_reference(1), "Ref *//* ?\?' % |");
  same("reason 7", hostile_reason(7), reason7);
  same("description 7", hostile_description(7),
       "Triple \"\"\" and ''' quotes,\ta tab, look-alikes \\u0041 \\x41 "
       "\\U0001F600 \\N{DASH} \\0 \\' %s %d {} {0} {{title}} ${y} #{z} "
       "`${`, and a backslash \\ inside");
  same("reference 7", hostile_reference(7),
       "Separators [" LS "] [" PS "], emoji " GRIN PILE ", astral " HWAIR);
  same("reason 8", hostile_reason(8), reason8);
  same("name 8", hostile_name(8), "BIDI");
  same("description 8", hostile_description(8),
       "Isolates " LRI "x" PDI ", marks " LRM RLM ALM
       ", embeddings " LRE RLE PDF " and an override " LRO PDF ": /* */ -->");
  equal("no reference 8", hostile_reference(8) == NULL, 1);
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
       "Low \"class\" */ | ?\?/ <!-- comment --> </script>");
  same("class 2", hostile_class_title(HOSTILE_CLASS_HIGH),
       "High\tclass\n| x | ${high} `tick` \"\"\" '''");
}

static void lookups(void)
{
  equal("from_reason", hostile_from_reason(reason1, strlen(reason1)), 1);
  equal("from_reason old 1", hostile_from_reason(old1, strlen(old1)), 1);
  equal("from_reason old 2", hostile_from_reason(old2, strlen(old2)), 1);
  /* only ASCII folds: the UTF-8 capital stays as it is */
  equal("from_reason folded",
        hostile_from_reason("caf\xc3\xa9 \xc3\x89T\xc3\xa9", 11), 1);
  equal("from_reason not folded",
        hostile_from_reason("caf\xc3\xa9 \xc3\xa9t\xc3\xa9", 11), -1);
  equal("from_reason 7", hostile_from_reason(reason7, strlen(reason7)), 7);
  equal("from_reason 8", hostile_from_reason(reason8, strlen(reason8)), 8);
  equal("from_reason old 8", hostile_from_reason(old8, strlen(old8)), 8);
  equal("from_name", hostile_from_name("ANSWER", 6), 42);
  equal("from_name alias", hostile_from_name("OLD_ONE", 7), 1);
  equal("from_name alias 8", hostile_from_name("OLD_BIDI_ISOLATE", 16), 8);
  equal("alias constant", HOSTILE_CAF_T, HOSTILE_QUOTE_BACK_SLASH_D_TAB);
  equal("is_odd", hostile_is_odd(1) && hostile_is_odd(7) && !hostile_is_odd(42),
        1);
  equal("is_hidden", hostile_is_hidden(8) && !hostile_is_hidden(7), 1);
  equal("class_of", (int)hostile_class_of(42), (int)HOSTILE_CLASS_HIGH);
}

int main(void)
{
  texts();
  lookups();
  printf("hostile: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
