/* test_edges: the command line's promises at their edges, each seen from
   outside: statusgen runs as a process (proc.h; $STATUSGEN chooses which)
   in a scratch folder, under timeout(1) when there is one, so a run that
   blocks fails instead of hanging the tests. Outputs behind links or with
   odd modes, inputs that are FIFOs or lead outside the templates, a
   depfile or an output that would overwrite an input, names make must
   read back, names near the length limit, control characters and bad
   code points in diagnostics, running out of memory (cli_main in a child,
   the fault countdown armed), and another program editing an output
   while it is replaced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "fault.h"
#include "mustache.h"
#include "proc.h"

/* A run longer than this has blocked: timeout(1) kills it. */
#define RUN_SECONDS "20"
#define TIMEOUT "/usr/bin/timeout"
#define SPEC "spec/http_status.yaml"
#define SMALL_SPEC "tests/specs/valid/minimal.yaml"
/* The longest file name Linux file systems take. */
#define NAME_MAX_BYTES 255
/* Rounds of the test where another program edits an output. */
#define EDIT_ROUNDS 40

static char dir[256];

/* ---- the scratch folder ---- */

static int make_dir(void **state)
{
  const char *tmp = getenv("TMPDIR");

  (void)state;
  snprintf(dir, sizeof dir, "%s/statusgen-edges-XXXXXX", tmp ? tmp : "/tmp");
  umask(022);
  return mkdtemp(dir) ? 0 : -1;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
  (void)st, (void)ftw;
  return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static int remove_dir(void **state)
{
  (void)state;
  return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* name inside the scratch folder (eight at a time stay valid). */
static const char *at(const char *name)
{
  static char path[8][1024];
  static int k;

  k = (k + 1) % 8;
  snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
  return path[k];
}

static void put_file(const char *path, const char *bytes, size_t len)
{
  FILE *f = fopen(path, "wb");

  assert_non_null(f);
  assert_int_equal(fwrite(bytes, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static void put_text(const char *path, const char *text)
{
  put_file(path, text, strlen(text));
}

static void slurp(const char *path, struct buf *b)
{
  buf_init(b);
  if (proc_slurp(path, b) < 0)
    fail_msg("cannot read %s", path);
}

/* A copy of templates/ at to. */
static void copy_templates(const char *to)
{
  DIR *d = opendir("templates");
  struct dirent *e;
  char from[1024], path[1024];

  assert_non_null(d);
  assert_int_equal(mkdir(to, 0777), 0);
  while ((e = readdir(d))) {
    struct buf b;

    if (e->d_name[0] == '.')
      continue;
    snprintf(from, sizeof from, "templates/%s", e->d_name);
    snprintf(path, sizeof path, "%s/%s", to, e->d_name);
    slurp(from, &b);
    put_file(path, b.data, b.len);
    buf_free(&b);
  }
  closedir(d);
}

/* ---- running statusgen ---- */

/* Runs statusgen with the arguments given (NULL ends them). */
static void sg(struct proc_result *r, ...)
{
  const char *argv[32];
  size_t n = 0;
  va_list ap;
  const char *a;

  if (access(TIMEOUT, X_OK) == 0) {
    argv[n++] = TIMEOUT;
    argv[n++] = "-s";
    argv[n++] = "KILL";
    argv[n++] = RUN_SECONDS;
  }
  argv[n++] = proc_statusgen();
  va_start(ap, r);
  while ((a = va_arg(ap, const char *)) && n < 31)
    argv[n++] = a;
  va_end(ap);
  argv[n] = NULL;
  proc_result_run(r, argv);
}

/* The outputs of SPEC from the templates at t, freshly generated into
   the folder out. */
static void generate_with(const char *t, const char *out)
{
  struct proc_result r;

  assert_int_equal(mkdir(out, 0777), 0);
  sg(&r, "-q", "-t", t, "-o", out, SPEC, NULL);
  if (r.status != 0)
    fail_msg("generating into %s: exit %d: %s", out, r.status, r.err.data);
  proc_result_free(&r);
}

static void generate_into(const char *out)
{
  generate_with("templates", out);
}

static int not_dots(const struct dirent *e)
{
  return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

/* What a folder holds, to see whether anything moved: each entry's name,
   inode, mode, mtime and (for a file) bytes, sorted by name. */
static void folder_state(const char *path, struct buf *out)
{
  struct dirent **names;
  int n = scandir(path, &names, not_dots, alphasort), i;

  buf_init(out);
  assert_true(n >= 0);
  for (i = 0; i < n; i++) {
    char p[1024];
    struct stat st;

    snprintf(p, sizeof p, "%s/%s", path, names[i]->d_name);
    assert_int_equal(lstat(p, &st), 0);
    buf_printf(out, "%s %lu %o %ld.%09ld\n", names[i]->d_name,
               (unsigned long)st.st_ino, (unsigned)st.st_mode,
               (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    if (S_ISREG(st.st_mode))
      assert_int_equal(proc_slurp(p, out), 0);
    free(names[i]);
  }
  free(names);
}

/* Wants exit status 2 and exactly want on stderr. */
static void assert_error_text(int status, const struct buf *err,
                              const char *want)
{
  if (strcmp(err->data, want) != 0)
    print_error("expected:\n%sgot:\n%s", want, err->data);
  assert_string_equal(err->data, want);
  assert_int_equal(status, 2);
}

static void assert_error(const struct proc_result *r, const char *want)
{
  assert_error_text(r->status, &r->err, want);
}

/* Wants r refused with exactly want, and folder as before says it was
   (frees r and before). */
static void assert_refused_keeping(struct proc_result *r, const char *want,
                                   const char *folder, struct buf *before)
{
  struct buf after;

  assert_error(r, want);
  folder_state(folder, &after);
  assert_string_equal(after.data, before->data);
  buf_free(&after);
  buf_free(before);
  proc_result_free(r);
}

/* Wants the file at path to be a regular file of mode 0644 (0666 less
   the umask 022) holding the bytes of the file at ref. */
static void assert_new_file(const char *path, const char *ref)
{
  struct stat st;
  struct buf got, want;

  assert_int_equal(lstat(path, &st), 0);
  assert_true(S_ISREG(st.st_mode));
  assert_int_equal(st.st_mode & 07777, 0644);
  slurp(path, &got);
  slurp(ref, &want);
  assert_int_equal(got.len, want.len);
  assert_memory_equal(got.data, want.data, got.len);
  buf_free(&got);
  buf_free(&want);
}

/* ---- outputs behind links and odd modes ---- */

static void
test_output_linked_to_dev_null_becomes_a_file_of_mode_0644(void **state)
{
  struct proc_result r;
  struct stat st;

  (void)state;
  generate_into(at("ref"));
  generate_into(at("out"));
  assert_int_equal(unlink(at("out/http_status.h")), 0);
  assert_int_equal(symlink("/dev/null", at("out/http_status.h")), 0);
  sg(&r, "-q", "-o", at("out"), SPEC, NULL);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_new_file(at("out/http_status.h"), at("ref/http_status.h"));
  assert_int_equal(stat("/dev/null", &st), 0);
  assert_true(S_ISCHR(st.st_mode));
  proc_result_free(&r);
}

static void
test_output_linked_to_a_mode_6777_file_leaves_it_untouched(void **state)
{
  struct proc_result r;
  struct stat before, after;
  struct buf b;

  (void)state;
  generate_into(at("ref"));
  generate_into(at("out"));
  put_text(at("target"), "not an output\n");
  assert_int_equal(chmod(at("target"), 06777), 0);
  assert_int_equal(stat(at("target"), &before), 0);
  assert_int_equal(unlink(at("out/http_status.c")), 0);
  assert_int_equal(symlink(at("target"), at("out/http_status.c")), 0);
  sg(&r, "-q", "-o", at("out"), SPEC, NULL);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_new_file(at("out/http_status.c"), at("ref/http_status.c"));
  assert_int_equal(stat(at("target"), &after), 0);
  assert_int_equal(after.st_mode, before.st_mode);
  slurp(at("target"), &b);
  assert_string_equal(b.data, "not an output\n");
  buf_free(&b);
  proc_result_free(&r);
}

static void
test_output_of_mode_6777_is_replaced_by_one_of_mode_0644(void **state)
{
  struct proc_result r;

  (void)state;
  generate_into(at("ref"));
  generate_into(at("out"));
  put_text(at("out/http_status.md"), "stale\n");
  assert_int_equal(chmod(at("out/http_status.md"), 06777), 0);
  sg(&r, "-q", "-o", at("out"), SPEC, NULL);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  assert_new_file(at("out/http_status.md"), at("ref/http_status.md"));
  proc_result_free(&r);
}

/* ---- inputs that are not regular files of the templates folder ---- */

/* Runs SPEC with the templates at t, to write then to check; both must
   fail with want alone and leave the outputs as they were. */
static void assert_refused(const char *t, const char *want)
{
  struct proc_result r;
  struct buf before, after;

  folder_state(at("out"), &before);
  sg(&r, "-q", "-t", t, "-o", at("out"), SPEC, NULL);
  assert_error(&r, want);
  proc_result_free(&r);
  sg(&r, "--check", "-t", t, "-o", at("out"), SPEC, NULL);
  assert_error(&r, want);
  assert_string_equal(r.out.data, "");
  proc_result_free(&r);
  folder_state(at("out"), &after);
  assert_string_equal(after.data, before.data);
  buf_free(&before);
  buf_free(&after);
}

static void test_template_linked_outside_the_folder_is_refused(void **state)
{
  struct buf want = BUF_INIT;

  (void)state;
  generate_into(at("out"));
  copy_templates(at("t"));
  put_text(at("outside.mustache"), "/* {{title}} */\n");
  assert_int_equal(unlink(at("t/{{prefix}}.h.mustache")), 0);
  assert_int_equal(
      symlink(at("outside.mustache"), at("t/{{prefix}}.h.mustache")), 0);
  buf_printf(&want,
             "%s: error: cannot read: it leads outside the templates "
             "folder '%s'\n",
             at("t/{{prefix}}.h.mustache"), at("t"));
  assert_refused(at("t"), want.data);
  buf_free(&want);
}

/* The file name of a copied templates folder made a FIFO: the run is
   refused at once, naming it. */
static void assert_fifo_refused(const char *name)
{
  struct buf path = BUF_INIT, want = BUF_INIT;

  generate_into(at("out"));
  copy_templates(at("t"));
  buf_printf(&path, "t/%s", name);
  assert_int_equal(unlink(at(path.data)), 0);
  assert_int_equal(mkfifo(at(path.data), 0666), 0);
  buf_printf(&want, "%s: error: cannot read: not a regular file (a FIFO)\n",
             at(path.data));
  assert_refused(at("t"), want.data);
  buf_free(&path);
  buf_free(&want);
}

static void
test_template_that_is_a_fifo_is_refused_without_blocking(void **state)
{
  (void)state;
  assert_fifo_refused("{{prefix}}.h.mustache");
}

static void
test_partial_that_is_a_fifo_is_refused_without_blocking(void **state)
{
  (void)state;
  assert_fifo_refused("_decls.mustache");
}

static void test_partial_linked_to_dev_zero_is_refused(void **state)
{
  static const char message[] =
      ": error: partial '_decls' is outside the templates folder\n";
  struct proc_result r;
  const char *p, *nl;

  (void)state;
  generate_into(at("out"));
  copy_templates(at("t"));
  assert_int_equal(unlink(at("t/_decls.mustache")), 0);
  assert_int_equal(symlink("/dev/zero", at("t/_decls.mustache")), 0);
  sg(&r, "-q", "-t", at("t"), "-o", at("out"), SPEC, NULL);
  assert_int_equal(r.status, 2);
  assert_true(r.err.len > 0);
  for (p = r.err.data; *p; p = nl + 1) { /* one line per template using it */
    nl = strchr(p, '\n');
    assert_non_null(nl);
    assert_true(strncmp(p, at("t/"), strlen(at("t/"))) == 0);
    assert_true((size_t)(nl - p) > sizeof message - 2);
    assert_memory_equal(nl + 1 - (sizeof message - 1), message,
                        sizeof message - 1);
  }
  proc_result_free(&r);
}

static void test_output_that_is_a_fifo_is_refused_without_blocking(void **state)
{
  struct buf want = BUF_INIT;

  (void)state;
  generate_into(at("out"));
  assert_int_equal(unlink(at("out/http_status.h")), 0);
  assert_int_equal(mkfifo(at("out/http_status.h"), 0666), 0);
  buf_printf(&want,
             "%s: error: cannot replace: it is a FIFO, not a regular "
             "file\n",
             at("out/http_status.h"));
  assert_refused("templates", want.data);
  buf_free(&want);
}

/* ---- inputs are never overwritten ---- */

static void test_depfile_naming_an_output_is_refused(void **state)
{
  struct proc_result r;
  struct buf want = BUF_INIT, before;

  (void)state;
  generate_into(at("out"));
  folder_state(at("out"), &before);
  sg(&r, "-q", "-o", at("out"), "-M", at("out/http_status.h"), SPEC, NULL);
  buf_printf(&want, "%s: error: written twice: also as '%s'\n",
             at("out/http_status.h"), at("out/http_status.h"));
  assert_refused_keeping(&r, want.data, at("out"), &before);
  buf_free(&want);
}

static void test_depfile_naming_the_spec_is_refused(void **state)
{
  struct proc_result r;
  struct buf want = BUF_INIT, before;

  (void)state;
  generate_into(at("out"));
  assert_int_equal(mkdir(at("spec"), 0777), 0);
  slurp(SPEC, &before);
  put_file(at("spec/http_status.yaml"), before.data, before.len);
  buf_free(&before);
  folder_state(at("spec"), &before);
  sg(&r, "-q", "-o", at("out"), "-M", at("spec/http_status.yaml"),
     at("spec/http_status.yaml"), NULL);
  buf_printf(&want, "%s: error: would overwrite the input '%s'\n",
             at("spec/http_status.yaml"), at("spec/http_status.yaml"));
  assert_refused_keeping(&r, want.data, at("spec"), &before);
  buf_free(&want);
}

static void test_output_named_as_the_spec_is_refused(void **state)
{
  struct proc_result r;
  struct buf want = BUF_INIT, before;

  (void)state;
  assert_int_equal(mkdir(at("t"), 0777), 0);
  put_text(at("t/{{prefix}}.yaml.mustache"), "name: {{prefix}}\n");
  put_text(at("t/kinds.yaml"), ".yaml: text\n");
  assert_int_equal(mkdir(at("spec"), 0777), 0);
  slurp(SPEC, &before);
  put_file(at("spec/http_status.yaml"), before.data, before.len);
  buf_free(&before);
  folder_state(at("spec"), &before);
  sg(&r, "-q", "-t", at("t"), "-o", at("spec"), at("spec/http_status.yaml"),
     NULL);
  buf_printf(&want, "%s: error: would overwrite the input '%s'\n",
             at("spec/http_status.yaml"), at("spec/http_status.yaml"));
  assert_refused_keeping(&r, want.data, at("spec"), &before);
  buf_free(&want);
}

/* ---- names ---- */

/* A templates folder t holding one template, whose output is named
   "a" c "b.h". */
static void one_template(const char *t, char c)
{
  char name[64];

  snprintf(name, sizeof name, "%s/a%cb.h.mustache", t, c);
  if (mkdir(t, 0777) < 0)
    assert_int_equal(errno, EEXIST);
  put_text(name, "/* {{title}} */\n");
}

static void test_depfile_refuses_names_make_cannot_read(void **state)
{
  static const char chars[] = ";=|()\\";
  size_t i;

  (void)state;
  for (i = 0; chars[i]; i++) {
    struct proc_result r;
    struct buf t = BUF_INIT, out = BUF_INIT, want = BUF_INIT, after;
    char dep[1024];

    buf_printf(&t, "t%lu", (unsigned long)i);
    buf_printf(&out, "out%lu", (unsigned long)i);
    one_template(at(t.data), chars[i]);
    assert_int_equal(mkdir(at(out.data), 0777), 0);
    snprintf(dep, sizeof dep, "%s/dep.d", at(out.data));
    sg(&r, "-q", "-t", at(t.data), "-o", at(out.data), "-M", dep, SMALL_SPEC,
       NULL);
    buf_printf(&want,
               "%s: error: cannot name '%s/a%cb.h' in a depfile: "
               "make cannot read a file name holding ';', '=', '\\', '(', "
               "')', '|' or a control character\n",
               dep, at(out.data), chars[i]);
    assert_error(&r, want.data);
    folder_state(at(out.data), &after);
    assert_string_equal(after.data, ""); /* nothing written */
    buf_free(&after);
    buf_free(&want);
    buf_free(&t);
    buf_free(&out);
    proc_result_free(&r);
  }
}

static const char *find_make(void)
{
  return access("/usr/bin/make", X_OK) == 0 ? "/usr/bin/make"
         : access("/bin/make", X_OK) == 0   ? "/bin/make"
                                            : NULL;
}

/* GNU make reads the depfile back: each output has the spec and its
   template as prerequisites, whatever its name holds. */
static void test_depfile_names_make_reads_back(void **state)
{
  static const char chars[] = ":%# *?[$";
  const char *make = find_make();
  size_t i;

  (void)state;
  if (!make)
    skip();
  put_text(at("mk"), "include $(DEP)\n"
                     "%:: ; $(info build [$@] from [$^])\n");
  for (i = 0; chars[i]; i++) {
    struct proc_result r;
    struct buf t = BUF_INIT, out = BUF_INIT, want = BUF_INIT, var = BUF_INIT;
    char dep[1024], goal[1024];
    const char *argv[8];

    buf_printf(&t, "t%lu", (unsigned long)i);
    buf_printf(&out, "out%lu", (unsigned long)i);
    one_template(at(t.data), chars[i]);
    assert_int_equal(mkdir(at(out.data), 0777), 0);
    snprintf(dep, sizeof dep, "%s/dep.d", at(out.data));
    sg(&r, "-q", "-t", at(t.data), "-o", at(out.data), "-M", dep, SMALL_SPEC,
       NULL);
    assert_string_equal(r.err.data, "");
    assert_int_equal(r.status, 0);
    proc_result_free(&r);
    snprintf(goal, sizeof goal, "%s/a%cb.h", at(out.data), chars[i]);
    buf_printf(&var, "DEP=%s", dep);
    argv[0] = make, argv[1] = "-s", argv[2] = "-B", argv[3] = "-f";
    argv[4] = at("mk"), argv[5] = var.data, argv[6] = goal, argv[7] = NULL;
    proc_result_run(&r, argv);
    buf_printf(&want, "build [%s] from [" SMALL_SPEC " %s/a%cb.h.mustache]\n",
               goal, at(t.data), chars[i]);
    if (!strstr(r.out.data, want.data))
      print_error("'%c': make said:\n%s%s", chars[i], r.out.data, r.err.data);
    assert_non_null(strstr(r.out.data, want.data));
    proc_result_free(&r);
    buf_free(&want);
    buf_free(&var);
    buf_free(&t);
    buf_free(&out);
  }
}

/* The templates {{prefix}}.h, {{prefix}}_.h ... with `under` underscores
   at most, at t; with a prefix of NAME_MAX_BYTES - 2 - 5 bytes their
   outputs are named with 250 bytes and more. */
static void long_name_templates(const char *t, size_t under)
{
  char name[64];
  size_t k;

  assert_int_equal(mkdir(t, 0777), 0);
  for (k = 0; k <= under; k++) {
    snprintf(name, sizeof name, "%s/{{prefix}}%.*s.h.mustache", t, (int)k,
             "__________");
    put_text(name, "{{prefix}}\n");
  }
}

static void long_prefix(char *p, size_t len)
{
  memset(p, 'a', len);
  p[len] = '\0';
}

static void test_output_names_of_250_to_255_bytes_are_written(void **state)
{
  char prefix[NAME_MAX_BYTES + 1], path[1024];
  struct proc_result r;
  struct buf listing;
  size_t k, len = NAME_MAX_BYTES - 2 - 5;

  (void)state;
  long_prefix(prefix, len);
  long_name_templates(at("t"), 5);
  assert_int_equal(mkdir(at("out"), 0777), 0);
  sg(&r, "-q", "--prefix", prefix, "-t", at("t"), "-o", at("out"), SMALL_SPEC,
     NULL);
  assert_string_equal(r.err.data, "");
  assert_int_equal(r.status, 0);
  for (k = 0; k <= 5; k++) {
    struct buf b;

    snprintf(path, sizeof path, "%s/%s%.*s.h", at("out"), prefix, (int)k,
             "_____");
    assert_int_equal(strlen(strrchr(path, '/') + 1), 250 + k);
    slurp(path, &b);
    assert_int_equal(b.len, len + 1);
    assert_memory_equal(b.data, prefix, len);
    buf_free(&b);
  }
  folder_state(at("out"), &listing);
  assert_null(strstr(listing.data, ".statusgen-"));
  buf_free(&listing);
  proc_result_free(&r);
}

static void
test_output_name_of_256_bytes_is_an_error_and_nothing_is_written(void **state)
{
  char prefix[NAME_MAX_BYTES + 1];
  struct proc_result r;
  struct buf listing, want = BUF_INIT;
  size_t len = NAME_MAX_BYTES - 2 - 5;

  (void)state;
  long_prefix(prefix, len);
  long_name_templates(at("t"), 6);
  assert_int_equal(mkdir(at("out"), 0777), 0);
  sg(&r, "-q", "--prefix", prefix, "-t", at("t"), "-o", at("out"), SMALL_SPEC,
     NULL);
  buf_printf(&want, "%s/%s______.h: error: cannot read: %s\n", at("out"),
             prefix, strerror(ENAMETOOLONG));
  assert_error(&r, want.data);
  folder_state(at("out"), &listing);
  assert_string_equal(listing.data, "");
  buf_free(&listing);
  buf_free(&want);
  proc_result_free(&r);
}

static void
test_newline_in_an_output_name_gives_a_one_line_diagnostic(void **state)
{
  struct proc_result r;
  struct buf want = BUF_INIT;

  (void)state;
  put_text(at("spec.yaml"), "name: forged\n"
                            "title: \"a\\n/etc/passwd:1:1: error: forged\"\n"
                            "source: the test\n"
                            "statuses:\n"
                            "  - code: 1\n"
                            "    reason: One\n"
                            "    description: The first.\n");
  assert_int_equal(mkdir(at("t"), 0777), 0);
  put_text(at("t/{{title}}.h.mustache"), "/* {{title}} */\n");
  assert_int_equal(mkdir(at("out"), 0777), 0);
  sg(&r, "-q", "-t", at("t"), "-o", at("out"), at("spec.yaml"), NULL);
  buf_printf(&want,
             "%s: error: its name gives 'a\\n/etc/passwd:1:1: error: "
             "forged.h', which is no plain file name\n",
             at("t/{{title}}.h.mustache"));
  assert_error(&r, want.data);
  buf_free(&want);
  proc_result_free(&r);
}

/* ---- diagnostics ---- */

static void
test_utf8_surrogate_and_past_u10ffff_are_named_as_code_points(void **state)
{
  static const struct {
    const char *bytes, *says;
  } rows[] = {
      {"\xED\xA0\x80", "invalid Unicode character (U+D800)"},
      {"\xED\xBF\xBF", "invalid Unicode character (U+DFFF)"},
      {"\xF4\x90\x80\x80",
       "invalid Unicode character (0x110000, past U+10FFFF)"},
      {"\xFF", "invalid leading UTF-8 octet (byte 0xFF)"},
  };
  size_t i;

  (void)state;
  for (i = 0; i < sizeof rows / sizeof *rows; i++) {
    struct proc_result r;
    struct buf spec = BUF_INIT, want = BUF_INIT;

    buf_printf(&spec, "name: x\ntitle: \"a%sb\"\nsource: s\nstatuses: []\n",
               rows[i].bytes);
    put_text(at("bad.yaml"), spec.data);
    sg(&r, "--dump-model", at("bad.yaml"), NULL);
    buf_printf(&want, "%s:2:10: error: %s\n", at("bad.yaml"), rows[i].says);
    assert_error(&r, want.data);
    assert_null(strstr(r.err.data, "(byte 0x00)"));
    proc_result_free(&r);
    buf_free(&spec);
    buf_free(&want);
  }
}

/* ---- out of memory ---- */

/* Runs cli_main with argv in a child, its nth fallible call failing (0:
   none); stderr to err. Returns the exit status (128 + a signal) and,
   in *calls, how many fallible calls the child made (when it returned). */
static int cli_child(char **argv, unsigned long n, struct buf *err,
                     unsigned long *calls)
{
  FILE *fe = tmpfile();
  int fds[2], ws, argc = 0;
  pid_t pid;

  assert_non_null(fe);
  assert_int_equal(pipe(fds), 0);
  while (argv[argc])
    argc++;
  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    unsigned long made;
    int status;

    signal(SIGSEGV, SIG_DFL), signal(SIGABRT, SIG_DFL);
    close(fds[0]);
    if (dup2(fileno(fe), 2) < 0)
      _exit(126);
    alarm(60);
    fault_arm(n);
    made = fault_calls();
    status = cli_main(argc, argv);
    made = fault_calls() - made;
    if (write(fds[1], &made, sizeof made) < 0)
      _exit(126);
    _exit(status);
  }
  close(fds[1]);
  *calls = 0;
  if (read(fds[0], calls, sizeof *calls) != (ssize_t)sizeof *calls)
    *calls = 0;
  close(fds[0]);
  assert_int_equal(waitpid(pid, &ws, 0), pid);
  buf_init(err);
  rewind(fe);
  for (;;) {
    char chunk[4096];
    size_t k = fread(chunk, 1, sizeof chunk, fe);

    if (!k)
      break;
    buf_put(err, chunk, k);
  }
  fclose(fe);
  return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
}

/* The folder out, holding outputs of another spec under the HTTP spec's
   file names: a run of SPEC replaces them all. */
static void old_outputs(const char *out)
{
  struct proc_result r;

  nftw(out, remove_one, 16, FTW_DEPTH | FTW_PHYS);
  assert_int_equal(mkdir(out, 0777), 0);
  sg(&r, "-q", "--prefix", "http_status", "-o", out, SMALL_SPEC, NULL);
  assert_int_equal(r.status, 0);
  proc_result_free(&r);
}

/* The last allocation of a run comes once every temporary is written:
   the out-of-memory exit must remove them all and say one line. */
static void
test_out_of_memory_exits_2_with_one_line_and_no_temporary(void **state)
{
  static char prog[] = "statusgen", q[] = "-q", o[] = "-o", spec[] = SPEC;
  char *argv[6];
  char out[1024];
  unsigned long total, n, calls;
  struct buf err, want = BUF_INIT;
  int found = 0;

  (void)state;
  if (proc_under_valgrind())
    skip();
  snprintf(out, sizeof out, "%s", at("out"));
  argv[0] = prog, argv[1] = q, argv[2] = o, argv[3] = out, argv[4] = spec;
  argv[5] = NULL;
  old_outputs(out);
  assert_int_equal(cli_child(argv, 0, &err, &total), 0);
  buf_free(&err);
  assert_true(total > 0);
  buf_printf(&want, "%s: error: out of memory\n", out);
  for (n = total; n > 0 && !found; n--) { /* the last allocation first */
    struct buf before, after;
    int status;

    old_outputs(out);
    folder_state(out, &before);
    status = cli_child(argv, n, &err, &calls);
    folder_state(out, &after);
    if (strstr(err.data, "out of memory")) {
      found = 1;
      assert_error_text(status, &err, want.data);
      assert_string_equal(after.data, before.data); /* no temporary left */
    }
    buf_free(&before);
    buf_free(&after);
    buf_free(&err);
  }
  assert_true(found);
  buf_free(&want);
}

/* ---- another program at work on an output ---- */

/* Until killed: writes a and b in turn over the file at path, in place,
   through one descriptor opened before it says it is ready on fd. */
static void editor(const char *path, const struct buf *a, const struct buf *b,
                   int ready)
{
  int fd = open(path, O_WRONLY);

  if (fd < 0 || write(ready, "!", 1) != 1)
    _exit(1);
  for (;;) {
    if (pwrite(fd, a->data, a->len, 0) < 0 ||
        pwrite(fd, b->data, b->len, 0) < 0)
      _exit(1);
  }
}

/* A copy of the templates at t whose C source template is repeated,
   so that its output is rendered and compared in many pieces. */
static void big_templates(const char *t)
{
  struct buf one, many = BUF_INIT;
  int k;

  copy_templates(t);
  slurp("templates/{{prefix}}.c.mustache", &one);
  for (k = 0; k < 16; k++)
    buf_put(&many, one.data, one.len);
  put_file(at("t/{{prefix}}.c.mustache"), many.data, many.len);
  buf_free(&one);
  buf_free(&many);
}

/* While another program rewrites the old output in place, in turn with
   two texts that differ from the new one in their last byte (and the
   second in its first half too, so that no mix of them reads as the new
   text), each run writes exactly the new text: nothing it writes comes
   from re-reading the old file. */
static void test_output_edited_during_runs_is_written_as_rendered(void **state)
{
  struct buf want, v1 = BUF_INIT, v2 = BUF_INIT, listing;
  int round;

  (void)state;
  big_templates(at("t"));
  generate_with(at("t"), at("ref"));
  generate_with(at("t"), at("out"));
  slurp(at("ref/http_status.c"), &want);
  assert_true(want.len > 3 * MUSTACHE_FLUSH_AT); /* fed in several pieces */
  buf_put(&v1, want.data, want.len);
  v1.data[v1.len - 1] ^= 1;
  buf_put(&v2, v1.data, v1.len);
  memset(v2.data, '#', v2.len / 2);
  for (round = 0; round < EDIT_ROUNDS; round++) {
    struct proc_result r;
    struct buf got;
    int fds[2];
    char c;
    pid_t pid;

    unlink(at("out/http_status.c"));
    put_file(at("out/http_status.c"), v1.data, v1.len);
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
      editor(at("out/http_status.c"), &v2, &v1, fds[1]);
    close(fds[1]);
    assert_int_equal(read(fds[0], &c, 1), 1);
    close(fds[0]);
    sg(&r, "-q", "-t", at("t"), "-o", at("out"), SPEC, NULL);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    assert_string_equal(r.err.data, "");
    assert_int_equal(r.status, 0);
    slurp(at("out/http_status.c"), &got);
    if (got.len != want.len || memcmp(got.data, want.data, got.len) != 0)
      fail_msg("round %d: the output holds bytes it did not render", round);
    buf_free(&got);
    proc_result_free(&r);
  }
  folder_state(at("out"), &listing);
  assert_null(strstr(listing.data, ".statusgen-"));
  buf_free(&listing);
  buf_free(&want);
  buf_free(&v1);
  buf_free(&v2);
}

#define EDGE(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
  const struct CMUnitTest tests[] = {
      EDGE(test_output_linked_to_dev_null_becomes_a_file_of_mode_0644),
      EDGE(test_output_linked_to_a_mode_6777_file_leaves_it_untouched),
      EDGE(test_output_of_mode_6777_is_replaced_by_one_of_mode_0644),
      EDGE(test_template_linked_outside_the_folder_is_refused),
      EDGE(test_template_that_is_a_fifo_is_refused_without_blocking),
      EDGE(test_partial_that_is_a_fifo_is_refused_without_blocking),
      EDGE(test_partial_linked_to_dev_zero_is_refused),
      EDGE(test_output_that_is_a_fifo_is_refused_without_blocking),
      EDGE(test_depfile_naming_an_output_is_refused),
      EDGE(test_depfile_naming_the_spec_is_refused),
      EDGE(test_output_named_as_the_spec_is_refused),
      EDGE(test_depfile_refuses_names_make_cannot_read),
      EDGE(test_depfile_names_make_reads_back),
      EDGE(test_output_names_of_250_to_255_bytes_are_written),
      EDGE(test_output_name_of_256_bytes_is_an_error_and_nothing_is_written),
      EDGE(test_newline_in_an_output_name_gives_a_one_line_diagnostic),
      EDGE(test_utf8_surrogate_and_past_u10ffff_are_named_as_code_points),
      EDGE(test_out_of_memory_exits_2_with_one_line_and_no_temporary),
      EDGE(test_output_edited_during_runs_is_written_as_rendered),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
