/* test_output: write-if-changed fed in pieces, all-or-nothing writes,
   --check, and make rules, in a scratch folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "output.h"
#include "proc.h"

static char dir[64];

static int make_dir(void **state)
{
  const char *tmp = getenv("TMPDIR");

  (void)state;
  snprintf(dir, sizeof dir, "%s/statusgen-XXXXXX", tmp ? tmp : "/tmp");
  return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[512];

  (void)state;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.' && (!e->d_name[1] || !strcmp(e->d_name, "..")))
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    unlink(path);
    rmdir(path);
  }
  if (d)
    closedir(d);
  return rmdir(dir);
}

static const char *in_dir(const char *name)
{
  static char path[4][512];
  static int k;

  k = (k + 1) % 4;
  snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
  return path[k];
}

static void put_file(const char *name, const char *text)
{
  FILE *f = fopen(in_dir(name), "wb");

  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static void assert_file(const char *name, const char *text)
{
  struct buf b = BUF_INIT;

  assert_int_equal(proc_slurp(in_dir(name), &b), 0);
  assert_string_equal(b.data, text);
  buf_free(&b);
}

/* The names in the folder, sorted and joined by spaces. */
static void listing(struct buf *out)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char *names[32];
  size_t n = 0, i;

  while ((e = readdir(d)) && n < 32)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[n++] = strdup(e->d_name);
  closedir(d);
  for (i = 1; i < n; i++) { /* insertion sort: a handful of names */
    char *x = names[i];
    size_t j = i;

    for (; j > 0 && strcmp(names[j - 1], x) > 0; j--)
      names[j] = names[j - 1];
    names[j] = x;
  }
  for (i = 0; i < n; i++) {
    buf_printf(out, "%s%s", i ? " " : "", names[i]);
    free(names[i]);
  }
}

static void record(void *closure, const char *path, enum output_state s)
{
  struct buf *b = closure;
  const char *slash = strrchr(path, '/');

  buf_printf(b, "%s=%s ", slash ? slash + 1 : path,
             s == OUTPUT_WRITTEN ? "written"
             : s == OUTPUT_STALE ? "stale" : "same");
}

static void test_writes_only_changed_files(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf log = BUF_INIT;
  struct stat before, after;
  const struct timeval past[2] = {{946684800, 0}, {946684800, 0}};

  (void)state;
  put_file("same.h", "kept\n");
  put_file("old.c", "old\n");
  assert_int_equal(utimes(in_dir("same.h"), past), 0); /* a rewrite would
                                                          move it to now */
  assert_int_equal(stat(in_dir("same.h"), &before), 0);
  assert_int_equal(output_add(o, in_dir("same.h"), "kept\n", 5, d), 0);
  assert_int_equal(output_add(o, in_dir("old.c"), "new\n", 4, d), 0);
  assert_int_equal(output_add(o, in_dir("fresh.md"), "made\n", 5, d), 0);
  assert_int_equal(output_commit(o, record, &log, d), 2);
  assert_string_equal(log.data, "same.h=same old.c=written fresh.md=written ");
  assert_int_equal(stat(in_dir("same.h"), &after), 0);
  assert_int_equal(after.st_mtime, 946684800);
  assert_int_equal(before.st_mtime, after.st_mtime);
  assert_file("old.c", "new\n");
  assert_file("fresh.md", "made\n");
  buf_clear(&log);
  listing(&log);
  assert_string_equal(log.data, "fresh.md old.c same.h");
  assert_int_equal(diag_count(d), 0);
  buf_free(&log);
  output_free(o);
  diag_free(d);
}

static void test_check_reports_stale_and_writes_nothing(void **state)
{
  struct output *o = output_new(1, 0);
  struct diag *d = diag_new();
  struct buf log = BUF_INIT;

  (void)state;
  put_file("a.h", "current\n");
  put_file("b.h", "old\n");
  put_file("d.h", "longer");
  output_add(o, in_dir("a.h"), "current\n", 8, d);
  output_add(o, in_dir("b.h"), "new\n", 4, d);
  output_add(o, in_dir("c.h"), "missing\n", 8, d);
  output_add(o, in_dir("d.h"), "longer than on disk\n", 20, d);
  assert_int_equal(output_commit(o, record, &log, d), 3);
  assert_string_equal(log.data, "a.h=same b.h=stale c.h=stale d.h=stale ");
  assert_file("b.h", "old\n");
  buf_clear(&log);
  listing(&log);
  assert_string_equal(log.data, "a.h b.h d.h");
  buf_free(&log);
  output_free(o);
  diag_free(d);
}

/* Writes past 6 bytes fail (a file size limit, as a full disk would). */
static void test_full_disk_changes_nothing(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf log = BUF_INIT, want = BUF_INIT;
  struct rlimit was, small;

  (void)state;
  put_file("one.h", "one\n");
  put_file("two.h", "two\n");
  signal(SIGXFSZ, SIG_IGN);
  getrlimit(RLIMIT_FSIZE, &was);
  small = was;
  small.rlim_cur = 6;
  setrlimit(RLIMIT_FSIZE, &small);
  assert_int_equal(output_add(o, in_dir("one.h"), "ONE\n", 4, d), 0);
  assert_int_equal(output_add(o, in_dir("two.h"), "TWO!TWO!\n", 9, d), -1);
  setrlimit(RLIMIT_FSIZE, &was);
  output_free(o); /* not committed: the caller gives up */
  assert_file("one.h", "one\n");
  assert_file("two.h", "two\n");
  listing(&log);
  assert_string_equal(log.data, "one.h two.h"); /* no temporary left */
  assert_int_equal(diag_count(d), 1);
  buf_printf(&want, "%s: error: cannot write: %s", in_dir("two.h"),
             strerror(EFBIG));
  assert_string_equal(diag_message(d, 0), want.data);
  buf_free(&want);
  buf_free(&log);
  diag_free(d);
}

static void test_missing_folder_and_folder_in_the_way(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf want = BUF_INIT;

  (void)state;
  assert_int_equal(mkdir(in_dir("sub.h"), 0777), 0);
  assert_int_equal(output_add(o, in_dir("sub.h"), "x", 1, d), -1);
  assert_int_equal(output_add(o, in_dir("nowhere/x.h"), "x", 1, d), -1);
  buf_printf(&want, "%s: error: cannot replace: it is a folder, not a "
             "regular file", in_dir("sub.h"));
  assert_string_equal(diag_message(d, 0), want.data);
  buf_clear(&want);
  buf_printf(&want, "%s: error: cannot use its folder: "
             "No such file or directory", in_dir("nowhere/x.h"));
  assert_string_equal(diag_message(d, 1), want.data);
  assert_int_equal(diag_count(d), 2);
  rmdir(in_dir("sub.h"));
  buf_free(&want);
  output_free(o);
  diag_free(d);
}

static void test_new_file_mode_follows_umask(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct stat st;
  mode_t old = umask(022);

  (void)state;
  output_add(o, in_dir("mode.h"), "m\n", 2, d);
  assert_int_equal(output_commit(o, NULL, NULL, d), 1);
  assert_int_equal(stat(in_dir("mode.h"), &st), 0);
  assert_int_equal(st.st_mode & 0777, 0644);
  umask(old);
  output_free(o);
  diag_free(d);
}

/* Feeds text in pieces of step bytes to a file that holds old. */
static void feed(const char *old, const char *text, size_t len, size_t step,
                 int want_changed)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct output_file *f;
  struct buf got = BUF_INIT;
  size_t i;

  if (old)
    put_file("fed.c", old);
  else
    unlink(in_dir("fed.c"));
  f = output_begin(o, in_dir("fed.c"), d);
  assert_non_null(f);
  for (i = 0; i < len; i += step)
    output_put(f, text + i, len - i < step ? len - i : step);
  assert_int_equal(output_end(f, d), 0);
  assert_int_equal(output_commit(o, NULL, NULL, d), want_changed);
  assert_int_equal(proc_slurp(in_dir("fed.c"), &got), 0);
  assert_int_equal(got.len, len);
  assert_memory_equal(got.data, text, len);
  buf_free(&got);
  output_free(o);
  diag_free(d);
}

static void test_fed_in_pieces(void **state)
{
  struct buf big = BUF_INIT, other = BUF_INIT;
  size_t i;

  (void)state;
  feed("abcdef", "abcdef", 6, 1, 0);
  feed("abcdef", "abcdef", 6, 4, 0);
  feed("abcdef", "abcXef", 6, 2, 1);  /* differs in the middle */
  feed("abcdef", "abc", 3, 2, 1);     /* the old file is longer */
  feed("abc", "abcdef", 6, 4, 1);     /* the old file is shorter */
  feed(NULL, "new file", 8, 3, 1);
  feed("", "", 0, 1, 0);
  for (i = 0; i < 300000; i++)
    buf_putc(&big, (char)('a' + i % 23));
  buf_put(&other, big.data, big.len);
  other.data[200000] = '!'; /* past the first chunks */
  feed(big.data, big.data, big.len, 70000, 0);
  feed(big.data, other.data, other.len, 65536, 1);
  feed(other.data, big.data, big.len, 1000, 1);
  buf_free(&big);
  buf_free(&other);
}

static void test_make_rule(void **state)
{
  static const char *const targets[] = {"out/a.h", "out/my file.c"};
  static const char *const deps[] = {"spec/x.yaml", "t/#1$.mustache"};
  struct buf b = BUF_INIT;
  const char *bad = NULL;

  (void)state;
  assert_int_equal(output_make_rule(&b, targets, 2, deps, 2, &bad), 0);
  assert_string_equal(b.data, "out/a.h out/my\\ file.c: \\\n"
                              "  spec/x.yaml \\\n"
                              "  t/\\#1$$.mustache\n");
  buf_free(&b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_writes_only_changed_files, make_dir,
                                    remove_dir),
    cmocka_unit_test_setup_teardown(test_check_reports_stale_and_writes_nothing,
                                    make_dir, remove_dir),
    cmocka_unit_test_setup_teardown(test_full_disk_changes_nothing, make_dir,
                                    remove_dir),
    cmocka_unit_test_setup_teardown(test_missing_folder_and_folder_in_the_way,
                                    make_dir, remove_dir),
    cmocka_unit_test_setup_teardown(test_new_file_mode_follows_umask,
                                    make_dir, remove_dir),
    cmocka_unit_test_setup_teardown(test_fed_in_pieces, make_dir, remove_dir),
    cmocka_unit_test(test_make_rule),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
