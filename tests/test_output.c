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
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fault.h"
#include "output.h"
#include "proc.h"
#include "xmem.h"

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
             : s == OUTPUT_STALE ? "stale"
                                 : "same");
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
  buf_printf(&want,
             "%s: error: cannot replace: it is a folder, not a "
             "regular file",
             in_dir("sub.h"));
  assert_string_equal(diag_message(d, 0), want.data);
  buf_clear(&want);
  buf_printf(&want,
             "%s: error: cannot use its folder: "
             "No such file or directory",
             in_dir("nowhere/x.h"));
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
  feed("abcdef", "abcXef", 6, 2, 1); /* differs in the middle */
  feed("abcdef", "abc", 3, 2, 1);    /* the old file is longer */
  feed("abc", "abcdef", 6, 4, 1);    /* the old file is shorter */
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

/* Outputs whose equal prefix outgrows what is kept in memory (1 MiB): the
   prefix goes to the temporary as it comes, and the temporary is dropped
   when the file ends equal. Every case ends with the fed bytes on disk
   and nothing else in the folder. */
static void test_long_equal_prefix(void **state)
{
  struct buf huge = BUF_INIT, late = BUF_INIT, names = BUF_INIT;
  struct stat before, after;
  size_t i;

  (void)state;
  for (i = 0; i < 3000000; i++)
    buf_putc(&huge, (char)('a' + i % 19));
  buf_put(&late, huge.data, huge.len);
  late.data[2500000] = '#'; /* past 1 MiB of equal bytes */
  put_file("fed.c", huge.data);
  assert_int_equal(stat(in_dir("fed.c"), &before), 0);
  feed(huge.data, huge.data, huge.len, 65536, 0);
  assert_int_equal(stat(in_dir("fed.c"), &after), 0);
  assert_int_equal(after.st_ino, before.st_ino); /* not rewritten */
  feed(huge.data, late.data, late.len, 65536, 1);
  feed(late.data, huge.data, 2000000, 65536, 1);    /* the old is longer */
  feed(huge.data, huge.data, huge.len, 3000000, 0); /* in one piece */
  feed(late.data, late.data, late.len, 4096, 0);
  listing(&names);
  assert_string_equal(names.data, "fed.c");
  buf_free(&huge);
  buf_free(&late);
  buf_free(&names);
}

/* Whether the file holds text (NULL: there is no file). */
static int holds(const char *name, const char *text)
{
  struct buf b = BUF_INIT;
  int r = proc_slurp(in_dir(name), &b);

  r = text ? r == 0 && strcmp(b.data, text) == 0 : r < 0;
  buf_free(&b);
  return r;
}

/* Out of memory, as statusgen ends it. */
static void exit_as_the_program_does(void)
{
  output_remove_temporaries();
  _exit(2);
}

/* A commit of three files (two replaced, one new) in a child whose Nth
   fallible call from the commit on fails: its exit status, and -1 when it
   died otherwise. */
static int commit_failing_at(unsigned long n)
{
  pid_t pid = fork();
  int status;

  if (pid == 0) {
    struct output *o = output_new(0, 0);
    struct diag *d = diag_new();

    xmem_on_exhaustion(exit_as_the_program_does);
    output_add(o, in_dir("a.h"), "A2\n", 3, d);
    output_add(o, in_dir("b.c"), "B2\n", 3, d);
    output_add(o, in_dir("c.md"), "C2\n", 3, d);
    fault_arm(n);
    status = output_commit(o, NULL, NULL, d);
    fault_arm(0);
    output_free(o);
    _exit(status == 3 ? 0 : diag_count(d) == 1 ? 2 : 3);
  }
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
    return -1;
  return WEXITSTATUS(status);
}

/* Each step of a commit failing in turn (links, journal, syncs, renames,
   the allocation before them): the files are all old or all new, and no
   temporary is left. */
static void test_failed_commit_step_puts_every_file_back(void **state)
{
  struct buf log = BUF_INIT;
  unsigned long n;
  int status = 2, failures = 0, swept = 0;

  (void)state;
  if (proc_under_valgrind()) {
    puts("test_output: the commit's fault test is skipped under valgrind");
    return;
  }
  for (n = 1; (status != 0 || swept) && n < 200; n++) {
    swept = 0;
    int old, new;

    put_file("a.h", "A1\n");
    put_file("b.c", "B1\n");
    unlink(in_dir("c.md"));
    status = commit_failing_at(n);
    old = holds("a.h", "A1\n") && holds("b.c", "B1\n") && holds("c.md", NULL);
    new = holds("a.h", "A2\n") && holds("b.c", "B2\n") && holds("c.md", "C2\n");
    buf_clear(&log);
    listing(&log);
    if (status == 0 && strncmp(log.data, ".statusgen-", 11) == 0) {
      /* Committed, but removing an old link failed: the next run to
         lock the folder removes it. */
      struct output *next = output_new(0, 0);
      struct diag *d = diag_new();

      assert_int_equal(output_lock(next, dir, d), 0);
      output_free(next);
      diag_free(d);
      buf_clear(&log);
      listing(&log);
      swept++;
    }
    if (status == 2)
      failures++;
    if (!(status == 2 && old) && !(status == 0 && new))
      fail_msg("failing call %lu: status %d, old %d, new %d", n, status, old,
               new);
    assert_string_equal(log.data, old ? "a.h b.c" : "a.h b.c c.md");
  }
  assert_int_equal(status, 0);
  assert_true(failures >= 10); /* 2 links, journal, syncs, 3 renames, ... */
  buf_free(&log);
}

/* A dead process's pid: a child that has exited and been waited for. */
static long dead_pid(void)
{
  pid_t pid = fork();

  if (pid == 0)
    _exit(0);
  waitpid(pid, NULL, 0);
  return (long)pid;
}

/* A run killed halfway through its commit left a complete journal: the
   next run to lock the folder puts the old files back. */
static void test_killed_commit_is_rolled_back_by_the_next_run(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf j = BUF_INIT, log = BUF_INIT, name = BUF_INIT;
  char *real = realpath(dir, NULL);
  long pid = dead_pid();
  FILE *f;

  (void)state;
  put_file("a.h", "A1\n");
  buf_printf(&name, ".statusgen-%ld-1.old", pid);
  assert_int_equal(link(in_dir("a.h"), in_dir(name.data)), 0);
  unlink(in_dir("a.h")); /* a new inode, as rename gives */
  put_file("a.h", "A2 was renamed in\n");
  put_file("b.c", "B2, a new file\n");
  buf_printf(&j, "old%c%s/%s%c%s/a.h%cnew%c%s/b.c%cend%c", 0, real, name.data,
             0, real, 0, 0, real, 0, 0);
  buf_clear(&name);
  buf_printf(&name, ".statusgen-%ld-3.journal", pid);
  f = fopen(in_dir(name.data), "wb");
  assert_non_null(f);
  fwrite(j.data, 1, j.len, f);
  fclose(f);
  assert_int_equal(output_lock(o, dir, d), 0);
  assert_true(holds("a.h", "A1\n"));
  listing(&log);
  assert_string_equal(log.data, "a.h");
  assert_int_equal(diag_count(d), 0);
  free(real);
  buf_free(&j);
  buf_free(&log);
  buf_free(&name);
  output_free(o);
  diag_free(d);
}

/* The files of runs no longer alive go; a live run's, and files that
   only look like ours, stay. */
static void test_leftovers_of_dead_runs_are_removed(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf log = BUF_INIT, want = BUF_INIT, name = BUF_INIT;
  long dead = dead_pid();
  long live = (long)getppid();

  (void)state;
  buf_printf(&name, ".statusgen-%ld-1.tmp", dead);
  put_file(name.data, "a dead run's temporary");
  buf_clear(&name);
  buf_printf(&name, ".statusgen-%ld-2.old", dead);
  put_file(name.data, "a dead run's old file");
  buf_clear(&name);
  buf_printf(&name, ".statusgen-%ld-3.journal", dead);
  put_file(name.data, "old\0cut short"); /* incomplete: just removed */
  buf_clear(&name);
  buf_printf(&name, ".statusgen-%ld-1.tmp", live);
  put_file(name.data, "a live run's");
  put_file(".statusgen-notes.tmp", "not ours");
  buf_clear(&name);
  buf_printf(&name, ".statusgen-%ld-1.txt", dead);
  put_file(name.data, "not ours either");
  put_file("kept.h", "x");
  assert_int_equal(output_lock(o, dir, d), 0);
  listing(&log);
  { /* the two survivors with pids, in the listing's (byte) order */
    char a[64], b[64];

    snprintf(a, sizeof a, ".statusgen-%ld-1.tmp", live);
    snprintf(b, sizeof b, ".statusgen-%ld-1.txt", dead);
    buf_printf(&want, "%s %s .statusgen-notes.tmp kept.h",
               strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
  }
  assert_string_equal(log.data, want.data);
  buf_free(&log);
  buf_free(&want);
  buf_free(&name);
  output_free(o);
  diag_free(d);
}

/* Another program rewrites the old file while the output is compared
   with it: what is written is what was fed, never the other's bytes. */
static void test_bytes_are_never_copied_back_from_disk(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct output_file *f;

  (void)state;
  put_file("fed.c", "same prefix, old tail\n");
  f = output_begin(o, in_dir("fed.c"), d);
  assert_non_null(f);
  assert_int_equal(output_put(f, "same prefix, ", 13), 0);
  put_file("fed.c", "ZZZZ prefix, old tail\n"); /* in place: same inode */
  assert_int_equal(output_put(f, "new tail\n", 9), 0);
  assert_int_equal(output_end(f, d), 0);
  assert_int_equal(output_commit(o, NULL, NULL, d), 1);
  assert_true(holds("fed.c", "same prefix, new tail\n"));
  output_free(o);
  diag_free(d);
}

/* The old file changes while it is compared (another program writes it
   in place): the bytes read may mix two versions, so the file is written
   anew from what was fed, never judged current. */
static void test_old_file_changed_while_compared_is_rewritten(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct output_file *f;
  const struct timeval later[2] = {{2000000000, 0}, {2000000000, 0}};

  (void)state;
  put_file("torn.c", "first half, second half\n");
  f = output_begin(o, in_dir("torn.c"), d);
  assert_non_null(f);
  assert_int_equal(output_put(f, "first half, second half\n", 24), 0);
  put_file("torn.c", "first half, second half\n");      /* the same bytes, */
  assert_int_equal(utimes(in_dir("torn.c"), later), 0); /* a new time */
  assert_int_equal(output_end(f, d), 0);
  assert_int_equal(output_commit(o, NULL, NULL, d), 1);
  assert_true(holds("torn.c", "first half, second half\n"));
  output_free(o);
  diag_free(d);
}

/* A name as long as the file system takes (255 bytes) is written: the
   temporary's name does not grow with it. */
static void test_longest_name_is_written(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  char name[256];

  (void)state;
  memset(name, 'n', 255);
  name[255] = '\0';
  assert_int_equal(output_add(o, in_dir(name), "long\n", 5, d), 0);
  assert_int_equal(output_commit(o, NULL, NULL, d), 1);
  assert_true(holds(name, "long\n"));
  output_free(o);
  diag_free(d);
}

/* An old output that was set-id, or a link to a set-id file or a device,
   gives way to a file of mode 0666 less the umask; a link's target is
   never written. */
static void test_mode_is_never_taken_from_what_was_there(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct stat st;
  mode_t old = umask(022);

  (void)state;
  put_file("suid.h", "old\n");
  assert_int_equal(chmod(in_dir("suid.h"), 06777), 0);
  put_file("target", "target\n");
  assert_int_equal(chmod(in_dir("target"), 06777), 0);
  assert_int_equal(symlink("target", in_dir("link.h")), 0);
  assert_int_equal(symlink("/dev/null", in_dir("null.h")), 0);
  output_add(o, in_dir("suid.h"), "new\n", 4, d);
  output_add(o, in_dir("link.h"), "target\n", 7, d); /* equal: still a link */
  output_add(o, in_dir("null.h"), "", 0, d);
  assert_int_equal(output_commit(o, NULL, NULL, d), 3);
  assert_int_equal(lstat(in_dir("suid.h"), &st), 0);
  assert_int_equal(st.st_mode & 07777, 0644);
  assert_int_equal(lstat(in_dir("link.h"), &st), 0);
  assert_true(S_ISREG(st.st_mode));
  assert_int_equal(st.st_mode & 07777, 0644);
  assert_int_equal(lstat(in_dir("null.h"), &st), 0);
  assert_true(S_ISREG(st.st_mode));
  assert_int_equal(st.st_mode & 07777, 0644);
  assert_int_equal(stat(in_dir("target"), &st), 0);
  assert_int_equal(st.st_mode & 07777, 06777);
  assert_true(holds("target", "target\n"));
  umask(old);
  output_free(o);
  diag_free(d);
}

/* An output that is a FIFO (or a device) is refused at once, never opened
   to block, in check mode too. */
static void test_special_file_in_the_way_is_refused(void **state)
{
  struct diag *d = diag_new();
  struct buf want = BUF_INIT;
  int check;

  (void)state;
  assert_int_equal(mkfifo(in_dir("pipe.h"), 0666), 0);
  alarm(10); /* a hang fails the test */
  for (check = 0; check < 2; check++) {
    struct output *o = output_new(check, 0);

    assert_null(output_begin(o, in_dir("pipe.h"), d));
    output_free(o);
  }
  alarm(0);
  buf_printf(&want,
             "%s: error: cannot replace: it is a FIFO, not a regular "
             "file",
             in_dir("pipe.h"));
  assert_int_equal(diag_count(d), 2);
  assert_string_equal(diag_message(d, 0), want.data);
  buf_free(&want);
  diag_free(d);
}

/* No output is an input (same name, hard link, or an input that is a
   link to it), and no file is begun twice under two names. */
static void test_inputs_and_twins_are_refused(void **state)
{
  struct output *o = output_new(0, 0);
  struct diag *d = diag_new();
  struct buf want = BUF_INIT;
  const char *inputs[3];
  size_t i;

  (void)state;
  put_file("spec.yaml", "name: x\n");
  assert_int_equal(link(in_dir("spec.yaml"), in_dir("hard.h")), 0);
  put_file("x.h", "x\n");
  assert_int_equal(symlink("x.h", in_dir("tpl.mustache")), 0);
  inputs[0] = strdup(in_dir("spec.yaml")); /* in_dir's buffers rotate */
  inputs[1] = strdup(in_dir("tpl.mustache"));
  inputs[2] = strdup(in_dir("absent"));
  output_add(o, in_dir("hard.h"), "y\n", 2, d);
  output_add(o, in_dir("x.h"), "y\n", 2, d);
  assert_int_equal(output_refuse_inputs(o, inputs, 3, d), -1);
  assert_int_equal(diag_count(d), 2);
  buf_printf(&want, "%s: error: would overwrite the input '%s'",
             in_dir("hard.h"), inputs[0]);
  assert_string_equal(diag_message(d, 0), want.data);
  buf_clear(&want);
  buf_printf(&want, "%s: error: would overwrite the input '%s'", in_dir("x.h"),
             inputs[1]);
  assert_string_equal(diag_message(d, 1), want.data);
  buf_clear(&want);
  buf_printf(&want, "%s/./x.h", dir);
  assert_null(output_begin(o, want.data, d));
  assert_int_equal(diag_count(d), 3);
  buf_free(&want);
  output_free(o);
  diag_free(d);
  assert_true(holds("spec.yaml", "name: x\n"));
  for (i = 0; i < 3; i++)
    free((char *)inputs[i]);
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

/* What GNU make would misread is escaped ('%' only where it would make
   a pattern rule), or refused when make has no escape for it. */
static void test_make_rule_escapes_or_refuses(void **state)
{
  static const char *const targets[] = {"o/a:b%c*d?e[f].h"};
  static const char *const deps[] = {"s/a:b%c.yaml"};
  static const char *const bad[] = {"a;b", "a=b",  "a\\b", "a(b)",
                                    "a|b", "a\nb", ""};
  struct buf b = BUF_INIT;
  const char *which = NULL;
  size_t i;

  (void)state;
  assert_int_equal(output_make_rule(&b, targets, 1, deps, 1, &which), 0);
  assert_string_equal(b.data, "o/a\\:b\\%c\\*d\\?e\\[f].h: \\\n"
                              "  s/a\\:b%c.yaml\n");
  for (i = 0; i < sizeof bad / sizeof *bad; i++) {
    buf_clear(&b);
    which = NULL;
    assert_int_equal(output_make_rule(&b, targets, 1, &bad[i], 1, &which), -1);
    assert_ptr_equal(which, bad[i]);
    assert_int_equal(b.len, 0);
  }
  buf_free(&b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_writes_only_changed_files, make_dir,
                                      remove_dir),
      cmocka_unit_test_setup_teardown(
          test_check_reports_stale_and_writes_nothing, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_full_disk_changes_nothing, make_dir,
                                      remove_dir),
      cmocka_unit_test_setup_teardown(test_missing_folder_and_folder_in_the_way,
                                      make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_new_file_mode_follows_umask,
                                      make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_long_equal_prefix, make_dir,
                                      remove_dir),
      cmocka_unit_test_setup_teardown(test_fed_in_pieces, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(
          test_failed_commit_step_puts_every_file_back, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(
          test_killed_commit_is_rolled_back_by_the_next_run, make_dir,
          remove_dir),
      cmocka_unit_test_setup_teardown(test_leftovers_of_dead_runs_are_removed,
                                      make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(
          test_bytes_are_never_copied_back_from_disk, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(
          test_old_file_changed_while_compared_is_rewritten, make_dir,
          remove_dir),
      cmocka_unit_test_setup_teardown(test_longest_name_is_written, make_dir,
                                      remove_dir),
      cmocka_unit_test_setup_teardown(
          test_mode_is_never_taken_from_what_was_there, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_special_file_in_the_way_is_refused,
                                      make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_inputs_and_twins_are_refused,
                                      make_dir, remove_dir),
      cmocka_unit_test(test_make_rule),
      cmocka_unit_test(test_make_rule_escapes_or_refuses),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
