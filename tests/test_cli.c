/* test_cli: the statusgen process as a user meets it. Each invalid spec
   under tests/specs/invalid states the diagnostics it must get, as trailing
   "# expect: LINE:COL: error: MESSAGE" lines written by hand; the test runs
   the binary on it and wants exactly those on stderr, nothing on stdout and
   exit status 2. The specs under tests/specs/reserved are valid models
   whose names the C output reserves: --dump-model prints them, and
   generating the default templates from them gets the diagnostics they
   state, writing nothing. --help lists the output kinds; --lang takes a
   stock set from the templates folder, or says which sets there are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "json_check.h"
#include "proc.h"
#include "sysio.h"
#include "version.h"
#include "xmem.h"

#define INVALID_DIR "tests/specs/invalid"
#define VALID_DIR "tests/specs/valid"
#define RESERVED_DIR "tests/specs/reserved"

/* Runs statusgen with up to three arguments (NULL ends the list). */
static void run(struct proc_result *r, const char *a, const char *b,
                const char *c)
{
  const char *argv[5];

  argv[0] = proc_statusgen();
  argv[1] = a;
  argv[2] = b;
  argv[3] = c;
  argv[4] = NULL;
  proc_result_run(r, argv);
}

/* The diagnostics a fixture expects, each prefixed with its path as the
   command line gave it. */
static void expected_errors(const char *path, const struct buf *text,
                            struct buf *want)
{
  static const char tag[] = "# expect: ";
  const char *p = text->data, *end = text->data + text->len;

  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

    if (len > sizeof tag - 1 && memcmp(p, tag, sizeof tag - 1) == 0) {
      buf_printf(want, "%s:%s", path,
                 strncmp(p + sizeof tag - 1, "error:", 6) == 0 ? " " : "");
      buf_put(want, p + sizeof tag - 1, len - (sizeof tag - 1));
      buf_putc(want, '\n');
    }
    p += len + 1;
  }
}

/* Runs statusgen with a, b, c on the fixture at path and wants exactly
   the diagnostics the fixture states, nothing on stdout, exit status 2. */
static void run_failing_fixture(const char *path, const char *a, const char *b,
                                const char *c)
{
  struct buf text = BUF_INIT, want = BUF_INIT;
  struct proc_result r;

  assert_int_equal(proc_slurp(path, &text), 0);
  expected_errors(path, &text, &want);
  assert_true(want.len > 0); /* a fixture must say what it expects */
  run(&r, a, b, c);
  if (strcmp(r.err.data, want.data) != 0)
    print_error("%s\nexpected:\n%sgot:\n%s", path, want.data, r.err.data);
  assert_string_equal(r.err.data, want.data);
  assert_int_equal(r.status, 2);
  assert_int_equal(r.out.len, 0);
  proc_result_free(&r);
  buf_free(&text);
  buf_free(&want);
}

static void test_invalid_fixture(void **state)
{
  const char *path = *state;

  run_failing_fixture(path, "--dump-model", path, NULL);
}

static void test_valid_fixture(void **state)
{
  const char *path = *state;
  struct proc_result r;

  run(&r, "--dump-model", path, NULL);
  if (r.err.len)
    print_error("%s: %s", path, r.err.data);
  assert_int_equal(r.status, 0);
  assert_int_equal(r.err.len, 0);
  assert_true(json_check(r.out.data, r.out.len));
  proc_result_free(&r);
}

/* The model is valid; its C outputs are refused at generation, and the
   output folder stays empty (rmdir fails on a folder holding anything,
   a temporary included). */
static void test_reserved_fixture(void **state)
{
  const char *path = *state, *t = getenv("TMPDIR");
  const char *rm[] = {"/bin/rm", "-rf", NULL, NULL};
  struct buf out = BUF_INIT;
  struct proc_result r;
  int empty;

  test_valid_fixture(state);
  buf_printf(&out, "%s/statusgen-cli-XXXXXX", t ? t : "/tmp");
  assert_non_null(mkdtemp(out.data));
  run_failing_fixture(path, "-o", out.data, path);
  empty = rmdir(out.data) == 0;
  if (!empty) {
    print_error("%s: %s\n", out.data, strerror(errno));
    rm[2] = out.data;
    proc_result_run(&r, rm);
    proc_result_free(&r);
  }
  buf_free(&out);
  assert_true(empty);
}

static void test_http_spec_dumps_valid_json(void **state)
{
  struct proc_result r;

  (void)state;
  run(&r, "--dump-model", "spec/http_status.yaml", NULL);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err.data, "");
  assert_true(json_check(r.out.data, r.out.len));
  assert_non_null(strstr(r.out.data, "\"count\": 64,\n"));
  assert_null(strstr(r.out.data, "\"internal\""));
  proc_result_free(&r);
  run(&r, "--dump-model=all", "spec/http_status.yaml", NULL);
  assert_int_equal(r.status, 0);
  assert_true(json_check(r.out.data, r.out.len));
  assert_non_null(strstr(r.out.data, "\"internal\": {\n"));
  proc_result_free(&r);
}

static void test_missing_file(void **state)
{
  struct proc_result r;

  (void)state;
  run(&r, "--dump-model", "tests/specs/no-such-file.yaml", NULL);
  assert_string_equal(r.err.data, "tests/specs/no-such-file.yaml: error: "
                                  "cannot open: No such file or directory\n");
  assert_int_equal(r.status, 2);
  assert_int_equal(r.out.len, 0);
  proc_result_free(&r);
}

static void test_spec_is_a_folder(void **state)
{
  struct proc_result r;

  (void)state;
  run(&r, "--dump-model", "tests/specs", NULL);
  assert_string_equal(
      r.err.data,
      "tests/specs: error: cannot read: not a regular file (a folder)\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
}

static void test_usage_errors(void **state)
{
  static const struct {
    const char *a, *b, *message;
  } rows[] = {
      {NULL, NULL, "statusgen: error: no SPEC given\n"},
      {"--frobnicate", "x.yaml",
       "statusgen: error: unknown option "
       "'--frobnicate'\n"},
      {"-Z", "x.yaml", "statusgen: error: unknown option '-Z'\n"},
      {"-", "-", "statusgen: error: standard input ('-') given twice\n"},
      {"x.yaml", "-o", "statusgen: error: option '-o' needs an argument\n"},
      {"x.yaml", "--out",
       "statusgen: error: option '--out' needs an argument\n"},
      {"x.yaml", "--lang",
       "statusgen: error: option '--lang' needs an "
       "argument\n"},
      {"--frob=1", "x.yaml", "statusgen: error: unknown option '--frob'\n"},
      {"--prefix=Bad-Name", "x.yaml",
       "statusgen: error: --prefix 'Bad-Name' "
       "is not a lower snake case C identifier\n"},
      {"--dump-model=internal", "x.yaml",
       "statusgen: error: "
       "--dump-model='internal': the only value is 'all'\n"},
  };
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    struct proc_result r;
    struct buf want = BUF_INIT;

    run(&r, rows[i].a, rows[i].b, NULL);
    buf_printf(&want, "%sTry 'statusgen --help'.\n", rows[i].message);
    if (strcmp(r.err.data, want.data) != 0)
      print_error("row %lu\n", (unsigned long)i);
    assert_string_equal(r.err.data, want.data);
    assert_int_equal(r.status, 2);
    proc_result_free(&r);
    buf_free(&want);
  }
}

static void test_version_and_help(void **state)
{
  struct proc_result r;

  (void)state;
  run(&r, "--version", NULL, NULL);
  assert_string_equal(r.out.data, "statusgen " STATUSGEN_VERSION "\n");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  run(&r, "--help", NULL, NULL);
  assert_int_equal(r.status, 0);
  assert_non_null(
      strstr(r.out.data, "usage: statusgen [OPTIONS] SPEC [LAYER...]\n"));
  assert_non_null(strstr(r.out.data, "--dump-model"));
  proc_result_free(&r);
}

/* --help lists every kind with its extensions, and --lang. */
static void test_help_lists_kinds(void **state)
{
  static const char *const lines[] = {
      "      --lang NAME      the stock template set NAME in the templates\n",
      "  c           .c .h .cc .cpp .cxx .hh .hpp .hxx .inc\n",
      "  markdown    .md .markdown\n",
      "  html        .html .htm .xml .svg\n",
      "  json        .json\n",
      "  python      .py .pyi\n",
      "  javascript  .js .mjs .cjs .ts .mts .cts\n",
      "  rust        .rs\n",
      "  go          .go\n",
      "  text        .txt (written raw)\n",
      "other extensions in its kinds.yaml (for example '.gperf: text').\n",
  };
  struct proc_result r;
  size_t i;

  (void)state;
  run(&r, "--help", NULL, NULL);
  assert_int_equal(r.status, 0);
  for (i = 0; i < sizeof lines / sizeof *lines; i++)
    if (!strstr(r.out.data, lines[i]))
      fail_msg("--help lacks: %s", lines[i]);
  proc_result_free(&r);
}

/* A scratch folder, made and removed by the tests of --lang. */
static void scratch(struct buf *dir)
{
  const char *t = getenv("TMPDIR");

  buf_printf(dir, "%s/statusgen-lang-XXXXXX", t ? t : "/tmp");
  assert_non_null(mkdtemp(dir->data));
}

static void remove_scratch(struct buf *dir)
{
  const char *rm[] = {"/bin/rm", "-rf", NULL, NULL};
  struct proc_result r;

  rm[2] = dir->data;
  proc_result_run(&r, rm);
  proc_result_free(&r);
  buf_free(dir);
}

/* In dir: a templates folder t with a template of its own (its default
   set), a set foo, an empty folder bar, and out for the outputs. */
static void make_sets(const char *dir)
{
  static const char *const folders[] = {"t", "t/foo", "t/bar", "out"};
  static const char *const files[] = {"t/{{prefix}}_top.json.mustache",
                                      "t/foo/{{prefix}}_foo.json.mustache"};
  struct buf path = BUF_INIT;
  size_t i;
  FILE *f;

  for (i = 0; i < sizeof folders / sizeof *folders; i++) {
    buf_clear(&path);
    buf_printf(&path, "%s/%s", dir, folders[i]);
    assert_int_equal(mkdir(path.data, 0777), 0);
  }
  for (i = 0; i < sizeof files / sizeof *files; i++) {
    buf_clear(&path);
    buf_printf(&path, "%s/%s", dir, files[i]);
    f = fopen(path.data, "w");
    assert_non_null(f);
    fputs("{\"title\": \"{{title}}\"}\n", f);
    assert_int_equal(fclose(f), 0);
  }
  buf_free(&path);
}

/* Runs statusgen -q -t DIR/t --lang lang -o DIR/out on the HTTP spec. */
static void run_lang(struct proc_result *r, const char *dir, const char *lang)
{
  struct buf t = BUF_INIT, out = BUF_INIT;
  const char *argv[] = {NULL, "-q",     "-t",
                        NULL, "--lang", NULL,
                        "-o", NULL,     "spec/http_status.yaml",
                        NULL};

  buf_printf(&t, "%s/t", dir);
  buf_printf(&out, "%s/out", dir);
  argv[0] = proc_statusgen();
  argv[3] = t.data;
  argv[5] = lang;
  argv[7] = out.data;
  proc_result_run(r, argv);
  buf_free(&t);
  buf_free(&out);
}

static int exists(const char *dir, const char *name)
{
  struct buf path = BUF_INIT;
  int r;

  buf_printf(&path, "%s/%s", dir, name);
  r = access(path.data, F_OK) == 0;
  buf_free(&path);
  return r;
}

/* --lang NAME takes the set NAME in the templates folder (-t here); c is
   the folder's own set; another name is a usage error that lists the
   sets found, before the spec is read. */
static void test_lang(void **state)
{
  struct buf dir = BUF_INIT;
  struct proc_result r;

  (void)state;
  scratch(&dir);
  make_sets(dir.data);
  run_lang(&r, dir.data, "foo");
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_true(exists(dir.data, "out/http_status_foo.json"));
  assert_false(exists(dir.data, "out/http_status_top.json"));
  proc_result_free(&r);
  run_lang(&r, dir.data, "c");
  assert_int_equal(r.status, 0);
  assert_true(exists(dir.data, "out/http_status_top.json"));
  proc_result_free(&r);
  run_lang(&r, dir.data, "nope");
  assert_string_equal(r.err.data, "statusgen: error: --lang 'nope' is no "
                                  "template set (sets: bar, c, foo)\n"
                                  "Try 'statusgen --help'.\n");
  assert_string_equal(r.out.data, "");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  run_lang(&r, dir.data, "../t");
  assert_string_equal(r.err.data,
                      "statusgen: error: --lang '../t' is not the name of a "
                      "template set (letters, digits, '_', '-')\n"
                      "Try 'statusgen --help'.\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  remove_scratch(&dir);
}

static int is_set(const char *name)
{
  struct buf path = BUF_INIT;
  struct stat st;
  int r;

  buf_printf(&path, "templates/%s", name);
  r = name[0] != '.' && name[0] != '_' && stat(path.data, &st) == 0 &&
      S_ISDIR(st.st_mode);
  buf_free(&path);
  return r;
}

/* Without -t, --lang looks in ./templates: c is the default set, whose
   outputs are out/; each other set there says what -t templates/NAME
   says (--check into an empty folder: every output, stale). */
static void test_lang_in_the_project(void **state)
{
  const char *argv[] = {
      NULL, "--check", "-o", NULL, NULL, NULL, "spec/http_status.yaml", NULL};
  struct proc_result r, with_t;
  struct buf dir = BUF_INIT, path = BUF_INIT;
  struct dirent *e;
  DIR *d;

  (void)state;
  scratch(&dir);
  argv[0] = proc_statusgen();
  argv[3] = "out";
  argv[4] = "--lang";
  argv[5] = "c";
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "");
  assert_string_equal(r.out.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  argv[3] = dir.data;
  d = opendir("templates");
  assert_non_null(d);
  while ((e = readdir(d))) {
    if (!is_set(e->d_name))
      continue;
    buf_clear(&path);
    buf_printf(&path, "templates/%s", e->d_name);
    argv[4] = "--lang";
    argv[5] = e->d_name;
    proc_result_run(&r, argv);
    argv[4] = "-t";
    argv[5] = path.data;
    proc_result_run(&with_t, argv);
    assert_string_equal(r.err.data, with_t.err.data);
    assert_string_equal(r.out.data, with_t.out.data);
    assert_int_equal(r.status, with_t.status);
    assert_int_equal(r.status, 1);
    proc_result_free(&r);
    proc_result_free(&with_t);
  }
  closedir(d);
  buf_free(&path);
  remove_scratch(&dir);
}

/* Writes text into dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
  struct buf path = BUF_INIT;
  FILE *f;

  buf_printf(&path, "%s/%s", dir, name);
  f = fopen(path.data, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
  buf_free(&path);
}

/* Runs statusgen MODE -t TEMPLATES -o OUT on the HTTP spec. */
static void run_http(struct proc_result *r, const char *mode,
                     const char *templates, const char *out)
{
  const char *argv[] = {
      NULL, NULL, "-t", NULL, "-o", NULL, "spec/http_status.yaml", NULL};

  argv[0] = proc_statusgen();
  argv[1] = mode;
  argv[3] = templates;
  argv[5] = out;
  proc_result_run(r, argv);
}

/* A missing output folder is made with its parents, and the outputs are
   written into it; a run that fails before writing removes the folders it
   made, and only those. */
static void test_missing_output_folder(void **state)
{
  struct buf dir = BUF_INIT, out = BUF_INIT, t = BUF_INIT;
  struct proc_result r;

  (void)state;
  scratch(&dir);
  buf_printf(&out, "%s/a/b/c", dir.data);
  run_http(&r, "-q", "templates", out.data);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_true(exists(out.data, "http_status.h"));
  assert_true(exists(out.data, "http_status.c"));
  proc_result_free(&r);

  /* a template that does not parse: nothing is written */
  buf_printf(&t, "%s/t", dir.data);
  assert_int_equal(mkdir(t.data, 0777), 0);
  put_file(t.data, "x.txt.mustache", "{{#open}}\n");
  buf_clear(&out);
  buf_printf(&out, "%s/a/new/deeper", dir.data);
  run_http(&r, "-q", t.data, out.data);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err.data, "x.txt.mustache:1:1: error:"));
  assert_false(exists(dir.data, "a/new"));
  assert_true(exists(dir.data, "a/b/c/http_status.h")); /* not its own */
  proc_result_free(&r);

  /* --check never makes a folder: a missing one cannot be checked */
  run_http(&r, "--check", "templates", out.data);
  assert_int_equal(r.status, 2);
  assert_false(exists(dir.data, "a/new"));
  proc_result_free(&r);
  buf_free(&out);
  buf_free(&t);
  remove_scratch(&dir);
}

/* Without -t, a ./templates that holds no statusgen template (a web
   app's own) is passed over, with a note under -v; when no folder has
   templates, the error lists each folder tried and why it was not
   taken. Run from a scratch folder, by an absolute path. */
static void test_templates_search(void **state)
{
  const char *argv[] = {"/bin/sh", "-c", NULL, NULL};
  char *exe = sysio_realpath(proc_statusgen());
  char *spec = sysio_realpath("spec/http_status.yaml");
  struct buf dir = BUF_INIT, cmd = BUF_INIT, t = BUF_INIT;
  struct proc_result r;
  struct stat st;
  int installed = stat(STATUSGEN_DATADIR "/templates", &st) == 0;

  (void)state;
  assert_non_null(exe);
  assert_non_null(spec);
  scratch(&dir);
  buf_printf(&t, "%s/templates", dir.data);
  assert_int_equal(mkdir(t.data, 0777), 0);
  put_file(t.data, "index.html", "<p>{{ user }}</p>\n");
  buf_printf(&cmd, "cd '%s' && exec '%s' -v -o out '%s'", dir.data, exe, spec);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  if (installed) { /* this machine has an install: it is taken */
    assert_non_null(strstr(r.err.data,
                           "statusgen: passed over templates: no statusgen "
                           "templates (files NAME.mustache) in it\n"));
  } else {
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(
        r.err.data, "statusgen: error: no templates folder found: give one "
                    "with -t DIR\n"
                    "statusgen: note: tried templates: no statusgen "
                    "templates (files NAME.mustache) in it\n"));
    assert_non_null(strstr(r.err.data,
                           "statusgen: note: tried " STATUSGEN_DATADIR
                           "/templates: no such folder\n"));
    assert_false(exists(dir.data, "out"));
  }
  proc_result_free(&r);
  free(exe);
  free(spec);
  buf_free(&cmd);
  buf_free(&t);
  remove_scratch(&dir);
}

/* SPEC '-' reads standard input: the outputs are those of the file but
   for the name they were made from, and errors are placed in <stdin>. */
static void test_spec_from_stdin(void **state)
{
  const char *argv[] = {"/bin/sh", "-c", NULL, NULL};
  struct buf cmd = BUF_INIT, dir = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
  struct proc_result r;

  (void)state;
  scratch(&dir);
  buf_printf(&cmd,
             "'%s' -q -o '%s/in' - <spec/http_status.yaml && "
             "'%s' -q -o '%s/file' spec/http_status.yaml",
             proc_statusgen(), dir.data, proc_statusgen(), dir.data);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  buf_printf(&a, "%s/in/http_status.h", dir.data);
  buf_printf(&b, "%s/file/http_status.h", dir.data);
  buf_clear(&cmd);
  assert_int_equal(proc_slurp(a.data, &cmd), 0);
  assert_non_null(strstr(cmd.data, "from <stdin>."));
  buf_clear(&cmd);
  assert_int_equal(proc_slurp(b.data, &cmd), 0);
  assert_non_null(strstr(cmd.data, "from spec/http_status.yaml."));

  buf_clear(&cmd);
  buf_printf(&cmd, "printf 'name: x\\n  bad: [\\n' | '%s' --caret -o '%s' -",
             proc_statusgen(), dir.data);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data,
                      "<stdin>:2:6: error: mapping values are not allowed "
                      "in this context: line 2 is indented 2 spaces, line 1 "
                      "(the line above) 0; the keys of one mapping line up, "
                      "those of a mapping inside it go deeper\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  buf_free(&cmd);
  buf_free(&a);
  buf_free(&b);
  remove_scratch(&dir);
}

/* --init NAME writes NAME.yaml into the current folder, a starter that
   generates as it is, with the default templates and every stock set;
   it never writes over a file, and refuses a name that is no identifier
   or that an output reserves, writing nothing. */
static void test_init(void **state)
{
  static const char *const sets[] = {"c",      "go",   "json",
                                     "python", "rust", "typescript"};
  const char *argv[] = {"/bin/sh", "-c", NULL, NULL};
  char *exe = sysio_realpath(proc_statusgen());
  char *top = sysio_realpath("templates");
  struct buf dir = BUF_INIT, cmd = BUF_INIT, before = BUF_INIT,
             after = BUF_INIT, path = BUF_INIT;
  struct proc_result r;
  size_t i;

  (void)state;
  assert_non_null(exe);
  assert_non_null(top);
  scratch(&dir);
  buf_printf(&cmd, "cd '%s' && '%s' --init app_errors", dir.data, exe);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "statusgen: wrote app_errors.yaml: run "
                                  "'statusgen app_errors.yaml'\n");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  buf_printf(&path, "%s/app_errors.yaml", dir.data);
  assert_int_equal(proc_slurp(path.data, &before), 0);
  assert_non_null(strstr(before.data, "\nname: app_errors\n"));

  for (i = 0; i < sizeof sets / sizeof *sets; i++) {
    buf_clear(&cmd);
    buf_printf(&cmd,
               "cd '%s' && '%s' -q -t '%s' --lang %s -o out-%s "
               "app_errors.yaml",
               dir.data, exe, top, sets[i], sets[i]);
    argv[2] = cmd.data;
    proc_result_run(&r, argv);
    if (r.status != 0)
      print_error("--lang %s: %s", sets[i], r.err.data);
    assert_int_equal(r.status, 0);
    proc_result_free(&r);
  }
  assert_true(exists(dir.data, "out-c/app_errors.h"));

  buf_clear(&cmd);
  buf_printf(&cmd, "cd '%s' && '%s' --init app_errors", dir.data, exe);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "app_errors.yaml: error: cannot write the "
                                  "starter spec: File exists (it is kept as "
                                  "it is)\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  assert_int_equal(proc_slurp(path.data, &after), 0);
  assert_string_equal(after.data, before.data);

  buf_clear(&cmd);
  buf_printf(&cmd, "cd '%s' && '%s' --init int", dir.data, exe);
  argv[2] = cmd.data;
  proc_result_run(&r, argv);
  assert_non_null(strstr(r.err.data, "name 'int' is a C or C++ keyword"));
  assert_int_equal(r.status, 2);
  assert_false(exists(dir.data, "int.yaml"));
  proc_result_free(&r);
  run(&r, "--init", "App", NULL);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err.data, "is not a lower snake case"));
  proc_result_free(&r);
  free(exe);
  free(top);
  buf_free(&cmd);
  buf_free(&before);
  buf_free(&after);
  buf_free(&path);
  remove_scratch(&dir);
}

/* --list-outputs prints each output's path, in the templates' order, and
   writes nothing, not even the output folder; a template whose name has
   an error prints no path at all. */
static void test_list_outputs(void **state)
{
  struct buf dir = BUF_INIT, out = BUF_INIT, want = BUF_INIT;
  struct proc_result r;

  (void)state;
  scratch(&dir);
  buf_printf(&out, "%s/gen", dir.data);
  run_http(&r, "--list-outputs", "templates", out.data);
  buf_printf(&want,
             "%s/http_status.c\n%s/http_status.h\n%s/http_status.md\n"
             "%s/http_status_single.h\n",
             out.data, out.data, out.data, out.data);
  assert_string_equal(r.out.data, want.data);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_false(exists(dir.data, "gen"));
  proc_result_free(&r);

  put_file(dir.data, "{{prefx}}.h.mustache", "x\n");
  put_file(dir.data, "{{prefix}}.c.mustache", "x\n");
  run_http(&r, "--list-outputs", dir.data, out.data);
  assert_string_equal(r.out.data, "");
  assert_non_null(strstr(r.err.data, "unknown name 'prefx' (did you mean "
                                     "'prefix'?)"));
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  buf_free(&out);
  buf_free(&want);
  remove_scratch(&dir);
}

/* --check also finds the files an earlier run left that no template makes
   now (their banner names this spec): "PATH: orphan", exit 1; a file
   of the folder made otherwise is no orphan. */
static void test_check_orphans(void **state)
{
  struct buf dir = BUF_INIT, text = BUF_INIT, path = BUF_INIT, want = BUF_INIT;
  struct proc_result r;

  (void)state;
  scratch(&dir);
  run_http(&r, "-q", "templates", dir.data);
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  buf_printf(&path, "%s/http_status.h", dir.data);
  assert_int_equal(proc_slurp(path.data, &text), 0);
  put_file(dir.data, "http_status_old.h", text.data); /* a renamed one */
  put_file(dir.data, "notes.txt", "Generated by hand.\n");
  run_http(&r, "--check", "templates", dir.data);
  buf_printf(&want, "%s/http_status_old.h: orphan\n", dir.data);
  assert_string_equal(r.out.data, want.data);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 1);
  proc_result_free(&r);
  buf_clear(&path);
  buf_printf(&path, "%s/http_status_old.h", dir.data);
  assert_int_equal(unlink(path.data), 0);
  run_http(&r, "--check", "templates", dir.data);
  assert_string_equal(r.out.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  buf_free(&text);
  buf_free(&path);
  buf_free(&want);
  remove_scratch(&dir);
}

/* Where /proc/self/exe is missing, the binary is found from argv[0] as
   a shell finds it: a path as it is, else the first executable of that
   name along PATH (an empty entry: the current folder). */
static void test_find_program(void **state)
{
  struct buf dir = BUF_INIT, a = BUF_INIT, b = BUF_INIT, path = BUF_INIT;
  char *real, *want, *cwd = getcwd(NULL, 0);

  (void)state;
  assert_non_null(cwd);
  scratch(&dir);
  buf_printf(&a, "%s/a", dir.data);
  buf_printf(&b, "%s/b", dir.data);
  assert_int_equal(mkdir(a.data, 0777), 0);
  assert_int_equal(mkdir(b.data, 0777), 0);
  put_file(a.data, "tool", "#!/bin/sh\n"); /* not executable: passed */
  put_file(b.data, "tool", "#!/bin/sh\n");
  buf_clear(&path);
  buf_printf(&path, "%s/tool", b.data);
  assert_int_equal(chmod(path.data, 0755), 0);
  want = sysio_realpath(path.data);
  assert_non_null(want);

  buf_clear(&path);
  buf_printf(&path, "/no/such:%s:%s", a.data, b.data);
  real = sysio_find_program("tool", path.data);
  assert_non_null(real);
  assert_string_equal(real, want);
  free(real);
  assert_null(sysio_find_program("tool", "/no/such"));
  assert_null(sysio_find_program("tool", NULL));
  assert_int_equal(chdir(b.data), 0); /* an empty entry: here */
  real = sysio_find_program("tool", "/no/such::");
  assert_int_equal(chdir(cwd), 0);
  assert_non_null(real);
  assert_string_equal(real, want);
  free(real);
  buf_clear(&path);
  buf_printf(&path, "%s/../b/tool", a.data); /* a path: as it is */
  real = sysio_find_program(path.data, "/no/such");
  assert_non_null(real);
  assert_string_equal(real, want);
  free(real);
  free(want);
  free(cwd);
  buf_free(&a);
  buf_free(&b);
  buf_free(&path);
  remove_scratch(&dir);
}

/* Runs statusgen on a pseudo-terminal through script(1), env first and
   opts (options, or "") before the spec. */
static void run_on_tty(struct proc_result *r, const char *env, const char *opts)
{
  struct buf cmd = BUF_INIT;
  const char *argv[6];

  buf_printf(&cmd, "env %s %s %s tests/specs/invalid/duplicate-code.yaml", env,
             proc_statusgen(), opts);
  argv[0] = "/usr/bin/script";
  argv[1] = "-qec";
  argv[2] = cmd.data;
  argv[3] = "/dev/null";
  argv[4] = NULL;
  proc_result_run(r, argv);
  buf_free(&cmd);
}

/* --caret shows the source line under each error and a caret at its
   column, counted in characters: a UTF-8 letter is one, a tab is shown
   as one space;
   on a terminal that is the default, which --no-caret turns off; into a
   pipe, the default is none. */
static void test_caret(void **state)
{
  static const char spec[] =
      "name: t\ntitle: T\nsource: s\nstatuses:\n"
      "  - {code: 200, reason: Ok, description: d}\n"
      "  - {reason: \"\303\234n\303\257\tx\", name: X, description: d, "
      "code: 200}\n";
  struct buf dir = BUF_INIT, path = BUF_INIT, want = BUF_INIT;
  struct proc_result r;

  (void)state;
  run(&r, "--caret", "tests/specs/invalid/duplicate-code.yaml", NULL);
  assert_string_equal(r.err.data,
                      "tests/specs/invalid/duplicate-code.yaml:18:11: error: "
                      "duplicate code 200 (first at 14:11)\n"
                      "   18 |   - code: 200\n"
                      "      |           ^\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  run(&r, "tests/specs/invalid/duplicate-code.yaml", NULL, NULL);
  assert_null(strstr(r.err.data, " | ")); /* a pipe: no caret */
  proc_result_free(&r);

  scratch(&dir);
  put_file(dir.data, "s.yaml", spec);
  buf_printf(&path, "%s/s.yaml", dir.data);
  run(&r, "--caret", path.data, NULL);
  buf_printf(&want,
             "%s:6:54: error: duplicate code 200 (first at 5:12)\n"
             "    6 |   - {reason: \"\303\234n\303\257 x\", name: X, "
             "description: d, code: 200}\n"
             "      | %53s^\n",
             path.data, "");
  assert_string_equal(r.err.data, want.data);
  proc_result_free(&r);
  remove_scratch(&dir);
  buf_free(&path);
  buf_free(&want);

  if (access("/usr/bin/script", X_OK) != 0)
    skip();
  run_on_tty(&r, "TERM=dumb", "");
  assert_non_null(strstr(r.out.data, "   18 |   - code: 200\r\n"));
  proc_result_free(&r);
  run_on_tty(&r, "TERM=dumb", "--no-caret");
  assert_null(strstr(r.out.data, " | "));
  assert_non_null(strstr(r.out.data, "error: duplicate code 200"));
  proc_result_free(&r);
}

static void test_color_only_on_a_terminal(void **state)
{
  static const char colored[] =
      "\033[01mtests/specs/invalid/duplicate-code.yaml:18:11: \033[m"
      "\033[01;31merror:\033[m duplicate code 200 (first at 14:11)";
  struct proc_result r;

  (void)state;
  if (access("/usr/bin/script", X_OK) != 0)
    skip();
  run_on_tty(&r, "TERM=xterm", "");
  assert_non_null(strstr(r.out.data, colored));
  proc_result_free(&r);
  run_on_tty(&r, "TERM=xterm NO_COLOR=1", "");
  assert_null(strchr(r.out.data, '\033'));
  assert_non_null(strstr(r.out.data, "error: duplicate code 200"));
  proc_result_free(&r);
  run(&r, "tests/specs/invalid/duplicate-code.yaml", NULL, NULL);
  assert_null(strchr(r.err.data, '\033')); /* not a terminal */
  proc_result_free(&r);
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .yaml files of dir, sorted, as paths; *n gets their count. */
static char **list_fixtures(const char *dir, size_t *n)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char **paths = NULL;
  size_t len;

  *n = 0;
  if (!d)
    return NULL;
  while ((e = readdir(d))) {
    struct buf path = BUF_INIT;

    len = strlen(e->d_name);
    if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
      continue;
    buf_printf(&path, "%s/%s", dir, e->d_name);
    paths = xrealloc(paths, (*n + 1) * sizeof *paths);
    paths[(*n)++] = buf_detach(&path, NULL);
  }
  closedir(d);
  qsort(paths, *n, sizeof *paths, by_name);
  return paths;
}

static void add_fixtures(struct CMUnitTest *tests, size_t *n, char **paths,
                         size_t count, CMUnitTestFunction fn)
{
  size_t i;

  for (i = 0; i < count; i++) {
    memset(&tests[*n], 0, sizeof tests[*n]);
    tests[*n].name = paths[i];
    tests[*n].test_func = fn;
    tests[*n].initial_state = paths[i];
    (*n)++;
  }
}

int main(void)
{
  static const struct CMUnitTest fixed[] = {
      cmocka_unit_test(test_http_spec_dumps_valid_json),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_spec_is_a_folder),
      cmocka_unit_test(test_usage_errors),
      cmocka_unit_test(test_version_and_help),
      cmocka_unit_test(test_help_lists_kinds),
      cmocka_unit_test(test_lang),
      cmocka_unit_test(test_lang_in_the_project),
      cmocka_unit_test(test_missing_output_folder),
      cmocka_unit_test(test_templates_search),
      cmocka_unit_test(test_color_only_on_a_terminal),
      cmocka_unit_test(test_caret),
      cmocka_unit_test(test_spec_from_stdin),
      cmocka_unit_test(test_init),
      cmocka_unit_test(test_list_outputs),
      cmocka_unit_test(test_check_orphans),
      cmocka_unit_test(test_find_program),
  };
  size_t ninvalid, nvalid, nreserved, n = 0, i;
  size_t nfixed = sizeof fixed / sizeof *fixed;
  char **invalid = list_fixtures(INVALID_DIR, &ninvalid);
  char **valid = list_fixtures(VALID_DIR, &nvalid);
  char **reserved = list_fixtures(RESERVED_DIR, &nreserved);
  struct CMUnitTest *tests =
      xcalloc(nfixed + ninvalid + nvalid + nreserved, sizeof *tests);
  int failed;

  if (ninvalid < 30) {
    fprintf(stderr, "test_cli: only %lu fixtures in %s\n",
            (unsigned long)ninvalid, INVALID_DIR);
    return 1;
  }
  for (i = 0; i < nfixed; i++)
    tests[n++] = fixed[i];
  add_fixtures(tests, &n, invalid, ninvalid, test_invalid_fixture);
  add_fixtures(tests, &n, valid, nvalid, test_valid_fixture);
  add_fixtures(tests, &n, reserved, nreserved, test_reserved_fixture);
  failed = _cmocka_run_group_tests("cli", tests, n, NULL, NULL);
  for (i = 0; i < ninvalid; i++)
    free(invalid[i]);
  for (i = 0; i < nvalid; i++)
    free(valid[i]);
  for (i = 0; i < nreserved; i++)
    free(reserved[i]);
  free(invalid);
  free(valid);
  free(reserved);
  free(tests);
  return failed;
}
