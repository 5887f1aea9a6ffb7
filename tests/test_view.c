/* test_view: what templates see of a model, and its JSON form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json_check.h"
#include "loader.h"
#include "mustache.h"
#include "spec.h"
#include "view.h"

struct loaded {
  struct diag *d;
  struct value_tree *tree;
  struct spec *spec;
  struct view *view;
};

static const struct view *load(struct loaded *l, const char *path,
                               const char *prefix)
{
  l->d = diag_new();
  l->tree = loader_load_file(path, NULL, l->d);
  assert_non_null(l->tree);
  l->spec = spec_build(l->tree, l->d);
  assert_non_null(l->spec);
  l->view = view_new(l->spec, prefix, path);
  return l->view;
}

static void unload(struct loaded *l)
{
  view_free(l->view);
  spec_free(l->spec);
  value_tree_free(l->tree);
  diag_free(l->d);
}

/* Follows a dotted path of field names and list indexes ("statuses.4"). */
static struct view_ref at(const struct view *v, const char *path)
{
  struct view_ref r = view_root(v);

  while (*path) {
    size_t n = strcspn(path, ".");

    if (r.kind == VIEW_LIST) {
      size_t i = (size_t)strtoul(path, NULL, 10);

      assert_true(i < (size_t)r.num);
      r = view_item(v, r, i);
    } else {
      assert_true(view_get(v, r, path, n, &r));
    }
    path += n + (path[n] == '.');
  }
  return r;
}

static void test_root_and_prefix(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/smtp.yaml", "mail");
  struct view_ref r;

  (void)state;
  assert_string_equal(at(v, "prefix").text, "mail");
  assert_string_equal(at(v, "PREFIX").text, "MAIL");
  assert_string_equal(at(v, "spec_file").text, "tests/specs/valid/smtp.yaml");
  assert_int_equal(at(v, "count").num, 7);
  assert_int_equal(at(v, "unknown").num, -1);
  assert_int_equal(at(v, "code_lo").num, 0);
  assert_int_equal(at(v, "code_hi").num, 2147483647L);
  assert_string_equal(at(v, "internal.code_slots.lo_unsigned").text, "220u");
  assert_false(view_get(v, view_root(v), "nope", 4, &r));
  assert_int_equal(r.kind, VIEW_NULL);
  /* a name is matched by its length too, not as a prefix */
  assert_false(view_get(v, view_root(v), "prefixes", 8, &r));
  assert_true(view_get(v, view_root(v), "prefixes", 6, &r));
  unload(&l);
}

/* Negative codes: the spec's unknown and range, the code tables indexed
   from a negative lo, and text tables whose code type holds the unknown
   value (-4096) beside the codes (-113 to -1). */
static void test_negative_codes(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/errno.yaml", NULL);

  (void)state;
  assert_int_equal(at(v, "unknown").num, -4096);
  assert_int_equal(at(v, "code_lo").num, -4095);
  assert_int_equal(at(v, "code_hi").num, -1);
  assert_int_equal(at(v, "statuses.0.code").num, -113);
  assert_int_equal(at(v, "classes.1.lo").num, -4095);
  assert_int_equal(at(v, "internal.code_slots.lo").num, -113);
  assert_string_equal(at(v, "internal.code_slots.lo_unsigned").text,
                      "(unsigned)-113");
  assert_string_equal(at(v, "internal.name_index.code_type").text, "short");
  assert_string_equal(at(v, "internal.reason_index.code_type").text, "short");
  unload(&l);
}

static void test_statuses_and_classes(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/smtp.yaml", NULL);

  (void)state;
  assert_string_equal(at(v, "prefix").text, "smtp_reply");
  assert_int_equal(at(v, "statuses").num, 7);
  assert_int_equal(at(v, "statuses.3.code").num, 354);
  assert_string_equal(at(v, "statuses.3.class.ID").text,
                      "POSITIVE_INTERMEDIATE");
  assert_int_equal(at(v, "statuses.3.reference").kind, VIEW_NULL);
  assert_int_equal(at(v, "statuses.4.flags.closes").num, 1);
  assert_int_equal(at(v, "statuses.4.flags.retry_later").num, 1);
  assert_int_equal(at(v, "statuses.3.flags.closes").kind, VIEW_BOOL);
  assert_int_equal(at(v, "statuses.3.flags.closes").num, 0);
  assert_string_equal(at(v, "statuses.5.aliases.0.name").text, "MAILBOX_BUSY");
  assert_int_equal(at(v, "statuses.5.aliases.0.status.code").num, 450);
  assert_string_equal(at(v, "statuses.5.aliases.0.names.UpperCamel").text,
                      "MailboxBusy");
  assert_string_equal(
      at(v, "statuses.5.aliases.0.status.names.lowerCamel").text,
      "mailboxUnavailableTransient");
  assert_int_equal(at(v, "classes.0.statuses").num, 3);
  assert_int_equal(at(v, "classes.1.statuses").num, 1);
  assert_int_equal(at(v, "classes.2.statuses").num, 2);
  assert_int_equal(at(v, "classes.2.statuses.1.code").num, 450);
  assert_int_equal(at(v, "classes.3.statuses").num, 1);
  assert_int_equal(at(v, "classes.3.index").num, 4);
  assert_int_equal(at(v, "flags.0.statuses").num, 2);
  assert_int_equal(at(v, "flags.0.statuses.1.code").num, 450);
  assert_string_equal(at(v, "flags.1.statuses.0.name").text, "CLOSING");
  assert_string_equal(at(v, "statuses.4.flag_list.1.ID").text, "CLOSES");
  unload(&l);
}

static void test_dump_small_spec(void **state)
{
  static const char want0[] =
      "[\n"
      "  {\n"
      "    \"code\": 0,\n"
      "    \"name\": \"SUCCESS\",\n"
      "    \"names\": {\n"
      "      \"UPPER_SNAKE\": \"SUCCESS\",\n"
      "      \"UpperCamel\": \"Success\",\n"
      "      \"lower_snake\": \"success\",\n"
      "      \"lowerCamel\": \"success\"\n"
      "    },\n"
      "    \"reason\": \"Success\",\n"
      "    \"description\": \"It worked.\",\n"
      "    \"reference\": null,\n"
      "    \"class\": null,\n"
      "    \"flags\": {},\n"
      "    \"flag_list\": [],\n"
      "    \"aliases\": [],\n"
      "    \"first\": true,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"code\": 1,\n"
      "    \"name\": \"GENERAL_FAILURE_SEE_THE_LOG\",\n"
      "    \"names\": {\n"
      "      \"UPPER_SNAKE\": \"GENERAL_FAILURE_SEE_THE_LOG\",\n"
      "      \"UpperCamel\": \"GeneralFailureSeeTheLog\",\n"
      "      \"lower_snake\": \"general_failure_see_the_log\",\n"
      "      \"lowerCamel\": \"generalFailureSeeTheLog\"\n"
      "    },\n"
      "    \"reason\": \"General failure: see the log\",\n"
      "    \"description\": \"Something went wrong.\",\n"
      "    \"reference\": null,\n"
      "    \"class\": null,\n"
      "    \"flags\": {},\n"
      "    \"flag_list\": [],\n"
      "    \"aliases\": [],\n"
      "    \"first\": false,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"code\": 2,\n"
      "    \"name\": \"USAGE_ERROR\",\n"
      "    \"names\": {\n"
      "      \"UPPER_SNAKE\": \"USAGE_ERROR\",\n"
      "      \"UpperCamel\": \"UsageError\",\n"
      "      \"lower_snake\": \"usage_error\",\n"
      "      \"lowerCamel\": \"usageError\"\n"
      "    },\n"
      "    \"reason\": \"Usage Error\",\n"
      "    \"description\": \"The command line was wrong.\",\n"
      "    \"reference\": null,\n"
      "    \"class\": null,\n"
      "    \"flags\": {},\n"
      "    \"flag_list\": [],\n"
      "    \"aliases\": [],\n"
      "    \"first\": false,\n"
      "    \"last\": true\n"
      "  }\n"
      "]\n";
  static const char want1[] =
      "{\n"
      "  \"by_code\": true,\n"
      "  \"lo\": 0,\n"
      "  \"hi\": 2,\n"
      "  \"dense\": true,\n"
      "  \"size\": 3,\n"
      "  \"cases\": [\n"
      "    {\n"
      "      \"code\": 0,\n"
      "      \"slot\": 1,\n"
      "      \"offset\": 0,\n"
      "      \"texts\": {\n"
      "        \"label\": \"0\",\n"
      "        \"reason\": \"r0\",\n"
      "        \"name\": \"n0\",\n"
      "        \"description\": \"d0\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"label\": \"0\",\n"
      "      \"class_start\": null,\n"
      "      \"first\": true,\n"
      "      \"last\": false\n"
      "    },\n"
      "    {\n"
      "      \"code\": 1,\n"
      "      \"slot\": 2,\n"
      "      \"offset\": 1,\n"
      "      \"texts\": {\n"
      "        \"label\": \"1\",\n"
      "        \"reason\": \"r1\",\n"
      "        \"name\": \"n1\",\n"
      "        \"description\": \"d1\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"label\": \"1\",\n"
      "      \"class_start\": null,\n"
      "      \"first\": false,\n"
      "      \"last\": false\n"
      "    },\n"
      "    {\n"
      "      \"code\": 2,\n"
      "      \"slot\": 3,\n"
      "      \"offset\": 2,\n"
      "      \"texts\": {\n"
      "        \"label\": \"2\",\n"
      "        \"reason\": \"r2\",\n"
      "        \"name\": \"n2\",\n"
      "        \"description\": \"d2\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"label\": \"2\",\n"
      "      \"class_start\": null,\n"
      "      \"first\": false,\n"
      "      \"last\": true\n"
      "    }\n"
      "  ],\n"
      "  \"rows\": [\n"
      "    {\n"
      "      \"status\": {\n"
      "        \"code\": 0,\n"
      "        \"name\": \"SUCCESS\",\n"
      "        \"names\": {\n"
      "          \"UPPER_SNAKE\": \"SUCCESS\",\n"
      "          \"UpperCamel\": \"Success\",\n"
      "          \"lower_snake\": \"success\",\n"
      "          \"lowerCamel\": \"success\"\n"
      "        },\n"
      "        \"reason\": \"Success\",\n"
      "        \"description\": \"It worked.\",\n"
      "        \"reference\": null,\n"
      "        \"class\": null,\n"
      "        \"flags\": {},\n"
      "        \"flag_list\": [],\n"
      "        \"aliases\": []\n"
      "      },\n"
      "      \"gaps\": [],\n"
      "      \"slot\": 1,\n"
      "      \"label\": \"0\",\n"
      "      \"texts\": {\n"
      "        \"label\": \"0\",\n"
      "        \"reason\": \"r0\",\n"
      "        \"name\": \"n0\",\n"
      "        \"description\": \"d0\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"class_start\": null,\n"
      "      \"first\": true,\n"
      "      \"last\": false\n"
      "    },\n"
      "    {\n"
      "      \"status\": {\n"
      "        \"code\": 1,\n"
      "        \"name\": \"GENERAL_FAILURE_SEE_THE_LOG\",\n"
      "        \"names\": {\n"
      "          \"UPPER_SNAKE\": \"GENERAL_FAILURE_SEE_THE_LOG\",\n"
      "          \"UpperCamel\": \"GeneralFailureSeeTheLog\",\n"
      "          \"lower_snake\": \"general_failure_see_the_log\",\n"
      "          \"lowerCamel\": \"generalFailureSeeTheLog\"\n"
      "        },\n"
      "        \"reason\": \"General failure: see the log\",\n"
      "        \"description\": \"Something went wrong.\",\n"
      "        \"reference\": null,\n"
      "        \"class\": null,\n"
      "        \"flags\": {},\n"
      "        \"flag_list\": [],\n"
      "        \"aliases\": []\n"
      "      },\n"
      "      \"gaps\": [],\n"
      "      \"slot\": 2,\n"
      "      \"label\": \"1\",\n"
      "      \"texts\": {\n"
      "        \"label\": \"1\",\n"
      "        \"reason\": \"r1\",\n"
      "        \"name\": \"n1\",\n"
      "        \"description\": \"d1\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"class_start\": null,\n"
      "      \"first\": false,\n"
      "      \"last\": false\n"
      "    },\n"
      "    {\n"
      "      \"status\": {\n"
      "        \"code\": 2,\n"
      "        \"name\": \"USAGE_ERROR\",\n"
      "        \"names\": {\n"
      "          \"UPPER_SNAKE\": \"USAGE_ERROR\",\n"
      "          \"UpperCamel\": \"UsageError\",\n"
      "          \"lower_snake\": \"usage_error\",\n"
      "          \"lowerCamel\": \"usageError\"\n"
      "        },\n"
      "        \"reason\": \"Usage Error\",\n"
      "        \"description\": \"The command line was wrong.\",\n"
      "        \"reference\": null,\n"
      "        \"class\": null,\n"
      "        \"flags\": {},\n"
      "        \"flag_list\": [],\n"
      "        \"aliases\": []\n"
      "      },\n"
      "      \"gaps\": [],\n"
      "      \"slot\": 3,\n"
      "      \"label\": \"2\",\n"
      "      \"texts\": {\n"
      "        \"label\": \"2\",\n"
      "        \"reason\": \"r2\",\n"
      "        \"name\": \"n2\",\n"
      "        \"description\": \"d2\",\n"
      "        \"reference\": null\n"
      "      },\n"
      "      \"class_start\": null,\n"
      "      \"first\": false,\n"
      "      \"last\": true\n"
      "    }\n"
      "  ],\n"
      "  \"holes\": false,\n"
      "  \"slot_type\": \"unsigned char\",\n"
      "  \"pool_type\": \"unsigned char\",\n"
      "  \"lo_unsigned\": \"0u\"\n"
      "}\n";
  static const char want2[] =
      "[\n"
      "  {\n"
      "    \"length\": 7,\n"
      "    \"pos\": 0,\n"
      "    \"base\": -115,\n"
      "    \"keys\": [\n"
      "      {\n"
      "        \"text\": \"Success\",\n"
      "        \"lower\": \"success\",\n"
      "        \"length\": 7,\n"
      "        \"code\": 0,\n"
      "        \"slot\": 1,\n"
      "        \"row\": 0,\n"
      "        \"next\": 0,\n"
      "        \"label\": \"r0\",\n"
      "        \"next_label\": null,\n"
      "        \"key\": \"S0\",\n"
      "        \"next_key\": null,\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"span\": 1,\n"
      "    \"prev\": null,\n"
      "    \"prev_span\": null,\n"
      "    \"first\": true,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"length\": 11,\n"
      "    \"pos\": 0,\n"
      "    \"base\": -116,\n"
      "    \"keys\": [\n"
      "      {\n"
      "        \"text\": \"Usage Error\",\n"
      "        \"lower\": \"usage error\",\n"
      "        \"length\": 11,\n"
      "        \"code\": 2,\n"
      "        \"slot\": 3,\n"
      "        \"row\": 1,\n"
      "        \"next\": 0,\n"
      "        \"label\": \"r2\",\n"
      "        \"next_label\": null,\n"
      "        \"key\": \"S2\",\n"
      "        \"next_key\": null,\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"span\": 1,\n"
      "    \"prev\": 7,\n"
      "    \"prev_span\": 1,\n"
      "    \"first\": false,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"length\": 28,\n"
      "    \"pos\": 0,\n"
      "    \"base\": -101,\n"
      "    \"keys\": [\n"
      "      {\n"
      "        \"text\": \"General failure: see the log\",\n"
      "        \"lower\": \"general failure: see the log\",\n"
      "        \"length\": 28,\n"
      "        \"code\": 1,\n"
      "        \"slot\": 2,\n"
      "        \"row\": 2,\n"
      "        \"next\": 0,\n"
      "        \"label\": \"r1\",\n"
      "        \"next_label\": null,\n"
      "        \"key\": \"S1\",\n"
      "        \"next_key\": null,\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"span\": 1,\n"
      "    \"prev\": 11,\n"
      "    \"prev_span\": 1,\n"
      "    \"first\": false,\n"
      "    \"last\": true\n"
      "  }\n"
      "]\n";
  static const char want3[] =
      "[\n"
      "  {\n"
      "    \"text\": \"Success\",\n"
      "    \"lower\": \"success\",\n"
      "    \"length\": 7,\n"
      "    \"code\": 0,\n"
      "    \"slot\": 1,\n"
      "    \"row\": 0,\n"
      "    \"next\": 0,\n"
      "    \"label\": \"r0\",\n"
      "    \"next_label\": null,\n"
      "    \"key\": \"S0\",\n"
      "    \"next_key\": null,\n"
      "    \"first\": true,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"text\": \"General failure: see the log\",\n"
      "    \"lower\": \"general failure: see the log\",\n"
      "    \"length\": 28,\n"
      "    \"code\": 1,\n"
      "    \"slot\": 2,\n"
      "    \"row\": 2,\n"
      "    \"next\": 0,\n"
      "    \"label\": \"r1\",\n"
      "    \"next_label\": null,\n"
      "    \"key\": \"S1\",\n"
      "    \"next_key\": null,\n"
      "    \"first\": false,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"text\": \"Usage Error\",\n"
      "    \"lower\": \"usage error\",\n"
      "    \"length\": 11,\n"
      "    \"code\": 2,\n"
      "    \"slot\": 3,\n"
      "    \"row\": 1,\n"
      "    \"next\": 0,\n"
      "    \"label\": \"r2\",\n"
      "    \"next_label\": null,\n"
      "    \"key\": \"S2\",\n"
      "    \"next_key\": null,\n"
      "    \"first\": false,\n"
      "    \"last\": true\n"
      "  }\n"
      "]\n";
  /* in two: one literal would be longer than C99 promises */
  static const char want4[] = "[\n"
                              "  {\n"
                              "    \"items\": [\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 0,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": true,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 1,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 2,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 3,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 4,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 5,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 6,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": -115,\n"
                              "        \"length\": 7,\n"
                              "        \"used\": true,\n"
                              "        \"byte\": 115,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 8,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 9,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 10,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": -116,\n"
                              "        \"length\": 11,\n"
                              "        \"used\": true,\n"
                              "        \"byte\": 117,\n"
                              "        \"first\": false,\n"
                              "        \"last\": true\n"
                              "      }\n"
                              "    ],\n"
                              "    \"group\": null,\n"
                              "    \"first\": true,\n"
                              "    \"last\": false\n"
                              "  },\n"
                              "  {\n"
                              "    \"items\": [\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 12,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": true,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 13,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n"
                              "      {\n"
                              "        \"at\": 0,\n"
                              "        \"base\": 3,\n"
                              "        \"length\": 14,\n"
                              "        \"used\": false,\n"
                              "        \"byte\": 0,\n"
                              "        \"first\": false,\n"
                              "        \"last\": false\n"
                              "      },\n";
  static const char want4b[] = "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 15,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 16,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 17,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 18,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 19,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 20,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 21,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 22,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 23,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": true\n"
                               "      }\n"
                               "    ],\n"
                               "    \"group\": null,\n"
                               "    \"first\": false,\n"
                               "    \"last\": false\n"
                               "  },\n"
                               "  {\n"
                               "    \"items\": [\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 24,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": true,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 25,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 26,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": 3,\n"
                               "        \"length\": 27,\n"
                               "        \"used\": false,\n"
                               "        \"byte\": 0,\n"
                               "        \"first\": false,\n"
                               "        \"last\": false\n"
                               "      },\n"
                               "      {\n"
                               "        \"at\": 0,\n"
                               "        \"base\": -101,\n"
                               "        \"length\": 28,\n"
                               "        \"used\": true,\n"
                               "        \"byte\": 103,\n"
                               "        \"first\": false,\n"
                               "        \"last\": true\n"
                               "      }\n"
                               "    ],\n"
                               "    \"group\": null,\n"
                               "    \"first\": false,\n"
                               "    \"last\": true\n"
                               "  }\n"
                               "]\n";
  static const char want5[] =
      "[\n"
      "  {\n"
      "    \"items\": [\n"
      "      {\n"
      "        \"slot\": 1,\n"
      "        \"label\": \"r0\",\n"
      "        \"key\": \"S0\",\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"group\": {\n"
      "      \"length\": 7,\n"
      "      \"pos\": 0,\n"
      "      \"base\": -115,\n"
      "      \"keys\": [\n"
      "        {\n"
      "          \"text\": \"Success\",\n"
      "          \"lower\": \"success\",\n"
      "          \"length\": 7,\n"
      "          \"code\": 0,\n"
      "          \"slot\": 1,\n"
      "          \"row\": 0,\n"
      "          \"next\": 0,\n"
      "          \"label\": \"r0\",\n"
      "          \"next_label\": null,\n"
      "          \"key\": \"S0\",\n"
      "          \"next_key\": null,\n"
      "          \"first\": true,\n"
      "          \"last\": true\n"
      "        }\n"
      "      ],\n"
      "      \"span\": 1,\n"
      "      \"prev\": null,\n"
      "      \"prev_span\": null\n"
      "    },\n"
      "    \"first\": true,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"items\": [\n"
      "      {\n"
      "        \"slot\": 3,\n"
      "        \"label\": \"r2\",\n"
      "        \"key\": \"S2\",\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"group\": {\n"
      "      \"length\": 11,\n"
      "      \"pos\": 0,\n"
      "      \"base\": -116,\n"
      "      \"keys\": [\n"
      "        {\n"
      "          \"text\": \"Usage Error\",\n"
      "          \"lower\": \"usage error\",\n"
      "          \"length\": 11,\n"
      "          \"code\": 2,\n"
      "          \"slot\": 3,\n"
      "          \"row\": 1,\n"
      "          \"next\": 0,\n"
      "          \"label\": \"r2\",\n"
      "          \"next_label\": null,\n"
      "          \"key\": \"S2\",\n"
      "          \"next_key\": null,\n"
      "          \"first\": true,\n"
      "          \"last\": true\n"
      "        }\n"
      "      ],\n"
      "      \"span\": 1,\n"
      "      \"prev\": 7,\n"
      "      \"prev_span\": 1\n"
      "    },\n"
      "    \"first\": false,\n"
      "    \"last\": false\n"
      "  },\n"
      "  {\n"
      "    \"items\": [\n"
      "      {\n"
      "        \"slot\": 2,\n"
      "        \"label\": \"r1\",\n"
      "        \"key\": \"S1\",\n"
      "        \"first\": true,\n"
      "        \"last\": true\n"
      "      }\n"
      "    ],\n"
      "    \"group\": {\n"
      "      \"length\": 28,\n"
      "      \"pos\": 0,\n"
      "      \"base\": -101,\n"
      "      \"keys\": [\n"
      "        {\n"
      "          \"text\": \"General failure: see the log\",\n"
      "          \"lower\": \"general failure: see the log\",\n"
      "          \"length\": 28,\n"
      "          \"code\": 1,\n"
      "          \"slot\": 2,\n"
      "          \"row\": 2,\n"
      "          \"next\": 0,\n"
      "          \"label\": \"r1\",\n"
      "          \"next_label\": null,\n"
      "          \"key\": \"S1\",\n"
      "          \"next_key\": null,\n"
      "          \"first\": true,\n"
      "          \"last\": true\n"
      "        }\n"
      "      ],\n"
      "      \"span\": 1,\n"
      "      \"prev\": 11,\n"
      "      \"prev_span\": 1\n"
      "    },\n"
      "    \"first\": false,\n"
      "    \"last\": true\n"
      "  }\n"
      "]\n";
  static const struct {
    const char *path, *json, *more;
  } rows[] = {{"statuses", want0, ""},
              {"internal.code_slots", want1, ""},
              {"internal.reason_index.groups", want2, ""},
              {"internal.reason_index.keys", want3, ""},
              {"internal.reason_index.by_length", want4, want4b},
              {"internal.reason_index.by_row", want5, ""}};
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/minimal.yaml", NULL);
  struct buf out = BUF_INIT;
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    buf_clear(&out);
    view_dump_json(v, at(v, rows[i].path), 1, &out);
    if (strncmp(out.data, rows[i].json, strlen(rows[i].json)) != 0 ||
        strcmp(out.data + strlen(rows[i].json), rows[i].more) != 0)
      print_error("%s\n", rows[i].path);
    assert_true(strlen(out.data) >= strlen(rows[i].json));
    assert_memory_equal(out.data, rows[i].json, strlen(rows[i].json));
    assert_string_equal(out.data + strlen(rows[i].json), rows[i].more);
  }
  assert_int_equal(at(v, "internal.reason_index.rows").num, 3);
  assert_string_equal(at(v, "internal.reason_index.id").text, "reason");
  assert_int_equal(at(v, "internal.reason_index.fold").num, 1);
  assert_string_equal(at(v, "internal.name_index.id").text, "name");
  assert_int_equal(at(v, "internal.name_index.fold").num, 0);
  assert_int_equal(at(v, "internal.reason_index.max_length").num, 28);
  buf_free(&out);
  unload(&l);
}

static void test_dump_escapes_text(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/text.yaml", NULL);
  struct buf out = BUF_INIT;

  (void)state;
  view_dump_json(v, view_root(v), 0, &out);
  assert_true(json_check(out.data, out.len));
  assert_non_null(strstr(out.data, "\"description\": \"Line one\\nline two\\t"
                                   "with tab | pipe */ ?\?= ?\?/ %d \\\\\\\\ "
                                   "end\",\n"));
  assert_non_null(strstr(out.data, "\"reason\": \"Don't \\\"Panic\\\"\",\n"));
  buf_free(&out);
  unload(&l);
}

/* The dump prints the stable part unless asked for all: the same root
   with and without its internal field, everything else alike. */
static void test_dump_leaves_internal_out(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/smtp.yaml", NULL);
  struct buf stable = BUF_INIT, all = BUF_INIT;
  const char *cut;

  (void)state;
  view_dump_json(v, view_root(v), 0, &stable);
  view_dump_json(v, view_root(v), 1, &all);
  assert_true(json_check(stable.data, stable.len));
  assert_true(json_check(all.data, all.len));
  assert_null(strstr(stable.data, "\"internal\""));
  assert_null(strstr(stable.data, "\"by_length\""));
  cut = strstr(all.data, ",\n  \"internal\": {\n    \"code_slots\": {");
  assert_non_null(cut);
  /* all = stable without its last "\n}\n", then the internal field */
  assert_memory_equal(all.data, stable.data, stable.len - 3);
  assert_int_equal((size_t)(cut - all.data), stable.len - 3);
  assert_string_equal(all.data + all.len - 4, "}\n}\n");
  /* templates see internal whatever the dump shows */
  assert_string_equal(at(v, "internal.name_index.id").text, "name");
  buf_free(&stable);
  buf_free(&all);
  unload(&l);
}

/* A short reference type has its own fields, not a prefix of another's:
   a status ref has code and name only, a class ref no statuses. */
static void test_ref_types_have_their_own_fields(void **state)
{
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/smtp.yaml", NULL);
  struct view_ref r, flagged = at(v, "flags.0.statuses.0");

  (void)state;
  assert_true(view_get(v, flagged, "code", 4, &r));
  assert_true(view_get(v, flagged, "name", 4, &r));
  assert_false(view_get(v, flagged, "reason", 6, &r));
  assert_true(view_get(v, flagged, "first", 5, &r));
  assert_true(view_get(v, at(v, "statuses.0.class"), "title", 5, &r));
  assert_false(view_get(v, at(v, "statuses.0.class"), "statuses", 8, &r));
  assert_false(view_get(v, at(v, "statuses.0.class"), "first", 5, &r));
  assert_true(view_get(v, at(v, "statuses.4.flag_list.0"), "meaning", 7, &r));
  assert_false(view_get(v, at(v, "statuses.4.flag_list.0"), "statuses", 8, &r));
  unload(&l);
}

/* Renders src against v through its data interface as given (names
   resolved once per shape), or with lookup() only. */
static void render_with(const struct view *v, const char *src, int resolved,
                        struct buf *out)
{
  struct mustache_config cfg;
  struct mustache_set *set;
  struct mustache_view mv;
  struct mustache_data by_lookup;
  const struct mustache_template *t;
  struct diag *d = diag_new();

  memset(&cfg, 0, sizeof cfg);
  set = mustache_set_new(&cfg);
  view_mustache(v, &mv);
  if (!resolved) {
    by_lookup = *mv.data;
    by_lookup.shape = NULL;
    by_lookup.resolve = NULL;
    by_lookup.field = NULL;
    mv.data = &by_lookup;
  }
  t = mustache_set_parse(set, "t", src, strlen(src), d);
  assert_non_null(t);
  assert_int_equal(mustache_render(set, t, &mv, NULL, out, d), 0);
  assert_int_equal(diag_count(d), 0);
  mustache_set_free(set);
  diag_free(d);
}

/* Fields read by number (shape, resolve, field) are the fields read by
   name (lookup), for every type, item fields and flag sets included. */
static void test_resolved_fields_match_lookups(void **state)
{
  static const char src[] =
      "{{prefix}} {{PREFIX}} {{title}} {{count}}\n"
      "{{#classes}}{{id}} {{ID}} {{title}} {{lo}}-{{hi}} {{index}}"
      "{{#statuses}} {{code}}{{#first}}<{{/first}}{{#last}}>{{/last}}"
      "{{/statuses}}\n{{/classes}}"
      "{{#flags}}{{id}} {{ID}} {{meaning}}:{{#statuses}} {{code}} {{name}}"
      "{{^last}},{{/last}}{{/statuses}}\n{{/flags}}"
      "{{#statuses}}{{code}} {{name}} {{reason}} {{description}} "
      "{{reference}} {{#class}}{{id}} {{ID}} {{title}}{{/class}} "
      "{{#flags}}{{closes}} {{retry_later}}{{/flags}} "
      "{{#flag_list}}{{id}}/{{ID}}/{{meaning}}{{/flag_list}} "
      "{{#aliases}}{{reason}} {{name}} {{prefix}}{{/aliases}}\n{{/statuses}}"
      "{{#constants}}{{name}}={{code}} {{target}} {{reason}}{{/constants}}\n"
      "{{#internal.code_slots}}{{by_code}} {{lo}} {{hi}} {{dense}} {{size}}"
      "{{#cases}} {{code}}:{{slot}}:{{offset}}{{/cases}}"
      "{{#rows}} {{#status}}{{code}}{{/status}}{{#gaps}}.{{offset}}{{/gaps}}"
      "{{/rows}}{{/internal.code_slots}}\n"
      "{{#internal.reason_index}}{{by_code}} {{id}} {{fold}} {{rows}} "
      "{{max_length}}{{#groups}} {{length}}/{{pos}}/{{base}}"
      "{{#keys}}:{{text}}{{/keys}}{{/groups}}"
      "{{#keys}} {{lower}} {{length}} {{code}} {{slot}} {{row}} {{next}}"
      "{{/keys}}{{#by_length}}{{#items}} {{at}}/{{base}}{{/items}}"
      "{{/by_length}}{{#by_row}}{{#items}} {{slot}}{{/items}}{{/by_row}}"
      "{{/internal.reason_index}}\n";
  struct loaded l;
  const struct view *v = load(&l, "tests/specs/valid/smtp.yaml", NULL);
  struct buf resolved = BUF_INIT, looked_up = BUF_INIT;

  (void)state;
  render_with(v, src, 1, &resolved);
  render_with(v, src, 0, &looked_up);
  assert_string_equal(resolved.data, looked_up.data);
  /* and it read the data: a status line, an alias, a flag's members */
  assert_non_null(strstr(resolved.data, "\n354 START_MAIL_INPUT "));
  assert_non_null(strstr(resolved.data, " MAILBOX_BUSY smtp_reply"));
  assert_non_null(strstr(resolved.data, " true true retry_later/RETRY_LATER/"));
  buf_free(&resolved);
  buf_free(&looked_up);
  unload(&l);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_root_and_prefix),
      cmocka_unit_test(test_statuses_and_classes),
      cmocka_unit_test(test_negative_codes),
      cmocka_unit_test(test_dump_small_spec),
      cmocka_unit_test(test_dump_escapes_text),
      cmocka_unit_test(test_dump_leaves_internal_out),
      cmocka_unit_test(test_ref_types_have_their_own_fields),
      cmocka_unit_test(test_resolved_fields_match_lookups),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
