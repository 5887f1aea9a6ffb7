/* test_generate: statusgen as a build step: outputs deterministic, written
   only when changed, --check, the depfile, --prefix, names an output kind
   reserves, each output escaped for its kind (by extension or by the
   templates folder's kinds file), and failing runs that leave every
   existing output as it was. Runs the binary in scratch folders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "buf.h"
#include "proc.h"

#define SPEC "spec/http_status.yaml"
#define PAST 946684800 /* 2000-01-01: any rewrite would move an mtime */

static const char *const outputs[] = {"http_status.c", "http_status.h",
                                      "http_status.md", "http_status_single.h"};
static char tmp[128];

static const char *at(const char *a, const char *b)
{
  static char path[4][256];
  static int k;

  k = (k + 1) % 4;
  snprintf(path[k], sizeof path[k], "%s/%s%s%s", tmp, a, b ? "/" : "",
           b ? b : "");
  return path[k];
}

static int setup(void **state)
{
  const char *t = getenv("TMPDIR");
  struct proc_result r;
  const char *cp[] = {"/bin/cp", "-R", "templates", NULL, NULL};

  (void)state;
  snprintf(tmp, sizeof tmp, "%s/statusgen-gen-XXXXXX", t ? t : "/tmp");
  if (!mkdtemp(tmp))
    return -1;
  mkdir(at("a", NULL), 0777);
  mkdir(at("b", NULL), 0777);
  cp[3] = at("t", NULL);
  proc_result_run(&r, cp);
  proc_result_free(&r);
  return r.status;
}

static int teardown(void **state)
{
  const char *rm[] = {"/bin/rm", "-rf", tmp, NULL};
  struct proc_result r;

  (void)state;
  proc_result_run(&r, rm);
  proc_result_free(&r);
  return r.status;
}

static void generate(struct proc_result *r, const char *dir, const char *extra)
{
  const char *argv[8];
  int n = 0;

  argv[n++] = proc_statusgen();
  argv[n++] = "-o";
  argv[n++] = dir;
  if (extra)
    argv[n++] = extra;
  argv[n++] = SPEC;
  argv[n] = NULL;
  proc_result_run(r, argv);
}

static void slurp(const char *path, struct buf *b)
{
  buf_clear(b);
  assert_int_equal(proc_slurp(path, b), 0);
}

static void test_deterministic_and_current(void **state)
{
  struct buf x = BUF_INIT, y = BUF_INIT;
  struct proc_result r;
  const char *argv[] = {NULL, "-q", "-t", "./templates/",
                        "-o", NULL, SPEC, NULL};
  size_t i;

  (void)state;
  generate(&r, at("a", NULL), NULL);
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  argv[0] = proc_statusgen();
  argv[5] = at("b", NULL);
  proc_result_run(&r, argv); /* the templates named another way */
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err.data, "");
  assert_string_equal(r.out.data, "");
  proc_result_free(&r);
  for (i = 0; i < sizeof outputs / sizeof *outputs; i++) {
    slurp(at("a", outputs[i]), &x);
    slurp(at("b", outputs[i]), &y);
    assert_true(x.len > 1000);
    assert_int_equal(x.len, y.len);
    assert_memory_equal(x.data, y.data, x.len);
  }
  buf_free(&x);
  buf_free(&y);
}

static void test_written_only_when_changed(void **state)
{
  struct timeval past[2] = {{PAST, 0}, {PAST, 0}};
  struct stat st;
  struct proc_result r;
  size_t i;

  (void)state;
  generate(&r, at("a", NULL), NULL);
  proc_result_free(&r);
  for (i = 0; i < sizeof outputs / sizeof *outputs; i++)
    assert_int_equal(utimes(at("a", outputs[i]), past), 0);
  generate(&r, at("a", NULL), "-v");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err.data, "http_status.h is up to date\n"));
  assert_null(strstr(r.err.data, "wrote"));
  proc_result_free(&r);
  for (i = 0; i < sizeof outputs / sizeof *outputs; i++) {
    assert_int_equal(stat(at("a", outputs[i]), &st), 0);
    assert_int_equal(st.st_mtime, PAST);
  }
}

static void test_check_fresh_and_stale(void **state)
{
  struct buf want = BUF_INIT, text = BUF_INIT;
  struct proc_result r;
  FILE *f;

  (void)state;
  generate(&r, at("a", NULL), NULL);
  proc_result_free(&r);
  generate(&r, at("a", NULL), "--check");
  assert_int_equal(r.status, 0);
  assert_string_equal(r.out.data, "");
  proc_result_free(&r);
  f = fopen(at("a", "http_status.h"), "ab");
  fputs("/* edited by hand */\n", f);
  fclose(f);
  remove(at("a", "http_status.md"));
  generate(&r, at("a", NULL), "--check");
  assert_int_equal(r.status, 1);
  buf_printf(&want, "%s: stale\n%s: stale\n", at("a", "http_status.h"),
             at("a", "http_status.md"));
  assert_string_equal(r.out.data, want.data);
  proc_result_free(&r);
  slurp(at("a", "http_status.h"), &text); /* --check wrote nothing */
  assert_non_null(strstr(text.data, "/* edited by hand */\n"));
  assert_int_equal(access(at("a", "http_status.md"), F_OK), -1);
  buf_free(&want);
  buf_free(&text);
}

static void test_depfile(void **state)
{
  /* in the order the run reads them: the spec, the templates, then each
     partial as a render first needs it */
  static const char *const deps[] = {"spec/http_status.yaml",
                                     "templates/{{prefix}}.c.mustache",
                                     "templates/{{prefix}}.h.mustache",
                                     "templates/{{prefix}}.md.mustache",
                                     "templates/{{prefix}}_single.h.mustache",
                                     "templates/_banner.mustache",
                                     "templates/_impl.mustache",
                                     "templates/_lookup.mustache",
                                     "templates/_decls.mustache",
                                     "templates/_md_table.mustache",
                                     "templates/_single_decls.mustache",
                                     "templates/_single_impl.mustache"};
  const size_t n = sizeof deps / sizeof *deps;
  struct buf want = BUF_INIT, got = BUF_INIT;
  const char *argv[] = {NULL, "-o", NULL, "-M", NULL, SPEC, NULL};
  struct proc_result r;
  size_t k;

  (void)state;
  argv[0] = proc_statusgen();
  argv[2] = at("a", NULL);
  argv[4] = at("deps.d", NULL);
  proc_result_run(&r, argv);
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  buf_printf(&want, "%s %s %s %s:", at("a", outputs[0]), at("a", outputs[1]),
             at("a", outputs[2]), at("a", outputs[3]));
  for (k = 0; k < n; k++) /* a dependency per line */
    buf_printf(&want, " \\\n  %s", deps[k]);
  buf_putc(&want, '\n');
  slurp(at("deps.d", NULL), &got);
  assert_string_equal(got.data, want.data);
  buf_free(&want);
  buf_free(&got);
}

static void test_prefix(void **state)
{
  struct buf text = BUF_INIT;
  struct proc_result r;
  const char *argv[] = {NULL, "-q", "--prefix", "web", "-o", NULL, SPEC, NULL};

  (void)state;
  argv[0] = proc_statusgen();
  argv[5] = at("b", NULL);
  proc_result_run(&r, argv);
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  slurp(at("b", "web.h"), &text);
  assert_non_null(strstr(text.data, "  WEB_NOT_FOUND = 404,"));
  assert_non_null(strstr(text.data, "const char *web_reason(int code);"));
  assert_null(strstr(text.data, "HTTP_STATUS_"));
  slurp(at("b", "web_single.h"), &text);
  assert_non_null(strstr(text.data, "#if defined(WEB_IMPLEMENTATION)"));
  buf_free(&text);
}

/* Every file of dir/outputs, concatenated, with its mtime. */
static void snapshot(const char *dir, struct buf *b)
{
  struct stat st;
  size_t i;

  buf_clear(b);
  for (i = 0; i < sizeof outputs / sizeof *outputs; i++) {
    assert_int_equal(stat(at(dir, outputs[i]), &st), 0);
    buf_printf(b, "%s %ld\n", outputs[i], (long)st.st_mtime);
    assert_int_equal(proc_slurp(at(dir, outputs[i]), b), 0);
  }
}

static void test_failures_leave_outputs_alone(void **state)
{
  struct buf before = BUF_INIT, after = BUF_INIT, want = BUF_INIT;
  struct timeval past[2] = {{PAST, 0}, {PAST, 0}};
  const char *argv[] = {NULL, "-t", NULL, "-o", NULL, SPEC, NULL};
  struct proc_result r;
  size_t i;
  FILE *f;

  (void)state;
  generate(&r, at("a", NULL), NULL);
  proc_result_free(&r);
  for (i = 0; i < sizeof outputs / sizeof *outputs; i++)
    utimes(at("a", outputs[i]), past);
  snapshot("a", &before);
  /* a template that renders last breaks after the others rendered */
  f = fopen(at("t", "{{prefix}}_single.h.mustache"), "ab");
  fputs("{{#statuses}}\n{{nope}}\n{{/statuses}}\n", f);
  fclose(f);
  argv[0] = proc_statusgen();
  argv[2] = at("t", NULL);
  argv[4] = at("a", NULL);
  proc_result_run(&r, argv);
  assert_int_equal(r.status, 2);
  assert_string_equal(r.out.data, "");
  /* the template has 38 lines: the tag is on line 40 */
  buf_printf(&want, "%s:40:1: error: unknown name 'nope'\n",
             at("t", "{{prefix}}_single.h.mustache"));
  assert_string_equal(r.err.data, want.data);
  proc_result_free(&r);
  snapshot("a", &after);
  assert_string_equal(after.data, before.data);
  buf_free(&before);
  buf_free(&after);
  buf_free(&want);
}

/* An output folder that cannot be made (its parent is a file) is an error
   naming it; a missing one is made (test_cli). */
static void test_bad_output_folder(void **state)
{
  struct buf want = BUF_INIT;
  struct proc_result r;
  FILE *f = fopen(at("plain", NULL), "w");

  (void)state;
  assert_non_null(f);
  assert_int_equal(fclose(f), 0);
  generate(&r, at("plain", "out"), NULL);
  assert_int_equal(r.status, 2);
  buf_printf(&want,
             "%s: error: cannot use the output folder: Not a directory\n",
             at("plain", "out"));
  assert_string_equal(r.err.data, want.data);
  proc_result_free(&r);
  buf_free(&want);
}

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "wb");

  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
}

/* The names in dir, sorted, one per line ("." and ".." left out). */
static void listing(const char *dir, struct buf *b)
{
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort), i;

  buf_clear(b);
  assert_true(n >= 0);
  for (i = 0; i < n; i++) {
    if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, ".."))
      buf_printf(b, "%s\n", names[i]->d_name);
    free(names[i]);
  }
  free(names);
}

/* A status named COUNT makes a valid model (--dump-model prints it) and
   markdown (which reserves nothing), but no C: the C output refuses it at
   its place in the spec, and what the folder held stays as it was, the
   markdown whose new bytes rendered fine included. */
static void test_reserved_name_refused_by_the_c_output(void **state)
{
  static const char spec[] =
      "name: demo\ntitle: Demo\nsource: the test\nstatuses:\n"
      "  - code: 7\n"
      "    name: COUNT\n" /* line 6, column 11 */
      "    reason: Seven\n"
      "    description: Seven of them.\n";
  struct timeval past[2] = {{PAST, 0}, {PAST, 0}};
  const char *argv[] = {NULL, "-q", "-t", NULL, "-o", NULL, NULL, NULL};
  struct buf text = BUF_INIT, want = BUF_INIT, list = BUF_INIT;
  struct proc_result r;
  struct stat st;

  (void)state;
  mkdir(at("md", NULL), 0777);
  mkdir(at("c", NULL), 0777);
  write_file(at("count.yaml", NULL), spec);
  write_file(at("md", "{{prefix}}.md.mustache"),
             "{{#statuses}}{{code}} {{name}}\n{{/statuses}}");
  argv[0] = proc_statusgen();
  argv[3] = at("md", NULL);
  argv[5] = at("c", NULL);
  argv[6] = at("count.yaml", NULL);
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  slurp(at("c", "demo.md"), &text);
  assert_string_equal(text.data, "7 COUNT\n");
  assert_int_equal(utimes(at("c", "demo.md"), past), 0);

  argv[3] = "templates";
  proc_result_run(&r, argv);
  buf_printf(&want,
             "%s:6:11: error: name 'COUNT' is reserved by the C "
             "output (demo.c)\n",
             at("count.yaml", NULL));
  assert_string_equal(r.err.data, want.data);
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  listing(at("c", NULL), &list);
  assert_string_equal(list.data, "demo.md\n");
  slurp(at("c", "demo.md"), &text);
  assert_string_equal(text.data, "7 COUNT\n");
  assert_int_equal(stat(at("c", "demo.md"), &st), 0);
  assert_int_equal(st.st_mtime, PAST);
  buf_free(&text);
  buf_free(&want);
  buf_free(&list);
}

/* --prefix has no place in the spec: a keyword is reported as the option,
   and only when a C output is made. */
static void test_prefix_keyword(void **state)
{
  const char *argv[] = {NULL, "-q", "--prefix", "int", "-t",
                        NULL, "-o", NULL,       SPEC,  NULL};
  struct buf list = BUF_INIT;
  struct proc_result r;

  (void)state;
  mkdir(at("kw", NULL), 0777);
  argv[0] = proc_statusgen();
  argv[5] = "templates";
  argv[7] = at("kw", NULL);
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data,
                      "statusgen: error: --prefix 'int' is a C "
                      "or C++ keyword, reserved by the C output (int.c)\n");
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  listing(at("kw", NULL), &list);
  assert_string_equal(list.data, "");
  argv[5] = at("md", NULL); /* made by the test before */
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  listing(at("kw", NULL), &list);
  assert_string_equal(list.data, "int.md\n");
  buf_free(&list);
}

/* Every output is escaped for its kind, by its extension or by the
   templates folder's kinds file (which makes .gperf plain text and .tmpl
   JSON), and the kinds file is a dependency of the outputs. The expected
   texts are written here by hand. */
static void test_each_kind_escapes(void **state)
{
  static const char spec[] =
      "name: demo\ntitle: Demo\nsource: the test\nstatuses:\n"
      "  - {code: 7, name: SEVEN, reason: 'Say \"hi\" \\ <b>',\n"
      "     description: Seven.}\n";
  static const struct {
    const char *file, *text;
  } rows[] = {
      {"demo.c", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.hpp", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.md", "Say \"hi\" \\\\ \\<b\\>"},
      {"demo.markdown", "Say \"hi\" \\\\ \\<b\\>"},
      {"demo.html", "Say &quot;hi&quot; \\ &lt;b&gt;"},
      {"demo.svg", "Say &quot;hi&quot; \\ &lt;b&gt;"},
      {"demo.json", "Say \\\"hi\\\" \\\\ \\u003cb\\u003e"},
      {"demo.py", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.ts", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.mjs", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.rs", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.go", "Say \\\"hi\\\" \\\\ <b>"},
      {"demo.txt", "Say \"hi\" \\ <b>"},
      {"demo.gperf", "Say \"hi\" \\ <b>"},
      {"demo.tmpl", "Say \\\"hi\\\" \\\\ \\u003cb\\u003e"},
  };
  const char *argv[] = {NULL, "-q", "-t", NULL, "-o",
                        NULL, "-M", NULL, NULL, NULL};
  struct buf name = BUF_INIT, text = BUF_INIT;
  struct proc_result r;
  size_t i;

  (void)state;
  mkdir(at("kt", NULL), 0777);
  mkdir(at("ko", NULL), 0777);
  write_file(at("demo.yaml", NULL), spec);
  write_file(at("kt", "kinds.yaml"), ".gperf: text\n.tmpl: json\n");
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    buf_clear(&name);
    buf_printf(&name, "{{prefix}}%s.mustache", strchr(rows[i].file, '.'));
    write_file(at("kt", name.data), "{{#statuses}}{{reason}}{{/statuses}}");
  }
  argv[0] = proc_statusgen();
  argv[3] = at("kt", NULL);
  argv[5] = at("ko", NULL);
  argv[7] = at("ko.d", NULL);
  argv[8] = at("demo.yaml", NULL);
  proc_result_run(&r, argv);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    slurp(at("ko", rows[i].file), &text);
    if (strcmp(text.data, rows[i].text) != 0)
      fail_msg("%s: %s, expected %s", rows[i].file, text.data, rows[i].text);
  }
  slurp(at("ko.d", NULL), &text);
  buf_clear(&name);
  buf_printf(&name, "\n  %s", at("kt", "kinds.yaml"));
  assert_non_null(strstr(text.data, name.data));
  buf_free(&name);
  buf_free(&text);
}

/* A kinds file is read only from inside the templates folder, as
   templates and partials are. */
static void test_kinds_file_leading_outside(void **state)
{
  const char *argv[] = {NULL, "-q", "-t", NULL, "-o", NULL, SPEC, NULL};
  struct buf want = BUF_INIT, list = BUF_INIT;
  struct proc_result r;

  (void)state;
  mkdir(at("kl", NULL), 0777);
  mkdir(at("kl-out", NULL), 0777);
  write_file(at("kl", "{{prefix}}.json.mustache"), "\"{{title}}\"\n");
  write_file(at("elsewhere.yaml", NULL), ".json: text\n");
  assert_int_equal(symlink(at("elsewhere.yaml", NULL), at("kl", "kinds.yaml")),
                   0);
  argv[0] = proc_statusgen();
  argv[3] = at("kl", NULL);
  argv[5] = at("kl-out", NULL);
  proc_result_run(&r, argv);
  buf_printf(&want,
             "%s: error: cannot read: it leads outside the templates folder "
             "'%s'\n",
             at("kl", "kinds.yaml"), at("kl", NULL));
  assert_string_equal(r.err.data, want.data);
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  listing(at("kl-out", NULL), &list);
  assert_string_equal(list.data, "");
  buf_free(&want);
  buf_free(&list);
}

/* A templates folder whose real path cannot be found (longer than
   PATH_MAX, reached by a relative name from a deep working folder) is
   refused with the reason, not as a folder without templates. */
static void test_templates_folder_unresolvable(void **state)
{
  char *exe = realpath(proc_statusgen(), NULL), *spec = realpath(SPEC, NULL);
  const char *argv[] = {NULL, "-t", "t", "-o", ".", NULL, NULL};
  char part[201];
  struct buf want = BUF_INIT;
  struct proc_result r;
  size_t depth;
  int top = open(".", O_RDONLY | O_DIRECTORY);

  (void)state;
  assert_non_null(exe);
  assert_non_null(spec);
  assert_true(top >= 0);
  memset(part, 'd', sizeof part - 1);
  part[sizeof part - 1] = '\0';
  assert_int_equal(chdir(tmp), 0);
  for (depth = 0; strlen(tmp) + depth * sizeof part <= PATH_MAX; depth++)
    assert_true(mkdir(part, 0777) == 0 && chdir(part) == 0);
  assert_int_equal(mkdir("t", 0777), 0);
  write_file("t/x.txt.mustache", "x\n");
  argv[0] = exe;
  argv[5] = spec;
  proc_result_run(&r, argv);
  assert_int_equal(fchdir(top), 0);
  close(top);
  buf_printf(&want, "t: error: cannot resolve the templates folder: %s\n",
             strerror(ENAMETOOLONG));
  assert_string_equal(r.err.data, want.data);
  assert_int_equal(r.status, 2);
  buf_free(&want);
  proc_result_free(&r);
  free(exe);
  free(spec);
}

/* An unknown name in a template is told with the nearest name valid at
   that point: a field of a context on the stack, or of the mapping that
   a dotted name steps into; a missing partial with the file looked for
   and the nearest partial of its folder; no suggestion for a name that
   is near none. */
static void test_did_you_mean(void **state)
{
  static const char *const files[][2] = {
      {"a.txt.mustache", "{{#statuses}}{{reasn}}{{/statuses}}\n"},
      {"b.txt.mustache",
       "{{#statuses}}{{#flags.retry}}x{{/flags.retry}}{{/statuses}}\n"},
      {"c.txt.mustache", "{{#classes}}{{titel}}{{/classes}}{{nope}}\n"},
      {"d.txt.mustache", "{{> row}}\n"},
      {"_rows.mustache", "{{code}}\n"}};
  const char *argv[] = {NULL, "-t", NULL, "-o", NULL, SPEC, NULL};
  struct buf want = BUF_INIT;
  struct proc_result r;
  size_t i;

  (void)state;
  mkdir(at("dym", NULL), 0777);
  mkdir(at("dym-out", NULL), 0777);
  for (i = 0; i < sizeof files / sizeof *files; i++)
    write_file(at("dym", files[i][0]), files[i][1]);
  argv[0] = proc_statusgen();
  argv[2] = at("dym", NULL);
  argv[4] = at("dym-out", NULL);
  proc_result_run(&r, argv);
  /* at() keeps four paths at a time */
  buf_printf(&want,
             "%s:1:14: error: unknown name 'reasn' (did you mean "
             "'reason'?)\n",
             at("dym", "a.txt.mustache"));
  buf_printf(&want,
             "%s:1:14: error: unknown name 'flags.retry' (did you mean "
             "'flags.retryable'?)\n",
             at("dym", "b.txt.mustache"));
  buf_printf(&want,
             "%s:1:13: error: unknown name 'titel' (did you mean 'title'?)\n"
             "%s:1:34: error: unknown name 'nope'\n",
             at("dym", "c.txt.mustache"), at("dym", "c.txt.mustache"));
  buf_printf(&want,
             "%s:1:1: error: partial 'row' not found (no file %s; did you "
             "mean '_rows'?)\n",
             at("dym", "d.txt.mustache"), at("dym", "row.mustache"));
  assert_string_equal(r.err.data, want.data);
  assert_int_equal(r.status, 2);
  proc_result_free(&r);
  buf_free(&want);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_deterministic_and_current),
      cmocka_unit_test(test_written_only_when_changed),
      cmocka_unit_test(test_check_fresh_and_stale),
      cmocka_unit_test(test_depfile),
      cmocka_unit_test(test_prefix),
      cmocka_unit_test(test_failures_leave_outputs_alone),
      cmocka_unit_test(test_bad_output_folder),
      cmocka_unit_test(test_reserved_name_refused_by_the_c_output),
      cmocka_unit_test(test_prefix_keyword),
      cmocka_unit_test(test_each_kind_escapes),
      cmocka_unit_test(test_kinds_file_leading_outside),
      cmocka_unit_test(test_templates_folder_unresolvable),
      cmocka_unit_test(test_did_you_mean),
  };

  return cmocka_run_group_tests(tests, setup, teardown);
}
