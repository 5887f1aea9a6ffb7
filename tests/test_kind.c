/* test_kind: output kinds. The kind an output name selects (and so its
   escaper), by the table or by a templates folder's kinds file, whose
   mistakes are reported at their places; the names each kind reserves, in
   the cases its stock set writes them: the C output refuses its keywords
   as the prefix, its API's names among status and alias names, none and
   known as ids; Python, JavaScript/TypeScript, Rust and Go their keywords
   and their sets' names, and names that become equal in one of their
   namespaces (X_1 and X1 both give X1); Markdown, HTML and JSON refuse
   nothing; plain text refuses bidirectional controls in every text. Each
   at its place in the spec. Expected messages are written here by
   hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <stdio.h>

#include "diag.h"
#include "escape.h"
#include "kind.h"
#include "loader.h"
#include "spec.h"
#include "spec_load.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static void test_kind_by_extension(void **state)
{
  static const struct {
    const char *path, *kind;
    void (*escape)(struct buf *, const char *, size_t);
  } rows[] = {
      {"http_status.c", "C", escape_c},
      {"out/http_status.h", "C", escape_c},
      {"http_status_single.h", "C", escape_c},
      {"x.cc", "C", escape_c},
      {"x.cpp", "C", escape_c},
      {"x.cxx", "C", escape_c},
      {"x.hh", "C", escape_c},
      {"x.hpp", "C", escape_c},
      {"x.hxx", "C", escape_c},
      {"x.inc", "C", escape_c},
      {"http_status.md", "Markdown", escape_markdown},
      {"x.markdown", "Markdown", escape_markdown},
      {"docs/index.html", "HTML", escape_html},
      {"x.htm", "HTML", escape_html},
      {"x.xml", "HTML", escape_html},
      {"x.svg", "HTML", escape_html},
      {"x.json", "JSON", escape_json},
      {"x.py", "Python", escape_python},
      {"x.pyi", "Python", escape_python},
      {"x.js", "JavaScript/TypeScript", escape_javascript},
      {"x.mjs", "JavaScript/TypeScript", escape_javascript},
      {"x.cjs", "JavaScript/TypeScript", escape_javascript},
      {"x.ts", "JavaScript/TypeScript", escape_javascript},
      {"x.mts", "JavaScript/TypeScript", escape_javascript},
      {"x.cts", "JavaScript/TypeScript", escape_javascript},
      {"x.d.ts", "JavaScript/TypeScript", escape_javascript},
      {"x.rs", "Rust", escape_rust},
      {"x.go", "Go", escape_go},
      {"notes.txt", "plain text", NULL},
      {"a.b.md", "Markdown", escape_markdown},
      {"Makefile", NULL, NULL},
      {"dir.c/file", NULL, NULL},
      {"x.gperf", NULL, NULL},
      {"x.yaml", NULL, NULL},
      {"x.H", NULL, NULL},
      {"x.PY", NULL, NULL},
      {"x.mdx", NULL, NULL},
      {"x.jsx", NULL, NULL},
      {"x.c.orig", NULL, NULL},
      {"x.", NULL, NULL},
      {".c", "C", escape_c},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    const struct kind *k = kind_for_path(rows[i].path);

    if (!rows[i].kind) {
      if (k)
        fail_msg("%s: kind %s, expected none", rows[i].path, k->name);
      continue;
    }
    if (!k)
      fail_msg("%s: no kind, expected %s", rows[i].path, rows[i].kind);
    if (strcmp(k->name, rows[i].kind) != 0 || k->escape != rows[i].escape)
      fail_msg("%s: kind %s, expected %s", rows[i].path, k->name, rows[i].kind);
  }
}

/* A spec that is a valid model and takes every kind of name the C output
   reserves, each at a place written beside it. */
static const char reserving[] =
    "name: int\n"                                   /* 1 */
    "title: T\n"                                    /* 2 */
    "source: S\n"                                   /* 3 */
    "classes:\n"                                    /* 4 */
    "  - {id: none, title: N, range: [0, 99]}\n"    /* 5: col 10 */
    "  - {id: fine, title: F, range: [100, 199]}\n" /* 6 */
    "flags:\n"                                      /* 7 */
    "  known: k\n"                                  /* 8: col 3 */
    "  cached: c\n"                                 /* 9 */
    "statuses:\n"                                   /* 10 */
    "  - code: 1\n"                                 /* 11 */
    "    name: COUNT\n"                             /* 12: col 11 */
    "    reason: One\n"                             /* 13 */
    "    description: D\n"                          /* 14 */
    "  - code: 2\n"                                 /* 15 */
    "    reason: Map\n"                             /* 16: col 13 */
    "    description: D\n"                          /* 17 */
    "    aliases: [Class Of Two, Twice]\n"          /* 18: col 15 */
    "  - code: 100\n"                               /* 19 */
    "    name: COUNTER\n"                           /* 20 */
    "    reason: Counter\n"                         /* 21 */
    "    description: D\n"                          /* 22 */
    "    aliases: [H]\n";                           /* 23: col 15 */

static const struct spec *load(struct spec_load *l, const char *yaml)
{
  const struct spec *s = spec_load_text(l, "s.yaml", yaml);

  assert_non_null(s);
  return s;
}

/* What the C output says of the reserving spec, whatever its prefix:
   each row a format whose %s is the output's name. */
static const char *const c_refusals[] = {
    "s.yaml:5:10: error: id 'none' is reserved by the C output (%s)",
    "s.yaml:8:3: error: flag 'known' is reserved by the C output (%s)",
    "s.yaml:12:11: error: name 'COUNT' is reserved by the C output (%s)",
    "s.yaml:16:13: error: name 'MAP', derived from the reason, is reserved "
    "by the C output (%s): give the status a 'name'",
    "s.yaml:18:15: error: name 'CLASS_OF_TWO', derived from the alias, is "
    "reserved by the C output (%s)",
    "s.yaml:23:15: error: name 'H', derived from the alias, is reserved by "
    "the C output (%s)",
};

/* Checks s against the kind of output (prefix as given) and wants exactly
   first (unless NULL), then the n rows of want with output in place of
   their %s, in print order. */
static void check_names(const struct spec *s, const char *prefix,
                        const char *output, const char *first,
                        const char *const *want, size_t n)
{
  struct diag *d = diag_new();
  const struct kind *k = kind_for_path(output);
  struct buf expected = BUF_INIT, got = BUF_INIT;
  size_t i;
  int r;

  assert_non_null(k);
  r = kind_check_names(k, s, prefix, output, d);
  if (first)
    buf_printf(&expected, "%s\n", first);
  for (i = 0; i < n; i++) {
    buf_printf(&expected, want[i], output);
    buf_putc(&expected, '\n');
  }
  for (i = 0; i < diag_count(d); i++)
    buf_printf(&got, "%s\n", diag_message(d, i));
  assert_string_equal(got.data, expected.data);
  assert_int_equal(r, expected.len ? -1 : 0);
  buf_free(&expected);
  buf_free(&got);
  diag_free(d);
}

static void test_c_reserves_at_the_spec(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, reserving);

  (void)state;
  check_names(s, NULL, "int.h",
              "s.yaml:1:7: error: name 'int' is a C or "
              "C++ keyword, reserved by the C output (int.h)",
              c_refusals, COUNT(c_refusals));
  spec_load_free(&l);
}

/* A prefix replaces the spec's name: it is what is checked, without a
   place in the spec; the spec's name, unused, is not. */
static void test_c_checks_the_prefix(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, reserving);

  (void)state;
  check_names(s, "class", "class.c",
              "statusgen: error: --prefix 'class' is "
              "a C or C++ keyword, reserved by the C output (class.c)",
              c_refusals, COUNT(c_refusals));
  check_names(s, "web", "web.c", NULL, c_refusals, COUNT(c_refusals));
  spec_load_free(&l);
}

/* Near misses of what the C output reserves: COUNTER, CLASS alone, a
   keyword's relatives, ids that only contain a reserved one. */
static const char near_misses[] =
    "name: integer\ntitle: T\nsource: S\n"
    "classes:\n  - {id: none_yet, title: N, range: [0, 99]}\n"
    "flags: {unknown: u, known_bad: k}\n"
    "statuses:\n"
    "  - {code: 1, name: COUNTER, reason: R, description: D}\n"
    "  - {code: 2, name: CLASS, reason: Class, description: D,\n"
    "     aliases: [My Class X, Hh, Mapping, Implemented Partly]}\n";

/* Near misses are no clash in C; Markdown and HTML reserve nothing. */
static void test_nothing_refused(void **state)
{
  static const struct {
    const char *yaml, *prefix, *output;
  } rows[] = {
      {near_misses, NULL, "integer.h"}, {near_misses, "int8", "int8.c"},
      {reserving, NULL, "int.md"},      {reserving, "class", "class.html"},
      {reserving, NULL, "int.json"},    {reserving, NULL, "int.txt"},
      {reserving, NULL, "int.py"},      {reserving, NULL, "int.rs"},
  };
  size_t i;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    struct spec_load l;
    const struct spec *s = load(&l, rows[i].yaml);

    check_names(s, rows[i].prefix, rows[i].output, NULL, NULL, 0);
    spec_load_free(&l);
  }
}

/* Every kind: its id finds it, its extensions select it and no other,
   and --help's list of ids is in the table's order. */
static void test_table(void **state)
{
  size_t n, i, k;
  const struct kind *t = kind_table(&n);
  struct buf ids = BUF_INIT;

  (void)state;
  assert_int_equal(n, 9);
  for (i = 0; i < n; i++) {
    assert_ptr_equal(kind_by_id(t[i].id), &t[i]);
    for (k = 0; t[i].extensions[k]; k++) {
      char path[32];

      snprintf(path, sizeof path, "x%s", t[i].extensions[k]);
      if (kind_for_path(path) != &t[i])
        fail_msg("%s: not of kind %s", path, t[i].id);
    }
  }
  assert_null(kind_by_id("cobol"));
  assert_null(kind_by_id("C"));
  assert_null(kind_by_id(""));
  kind_list_ids(&ids);
  assert_string_equal(ids.data, "c, markdown, html, json, python, "
                                "javascript, rust, go, text");
  assert_null(kind_by_id("text")->escape);
  buf_free(&ids);
}

/* A kinds file read by the loader, as generate reads it. */
static struct kind_map *map_of(const char *yaml, struct diag *d)
{
  struct kind_map *m = kind_map_new();
  struct value_tree *tree =
      loader_load_bytes("t/kinds.yaml", yaml, strlen(yaml), NULL, d);

  assert_non_null(tree);
  kind_map_read(m, value_tree_root(tree), d);
  value_tree_free(tree);
  return m;
}

static void test_map(void **state)
{
  static const char yaml[] = "# kinds\n"
                             ".gperf: text\n"
                             "Makefile: text\n"
                             ".d.ts: text\n"
                             ".h: markdown\n"
                             "notes.txt: json\n";
  static const struct {
    const char *name, *id;
  } rows[] = {
      {"http_status.gperf", "text"},
      {"Makefile", "text"},
      {"x.d.ts", "text"}, /* the longest extension wins */
      {"x.ts", "javascript"},
      {"x.h", "markdown"}, /* the file overrides the table */
      {"x.c", "c"},
      {"notes.txt", "json"}, /* a whole name overrides an extension */
      {"other.txt", "text"},
      {"a.gperf.c", "c"},
      {"makefile", NULL},
      {"x.gperf2", NULL},
      {"gperf", NULL},
      {".gperf", NULL}, /* an extension needs a name before it */
  };
  struct diag *d = diag_new();
  struct kind_map *m = map_of(yaml, d);
  size_t i;

  (void)state;
  assert_int_equal(diag_count(d), 0);
  for (i = 0; i < COUNT(rows); i++) {
    const struct kind *k = kind_map_find(m, rows[i].name);

    if (!rows[i].id ? k != NULL : !k || strcmp(k->id, rows[i].id) != 0)
      fail_msg("%s: kind %s, expected %s", rows[i].name, k ? k->id : "none",
               rows[i].id ? rows[i].id : "none");
  }
  assert_ptr_equal(kind_map_find(NULL, "x.rs"), kind_by_id("rust"));
  assert_null(kind_map_find(NULL, "x.gperf"));
  kind_map_free(m);
  diag_free(d);
}

/* A kinds file's mistakes, each at its place; the right lines stay. */
static void test_map_errors(void **state)
{
  static const struct {
    const char *yaml, *want;
  } rows[] = {
      {"- .gperf\n",
       "t/kinds.yaml:1:1: error: the kinds file must map output extensions "
       "to kinds ('.gperf: text'), not a list\n"},
      {".gperf: txt\n.ok: c\n",
       "t/kinds.yaml:1:9: error: unknown kind 'txt' (kinds: c, markdown, "
       "html, json, python, javascript, rust, go, text)\n"},
      {".a: [c]\n",
       "t/kinds.yaml:1:5: error: the kind of '.a' must be one of c, markdown, "
       "html, json, python, javascript, rust, go, text, not a list\n"},
      {"a/b.c: c\n..: c\n\"\": text\n",
       "t/kinds.yaml:1:1: error: 'a/b.c' is neither an output extension "
       "('.gperf') nor a file name ('Makefile')\n"
       "t/kinds.yaml:2:1: error: '..' is neither an output extension "
       "('.gperf') nor a file name ('Makefile')\n"
       "t/kinds.yaml:3:1: error: '' is neither an output extension "
       "('.gperf') nor a file name ('Makefile')\n"},
      {".x: C\n",
       "t/kinds.yaml:1:5: error: unknown kind 'C' (kinds: c, markdown, "
       "html, json, python, javascript, rust, go, text)\n"},
  };
  size_t i, k;

  (void)state;
  for (i = 0; i < COUNT(rows); i++) {
    struct diag *d = diag_new();
    struct kind_map *m = map_of(rows[i].yaml, d);
    struct buf got = BUF_INIT;

    for (k = 0; k < diag_count(d); k++)
      buf_printf(&got, "%s\n", diag_message(d, k));
    if (strcmp(got.data, rows[i].want) != 0)
      fail_msg("row %zu\nwant:\n%sgot:\n%s", i, rows[i].want, got.data);
    buf_free(&got);
    kind_map_free(m);
    diag_free(d);
  }
  {
    struct diag *d = diag_new();
    struct kind_map *m = map_of(".gperf: txt\n.ok: go\n", d);

    assert_ptr_equal(kind_map_find(m, "x.ok"), kind_by_id("go"));
    assert_null(kind_map_find(m, "x.gperf"));
    kind_map_free(m);
    diag_free(d);
  }
}

/* Names each language's stock set writes, refused at their places. */
static const char rust_spec[] =
    "name: type\n"                 /* 1: col 7 */
    "title: T\n"                   /* 2 */
    "source: S\n"                  /* 3 */
    "statuses:\n"                  /* 4 */
    "  - code: 1\n"                /* 5 */
    "    reason: Self\n"           /* 6: col 13 */
    "    description: D\n"         /* 7 */
    "  - code: 2\n"                /* 8 */
    "    name: X_1\n"              /* 9: col 11 */
    "    reason: Two\n"            /* 10 */
    "    description: D\n"         /* 11 */
    "  - code: 3\n"                /* 12 */
    "    name: X1\n"               /* 13: col 11 */
    "    reason: Three\n"          /* 14 */
    "    description: D\n"         /* 15 */
    "    aliases: [Selfish, A1]\n" /* 16: col 15, col 24 */
    "  - code: 4\n"                /* 17 */
    "    name: A_1\n"              /* 18: col 11 */
    "    reason: Four\n"           /* 19 */
    "    description: D\n";        /* 20 */

static const char *const rust_refusals[] = {
    "s.yaml:6:13: error: name 'SELF', derived from the reason, gives 'Self', "
    "a Rust keyword, reserved by the Rust output (%s): give the status a "
    "'name'",
    "s.yaml:13:11: error: name 'X1' gives 'X1' in the Rust output (%s), as "
    "name 'X_1' does (at 9:11)",
    "s.yaml:18:11: error: name 'A_1' gives 'A1' in the Rust output (%s), as "
    "name 'A1' does (at 16:24)",
};

static void test_rust_reserves(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, rust_spec);

  (void)state;
  check_names(s, NULL, "type.rs",
              "s.yaml:1:7: error: name 'type' is a Rust keyword, reserved by "
              "the Rust output (type.rs)",
              rust_refusals, COUNT(rust_refusals));
  check_names(s, "std", "std.rs",
              "statusgen: error: --prefix 'std' is a Rust crate, reserved by "
              "the Rust output (std.rs)",
              rust_refusals, COUNT(rust_refusals));
  check_names(s, "option", "option.rs",
              "statusgen: error: --prefix 'option' gives 'Option', a name of "
              "Rust's prelude, reserved by the Rust output (option.rs)",
              rust_refusals, COUNT(rust_refusals));
  check_names(s, "self_type", "self_type.rs", NULL, rust_refusals,
              COUNT(rust_refusals));
  spec_load_free(&l);
}

/* An alias whose UpperCamel is Self. */
static void test_rust_alias_self(void **state)
{
  static const char *const want[] = {
      "s.yaml:5:52: error: name 'SELF', derived from the alias, gives "
      "'Self', a Rust keyword, reserved by the Rust output (%s)"};
  struct spec_load l;
  const struct spec *s =
      load(&l, "name: me\ntitle: T\nsource: S\nstatuses:\n"
               "  - {code: 1, reason: R, description: D, aliases: [self]}\n");

  (void)state;
  check_names(s, NULL, "me.rs", NULL, want, COUNT(want));
  spec_load_free(&l);
}

static const char go_spec[] =
    "name: func\n"                               /* 1: col 7 */
    "title: T\n"                                 /* 2 */
    "source: S\n"                                /* 3 */
    "classes:\n"                                 /* 4 */
    "  - {id: known, title: K, range: [0, 9]}\n" /* 5: col 10 */
    "  - {id: a_1, title: A, range: [10, 99]}\n" /* 6: col 10 */
    "flags:\n"                                   /* 7 */
    "  a1: a\n"                                  /* 8: col 3 */
    "statuses:\n"                                /* 9 */
    "  - {code: 1, name: FROM_NAME, reason: R1, description: D}\n" /* 10:21 */
    "  - {code: 2, name: FUNC, reason: R2, description: D}\n" /* 11: col 21 */
    "  - {code: 3, name: X_1, reason: R3, description: D}\n"  /* 12: col 21 */
    "  - {code: 4, reason: X 1 Y, description: D,\n"          /* 13: col 23 */
    "     aliases: [X1 Y, From Reason]}\n";                   /* 14: 16, 22 */

/* What the Go output says of go_spec under three prefixes: the spec's
   name (whose UpperCamel, the type, a constant takes), main, and
   from_reason (taken by the function, and by an alias's constant). */
static const char *const go_func[] = {
    "s.yaml:1:7: error: name 'func' is a Go keyword, reserved by the Go "
    "output (%s)",
    "s.yaml:5:10: error: id 'known' gives 'Known', reserved by the Go output "
    "(%s)",
    "s.yaml:8:3: error: flag 'a1' gives 'A1' in the Go output (%s), as id "
    "'a_1' does (at 6:10)",
    "s.yaml:10:21: error: name 'FROM_NAME' gives 'FromName', reserved by the "
    "Go output (%s)",
    "s.yaml:11:21: error: name 'FUNC' gives 'Func' in the Go output (%s), as "
    "name 'func' does (at 1:7)",
    "s.yaml:14:16: error: name 'X1_Y', derived from the alias, gives 'X1Y' in "
    "the Go output (%s), as name 'X_1_Y' does (at 13:23)",
    "s.yaml:14:22: error: name 'FROM_REASON', derived from the alias, gives "
    "'FromReason', reserved by the Go output (%s)",
};
static const char *const go_main[] = {
    "statusgen: error: --prefix 'main' is reserved by the Go output (%s)",
    "s.yaml:5:10: error: id 'known' gives 'Known', reserved by the Go output "
    "(%s)",
    "s.yaml:8:3: error: flag 'a1' gives 'A1' in the Go output (%s), as id "
    "'a_1' does (at 6:10)",
    "s.yaml:10:21: error: name 'FROM_NAME' gives 'FromName', reserved by the "
    "Go output (%s)",
    "s.yaml:14:16: error: name 'X1_Y', derived from the alias, gives 'X1Y' in "
    "the Go output (%s), as name 'X_1_Y' does (at 13:23)",
    "s.yaml:14:22: error: name 'FROM_REASON', derived from the alias, gives "
    "'FromReason', reserved by the Go output (%s)",
};
static const char *const go_from_reason[] = {
    "statusgen: error: --prefix 'from_reason' gives 'FromReason', reserved "
    "by the Go output (%s)",
    "s.yaml:5:10: error: id 'known' gives 'Known', reserved by the Go output "
    "(%s)",
    "s.yaml:8:3: error: flag 'a1' gives 'A1' in the Go output (%s), as id "
    "'a_1' does (at 6:10)",
    "s.yaml:10:21: error: name 'FROM_NAME' gives 'FromName', reserved by the "
    "Go output (%s)",
    "s.yaml:14:16: error: name 'X1_Y', derived from the alias, gives 'X1Y' in "
    "the Go output (%s), as name 'X_1_Y' does (at 13:23)",
    "s.yaml:14:22: error: name 'FROM_REASON', derived from the alias, gives "
    "'FromReason', reserved by the Go output (%s)",
    "s.yaml:14:22: error: name 'FROM_REASON', derived from the alias, gives "
    "'FromReason' in the Go output (%s), as --prefix 'from_reason' does",
};

static void test_go_reserves(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, go_spec);

  (void)state;
  check_names(s, NULL, "func.go", NULL, go_func, COUNT(go_func));
  check_names(s, "main", "main.go", NULL, go_main, COUNT(go_main));
  check_names(s, "from_reason", "from_reason.go", NULL, go_from_reason,
              COUNT(go_from_reason));
  spec_load_free(&l);
}

/* TypeScript and JavaScript: isKnown() and is<Class>() beside
   is<Flag>(); the enum (or object) not named as a built-in. */
static void test_javascript_reserves(void **state)
{
  static const char *const want[] = {
      "s.yaml:5:10: error: id 'known' gives 'Known', reserved by the "
      "JavaScript/TypeScript output (%s)",
      "s.yaml:8:3: error: flag 'a1' gives 'A1' in the JavaScript/TypeScript "
      "output (%s), as id 'a_1' does (at 6:10)",
  };
  struct spec_load l;
  const struct spec *s = load(&l, go_spec);

  (void)state;
  check_names(s, NULL, "func.ts", NULL, want, COUNT(want));
  check_names(s, "object", "object.mjs",
              "statusgen: error: --prefix 'object' gives 'Object', a "
              "JavaScript or TypeScript built-in, reserved by the "
              "JavaScript/TypeScript output (object.mjs)",
              want, COUNT(want));
  spec_load_free(&l);
}

/* Python: the module's name (no keyword, no module the set imports) and
   the class's (no name it imports); its members and properties cannot
   clash that the model allows. */
static void test_python_reserves(void **state)
{
  struct spec_load l;
  const struct spec *s = load(&l, go_spec);

  (void)state;
  check_names(s, NULL, "func.py", NULL, NULL, 0);
  check_names(s, "lambda", "lambda.py",
              "statusgen: error: --prefix 'lambda' is a Python keyword, "
              "reserved by the Python output (lambda.py)",
              NULL, 0);
  check_names(s, "enum", "enum.py",
              "statusgen: error: --prefix 'enum' is reserved by the Python "
              "output (enum.py)",
              NULL, 0);
  check_names(s, "none", "none.pyi",
              "statusgen: error: --prefix 'none' gives 'None', a Python "
              "keyword, reserved by the Python output (none.pyi)",
              NULL, 0);
  spec_load_free(&l);
}

/* A class or flag whose property would hide int.is_integer. */
static void test_python_int_methods(void **state)
{
  static const char *const want[] = {
      "s.yaml:5:10: error: id 'integer' is reserved by the Python output "
      "(%s)"};
  struct spec_load l;
  const struct spec *s =
      load(&l, "name: p\ntitle: T\nsource: S\nclasses:\n"
               "  - {id: integer, title: I, range: [0, 9]}\n"
               "statuses:\n  - {code: 1, reason: R, description: D}\n");

  (void)state;
  check_names(s, NULL, "p.py", NULL, want, COUNT(want));
  spec_load_free(&l);
}

/* The Go set's package-level names beside the constants. */
static void test_go_set_names(void **state)
{
  static const char *const want[] = {
      "s.yaml:5:21: error: name 'TITLE' gives 'Title', reserved by the Go "
      "output (%s)",
      "s.yaml:6:21: error: name 'FLAG_MEANING' gives 'FlagMeaning', reserved "
      "by the Go output (%s)"};
  struct spec_load l;
  const struct spec *s =
      load(&l, "name: g\ntitle: T\nsource: S\nstatuses:\n"
               "  - {code: 1, name: TITLE, reason: R1, description: D}\n"
               "  - {code: 2, name: FLAG_MEANING, reason: R2, description: "
               "D}\n");

  (void)state;
  check_names(s, NULL, "g.go", NULL, want, COUNT(want));
  spec_load_free(&l);
}

/* The Rust set's own names: its module types, the ALL constant beside
   the aliases' constants, Self and twins among class and flag variants. */
static void test_rust_set_names(void **state)
{
  static const char *const want[] = {
      "s.yaml:5:10: error: id 'self' gives 'Self', a Rust keyword, reserved "
      "by the Rust output (%s)",
      "s.yaml:7:10: error: id 'b1' gives 'B1' in the Rust output (%s), as id "
      "'b_1' does (at 6:10)",
      "s.yaml:9:52: error: name 'ALL', derived from the alias, is reserved by "
      "the Rust output (%s)"};
  struct spec_load l;
  const struct spec *s =
      load(&l, "name: r\ntitle: T\nsource: S\nclasses:\n"
               "  - {id: self, title: S, range: [0, 9]}\n"
               "  - {id: b_1, title: B, range: [10, 19]}\n"
               "  - {id: b1, title: C, range: [20, 29]}\n"
               "statuses:\n  - {code: 1, reason: R, description: D, "
               "aliases: [All]}\n");

  (void)state;
  check_names(s, NULL, "r.rs", NULL, want, COUNT(want));
  check_names(s, "unknown_code", "unknown_code.rs",
              "statusgen: error: --prefix 'unknown_code' gives "
              "'UnknownCode', reserved by the Rust output (unknown_code.rs)",
              want, COUNT(want));
  spec_load_free(&l);
}

/* Every text of a spec, each holding a bidirectional control. */
static const char bidi_spec[] =
    "name: b\n"                                                /* 1 */
    "title: \"T \\u202e\"\n"                                   /* 2: col 8 */
    "source: \"S \\u2066x\\u2069\"\n"                          /* 3: col 9 */
    "classes:\n"                                               /* 4 */
    "  - id: c\n"                                              /* 5 */
    "    title: \"C \\u200e\"\n"                               /* 6: col 12 */
    "    range: [0, 9]\n"                                      /* 7 */
    "flags:\n"                                                 /* 8 */
    "  f: \"F \\u061c\"\n"                                     /* 9: col 6 */
    "statuses:\n"                                              /* 10 */
    "  - code: 1\n"                                            /* 11 */
    "    reason: \"R \\u202a\"\n"                              /* 12: col 13 */
    "    description: \"D \\u202b\"\n"                         /* 13: col 18 */
    "    reference: \"F \\u202c\"\n"                           /* 14: col 16 */
    "    aliases: [\"A \\u202d\", \"Plain\", \"B \\u2067\"]\n" /* 15: 15, 36 */
    "  - code: 2\n"                                            /* 16 */
    "    reason: Fine \xe2\x80\x8f\n"                          /* 17: col 13 */
    "    description: \"Only separators \\u2028 \\ufeff\"\n";  /* 18 */

static void test_text_refuses_bidi(void **state)
{
  static const char *const want[] = {
      "s.yaml:2:8: error: 'title' holds U+202E, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:3:9: error: 'source' holds U+2066, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:6:12: error: 'title' holds U+200E, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:9:6: error: 'meaning' holds U+061C, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:12:13: error: 'reason' holds U+202A, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:13:18: error: 'description' holds U+202B, a bidirectional "
      "control that the plain text output (%s) cannot escape",
      "s.yaml:14:16: error: 'reference' holds U+202C, a bidirectional "
      "control that the plain text output (%s) cannot escape",
      "s.yaml:15:15: error: 'alias' holds U+202D, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:15:36: error: 'alias' holds U+2067, a bidirectional control "
      "that the plain text output (%s) cannot escape",
      "s.yaml:17:13: error: 'reason' holds U+200F, a bidirectional control "
      "that the plain text output (%s) cannot escape",
  };
  static const char *const escaping[] = {"b.c",  "b.md", "b.html", "b.json",
                                         "b.py", "b.ts", "b.rs",   "b.go"};
  struct spec_load l;
  const struct spec *s = load(&l, bidi_spec);
  struct buf expected = BUF_INIT, got = BUF_INIT;
  struct diag *d = diag_new();
  size_t i;

  (void)state;
  assert_int_equal(kind_check_texts(kind_by_id("text"), s, "b.txt", d), -1);
  for (i = 0; i < COUNT(want); i++) {
    buf_printf(&expected, want[i], "b.txt");
    buf_putc(&expected, '\n');
  }
  for (i = 0; i < diag_count(d); i++)
    buf_printf(&got, "%s\n", diag_message(d, i));
  assert_string_equal(got.data, expected.data);
  for (i = 0; i < COUNT(escaping); i++) {
    struct diag *none = diag_new();

    assert_int_equal(
        kind_check_texts(kind_for_path(escaping[i]), s, escaping[i], none), 0);
    assert_int_equal(diag_count(none), 0);
    diag_free(none);
  }
  buf_free(&expected);
  buf_free(&got);
  diag_free(d);
  spec_load_free(&l);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kind_by_extension),
      cmocka_unit_test(test_c_reserves_at_the_spec),
      cmocka_unit_test(test_c_checks_the_prefix),
      cmocka_unit_test(test_nothing_refused),
      cmocka_unit_test(test_table),
      cmocka_unit_test(test_map),
      cmocka_unit_test(test_map_errors),
      cmocka_unit_test(test_rust_reserves),
      cmocka_unit_test(test_rust_alias_self),
      cmocka_unit_test(test_go_reserves),
      cmocka_unit_test(test_javascript_reserves),
      cmocka_unit_test(test_python_reserves),
      cmocka_unit_test(test_python_int_methods),
      cmocka_unit_test(test_rust_set_names),
      cmocka_unit_test(test_go_set_names),
      cmocka_unit_test(test_text_refuses_bidi),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
